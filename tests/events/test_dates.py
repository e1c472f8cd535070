"""Event dates through the real model: an item's heading date, and a clause's own date."""

from __future__ import annotations

from typing import Any

import pytest
from tests.helpers import events_of

from kronika.events.extract import extract_article
from kronika.model import Article
from kronika.settings import Settings

pytestmark = pytest.mark.model


def _dates(nlp: Any, text: str, kind: str = "ATTACK") -> list[str | None]:
    article = Article(external_id="t", input_hash="", part=0, text=text, published="2021-01-01")
    result = extract_article(nlp(text), article, Settings())
    return [e.date for e in result.events if e.type == kind]


@pytest.mark.parametrize(
    "text,date",
    [
        ("07/02/2013: Gunmen attacked a bus near Mastung, killing five.", "2013-07-02"),
        ("14 March 2012: A bomb exploded at a bus station in Kano, killing four.", "2012-03-14"),
        (
            "March 14, 2012: Militants ambushed a convoy near Gao, killing two soldiers.",
            "2012-03-14",
        ),
        (
            "11/21/2009: Police officers were guarding a checkpoint in Tal Afar. "
            "An explosive device detonated beside it, killing two officers.",
            "2009-11-21",
        ),
    ],
)
def test_an_items_heading_date_dates_every_act_it_tells(nlp: Any, text: str, date: str) -> None:
    assert _dates(nlp, text) == [date]


def test_a_heading_date_is_read_in_the_order_the_report_s_date_allows(nlp: Any) -> None:
    # a report of 10 March 2021: "06/03/2021" is the 6th of March, not a June to come
    text = "06/03/2021 — A car bomb exploded near a market in Azaz, killing seven."
    article = Article(external_id="t", input_hash="", part=0, text=text, published="2021-03-10")
    result = extract_article(nlp(text), article, Settings())
    assert [e.date for e in result.events if e.type == "ATTACK"] == ["2021-03-06"]


def test_a_clause_with_its_own_date_keeps_it_under_a_heading(nlp: Any) -> None:
    text = (
        "02/28/2018: Gunmen abducted two engineers from a site in Zamfara. "
        "The engineers were released on March 4."
    )
    assert _dates(nlp, text, "RELEASE") == ["2018-03-04"]


@pytest.mark.parametrize(
    "text,kind,date",
    [
        # a date inside the people a clause is about describes them, not the arrest
        (
            "Those detained on Monday include the group's leader at the time of the 2009 "
            "bombings, Karim Usmonov.",
            "ARREST",
            "2020-12-28",
        ),
        # the crime's date is not the verdict's, which is the article's news
        (
            "Nodir Saidov was found guilty of planning the 2016 attack on a bank in Khujand.",
            "SENTENCE",
            "2021-01-01",
        ),
        # an aside about the act is no date of it
        (
            "The car bomb, the third in the city this year, killed two customs officers in "
            "Mogadishu.",
            "ATTACK",
            "2021-01-01",
        ),
        # nor is the verdict's date the crime's
        (
            "On 2 April a court in Osh jailed three men for the killing of a police officer.",
            "ATTACK",
            None,
        ),
    ],
)
def test_a_date_describing_a_participant_or_crime_does_not_date_the_event(
    nlp: Any, text: str, kind: str, date: str | None
) -> None:
    assert _dates(nlp, text, kind) == [date]


@pytest.mark.parametrize(
    "text,date",
    [
        # the bombing only says who the men are: neither the saying's day nor the news's
        (
            "Four men suspected of involvement in the bombing of a mosque in Kabul have been "
            "detained, police said on Monday.",
            None,
        ),
        (
            "A man charged over the shooting of a judge in Osh has been arrested, officials "
            "said Friday.",
            None,
        ),
        # "responsibility" is no one: the attack it is claimed for is the news
        (
            "The Taliban have claimed responsibility for an attack on a bus in Kabul on Sunday "
            "that killed 24 people.",
            "2020-12-27",
        ),
    ],
)
def test_an_attack_told_to_describe_people_takes_no_date_from_their_clause(
    nlp: Any, text: str, date: str | None
) -> None:
    assert _dates(nlp, text)[:1] == [date]


