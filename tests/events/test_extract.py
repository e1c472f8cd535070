"""extract_article on invented articles through the real model."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.helpers import events_of

from kronika.events.extract import extract_article
from kronika.model import Article, ArticleResult, Event
from kronika.settings import Settings

pytestmark = pytest.mark.model


def _extract(nlp: Any, text: str, published: str | None = "2021-03-10") -> ArticleResult:
    article = Article(external_id="t", input_hash="", part=0, text=text, published=published)
    return extract_article(nlp(text), article, Settings())


def _of_type(nlp: Any, text: str, kind: str) -> list[Event]:
    return [e for e in _extract(nlp, text).events if e.type == kind]


def test_extract_article_fills_a_sentence_event(nlp: Any) -> None:
    text = (
        "The Sughd regional court sentenced Farrukh Nazarov to nine years in prison on March 3 "
        "on charges of extremism."
    )
    (event,) = _of_type(nlp, text, "SENTENCE")
    assert event.args["defendant"] == ["Farrukh Nazarov"]
    assert event.args["term_years"] == 9
    assert event.args["court"] == "Sughd regional court"
    assert event.args["charges"] == ["extremism"]
    assert event.date == "2021-03-03"
    assert event.evidence[0].text == text and event.evidence[0].start == 0
    assert 0 < event.confidence <= 1


def test_extract_article_merges_one_event_told_twice(nlp: Any) -> None:
    text = (
        "Police detained Rustam Aliev in Osh on Monday. "
        "Aliev was detained after a raid on his home, his lawyer said."
    )
    arrests = _of_type(nlp, text, "ARREST")
    assert len(arrests) == 1
    assert arrests[0].args["detainee"] == ["Rustam Aliev"]
    assert len(arrests[0].evidence) == 2


def test_extract_article_resolves_a_pronoun_to_the_full_name(nlp: Any) -> None:
    text = "Bakhtiyor Saidov led the cell for years. In 2019 he was arrested in Moscow."
    (event,) = _of_type(nlp, text, "ARREST")
    assert event.args["detainee"] == ["Bakhtiyor Saidov"]
    assert event.date == "2019"


def test_extract_article_keeps_unnamed_people_as_a_count(nlp: Any) -> None:
    text = "Twelve members of the group were sentenced to terms of up to eight years."
    (event,) = _of_type(nlp, text, "SENTENCE")
    assert event.args["defendant"] == [] and event.args["count"] == 12
    assert event.args["term_years"] == 8


@pytest.mark.parametrize(
    "text",
    [
        "Prosecutors demanded that Olim Karimov be sentenced to 15 years.",
        "His lawyers vowed to appeal the verdict.",
        "Officials said Olim Karimov was not arrested.",
    ],
)
def test_extract_article_skips_actions_not_done(nlp: Any, text: str) -> None:
    types = {e.type for e in _extract(nlp, text).events}
    assert not types & {"SENTENCE", "APPEAL", "ARREST"}


def test_extract_article_marks_a_contested_event(nlp: Any) -> None:
    text = "Anvar Tursunov was sentenced to ten years in prison. He denied the charges."
    (event,) = _of_type(nlp, text, "SENTENCE")
    assert "contested" in event.flags and "denied" in event.markers


def test_extract_article_reads_a_dated_incident_summary(nlp: Any) -> None:
    text = "05/14/2012: Gunmen attacked a police checkpoint in Khujand, killing three officers."
    (event,) = [e for e in _extract(nlp, text, None).events if e.type == "ATTACK"]
    assert event.args["killed"] == 3
    assert event.date == "2012-05-14"
    assert event.location is not None and event.location.name == "Khujand"


@pytest.mark.parametrize("text", ["", "   \n\n", "Nothing happened here."])
def test_extract_article_never_fails_on_empty_or_eventless_text(nlp: Any, text: str) -> None:
    assert _extract(nlp, text).events == ()


@pytest.mark.parametrize(
    "text,date",
    [
        ("Nurlan Abenov, who was arrested in 2019, was released on May 3.", "2021-05-03"),
        ("Several activists have been released since the president came to power in 2016.", None),
        ("A total of 300 convicts were pardoned under a decree signed on March 2.", "2021-03-02"),
    ],
)
def test_extract_article_dates_the_event_not_another_clause(
    nlp: Any, text: str, date: str | None
) -> None:
    (event,) = [e for e in _extract(nlp, text, "2021-06-01").events if e.type == "RELEASE"]
    assert event.date == date


def test_extract_article_merges_a_headline_into_its_story(nlp: Any) -> None:
    text = (
        "Court Jails Activist For Nine Years\n\n"
        "A court in Osh sentenced the activist Bolot Temirov to nine years in prison on Monday."
    )
    sentences = _of_type(nlp, text, "SENTENCE")
    assert len(sentences) == 1
    assert sentences[0].args["defendant"] == ["Bolot Temirov"]


def test_a_title_the_parser_cuts_at_its_comma_is_still_one_title(nlp: Any) -> None:
    # a title is written in the present, which in body text would be a habit
    text = "Russia Bans Islamic State, Al-Qaeda As Terrorist Groups"
    bans = _of_type(nlp, text, "BAN")
    assert bans and "Islamic State" in bans[0].args["organization"]


@pytest.mark.parametrize(
    ("text", "published", "kind", "expected"),
    [
        # a yearless date follows the year its paragraph tells, not publication
        (
            "The blogger Anvar Sobirov was released on May 3, 2016. "
            "Sobirov was shot dead by unknown gunmen in Almaty on June 9.",
            "2018-02-01",
            "ATTACK",
            "2016-06-09",
        ),
        # a fronted "that year" dates the clause after the colon
        (
            "The opposition party was banned in 2013. In May that year, police got their "
            "pretext: the rebel commander Davron Saidov staged an attack on a checkpoint "
            "in Khorog.",
            None,
            "ATTACK",
            "2013-05",
        ),
    ],
)
def test_extract_article_dates_from_context(
    nlp: Any, text: str, published: str | None, kind: str, expected: str
) -> None:
    dates = [e.date for e in _extract(nlp, text, published).events if e.type == kind]
    assert expected in dates


def test_extract_article_reads_names_set_off_by_a_comma(nlp: Any) -> None:
    text = (
        "In May 2019, the Osh City Court sentenced the brother of an exiled imam, "
        "Bakyt Tashiev, to eight years in prison."
    )
    (event,) = _of_type(nlp, text, "SENTENCE")
    assert event.args["defendant"] == ["Bakyt Tashiev"]
    assert event.args["term_years"] == 8


def test_extract_article_drops_a_vague_tally_of_attacks(nlp: Any) -> None:
    text = "The region has been the source of several attacks on Europe in recent decades."
    assert not _of_type(nlp, text, "ATTACK")


def test_extract_article_keeps_attacks_someone_carried_out(nlp: Any) -> None:
    text = "Police said Jamaat Ansarullah carried out several bomb attacks in Dushanbe in 2012."
    assert _of_type(nlp, text, "ATTACK")


def test_extract_article_joins_people_who_escaped_with_others(nlp: Any) -> None:
    text = (
        "12 inmates escaped from a prison in Osh on Sunday. "
        "Four other inmates escaped with them but were caught, officials said."
    )
    escapes = _of_type(nlp, text, "ESCAPE")
    assert len(escapes) == 1
    assert escapes[0].args.get("count") == 12


def test_extract_article_places_an_arrest_after_an_attack(nlp: Any) -> None:
    text = (
        "In April, gunmen attacked a police station in Khujand, killing three officers.\n\n"
        "Police killed two gunmen and arrested several others."
    )
    (arrest,) = _of_type(nlp, text, "ARREST")
    assert arrest.date == "2020-04"  # last April: the article is of March 2021
    assert arrest.location is not None and arrest.location.name == "Khujand"


def test_an_attack_after_a_ruling_takes_neither_its_date_nor_its_place(nlp: Any) -> None:
    text = (
        "The movement has been banned in Kazakhstan since May 3, 2015. Its members are "
        "accused of shooting at a police patrol in Aktobe, wounding two officers."
    )
    (attack,) = _of_type(nlp, text, "ATTACK")
    assert attack.date is None  # the ban's day is not the shooting's
    assert attack.location is not None and attack.location.name == "Aktobe"


@pytest.mark.parametrize(
    "text,place",
    [
        (
            "In 2009, Rustam Aliev was flown to Dushanbe, where he was convicted of "
            "attacking a police station in Kulob.",
            "Kulob",
        ),
        ("Rustam Aliev was found guilty in 2009 for murdering a judge.", None),
        ("In 2011, a court in Osh convicted Rustam Aliev of killing two guards.", None),
    ],
)
def test_the_act_a_verdict_is_for_is_neither_of_its_day_nor_of_its_place(
    nlp: Any, text: str, place: str | None
) -> None:
    (attack,) = _of_type(nlp, text, "ATTACK")
    assert attack.date is None
    assert (attack.location.name if attack.location else None) == place


def test_violence_named_again_in_the_next_sentence_takes_its_date(nlp: Any) -> None:
    text = (
        "Officials blamed the violence on deadly riots last November.\n\n"
        "At least 30 people died in a week of riots in the south."
    )
    (attack,) = _of_type(nlp, text, "ATTACK")
    assert attack.date == "2020-11"  # the article is of March 2021
    assert attack.args["killed"] == 30


def test_a_bare_noun_does_not_reach_past_the_sentence_before(nlp: Any) -> None:
    text = (
        "Deadly clashes broke out in Khorog last September. Officials met on Monday. "
        "The talks failed.\n\nMore than 50 people were killed in clashes in Osh."
    )
    (attack,) = [a for a in _of_type(nlp, text, "ATTACK") if a.args.get("killed") == 50]
    assert attack.date is None


@pytest.mark.parametrize(
    "text,count",
    [
        ("The three men who were detained in Osh on Monday are accused of extremism.", 3),
        ("The two suspects who were arrested in Khujand on May 2 worked at a bakery.", 2),
    ],
)
def test_people_told_by_a_relative_clause_are_counted_by_its_noun(
    nlp: Any, text: str, count: int
) -> None:
    (arrest,) = _of_type(nlp, text, "ARREST")
    assert arrest.args.get("count") == count


@pytest.mark.parametrize(
    "text,date",
    [
        # the crime's date is not the verdict's
        ("A court in Osh convicted 20 men on Monday over the November 2015 bombing.", "2021-03-08"),
        ("A Paris court convicted 20 men over the November 2015 attacks.", "2021-03-10"),
        # a term's "for" is no crime: the date after it is the verdict's
        ("Olim Tursunzoda was jailed for 18 years in June.", "2020-06"),
    ],
)
def test_a_verdict_is_not_dated_by_its_crime(nlp: Any, text: str, date: str) -> None:
    (verdict,) = _of_type(nlp, text, "SENTENCE")
    assert verdict.date == date


def test_months_later_counts_from_a_yearless_date_told_before(nlp: Any) -> None:
    text = (
        "Bakhtiyor Kholov was detained at Domodedovo airport on January 3. Two months later, "
        "Kholov was deported to Tajikistan."
    )
    (handover,) = _of_type(nlp, text, "EXTRADITION")
    assert handover.date == "2021-03"  # January 3 of the article's year, two months on


def test_a_relative_named_in_apposition_is_the_one_acted_on(nlp: Any) -> None:
    text = (
        "A court sentenced Umed Nazarov to 12 years on Monday.\n\n"
        "Nazarov's brother, Firdavs, was detained in Istanbul in March and deported to "
        "Tajikistan in April. He was sentenced to eight years in May."
    )
    result = _extract(nlp, text)
    (arrest,) = [e for e in result.events if e.type == "ARREST"]
    assert arrest.args["detainee"] == ["Firdavs"]
    verdicts = {
        e.args.get("term_years"): e.args.get("defendant")
        for e in result.events
        if e.type == "SENTENCE"
    }
    assert verdicts == {12: ["Umed Nazarov"], 8: ["Firdavs"]}


def test_one_detained_and_handed_over_to_a_state_s_officials_was_extradited(nlp: Any) -> None:
    text = (
        "Umed Nazarov was arrested in Moscow in October 2020 and handed over to Tajik "
        "authorities a month later."
    )
    (handover,) = _of_type(nlp, text, "EXTRADITION")
    assert handover.args["person"] == ["Umed Nazarov"]
    assert handover.args.get("to_country") == "Tajikistan"
    assert handover.date == "2020-11"


@pytest.mark.parametrize(
    "text",
    [
        "Rustam Aliev, born in 1979, was sentenced to nine years in prison.",
        "A Tajik citizen, Rustam Aliev, born in 1979, was found guilty by a Khujand court and "
        "sentenced to nine years in prison.",
    ],
)
def test_people_described_by_another_act_do_not_date_this_one(nlp: Any, text: str) -> None:
    (verdict,) = _of_type(nlp, text, "SENTENCE")
    assert verdict.date == "2021-03-10"  # the article's news, not the year of birth


def test_people_counted_after_a_verb_are_its_object_whatever_the_parse(nlp: Any) -> None:
    text = "Uzbekistan has freed more than 800 prisoners before the Navruz holiday."
    (release,) = _of_type(nlp, text, "RELEASE")
    assert release.args.get("count") == 800


def test_an_act_after_an_abduction_happens_where_and_when_it_did(nlp: Any) -> None:
    text = (
        "Prosecutors say he took part in the abduction of nine engineers in Niger in 2013. "
        "Two of the captives were shot dead in the incident."
    )
    (attack,) = _of_type(nlp, text, "ATTACK")
    assert attack.date == "2013"
    assert attack.location is not None and attack.location.name == "Niger"


def test_extract_article_reads_the_capital_of_a_country(nlp: Any) -> None:
    text = "Twenty inmates escaped from a prison in Kyrgyzstan's capital on Sunday."
    (escape,) = _of_type(nlp, text, "ESCAPE")
    assert escape.location is not None and escape.location.name == "Bishkek"


def _events(nlp: Any, text: str, type_name: str, **settings: Any) -> list[Event]:
    article = Article(external_id="t", input_hash="", part=0, text=text, published="2021-03-10")
    result = extract_article(nlp(text), article, Settings(**settings))
    return [e for e in result.events if e.type == type_name]


#: Four sentences of background, so the fifth is outside the article's lead.
_BACKGROUND = (
    "Rights groups have long campaigned for him. Nodir Salimov wrote for a weekly paper. "
    "He moved to Khujand in 2009. His articles angered officials. "
)


@pytest.mark.parametrize(
    "text,type_name,date",
    [
        # the lead tells the news: it happened about when it was published
        (
            "The Sughd court sentenced Bahrom Sharipov to seven years in prison.",
            "SENTENCE",
            "2021-03-10",
        ),
        ("Police in Khujand have detained Bahrom Sharipov.", "ARREST", "2021-03-10"),
        # the present perfect tells news anywhere in the article
        (
            _BACKGROUND + "Nodir Salimov has been sentenced to seven years in prison.",
            "SENTENCE",
            "2021-03-10",
        ),
        # the past tense below the lead is background with no date of its own
        (
            _BACKGROUND + "A court sentenced Nodir Salimov to seven years in prison.",
            "SENTENCE",
            None,
        ),
        # "has since been released": a span of time, not the day's news
        ("Nodir Salimov has since been released, his lawyer said.", "RELEASE", None),
        (
            "Nodir Salimov and Timur Jalilov have been released since their trial ended.",
            "RELEASE",
            None,
        ),
        # a date told in another mention of the same event wins over publication
        (
            "Police have detained Oybek Nazarov, his wife said. "
            "Nazarov was detained on March 2 at his home.",
            "ARREST",
            "2021-03-02",
        ),
    ],
)
def test_extract_article_dates_news_by_publication(
    nlp: Any, text: str, type_name: str, date: str | None
) -> None:
    (event,) = _events(nlp, text, type_name)
    assert event.date == date


@pytest.mark.parametrize(
    "text,type_name",
    [
        (
            "More than 900 people have been convicted over the past decade, officials said.",
            "SENTENCE",
        ),
        ("Some 400 people have been arrested in recent years, officials said.", "ARREST"),
        ("About 300 people are detained every year on extremism charges.", "ARREST"),
        (
            "More than 900 people have been convicted of extremism over the past decade.",
            "SENTENCE",
        ),
        ("Since the start of the year police have detained 75 suspected recruiters.", "ARREST"),
        ("At least 120 people were detained in the course of 2021.", "ARREST"),
        # "since then", "since mid-April", "in the first weeks after"
        ("The agency says 48 people have been convicted of membership since then.", "SENTENCE"),
        (
            "More than 3,000 people were detained in the first weeks after the riots, "
            "prosecutors said.",
            "ARREST",
        ),
        ("Some 90 civilians have been killed in such attacks since mid-April.", "ATTACK"),
    ],
)
def test_extract_article_keeps_no_event_for_a_count_over_a_span(
    nlp: Any, text: str, type_name: str
) -> None:
    assert _events(nlp, text, type_name) == []


def test_a_start_of_a_state_is_no_span_of_the_count_told_after_it(nlp: Any) -> None:
    # the bombings are an act of their own, told in the clause the date opens
    text = (
        "The capital has been under tight security since March 2004, when a series of "
        "bombings killed 12 people."
    )
    assert [e.args.get("killed") for e in _events(nlp, text, "ATTACK")] == [12]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("С начала года сотрудники СГБ задержали 48 человек по подозрению в экстремизме.", None),
        ("В Намангане сотрудники СГБ задержали шестерых жителей.", 6),
        # a tally for the year or for months past
        ("За прошлый год сотрудники ГКНБ задержали 35 членов запрещённых групп.", None),
        ("За последние пять лет в республике задержаны 210 человек.", None),
    ],
)
def test_a_russian_count_over_a_span_is_no_event(text: str, count: int | None) -> None:
    from kronika.events.routing import analyse_articles

    article = Article(external_id="t", input_hash="", part=0, text=text, language="ru")
    [result] = analyse_articles([article], Settings())
    assert [e.args.get("count") for e in result.events if e.type == "ARREST"] == (
        [count] if count else []
    )


@pytest.mark.parametrize(
    ("text", "count"),
    [
        # a count run up since a month, in the perfect: a tally
        ("Officials said 54 people have been jailed for extremism in Sughd since March.", None),
        ("Prosecutors said 31 men had been detained in the region since April.", None),
        # (a start told for its own act stays: "since May 2016, when ...")
        ("Police detained 31 men in Osh in May.", 31),
    ],
)
def test_a_count_run_up_since_a_month_is_no_event(nlp: Any, text: str, count: int | None) -> None:
    kinds = ("ARREST", "SENTENCE")
    found = [e.args.get("count") for k in kinds for e in _events(nlp, text, k)]
    assert found == ([count] if count else [])


def test_a_count_someone_keeps_is_no_event(nlp: Any) -> None:
    text = "By the monitor's count, 41 Tajik migrants were deported from Russia in March."
    assert _events(nlp, text, "EXTRADITION") == []
    # (the same count told as one act stays one, also a day's count someone keeps)
    text = "Russia deported 41 Tajik migrants on Monday, the monitor said."
    assert [e.args.get("count") for e in _events(nlp, text, "EXTRADITION")] == [41]
    text = "By the police's own count, 230 migrants were detained in Moscow that day."
    assert [e.args.get("count") for e in _events(nlp, text, "ARREST")] == [230]


def test_thousands_killed_in_a_whole_year_are_no_attack(nlp: Any) -> None:
    text = "Some 9,500 people were killed in armed violence in Somalia and Kenya in 2019."
    assert _events(nlp, text, "ATTACK") == []


def test_an_act_told_by_its_start_is_told(nlp: Any) -> None:
    text = "Uzbekistan started releasing 640 prisoners on Monday under an amnesty decree."
    [release] = _events(nlp, text, "RELEASE")
    assert release.args.get("count") == 640


def test_people_counted_in_groups_each_get_their_own_term(nlp: Any) -> None:
    text = (
        "A Baghdad court on Monday sentenced three Uzbek men to life in prison and two Kyrgyz "
        "women to 20 years for belonging to the group."
    )
    verdicts = _events(nlp, text, "SENTENCE")
    got = sorted((e.args.get("count"), e.args.get("term_years")) for e in verdicts)
    assert got == [(2, 20), (3, None)]


def test_extract_article_keeps_a_count_on_one_day(nlp: Any) -> None:
    (event,) = _events(nlp, "Police detained 12 people in Osh on Monday.", "ARREST")
    assert event.args["count"] == 12


@pytest.mark.parametrize(
    "text",
    [
        "Militants freed 300 inmates when they stormed the prison in Jalalabad.",
        "Inmates were freed when gunmen attacked the jail in Kulob.",
        "Prisoners were freed in a raid on the jail in Kulob, officials said.",
        "Gunmen freed 40 prisoners in a raid on the jail in Kulob.",
    ],
)
def test_extract_article_reads_prisoners_freed_by_force_as_an_escape(nlp: Any, text: str) -> None:
    assert _events(nlp, text, "RELEASE") == []
    assert len(_events(nlp, text, "ESCAPE")) == 1


@pytest.mark.parametrize(
    "text,count",
    [
        ("Police seized 11 rifles in Khorog.", None),
        ("Police confiscated weapons and seized 11 rifles at the house.", None),
        ("Police seized 11 suspects in Khorog.", 11),
    ],
)
def test_extract_article_arrests_no_one_when_things_are_seized(
    nlp: Any, text: str, count: int | None
) -> None:
    arrests = _events(nlp, text, "ARREST")
    assert [e.args.get("count") for e in arrests] == ([] if count is None else [count])


@pytest.mark.parametrize(
    "text,released",
    [
        ("Akmal Nurov was beaten a week before his release from prison.", False),
        ("Akmal Nurov died in custody a month before his release.", False),
        ("Akmal Nurov was beaten two days after his release.", True),
    ],
)
def test_extract_article_keeps_no_release_still_to_come(
    nlp: Any, text: str, released: bool
) -> None:
    people = [e.args.get("person") for e in _events(nlp, text, "RELEASE")]
    assert people == ([["Akmal Nurov"]] if released else [])


@pytest.mark.parametrize(
    "text,country",
    [
        ("Austrian authorities extradited Davron Karimov to Tajikistan last week.", "Austria"),
        ("Davron Karimov was extradited from Turkey to Uzbekistan in May.", "Turkey"),
        ("Rights groups condemned Sweden's deportation of Farid Yusupov to Uzbekistan.", "Sweden"),
    ],
)
def test_extract_article_reads_the_country_a_person_was_handed_over_by(
    nlp: Any, text: str, country: str
) -> None:
    (event,) = _events(nlp, text, "EXTRADITION")
    assert event.args["from_country"] == country
    assert len(event.args["person"]) == 1  # type: ignore[arg-type]


def test_extract_article_names_the_court_that_released_someone(nlp: Any) -> None:
    text = "A Bishkek court released Aibek Toktogulov on bail in June."
    (event,) = _events(nlp, text, "RELEASE")
    assert event.args["person"] == ["Aibek Toktogulov"]
    assert event.args["authority"] == "Bishkek court"


def test_extract_article_gives_a_described_defendant_the_name_told_next(nlp: Any) -> None:
    text = (
        "A court in Pristina jailed a 20-year-old man for six years on Tuesday. "
        "Arben K. had travelled to Syria in 2014."
    )
    (event,) = _events(nlp, text, "SENTENCE")
    assert event.args["defendant"] == ["Arben K."]


@pytest.mark.parametrize(
    "lead",
    [
        # a name inside the description's own phrase is where he is from, not who he is
        "A 20-year-old man from Bolton who tried to reach Syria was jailed for six years "
        "on Friday at Manchester Crown Court.",
        "A teenage jihadist from Leeds was jailed for six years at the Old Bailey on Friday.",
    ],
)
def test_a_described_defendant_is_not_a_name_in_the_description(nlp: Any, lead: str) -> None:
    text = f"{lead}\n\nAdam Hussain was arrested at Manchester Airport in August 2021."
    (event,) = _events(nlp, text, "SENTENCE")
    assert event.args["defendant"] == ["Adam Hussain"]


@pytest.mark.parametrize("plural", ["They were", "The three men were"])
def test_extract_article_gives_a_plural_the_people_named_before(nlp: Any, plural: str) -> None:
    text = (
        "Police detained Aziz Karimov, Bobur Tolipov and Sardor Umarov in Andijan on Monday. "
        f"{plural} sentenced to six years each."
    )
    (event,) = _events(nlp, text, "SENTENCE")
    assert event.args["defendant"] == ["Aziz Karimov", "Bobur Tolipov", "Sardor Umarov"]


@pytest.mark.parametrize(
    "text,count",
    [
        ("Police detained Bahrom Qosimov's four students in Khujand.", 4),
        ("Police detained five activists of Hizb ut-Tahrir in Osh.", 5),
    ],
)
def test_extract_article_does_not_take_an_owner_or_group_for_the_people(
    nlp: Any, text: str, count: int
) -> None:
    (event,) = _events(nlp, text, "ARREST")
    assert event.args["detainee"] == [] and event.args["count"] == count


def test_extract_article_gives_a_later_sentence_the_court_of_its_trial(nlp: Any) -> None:
    text = (
        "The Osh city court sentenced Talant Mamytov to ten years on May 4. "
        "Kubat Usenov received eight years."
    )
    courts = {str(e.args["defendant"]): e.args.get("court") for e in _events(nlp, text, "SENTENCE")}
    assert courts == {"['Talant Mamytov']": "Osh city court", "['Kubat Usenov']": "Osh city court"}


def test_extract_article_adds_a_supplement_to_the_sentence_it_follows(nlp: Any) -> None:
    text = (
        "A Dushanbe court sentenced Nodir Salimov to nine years in prison on Friday. "
        "The sentence followed his conviction on charges of inciting hatred (Article 189) "
        "and organizing a banned group."
    )
    (event,) = _events(nlp, text, "SENTENCE")
    assert event.args["defendant"] == ["Nodir Salimov"]
    assert event.args["charges"] == ["inciting hatred", "organizing a banned group"]
    assert event.args["articles"] == ["189"]


def test_extract_article_drops_a_supplement_that_joins_nothing(nlp: Any) -> None:
    text = "The sentence followed his conviction on charges of inciting hatred."
    assert _events(nlp, text, "SENTENCE") == []


def test_extract_article_reads_a_nominal_trigger_from_a_user_rule_file(
    nlp: Any, tmp_path: Path
) -> None:
    (tmp_path / "plea.yaml").write_text(
        "type: PLEA\n"
        "description: Someone asks for a pardon.\n"
        "roles:\n  person: {value: names, entity: [PERSON], core: true, fill: kronika.agent.v1}\n"
        "triggers:\n  nouns: [petition]\n",
        encoding="utf-8",
    )
    rules = {"rules_dirs": (str(tmp_path),)}
    text = "Davron Karimov's petition reached the president on Monday."
    (event,) = _events(nlp, text, "PLEA", **rules)
    assert event.args["person"] == ["Davron Karimov"]
    # a noun trigger only: the verb "petitioned" is no PLEA
    assert _events(nlp, "Davron Karimov petitioned the president.", "PLEA", **rules) == []


def test_extract_article_takes_no_reporter_from_a_byline(nlp: Any) -> None:
    text = (
        "Opposition leader jailed\n\nBy Peter Holloway\n\n"
        "The leader of an opposition party has been sentenced to 18 years in prison.\n\n"
        "Rustam Azimov was detained in Moscow last year and brought back to Dushanbe."
    )
    (event,) = _events(nlp, text, "SENTENCE")
    assert event.args["defendant"] == ["Rustam Azimov"]
    assert "Peter Holloway" not in [e.name for e in _extract(nlp, text).entities]


def test_extract_article_dates_a_pluperfect_act_by_its_own_clause(nlp: Any) -> None:
    text = (
        "Karim Nazarov appeared in a video in May 2020 saying he had joined Islamic State in Syria."
    )
    (event,) = _events(nlp, text, "JOIN")
    assert event.date != "2020-05"


@pytest.mark.model
def test_a_nominal_act_in_a_verbless_line_is_dated_without_looping(nlp: Any) -> None:
    # the climb from "jailbreak" to a verb ends at a noun root: it must stop there
    text = "The jailbreak in Kirkuk on 4 March"
    article = Article(external_id="t", input_hash="", part=0, text=text, published="2021-03-10")
    events = extract_article(nlp(text), article, Settings()).events
    assert [(e.type, e.date) for e in events] == [("ESCAPE", "2021-03-04")]


def test_a_family_name_shared_with_a_town_is_the_person_not_the_place(nlp: Any) -> None:
    (sentence,) = [
        e
        for e in _extract(nlp, "Bakhtiyor Tursunzoda was sentenced to nine years on Monday.").events
        if e.type == "SENTENCE"
    ]
    assert sentence.args["defendant"] == ["Bakhtiyor Tursunzoda"]
    assert sentence.location is None
    # after "in", the same word is the town
    (arrest,) = [
        e
        for e in _extract(nlp, "Police detained two preachers in Tursunzoda on Monday.").events
        if e.type == "ARREST"
    ]
    assert arrest.location is not None and arrest.location.name == "Tursunzoda"


def test_a_people_counted_is_no_one_s_name(nlp: Any) -> None:
    text = "A military court in Rostov-on-Don has sentenced four Crimean Tatars to 12 years."
    (sentence,) = _of_type(nlp, text, "SENTENCE")
    assert sentence.args["defendant"] == []
    assert sentence.args["count"] == 4


def test_a_pronoun_means_the_person_named_before_it_in_its_sentence(nlp: Any) -> None:
    text = (
        "Ruslan Kulov was sentenced to death on Monday. Kulov had killed ten people. "
        "The last man to receive a death sentence was Timur Bekov in 2006, after he was found "
        "guilty of murdering a politician."
    )
    defendants = [e.args["defendant"] for e in _extract(nlp, text).events if e.type == "SENTENCE"]
    assert ["Timur Bekov"] in defendants


def test_he_opening_a_sentence_is_the_person_the_sentence_before_is_about(nlp: Any) -> None:
    text = (
        "President Emomali Rahmon has banned the party. Rahmon spoke on Monday. Rahmon also "
        "fired two ministers. Tajik citizen Davron Saidov fled to Russia in 2015. He joined "
        "the Islamic Renaissance Party in 1999."
    )
    joins = [e.args.get("person") for e in _extract(nlp, text).events if e.type == "JOIN"]
    assert joins == [["Davron Saidov"]]


def test_a_known_group_is_never_a_defendant_however_the_parse_hangs_it(nlp: Any) -> None:
    text = (
        "An activist of the banned extremist party Hizb ut-Tahrir has been sentenced to a long "
        "prison term."
    )
    (event,) = _of_type(nlp, text, "SENTENCE")
    assert event.args["defendant"] == []


def test_the_bomber_told_again_is_the_same_attack_and_a_time_is_no_target(nlp: Any) -> None:
    text = (
        "A suicide bomber blew himself up at a market in Kabul on Monday, killing six people. "
        '"The bomber attacked at one of the busiest times of the day," a police officer said.'
    )
    attacks = _of_type(nlp, text, "ATTACK")
    assert len(attacks) == 1
    assert attacks[0].args.get("target") == "market"


def test_a_course_of_conduct_in_the_present_is_no_event(nlp: Any) -> None:
    text = '"These militants are attacking civilians and schools," the governor said.'
    assert _of_type(nlp, text, "ATTACK") == []


def test_the_blast_told_again_by_its_definite_noun_is_the_same_attack(nlp: Any) -> None:
    text = (
        "A car bomb exploded outside the police headquarters in Osh on Tuesday, wounding three "
        "officers.\n\nNo group has claimed the attack. Police cordoned off the street and "
        "searched nearby houses for accomplices of the driver. Shops in the centre stayed shut "
        "for the rest of the day, and the city's schools sent their pupils home early. The "
        "mayor called on residents to stay calm and to report anything unusual to the "
        "police.\n\nKyrgyzstan's Health "
        "Ministry said the three people wounded by the blast were Kyrgyz nationals."
    )
    attacks = _of_type(nlp, text, "ATTACK")
    assert len(attacks) == 1 and attacks[0].args.get("wounded") == 3


def test_the_words_that_hedge_a_number_are_not_the_target(nlp: Any) -> None:
    text = "Suspected jihadists killed at least 19 gendarmes and a civilian near Inata on Sunday."
    (event,) = _of_type(nlp, text, "ATTACK")
    assert event.args["target"] == "gendarmes and civilian"


@pytest.mark.parametrize(
    "second,names",
    [
        # "the men", "they": all of the people named before
        (
            "The men, who were arrested in May, were accused of extremism.",
            ["Ali Valiev", "Umed Saidov"],
        ),
        ("They were arrested in May after a raid on a mosque.", ["Ali Valiev", "Umed Saidov"]),
        # a part of them, or others: no names
        ("The other defendants were arrested in May.", []),
        ("Half of them were arrested in May.", []),
    ],
)
def test_an_uncounted_group_told_before_is_named_by_the_people_of_the_last_event(
    nlp: Any, second: str, names: list[str]
) -> None:
    text = "A court in Khujand jailed Ali Valiev and Umed Saidov for ten years.\n\n" + second
    (arrest,) = _of_type(nlp, text, "ARREST")
    assert arrest.args.get("detainee", []) == names


@pytest.mark.parametrize(
    "text,killed,place",
    [
        # acts told whole as the subject of their toll
        ("A series of bombings killed 16 and injured more than 100 people in Osh.", 16, None),
        ("A wave of bombings killed nine people in Osh on Monday.", 9, "Osh"),
        # acts told as done, and where: no toll, no target, still an attack
        ("Two attacks were also staged in the town of Bukhara on Monday.", None, "Bukhara"),
    ],
)
def test_plural_acts_told_whole_are_one_attack(
    nlp: Any, text: str, killed: int | None, place: str | None
) -> None:
    (attack,) = _of_type(nlp, text, "ATTACK")
    assert attack.args.get("killed") == killed
    if place is not None:
        assert attack.location is not None and attack.location.name == place


@pytest.mark.parametrize(
    "text",
    [
        "Attacks in the province killed about 600 people last year, a UN report said.",
        "Nearly 300 inmates escaped after assaults that left five guards dead.",
    ],
)
def test_plural_acts_told_as_a_tally_or_a_summary_are_no_attack(nlp: Any, text: str) -> None:
    assert _of_type(nlp, text, "ATTACK") == []


def test_a_described_detainee_is_not_the_spokesman_named_next(nlp: Any) -> None:
    text = (
        "Police in Osh say they have arrested the leader of a banned group.\n\n"
        "Police spokesman Nurbek Toktosunov told reporters on Monday that the man had "
        "recruited students."
    )
    (arrest,) = _of_type(nlp, text, "ARREST")
    assert "Nurbek Toktosunov" not in (arrest.args.get("detainee") or [])
    # told by someone who is not speaking, the name is the described one's
    text = (
        "Police in Osh say they have arrested the leader of a banned group.\n\n"
        "Nurbek Toktosunov had recruited students in three towns."
    )
    (arrest,) = _of_type(nlp, text, "ARREST")
    assert arrest.args.get("detainee") == ["Nurbek Toktosunov"]


@pytest.mark.parametrize(
    "text,count",
    [
        # an act told through a verb that says it was done
        ("Three inmates managed to escape from the prison in Osh on Monday.", 3),
        ("Police proceeded to detain four protesters in Osh on Monday.", 4),
        # tried, or not managed: not done
        ("Three inmates tried to escape from the prison in Osh on Monday.", None),
        ("Three inmates did not manage to escape from the prison in Osh on Monday.", None),
    ],
)
def test_an_act_a_governing_verb_says_was_done_is_an_event(
    nlp: Any, text: str, count: int | None
) -> None:
    events = [e for e in _extract(nlp, text).events if e.type in ("ESCAPE", "ARREST")]
    assert [e.args.get("count") for e in events] == ([count] if count else [])
    assert all(e.date == "2021-03-08" for e in events)


@pytest.mark.parametrize(
    "text,detained",
    [
        # what a court orders is done by its ruling
        ("A court in Osh ordered that Farid Nazarov be held in custody for two months.", True),
        ("The court ordered Farid Nazarov to be detained for two months.", True),
        # what a prosecutor orders, or a court does not, is not
        ("The prosecutor ordered that Farid Nazarov be held in custody.", False),
        ("The court did not order that Farid Nazarov be held in custody.", False),
    ],
)
def test_a_court_s_order_is_done_by_its_ruling(nlp: Any, text: str, detained: bool) -> None:
    assert bool(_of_type(nlp, text, "ARREST")) is detained


def test_a_dateline_the_parser_takes_for_the_subject_gives_way_to_the_people(nlp: Any) -> None:
    text = (
        "Activists jailed in Kyrgyzstan\n\nBISHKEK, Kyrgyzstan - Two Islamic activists in the "
        "former Soviet republic of Kyrgyzstan have been convicted and sentenced to five years "
        "in prison, court officials said Monday."
    )
    (verdict,) = _of_type(nlp, text, "SENTENCE")
    assert verdict.args.get("count") == 2


@pytest.mark.parametrize(
    "text,kind",
    [
        ("The poet died of a heart attack in a Bishkek hospital on Friday.", "ATTACK"),
        ("Lawyers called the decree an attack on judicial independence.", "ATTACK"),
        ("The opposition leader attacked the draft in a televised speech.", "ATTACK"),
        ("Miners in Zhezkazgan started a hunger strike on Monday.", "ATTACK"),
        ("Tajikistan joined the World Customs Organization in 2007.", "JOIN"),
        # accidents and plans are no attack
        ("A gas cylinder exploded in a bakery in Multan, killing three workers.", "ATTACK"),
        ("The explosion at the depot was accidental, the fire service said.", "ATTACK"),
        ("Police seized rifles meant for an attack on a checkpoint in Bannu.", "ATTACK"),
        # a denied act
        ("Gunmen fired on a bus near Tumaco, wounding three. Nobody was arrested.", "ARREST"),
        ("None of the inmates escaped during the riot at the Khujand prison.", "ESCAPE"),
    ],
)
def test_an_event_word_used_for_something_else_is_no_event(nlp: Any, text: str, kind: str) -> None:
    assert _of_type(nlp, text, kind) == []


@pytest.mark.parametrize(
    "text,kind",
    [
        ("Gunmen launched an attack on a police checkpoint near Khorog on Friday.", "ATTACK"),
        ("A Kyrgyz student, Aibek Toktosunov, joined Jabhat al-Nusra in Idlib.", "JOIN"),
    ],
)
def test_the_same_words_used_for_violence_or_militancy_are_events(
    nlp: Any, text: str, kind: str
) -> None:
    assert len(_of_type(nlp, text, kind)) == 1


def test_people_abducted_by_armed_men_are_hostages_not_detainees(nlp: Any) -> None:
    text = "Armed men abducted nine traders from a market near Diffa on Tuesday."
    assert _of_type(nlp, text, "ARREST") == []
    assert len(_of_type(nlp, text, "ATTACK")) == 1


def test_a_name_followed_by_an_age_is_a_person_whatever_the_model_tagged(nlp: Any) -> None:
    # the small model takes this name for a place; the age says it is a person
    text = "A Paris court on Thursday gave Karim Benali, 31, a 14-year prison term."
    (event,) = _of_type(nlp, text, "SENTENCE")
    assert event.args["defendant"] == ["Karim Benali"]
    assert event.args["term_years"] == 14


def test_someone_told_by_age_alone_is_a_person(nlp: Any) -> None:
    text = "A 19-year-old from Kant was detained by police on Tuesday."
    (event,) = _of_type(nlp, text, "ARREST")
    assert event.args["detainee"] == []
    assert event.date == "2021-03-09"


@pytest.mark.parametrize(
    "text,kind,found",
    [
        # a vague count in the present perfect is a record built up over time
        (
            "Dozens of party members have been prosecuted and many of them imprisoned.",
            "SENTENCE",
            0,
        ),
        ("Activists say thousands of young men have been jailed since 2015.", "SENTENCE", 0),
        # told as one happening, it is an event
        ("Dozens of the movement's members were then arrested in Osh.", "ARREST", 1),
    ],
)
def test_a_vague_count_is_an_event_only_when_told_as_one_happening(
    nlp: Any, text: str, kind: str, found: int
) -> None:
    assert len(_of_type(nlp, text, kind)) == found


def test_a_town_opening_the_dateline_is_no_participant(nlp: Any) -> None:
    # the small model takes "DIJON" for a person
    text = "DIJON, France — The suspect was arrested at the scene, prosecutors said."
    (arrest,) = _of_type(nlp, text, "ARREST")
    assert arrest.args.get("detainee") in (None, [])


@pytest.mark.parametrize(
    "text,names",
    [
        (
            "Kyrgyz Court Jails Two Men Who Fought In Syria\n\n"
            "BISHKEK, March 3 (Reuters) - Two Kyrgyz men who fought alongside militants in Syria "
            "have been jailed, prosecutors said on Thursday.\n\n"
            "The Pervomaisky district court sentenced Almaz Toktorov, 27, to 10 years and Bakyt "
            "Osmonov, 31, to eight years on Wednesday, finding them guilty of mercenary activity.",
            2,
        ),
        # the people named fall short of the count: the group stands
        (
            "Three Uzbek men were jailed in Tashkent on Monday for sharing extremist videos.\n\n"
            "One of them, Sardor Valiev, was sentenced to six years.",
            None,
        ),
    ],
)
def test_a_counted_group_whose_people_are_all_named_after_it_is_their_verdicts(
    nlp: Any, text: str, names: int | None
) -> None:
    published = "2016-03-03"  # a Thursday, as the dateline says
    verdicts = [e for e in _extract(nlp, text, published).events if e.type == "SENTENCE"]
    if names is None:
        assert any(e.args.get("count") == 3 for e in verdicts)
    else:
        assert len(verdicts) == names
        assert all(e.args.get("defendant") for e in verdicts)
        assert {e.args.get("court") for e in verdicts} == {"Pervomaisky district court"}


def test_people_identified_in_an_apposition_are_the_detainees(nlp: Any) -> None:
    text = (
        "Police in Quetta arrested two men on Monday. The suspects, identified as Karim Baloch "
        "and Naveed Shah, were picked up during a raid on a house in Sariab."
    )
    arrests = _of_type(nlp, text, "ARREST")
    named = {n for e in arrests for n in e.args.get("detainee") or []}  # type: ignore[union-attr]
    assert named == {"Karim Baloch", "Naveed Shah"}


def test_another_act_is_told_apart_from_the_one_before(nlp: Any) -> None:
    text = (
        "Militants stormed a police post in Kunduz on Monday, killing two officers. "
        "In another attack, a roadside bomb killed four soldiers near Baghlan."
    )
    attacks = _of_type(nlp, text, "ATTACK")
    assert sorted(e.args.get("killed") for e in attacks) == [2, 4]
    text = (
        "Gunmen raided a village near Djibo on Sunday. "
        "In a separate incident, a roadside bomb struck a truck near Arbinda, killing three."
    )
    attacks = _of_type(nlp, text, "ATTACK")
    assert len(attacks) == 2 and [e.args.get("killed") for e in attacks][1] == 3, attacks


def test_an_attack_told_again_is_one_attack(nlp: Any) -> None:
    # "last week" and the day told later lie within one week: one attack, with both tellings
    text = (
        "Police on Tuesday detained two men accused of sheltering the gunmen who attacked a "
        "bus in Mastung last week. The attack, which took place on March 9, killed four "
        "passengers and wounded seven."
    )
    result = _extract(nlp, text, "2021-03-16")
    (attack,) = [e for e in result.events if e.type == "ATTACK"]
    assert attack.args.get("killed") == 4 and attack.args.get("wounded") == 7
    assert attack.args.get("target") == "bus"
    # the later telling's month makes the year of the first more exact
    text = (
        "A court in Lahore sentenced a man to death for his role in the 2019 bombing of a "
        "bus station. The blast, claimed by the Valley Front, killed six people on a Friday "
        "evening in May 2019."
    )
    attacks = _of_type(nlp, text, "ATTACK")
    assert [(e.date, e.args.get("killed")) for e in attacks] == [("2019-05", 6)], attacks


def test_attacks_weeks_apart_stay_two(nlp: Any) -> None:
    text = (
        "Gunmen attacked a bus in Mastung on March 2, killing three. "
        "The attack on a checkpoint near Quetta on March 28 killed two soldiers."
    )
    assert len(_of_type(nlp, text, "ATTACK")) == 2


def test_an_attack_goes_on_in_the_next_sentence_and_the_next_verb(nlp: Any) -> None:
    # the attackers of the sentence before, and the place they are told to have struck
    text = (
        "Suspected jihadists killed nine soldiers in an attack on an army post in central "
        "Mali on Sunday, the army said. The attackers came on motorbikes and overran the "
        "base at Dioura, in the Segou region."
    )
    (attack,) = _of_type(nlp, text, "ATTACK")
    assert attack.args.get("killed") == 9
    assert attack.location is not None and attack.location.name == "Dioura"
    # two verbs of one subject: one raid
    text = "Fighters of the Valley Front set fire to a clinic and abducted three nurses in Kidal."
    assert len(_of_type(nlp, text, "ATTACK")) == 1


@pytest.mark.parametrize(
    "text,kind,people,count",
    [
        # the people told just before, pointed back at
        (
            "Bobur Nazarov and Ilhom Saidov were jailed for five years in Andijan on Monday. "
            "Both men were detained in Namangan in May.",
            "ARREST",
            ["Bobur Nazarov", "Ilhom Saidov"],
            None,
        ),
        (
            "A Belgian court jailed Samir Haddad and Leila Haddad for financing terrorism. "
            "The couple were arrested in Antwerp in 2020.",
            "ARREST",
            ["Leila Haddad", "Samir Haddad"],
            None,
        ),
        # "Both": the two told last, though each had a verdict of their own
        (
            "A court in Samarkand sentenced Bakhtiyor Rasulov to nine years. His brother "
            "Olim Rasulov got seven years. Both were detained by the SNB in Urgut in 2021.",
            "ARREST",
            ["Bakhtiyor Rasulov", "Olim Rasulov"],
            None,
        ),
        # the one named of a counted group
        (
            "Timur Yusupov was one of four Tajiks arrested in Hamburg in April.",
            "ARREST",
            ["Timur Yusupov"],
            4,
        ),
        # ... named only in a clause that identifies the description
        (
            "The woman, named only as Aigerim K. under privacy rules, was one of three "
            "Kazakhs detained in Vienna in May.",
            "ARREST",
            ["Aigerim K."],
            3,
        ),
        # "The three": the three named just before
        (
            "Temirlan Abdykadyrov, Nurbek Sadykov and Kanat Imanaliev were released in "
            "Bishkek on Tuesday. The three had been detained in Osh in November.",
            "ARREST",
            ["Kanat Imanaliev", "Nurbek Sadykov", "Temirlan Abdykadyrov"],
            3,
        ),
        # named in a clause set off by dashes
        (
            "Police on Tuesday arrested three men accused of sheltering a bomber. The "
            "suspects — identified as Gul Rehman, Noor Wali and Ihsanullah — had been picked "
            "up during a raid.",
            "ARREST",
            ["Gul Rehman", "Ihsanullah", "Noor Wali"],
            3,
        ),
        # one of them identified, without a comma
        (
            "Special forces captured two suspected IS members, including a local commander "
            "identified as Abu Khattab al-Azzawi, the command said.",
            "ARREST",
            ["Abu Khattab al-Azzawi"],
            2,
        ),
        # a counted group, unnamed, pointed back at by "they"
        (
            "The court sentenced seven members of the cell. They were detained by the FSB in "
            "Ufa in 2018.",
            "ARREST",
            [],
            7,
        ),
    ],
)
def test_people_pointed_back_at(
    nlp: Any, text: str, kind: str, people: list[str], count: int | None
) -> None:
    (event,) = _of_type(nlp, text, kind)
    role = "detainee" if kind == "ARREST" else "defendant"
    assert sorted(event.args.get(role) or []) == people
    assert event.args.get("count") == count


@pytest.mark.parametrize(
    "text,kind,people",
    [
        # whose title the possessive says is not one of the people
        (
            "A court in Oryol sentenced Jehovah's Witness Dmitry Kovalenko to six years.",
            "SENTENCE",
            ["Dmitry Kovalenko"],
        ),
        (
            "Police in Minsk detained Lukashenko's critic Pavel Sevruk on Monday.",
            "ARREST",
            ["Pavel Sevruk"],
        ),
        # a person's other name is no second person
        (
            "Police in Poso arrested Imam Sulaiman Hamid, alias Abu Rifki, on Tuesday.",
            "ARREST",
            ["Sulaiman Hamid"],
        ),
        # where a named person lives is no second person
        (
            "Tariq Hussain, 29, of Alum Rock Road, was sentenced at the Old Bailey to eight years.",
            "SENTENCE",
            ["Tariq Hussain"],
        ),
        (
            "Police in Leeds arrested Amir Khan of Harehills Lane on Friday.",
            "ARREST",
            ["Amir Khan"],
        ),
    ],
)
def test_the_people_of_a_name_phrase(nlp: Any, text: str, kind: str, people: list[str]) -> None:
    role = "detainee" if kind == "ARREST" else "defendant"
    assert [e.args.get(role) for e in _of_type(nlp, text, kind)] == [people]


def test_two_verdicts_of_one_court_keep_their_own_terms(nlp: Any) -> None:
    text = (
        "The court handed a four-and-a-half-year sentence to Rustam Kuliev and sentenced "
        "Daler Sharipov to three years."
    )
    terms = {
        e.args["defendant"][0]: e.args.get("term_years") for e in _of_type(nlp, text, "SENTENCE")
    }
    assert terms == {"Rustam Kuliev": 4.5, "Daler Sharipov": 3}


def test_a_year_in_a_laws_name_dates_nothing(nlp: Any) -> None:
    text = "A court in Medan jailed Budi Santoso for six years under the 2018 Terrorism Law."
    assert [e.date for e in _extract(nlp, text, "2021-03-10").events] == ["2021-03-10"]
    text = "A court in Medan jailed Budi Santoso under the 2003 Anti-Terrorism Act."
    assert [e.date for e in _extract(nlp, text, "2021-03-10").events] == ["2021-03-10"]


def test_inmates_freed_further_down_a_raid_escaped(nlp: Any) -> None:
    text = "Gunmen stormed a jail in Koutiala, killing a guard and freeing 62 inmates."
    (escape,) = _of_type(nlp, text, "ESCAPE")
    assert escape.args.get("count") == 62


def test_people_carried_off_in_a_raid_are_no_arrest(nlp: Any) -> None:
    text = (
        "Insurgents killed nine civilians in a raid on a village near Mocimboa on Monday. "
        "Several women were abducted, residents said."
    )
    assert _of_type(nlp, text, "ARREST") == []
    # a state's abduction, told on its own, is still an arrest
    text = "Opposition blogger Rustam Saidov was abducted in Istanbul on Monday, his wife said."
    assert [e.args.get("detainee") for e in _of_type(nlp, text, "ARREST")] == [["Rustam Saidov"]]


@pytest.mark.parametrize(
    "text,kind,people",
    [
        # "who" after a named person, though the parser hung the clause on the lawyers
        (
            "BRUSSELS — Lawyers for Karim Benali, who was sentenced in February to 18 years "
            "for his role in a foiled bomb plot against a Brussels tram station, have lodged "
            "an appeal with the Brussels Court of Appeal.",
            "APPEAL",
            ["Karim Benali"],
        ),
        (
            "ANTWERP — Relatives of Yusuf Demir, who was jailed in March for nine years for "
            "his part in a failed arson plot against a synagogue in Antwerp, have lodged an "
            "appeal with the Antwerp Court of Appeal.",
            "SENTENCE",
            ["Yusuf Demir"],
        ),
        # a family name the model left untagged, after the full name
        (
            "Farid Nazarov, a teacher, went missing in May. Police later arrested Nazarov "
            "for the killing of a border guard in Khorog.",
            "ARREST",
            ["Farid Nazarov"],
        ),
    ],
)
def test_the_person_a_later_phrase_stands_for(
    nlp: Any, text: str, kind: str, people: list[str]
) -> None:
    role = {"APPEAL": "appellant", "ARREST": "detainee", "SENTENCE": "defendant"}[kind]
    assert [e.args.get(role) for e in _of_type(nlp, text, kind)] == [people]


@pytest.mark.parametrize(
    "text,kind",
    [
        ("The families of the two men appealed to the president on Monday.", "APPEAL"),
        ("Her mother appealed for help in finding her son.", "APPEAL"),
        ("The mother of Nodir Saidov appealed to the president for his release.", "RELEASE"),
        (
            "Rights groups have campaigned for the release of the jailed journalist "
            "Bobomurod Abdullaev.",
            "RELEASE",
        ),
        ("Prosecutors pressed for the extradition of Farid Usmonov to Tajikistan.", "EXTRADITION"),
    ],
)
def test_a_plea_is_no_act(nlp: Any, text: str, kind: str) -> None:
    assert _of_type(nlp, text, kind) == []


@pytest.mark.parametrize(
    "text",
    [
        "Rustam Ibragimov appealed the verdict to the Supreme Court.",
        "The lawyer said Karimov had appealed to the regional court against the ruling.",
    ],
)
def test_an_appeal_to_a_court_is_an_appeal(nlp: Any, text: str) -> None:
    assert len(_of_type(nlp, text, "APPEAL")) == 1


@pytest.mark.parametrize(
    "text,kind",
    [
        # an act urged on others is not done
        ("The network had encouraged young men to carry out attacks on minorities.", "ATTACK"),
        ("The preacher incited his followers to attack police stations in Osh.", "ATTACK"),
        # unnamed, uncounted people over time: a record, not one verdict
        (
            "Group 24 was banned in 2014, and several of its members who returned from Russia "
            "have since received long prison terms.",
            "SENTENCE",
        ),
    ],
)
def test_acts_urged_or_built_up_over_time_are_no_events(nlp: Any, text: str, kind: str) -> None:
    assert _of_type(nlp, text, kind) == []


def test_several_people_sentenced_on_a_day_are_a_verdict(nlp: Any) -> None:
    text = "Several of its members were sentenced to ten years on Monday."
    assert len(_of_type(nlp, text, "SENTENCE")) == 1


def test_a_release_a_court_ordered_after_an_acquittal_is_a_release(nlp: Any) -> None:
    text = "The court acquitted Bakyt Osmonov and ordered his immediate release from custody."
    assert [e.args.get("person") for e in _of_type(nlp, text, "RELEASE")] == [["Bakyt Osmonov"]]


def test_a_name_after_a_description_and_its_clause_is_the_person(nlp: Any) -> None:
    text = (
        "Police detained a man wanted in Russia for extremism, Oleg Sidorov, at Tashkent airport."
    )
    assert [e.args.get("detainee") for e in _of_type(nlp, text, "ARREST")] == [["Oleg Sidorov"]]
    # a report released somewhere names no one released
    text = (
        "In a report released at a news conference in Khujand, governor Abdurahmon Qodiri "
        "said that 322 residents had gone to Syria."
    )
    assert _of_type(nlp, text, "RELEASE") == []


def test_a_native_of_somewhere_detained_is_an_arrest(nlp: Any) -> None:
    text = "The FSB detained a native of Central Asia in Kaliningrad on Monday."
    assert len(_of_type(nlp, text, "ARREST")) == 1


def test_a_person_put_on_a_wanted_list_is_no_ban(nlp: Any) -> None:
    assert _of_type(nlp, "Interpol placed Muhiddin Kabiri on its wanted list in 2015.", "BAN") == []
    # a group put on a list of banned ones is
    text = "Russia put the opposition movement Group 24 on its list of terrorist organisations."
    assert [e.args.get("organization") for e in _of_type(nlp, text, "BAN")] == [["Group 24"]]


def test_one_believed_to_have_enlisted_is_the_one_who_joined(nlp: Any) -> None:
    text = "Authorities believe Nursultan Abdyrakhmanov enlisted with Katibat Imam al-Bukhari."
    assert [e.args.get("person") for e in _of_type(nlp, text, "JOIN")] == [
        ["Nursultan Abdyrakhmanov"]
    ]


def test_a_remand_after_an_arrest_told_is_that_arrest(nlp: Any) -> None:
    text = (
        "A Bishkek court on Monday remanded blogger Ulan Toktomushev in custody for two "
        "months. Toktomushev was detained by officers of the security service on Friday."
    )
    assert len(_of_type(nlp, text, "ARREST")) == 1
    # told alone, a remand is the arrest the article tells of
    text = "A Bishkek court on Monday remanded blogger Ulan Toktomushev in custody."
    assert len(_of_type(nlp, text, "ARREST")) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Russia's Supreme Court banned the Jehovah's Witnesses as extremist in April 2017.",
        "Jehovah's Witnesses have been banned as an extremist organisation in Russia since 2017.",
    ],
)
def test_a_groups_name_whose_head_is_a_common_noun_is_the_group_banned(nlp: Any, text: str) -> None:
    bans = _of_type(nlp, text, "BAN")
    assert [e.args.get("organization") for e in bans] == [["Jehovah's Witnesses"]]


def test_an_escape_in_a_raid_told_after_it_is_where_the_raid_was(nlp: Any) -> None:
    text = "At least 20 inmates escaped after gunmen attacked a prison in Koutiala, officials said."
    [escape] = _of_type(nlp, text, "ESCAPE")
    assert escape.location is not None and escape.location.name == "Koutiala"


@pytest.mark.parametrize(
    "text,kind",
    [
        ("There was no attack on the facility, the ministry said.", "ATTACK"),
        ("A video released by the FSB on Monday showed the raid.", "RELEASE"),
        ("Three others escaped with machete wounds.", "ESCAPE"),
        ("The driver narrowly escaped death when the bomb went off.", "ESCAPE"),
        (
            "Investigators say the recruitment network sent at least 20 young men to Syria.",
            "EXTRADITION",
        ),
        ("Half of them have been pardoned, though they still face suspicion.", "RELEASE"),
    ],
)
def test_event_words_for_something_else_are_no_events(nlp: Any, text: str, kind: str) -> None:
    assert _of_type(nlp, text, kind) == []


@pytest.mark.parametrize(
    "text,kind",
    [
        ("The last hostage, engineer Marco Bellini, was freed in Niamey on Sunday.", "RELEASE"),
        ("Two inmates escaped from the prison in Khujand on Friday.", "ESCAPE"),
        ("Russia deported Farid Usmonov to Tajikistan on Monday.", "EXTRADITION"),
    ],
)
def test_the_same_words_for_the_acts_are_events(nlp: Any, text: str, kind: str) -> None:
    assert len(_of_type(nlp, text, kind)) == 1


def test_a_verb_the_parser_read_as_an_adjective_still_tells_its_act(nlp: Any) -> None:
    text = "The Aktau city court jailed oil worker Serik Abenov for five years."
    [verdict] = _of_type(nlp, text, "SENTENCE")
    assert verdict.args.get("defendant") == ["Serik Abenov"]
    # a participle describing someone tells nothing done
    assert (
        _of_type(nlp, "The jailed oil worker Serik Abenov went on hunger strike.", "SENTENCE") == []
    )


def test_a_town_told_later_narrows_a_region_told_first(nlp: Any) -> None:
    text = (
        "Gunmen attacked an army camp in central Mali's Mopti region on Sunday, officials "
        "said. The assailants struck the camp at Boni before dawn, killing nine soldiers."
    )
    [attack] = _of_type(nlp, text, "ATTACK")
    assert attack.location is not None
    # (the gazetteer's only "Boni" lies in another country: the town told is Mali's)
    assert (attack.location.name, attack.location.country) == ("Boni", "Mali")


def test_counted_accomplices_given_a_range_of_terms_are_a_verdict(nlp: Any) -> None:
    [verdict] = _of_type(
        nlp, "Four accomplices received terms of between 9 and 14 years.", "SENTENCE"
    )
    assert (verdict.args.get("count"), verdict.args.get("term_min_years")) == (4, 9)
    assert verdict.args.get("term_years") == 14


def test_the_couple_in_the_sentence_that_names_them_are_those_two(nlp: Any) -> None:
    text = (
        "Dilnoza Karimova and her husband Bakhrom Karimov left for Turkey in 2014 and "
        "crossed into Syria, where the couple joined the Islamic State group."
    )
    [joined] = _of_type(nlp, text, "JOIN")
    assert joined.args.get("person") == ["Dilnoza Karimova", "Bakhrom Karimov"]


@pytest.mark.parametrize(
    "text,count",
    [
        ("Police detained Azamat Toktogulov and 12 others in Osh.", 13),
        ("Kanybek Osmonaliev was arrested in Bishkek on Monday along with 14 other people.", 15),
        ("Police detained Azamat Toktogulov and his three accomplices in Osh.", 4),
    ],
)
def test_a_person_named_with_companions_counted_counts_them_all(
    nlp: Any, text: str, count: int
) -> None:
    assert [e.args.get("count") for e in _of_type(nlp, text, "ARREST")] == [count]


def test_a_verdict_a_court_above_upheld_is_no_news_of_its_own(nlp: Any) -> None:
    text = (
        "The Tashkent city court on Monday upheld a seven-year prison sentence handed to "
        "blogger Otabek Sattoriy."
    )
    [verdict] = _of_type(nlp, text, "SENTENCE")
    [appeal] = _of_type(nlp, text, "APPEAL")
    assert appeal.args.get("appellant") == ["Otabek Sattoriy"]
    # who got what is kept; the day, the court and its town are the appeal's
    assert verdict.args.get("defendant") == ["Otabek Sattoriy"]
    assert (verdict.date, verdict.location, verdict.args.get("court")) == (None, None, None)
    # nobody named: the appeal alone
    text = (
        "The Sughd regional court has upheld the Zafarobod district court's verdict against "
        "a local resident jailed for propagating extremist ideas."
    )
    assert _of_type(nlp, text, "SENTENCE") == []


def test_the_year_of_what_an_upheld_verdict_was_for_dates_no_appeal(nlp: Any) -> None:
    text = (
        "The Supreme Court upheld the life sentence handed to an Ingush man for organizing a "
        "2018 bomb attack."
    )
    assert [e.date for e in _extract(nlp, text, "2021-03-10").events if e.type == "APPEAL"] == [
        "2021-03-10"
    ]


def test_a_known_group_after_a_description_is_no_person(nlp: Any) -> None:
    text = "The escapees, all convicted members of Hizb ut-Tahrir, fled the colony in Navoi."
    assert [e.args.get("escapees") for e in _of_type(nlp, text, "ESCAPE")] in ([None], [[]])


def test_a_town_told_again_narrows_its_republic(nlp: Any) -> None:
    text = (
        "Militants carried out a bomb attack on a police checkpoint in Ingushetia in May 2018 "
        "that killed three officers. The attack on the checkpoint in the town of Sunzha also "
        "wounded five police officers."
    )
    [attack] = _of_type(nlp, text, "ATTACK")
    assert attack.location is not None and attack.location.name == "Sunzha"


@pytest.mark.parametrize(
    ("text", "date", "place"),
    [
        # the report's day gives way to the day the arrests are told to have taken place
        (
            "Police arrested three men suspected of plotting an attack, the ministry said on "
            "Tuesday. The arrests took place on Monday in Osh.",
            "2021-03-08",
            "Osh",
        ),
        (
            "Security officers have detained four members of a banned group, the agency "
            "reported. The detentions were carried out on March 2 in Jalal-Abad.",
            "2021-03-02",
            "Jalal-Abad",
        ),
    ],
)
def test_an_arrest_told_again_as_having_taken_place_gives_its_day_and_place(
    nlp: Any, text: str, date: str, place: str
) -> None:
    [arrest] = _events(nlp, text, "ARREST")
    assert arrest.date == date
    assert arrest.location is not None and arrest.location.name == place


def test_the_end_of_a_hyphened_town_is_no_one_a_pronoun_could_mean(nlp: Any) -> None:
    text = (
        "Farrukh Odinaev was detained in 2019. Last October the Southern District Military "
        "Court in Rostov-on-Don sentenced him to 15 years."
    )
    (verdict,) = _of_type(nlp, text, "SENTENCE")
    assert verdict.args["defendant"] == ["Farrukh Odinaev"]


@pytest.mark.parametrize(
    "text",
    [
        "Police detained Sevara Rahimova and Bobur Nazarov at a cafe in Fatih on Monday. "
        "Rahimova was released the same evening.",
        "Police detained 14 people in a raid in Fatih on Tuesday. Eight of them were released "
        "on Wednesday after questioning.",
    ],
)
def test_a_release_told_without_a_place_is_where_the_people_were_held(nlp: Any, text: str) -> None:
    (release,) = _of_type(nlp, text, "RELEASE")
    assert release.location is not None and release.location.name == "Fatih"


@pytest.mark.model
def test_a_list_of_demands_tells_no_acts(nlp: Any) -> None:
    text = (
        "The monitor urges the authorities to:\n"
        "- release all those imprisoned solely for their faith;\n"
        "- free the journalist Ali Nazarov."
    )
    assert [e for e in events_of(nlp, text) if e.type == "RELEASE"] == []


@pytest.mark.model
def test_a_part_of_a_year_s_statistic_is_no_act_but_a_part_of_one_day_s_is(nlp: Any) -> None:
    tally = (
        "According to official statistics, courts in Kazakhstan convicted 312 people in 2019 "
        "under articles on extremism. Of these, 97 were convicted under Article 174."
    )
    assert events_of(nlp, tally) == []
    day = "Police detained 12 men in Osh on Monday. Of these, four were charged with extremism."
    assert [e.type for e in events_of(nlp, day)] == ["ARREST"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # one act's source is no year's statistic
        (
            "According to police data, 12 members of Jamaat Ansarullah were detained in a "
            "raid in Khujand in 2019.",
            "ARREST",
        ),
        # a speaker's words wrapped onto the next line are one sentence
        (
            "Prosecutors said: Rustam Saidov, a member of\nHizb ut-Tahrir, was jailed for nine "
            "years.",
            "SENTENCE",
        ),
        # a raid that frees hostages releases them
        ("A police raid freed two kidnapped engineers in Kunduz on Tuesday.", "RELEASE"),
    ],
)
def test_the_review_s_ordinary_sentences_keep_their_act(nlp: Any, text: str, kind: str) -> None:
    assert kind in [e.type for e in events_of(nlp, text)]


@pytest.mark.model
def test_a_log_column_that_is_no_place_does_not_place_the_act(nlp: Any) -> None:
    text = "2006-05-04 | Reuters | Gunmen stopped a minibus near Tal Afar and shot two teachers."
    places = [e.location.name if e.location else None for e in events_of(nlp, text)]
    assert places == ["Tal Afar"]