@pytest.mark.parametrize(
    "text,date",
    [
        (
            "The three are accused of raiding a pharmacy in Karakol on August 9, when a burst "
            "of gunfire wounded a cashier.",
            "2020-08-09",
        ),
        (
            "Two brothers were convicted of holding up a bank in Osh on 4 May 2018, when a "
            "gunfight wounded two guards.",
            "2018-05-04",
        ),
    ],
)
def test_an_act_told_inside_the_crime_s_own_words_takes_the_crime_s_date(
    nlp: Any, text: str, date: str
) -> None:
    # the shooting happened "when" the charged raid did: same day
    assert _dates(nlp, text) == [date]


def test_an_act_told_days_before_another_takes_neither_its_date_nor_the_news_s(nlp: Any) -> None:
    # the model runs "Sunday, days" into one date; the strike is another day's act
    text = (
        "Gunmen attacked a checkpoint near Khost on Sunday, days after a drone strike killed "
        "four villagers."
    )
    assert _dates(nlp, text) == ["2020-12-27", None]


def test_an_act_told_right_before_another_is_the_same_night_s_news(nlp: Any) -> None:
    text = (
        "Nearly 1,000 prisoners escaped from a prison in Kaduna after militants blasted its gates."
    )
    assert _dates(nlp, text) == ["2021-01-01"]
    assert _dates(nlp, text, "ESCAPE") == ["2021-01-01"]


def test_a_report_made_at_the_time_is_not_the_article_s_news(nlp: Any) -> None:
    text = "Officials said at the time that 12 people were killed in the clashes in Khorog."
    assert _dates(nlp, text) == [None]
    text = "Officials said on Tuesday that 12 people were killed in the clashes in Khorog."
    assert _dates(nlp, text) == ["2020-12-29"]


def test_a_report_made_at_the_time_takes_the_time_told_before_it(nlp: Any) -> None:
    text = (
        "The crackdown in the region began in 2019 after protests in March that year were "
        "broken up.\n\nOfficials said at the time that 12 people were killed in the clashes."
    )
    assert _dates(nlp, text) == ["2019-03"]


#: An article's top, so that what follows is not its news.
_LEAD = (
    "Court jails three men\n\nA court in Bishkek has jailed three men for terrorism. "
    "Their lawyers said they would appeal.\n\n"
)


@pytest.mark.parametrize(
    "text,date",
    [
        # a date fronted in the paragraph sets the time of the story told after it
        (
            "On May 9, 2016 two men carried a suitcase into the Osh bus station. "
            "The blast killed four people and wounded 30.",
            "2016-05-09",
        ),
        (
            "In March 2011, a convoy left the base at dawn. "
            "Gunmen ambushed it on the road to Gao, killing six soldiers.",
            "2011-03",
        ),
        # a story moved on ("then", "later") is not at the time told before
        (
            "In 2014, the court banned the movement. Its members then attacked a police "
            "station in Osh.",
            None,
        ),
        # a date in another paragraph does not reach over
        (
            "On May 9, 2016 two men carried a suitcase into the Osh bus station.\n\n"
            "The blast killed four people and wounded 30.",
            None,
        ),
    ],
)
def test_a_date_fronted_earlier_in_the_paragraph_sets_the_scene(
    nlp: Any, text: str, date: str | None
) -> None:
    assert _dates(nlp, _LEAD + text) == [date]


@pytest.mark.parametrize(
    "text,kind,date",
    [
        # counted from the day told earlier in the sentence
        (
            "Police were searching the city yesterday for inmates who escaped from a jail "
            "the previous evening.",
            "ESCAPE",
            "2020-12-30",
        ),
        # counted from the day told before in the paragraph
        (
            "On March 3, 2015 gunmen attacked a checkpoint in Khorog. Three days later "
            "militants stormed a police station in Rasht.",
            "ATTACK",
            "2015-03-06",
        ),
        (
            "Police arrested Karim Saidov in Osh on May 3, 2019. Militants had attacked a "
            "police station in the town the day before.",
            "ATTACK",
            "2019-05-02",
        ),
        # "after" the act told before, as "later"
        (
            "Gunmen attacked a police post in Bannu on 4 March 2021, killing three officers. "
            "Three days after the attack, police arrested two suspects in Karachi.",
            "ARREST",
            "2021-03-07",
        ),
        # "that day": the day told last, even in the paragraph before
        (
            "The group suffered a major blow on June 10.\n\nPolice that day detained four "
            "suspected members in Osh.",
            "ARREST",
            "2020-06-10",
        ),
    ],
)
def test_days_counted_from_the_date_told_before(nlp: Any, text: str, kind: str, date: str) -> None:
    assert date in _dates(nlp, text, kind)


def test_a_yearless_day_takes_the_year_told_in_its_sentence(nlp: Any) -> None:
    text = (
        "Police arrested Karim Saidov on October 9 but a court freed him on October 11, 2014, "
        "his lawyer said."
    )
    assert _dates(nlp, text, "ARREST") == ["2014-10-09"]


@pytest.mark.parametrize(
    "text,dates",
    [
        # the verdict told in the lead goes on in the plain past: the others share its day
        (
            "Court jails activists\n\nA court in Khujand on Tuesday jailed Ali Valiev for ten "
            "years. His lawyer said he would appeal.\n\nThe court heard that he had posted "
            "videos online.\n\nTwo other defendants, Umed Saidov and Farrukh Nazarov, were "
            "sentenced to eight years each.",
            ["2020-12-29", "2020-12-29"],
        ),
        # told as before the story ("previously", "had been"), a verdict keeps no date
        (
            "Court jails activists\n\nA court in Khujand on Tuesday jailed Ali Valiev for ten "
            "years. His lawyer said he would appeal.\n\nThe court heard that he had posted "
            "videos online.\n\nHis cousin Umed Saidov was previously sentenced to eight years.",
            ["2020-12-29", None],
        ),
        # a paragraph that tells its own time is not the article's day
        (
            "Court jails activists\n\nA court in Khujand on Tuesday jailed Ali Valiev for ten "
            "years. His lawyer said he would appeal.\n\nThe court heard that he had posted "
            "videos online.\n\nHe began recruiting for the group in 2014. Two of his recruits "
            "were detained and sentenced to eight years.",
            ["2020-12-29", None],
        ),
    ],
)
def test_a_verdict_told_on_in_the_plain_past_shares_the_news_day(
    nlp: Any, text: str, dates: list[str | None]
) -> None:
    assert _dates(nlp, text, "SENTENCE") == dates


@pytest.mark.parametrize(
    "text,date",
    [
        # "the attack" is the one told before with its year ("a deadly 2016 attack")
        (
            "They had planned a deadly 2016 attack outside a stadium in Istanbul.\n\n"
            "Forty-seven people were killed in the attack near the stadium.",
            "2016",
        ),
        (
            "They were tried over the May 2014 attack on a border post.\n\n"
            "Nine guards were killed in the attack.",
            "2014-05",
        ),
        # the act named last before was told with no date: none is borrowed from further up
        (
            "They were tried over the attack on a border post in May 2014 and over another "
            "attack on a bus.\n\nNine passengers were killed in the attack.",
            None,
        ),
    ],
)
def test_a_definite_act_takes_the_date_it_was_told_with_before(
    nlp: Any, text: str, date: str | None
) -> None:
    assert _dates(nlp, _LEAD + text)[-1:] == [date]


@pytest.mark.parametrize(
    "text,date",
    [
        # the next step of a story told straight after its dated sentence
        (
            "Relatives of the men picketed the prosecutor's office in Osh on March 9. "
            "Police detained some of the women.",
            "2020-03-09",
        ),
        # a new paragraph, a span of its own, or a story moved on: not that day
        (
            "Relatives of the men picketed the prosecutor's office in Osh on March 9.\n\n"
            "Police detained some of the women.",
            None,
        ),
        (
            "Relatives of the men picketed the prosecutor's office in Osh on March 9. "
            "Over the next two months police detained some of the women.",
            None,
        ),
        (
            "Relatives of the men picketed the prosecutor's office in Osh on March 9. "
            "Police later detained some of the women.",
            None,
        ),
    ],
)
def test_the_next_step_of_a_dated_story_is_on_its_day(
    nlp: Any, text: str, date: str | None
) -> None:
    assert _dates(nlp, _LEAD + text, "ARREST") == [date]


def test_a_count_that_looks_like_a_year_is_no_date(nlp: Any) -> None:
    text = "Police detained more than 1900 protesters in Osh on Monday."
    assert _dates(nlp, text, "ARREST") == ["2020-12-28"]


def test_a_verdict_told_by_its_report_and_then_with_its_day_is_one_of_that_day(nlp: Any) -> None:
    text = (
        "Activists jailed\n\nAli Valiev and Umed Saidov have been sentenced to five years in "
        "prison, court officials said on Friday.\n\nAli Valiev and Umed Saidov were convicted "
        "on Tuesday in Osh on charges of extremism."
    )
    assert _dates(nlp, text, "SENTENCE") == ["2020-12-29"]


def test_a_crime_s_year_inside_the_verdict_s_for_phrase_does_not_date_the_verdict(
    nlp: Any,
) -> None:
    text = "A judge in Quetta on Monday awarded Noor Baloch 14 years in prison for a 2016 bombing."
    assert _dates(nlp, text, "SENTENCE") == ["2020-12-28"]


@pytest.mark.parametrize(
    "text,kind,date",
    [
        # the model runs the day into the term told after it
        ("Rustam Aliev was sentenced on Monday to 14 years in prison.", "SENTENCE", "2020-12-28"),
        # a term from one number to another is no date at all
        ("Five other members were sentenced from six to 10 years.", "SENTENCE", "2021-01-01"),
        (
            "Police detained six suspected militants over the weekend in Garissa.",
            "ARREST",
            "2020-12-26",
        ),
    ],
)
def test_a_day_run_into_what_follows_it_is_read_alone(
    nlp: Any, text: str, kind: str, date: str
) -> None:
    assert _dates(nlp, text, kind) == [date]


@pytest.mark.parametrize(
    "text,date",
    [
        # the dateline's date is the report's: the day told in the lead is the act's
        (
            "KANDAHAR, Jan 1 (AP) - Gunmen ambushed a police convoy near Spin Boldak on "
            "Tuesday, killing four officers, officials said.",
            "2020-12-29",
        ),
        # with no other day told, the dateline's date still dates the act
        (
            "KANDAHAR, Dec 30 (AP) - Gunmen ambushed a police convoy near Spin Boldak, "
            "killing four officers, officials said.",
            "2020-12-30",
        ),
        # a day with its time of day, which the model tags as a time, not a date
        (
            "Militants attacked a border post near Isfara on Sunday night, killing a guard.",
            "2020-12-27",
        ),
        (
            "Gunmen attacked a checkpoint outside Khorog late Saturday, killing two officers.",
            "2020-12-26",
        ),
        (
            "A bomb exploded at a bus stop in Quetta early Tuesday, killing three people.",
            "2020-12-29",
        ),
    ],
)
def test_the_day_an_act_is_told_on_beats_the_dateline_and_keeps_its_time_of_day(
    nlp: Any, text: str, date: str
) -> None:
    assert _dates(nlp, text) == [date]


@pytest.mark.parametrize(
    "text,date",
    [
        # an incident item headed by a dotted date, day first
        (
            "05.03.2016: Gunmen attacked a checkpoint near Arish, killing two soldiers.",
            "2016-03-05",
        ),
        # the day the model leaves outside a day-month-year date
        (
            "In the early hours of 9 August 2018, militants attacked a post in Diffa, killing "
            "four soldiers.",
            "2018-08-09",
        ),
        (
            "On the night of 22 May 2017, gunmen stormed a village near Djibo, killing six.",
            "2017-05-22",
        ),
    ],
)
def test_a_day_first_date_is_read_whole(nlp: Any, text: str, date: str) -> None:
    assert _dates(nlp, text) == [date]


@pytest.mark.parametrize(
    "text,kind,date",
    [
        # the act's own day told after the day of the report
        (
            "The Khujand city court has jailed blogger Firdavs Odinaev for seven years, his "
            "brother said on Friday. The verdict was handed down on Tuesday.",
            "SENTENCE",
            "2021-01-12",
        ),
        (
            "Police in Shymkent have detained activist Marat Aliev, his wife said on Thursday. "
            "Aliev was taken from his home on Monday night.",
            "ARREST",
            "2021-01-11",
        ),
        (
            "Poland has deported a Tajik opposition member to Tajikistan, a rights group said "
            "on Friday. Saidmumin Rahmonov was put on a plane to Dushanbe on Wednesday.",
            "EXTRADITION",
            "2021-01-13",
        ),
    ],
)
def test_a_later_sentence_gives_the_acts_own_day(nlp: Any, text: str, kind: str, date: str) -> None:
    article = Article(external_id="t", input_hash="", part=0, text=text, published="2021-01-16")
    result = extract_article(nlp(text), article, Settings())
    assert [e.date for e in result.events if e.type == kind] == [date]


@pytest.mark.parametrize(
    "text",
    [
        "Zafar Odinaev was sentenced to 12 years for joining the group in 2014.",
        "Zafar Odinaev was sentenced to 12 years for attacking a checkpoint in 2014.",
        "Police detained Zafar Odinaev for his role in the riots in 2014.",
    ],
)
def test_the_date_of_what_a_verdict_is_for_is_not_the_verdicts(nlp: Any, text: str) -> None:
    article = Article(external_id="t", input_hash="", part=0, text=text, published="2022-05-05")
    result = extract_article(nlp(text), article, Settings())
    assert [e.date for e in result.events if e.type in ("SENTENCE", "ARREST")] == ["2022-05-05"]


@pytest.mark.parametrize(
    ("text", "kind", "date"),
    [
        # a timeline tells its items in the present, under a date
        (
            "Timeline:\n\nJanuary 2017 - The Supreme Court declares the group Tablighi Jamaat "
            "extremist and bans its activities.",
            "BAN",
            "2017-01",
        ),
        (
            "Timeline:\n\nNovember 2019 - A Bishkek district court jails ten members of the "
            "group for between three and eight years.",
            "SENTENCE",
            "2019-11",
        ),
        (
            "Timeline:\n\n6 October 2020 - At least 30 inmates break out of a prison colony "
            "near Bishkek.",
            "ESCAPE",
            "2020-10-06",
        ),
        # the items of a list, each under its date; a present the model read as a noun
        (
            "What happened next:\n- 3 May 2021: Officers detain four imams in Isfara.\n"
            "- 9 November 2021: The regional court sentences Davron Sharipov to seven years.",
            "SENTENCE",
            "2021-11-09",
        ),
        # a record's labelled date field
        (
            "Date: 4 May 2018. Location: Jalalabad, Nangarhar, Afghanistan. Summary: A "
            "suicide bomber blew himself up at a checkpoint, killing three guards.",
            "ATTACK",
            "2018-05-04",
        ),
        (
            "Key dates\n• 3 May 2021 - Officers detain four imams in Isfara.\n"
            "• 9 November 2021 - The regional court sentences Davron Sharipov to seven years.",
            "ARREST",
            "2021-05-03",
        ),
    ],
)
def test_a_timeline_item_in_the_present_is_an_act_on_its_date(
    nlp: Any, text: str, kind: str, date: str
) -> None:
    assert _dates(nlp, text, kind) == [date]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The Supreme Court bans such groups at the request of prosecutors.", "BAN"),
        # a year alone does not date a present as one act
        ("Since 2016, police arrest dozens of its members every year.", "ARREST"),
        (
            "In 2019 the government passed a law under which police detain anyone who joins.",
            "ARREST",
        ),
    ],
)
def test_the_present_without_a_heading_or_a_full_date_is_a_habit(
    nlp: Any, text: str, kind: str
) -> None:
    assert _dates(nlp, text, kind) == []


def test_days_later_count_from_the_day_told_before_without_its_year(nlp: Any) -> None:
    text = (
        "On 18 February, the president pardoned 620 prisoners. The list included Aman "
        "Orazov, who was freed from the labour camp in Seydi three days later."
    )
    freed = [
        e
        for e in events_of(nlp, text, "2022-02-25")
        if e.type == "RELEASE" and e.args.get("person")
    ]
    assert [(e.args["person"], e.date) for e in freed] == [(["Aman Orazov"], "2022-02-21")]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # a chronicle told in the present, its date in the sentence
        (
            "Armed men attack the police station in Dori on 5 August 2019, killing four.",
            "2019-08-05",
        ),
        (
            "A suicide bomber attacks a funeral tent in Tarmiyah on 2 February 2017, killing "
            "eight mourners.",
            "2017-02-02",
        ),
    ],
)
def test_a_present_told_with_a_full_date_is_an_act(nlp: Any, text: str, date: str) -> None:
    assert _dates(nlp, text) == [date]


def test_a_bulletin_s_day_headings_date_their_items(nlp: Any) -> None:
    text = (
        "WEEKLY MONITORING BULLETIN\n\n"
        "17 June. Officers of the security service detained the blogger Aziz Toktorov at his "
        "home in Osh.\n\n"
        "21 June. Nurlan Sadykov walked free from the city's temporary detention facility."
    )
    events = events_of(nlp, text, "2021-06-24")
    assert sorted((e.type, e.date) for e in events) == [
        ("ARREST", "2021-06-17"),
        ("RELEASE", "2021-06-21"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Kamol Ergashev, born 1985, was jailed for five years.",
        "Kamol Ergashev (born in 1985) was jailed for five years.",
    ],
)
def test_a_birth_year_does_not_date_the_act(nlp: Any, text: str) -> None:
    assert _dates(nlp, text, "SENTENCE") != ["1985"]


@pytest.mark.parametrize(
    ("text", "kind", "date"),
    [
        (
            "Karim Usmonov was arrested in 2015 and jailed the following year for six years.",
            "SENTENCE",
            "2016",
        ),
        (
            "Farid Aliev was detained in Osh in March 2014. Two years later he was sentenced "
            "to nine years.",
            "SENTENCE",
            "2016",
        ),
        (
            "The group was banned in 2012. The previous year, police had detained its leader, "
            "Ulan Toktogulov.",
            "ARREST",
            "2011",
        ),
    ],
)
def test_years_counted_from_the_year_told_before(nlp: Any, text: str, kind: str, date: str) -> None:
    assert _dates(nlp, text, kind) == [date]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # a time of the report's day, which the model tags as TIME
        ("A bomb exploded outside a police station in Kunduz this morning, wounding four.",
         "2021-01-01"),
        ("Gunmen attacked a checkpoint near Ghazni last night, killing two soldiers.",
         "2020-12-31"),
    ],
)  # fmt: skip
def test_a_time_of_the_report_s_day_dates_the_act(nlp: Any, text: str, date: str) -> None:
    assert _dates(nlp, text) == [date]


def test_how_often_is_not_when(nlp: Any) -> None:
    text = "On 9 March 2018, gunmen attacked the weekly cattle market in Zaria, killing four."
    assert _dates(nlp, text) == ["2018-03-09"]


def test_the_day_a_group_claims_an_attack_is_not_the_attack_s(nlp: Any) -> None:
    text = (
        "A suicide bomber killed nine people at a checkpoint near Mogadishu on Saturday. "
        "Al-Shabaab claimed responsibility for the bombing on Sunday."
    )
    attacks = [e for e in events_of(nlp, text, "2020-06-10") if e.type == "ATTACK"]
    assert [(e.date, e.args.get("perpetrator")) for e in attacks] == [
        ("2020-06-06", ["al-Shabaab"])
    ]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # the act's instrument is dated by the clause that says when it was made
        (
            "Aziz Qodirov and Ilhom Saidov were pardoned by a decree that the president "
            "signed on 29 August.",
            "2020-08-29",
        ),
        ("Two activists were freed under an amnesty law that parliament adopted in 2016.", "2016"),
        # (a law outlives the day it was made)
        (
            "Karimov, jailed in 2010 under a law that was passed in 1998, was freed in June.",
            "2020-06",
        ),
    ],
)
def test_a_release_by_a_decree_takes_the_decree_s_date(nlp: Any, text: str, date: str) -> None:
    article = Article(external_id="t", input_hash="", part=0, text=text, published="2020-09-15")
    result = extract_article(nlp(text), article, Settings())
    assert [e.date for e in result.events if e.type == "RELEASE"] == [date]


def test_a_clause_told_as_going_on_at_the_time_dates_the_act(nlp: Any) -> None:
    text = (
        "Rustam Nazarov admitted that he had joined Islamic State while working in Turkey in 2015."
    )
    assert _dates(nlp, text, "JOIN") == ["2015"]


def test_a_day_and_month_the_model_left_untagged_dates_the_act(nlp: Any) -> None:
    text = "In the early hours of 12 May, gunmen stormed a hotel on the beach in Mogadishu."
    assert _dates(nlp, text) == ["2020-05-12"]


def test_the_year_of_the_act_a_verdict_is_over_does_not_date_the_verdict(nlp: Any) -> None:
    from kronika.events.dates import event_date

    doc = nlp("A military court handed down life sentences to two men over the 2018 attack.")
    trigger = next(t for t in doc if t.text == "handed")
    assert event_date(trigger.sent, trigger, None) is None


def test_a_verdict_under_a_decree_is_not_dated_by_the_decree(nlp: Any) -> None:
    text = "The court jailed Saidov for nine years under a decree that was issued in 1998."
    assert _dates(nlp, text, "SENTENCE") == ["2021-01-01"]


def test_a_verdict_under_a_decree_told_by_a_participle_is_not_dated_by_it(nlp: Any) -> None:
    text = "The court jailed Saidov for nine years under a presidential decree issued in 1998."
    assert _dates(nlp, text, "SENTENCE") == ["2021-01-01"]


def test_russian_days_after_count_from_the_day_told_before() -> None:
    from kronika.events.running import in_context
    from kronika.normalize.dates import normalize_date

    assert in_context(normalize_date, "через два дня", "2021-06-28", "2021-06-10") == "2021-06-12"
    assert in_context(normalize_date, "спустя неделю", "2021-06-28", "2021-06-10") == "2021-06-17"
    # after a month alone, only the month is sure
    assert in_context(normalize_date, "через два дня", "2021-06-28", "2021-06") == "2021-06"


@pytest.mark.model
def test_a_live_page_entry_is_the_day_s_news(nlp: Any) -> None:
    text = (
        "LIVE: Latest updates from Bannu\n\n"
        "Frontier Daily live desk | Thursday, August 10, 2023\n\n"
        "09:12 - Rescue vehicles are heading to the scene.\n\n"
        '10:05 - "The attacker was on foot and blew himself up near the main gate," an '
        "officer tells our reporter."
    )
    attacks = [e for e in events_of(nlp, text, "2023-08-10") if e.type == "ATTACK"]
    assert attacks and all(e.date == "2023-08-10" for e in attacks)


@pytest.mark.model
def test_a_date_in_brackets_before_a_comma_dates_the_act(nlp: Any) -> None:
    # the parser ends a sentence after the bracket; one opening on a comma is glued back
    text = (
        "SAHEL SECURITY WEEKLY | 11-17 May 2024\n\nMALI\n- Late on Sunday (12 May), "
        "unidentified gunmen shot dead the imam of Dialloube, a village in the Mopti region, "
        "as he left the mosque."
    )
    attacks = [e for e in events_of(nlp, text, "2024-05-18") if e.type == "ATTACK"]
    assert [(e.date, e.location.name if e.location else None) for e in attacks] == [
        ("2024-05-12", "Dialloube")
    ]


@pytest.mark.parametrize(
    "text,date",
    [
        # what a group is, told by a clause about it: no day's news
        ("Police detained two members of Hizb ut-Tahrir, a group banned in Russia.", None),
        ("Police detained two members of Hizb ut-Tahrir, which is banned in Russia.", None),
        ("Police detained two members of Hizb ut-Tahrir, which was banned in Russia.", None),
        # done before, on no day told
        ("Kazakhstan has already banned Hizb ut-Tahrir and the Taliban.", None),
        # a ban told as news keeps the day of the report; a clause with its year keeps it
        ("Kazakhstan has banned the group Tablighi Jamaat as extremist.", "2021-01-01"),
        ("Police detained two members of Hizb ut-Tahrir, which was banned in 2003.", "2003"),
    ],
)
def test_a_ban_told_to_say_what_a_group_is_takes_no_news_date(
    nlp: Any, text: str, date: str | None
) -> None:
    assert _dates(nlp, text, "BAN") == [date]


def test_days_counted_after_an_act_never_pass_the_report(nlp: Any) -> None:
    # the act counted from is told only by its noun: no day after the report's
    text = "Two days after the attack, police arrested four suspects in Almaty."
    assert _dates(nlp, text, "ARREST") == ["2021-01-01"]
    # the act the clause tells is the one counted from: that many days before
    text = "Ilyos Mirzaev was recaptured in Tursunzoda two days after he fled custody in Dushanbe."
    assert _dates(nlp, text, "ESCAPE") == ["2020-12-30"]
