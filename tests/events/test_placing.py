"""Event dates in context: the running reference and "that year" / "N months later"."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.tokens import Doc
from tests.helpers import make_doc

from kronika.events.placing import event_place
from kronika.events.running import in_context, running_reference
from kronika.events.unnamed_places import state_named_in, untagged_place
from kronika.normalize.dates import normalize_date


def _event_places(nlp: Any, text: str, published: str = "2020-01-01") -> list[tuple[str, Any]]:
    """(type, place name) of every event extracted from ``text``, in order."""
    from kronika.events.extract import extract_article
    from kronika.model import Article
    from kronika.settings import Settings

    article = Article(external_id="t", input_hash="", part=0, text=text, published=published)
    events = extract_article(nlp(text), article, Settings()).events
    return [(e.type, e.location.name if e.location else None) for e in events]


@pytest.mark.parametrize(
    ("phrase", "published", "running", "expected"),
    [
        # the paragraph's own year wins over an earlier-year publication date
        ("March 5", "2019-02-01", "2017-01-20", "2017-03-05"),
        # a yearless month after the running month falls in its year
        ("June", None, "2016-03", "2016-06"),
        # a yearless month before the running month is the next year's
        ("February", None, "2016-11", "2017-02"),
        ("September that year", None, "2015", "2015-09"),
        ("in October of that year", "2020-05-05", "2012-01-03", "2012-10"),
        # "that year" holds the year told, though the day came before the running date
        ("February 16 of that year", None, "1999-03", "1999-02-16"),
        ("Four months later", None, "2016-06-02", "2016-10"),
        ("a year later", None, "2010-04", "2011-04"),
        # publication fixes a plain yearless date of its own year
        ("March 5", "2017-04-09", "2017-01-02", None),
        # words relative to publication are never taken from the story's dates
        ("last week", "2017-01-09", "2015-01-02", None),
        ("on Monday", None, "2015-01-02", None),
        # a year alone does not place a day
        ("March 5", None, "2014", None),
        # a phrase with its own year needs no context
        ("March 5, 2013", None, "2016-01-01", None),
        ("June", None, None, None),
    ],
)
def test_in_context(
    phrase: str, published: str | None, running: str | None, expected: str | None
) -> None:
    assert in_context(normalize_date, phrase, published, running) == expected


@pytest.mark.model
def test_running_reference_reads_the_latest_told_date(nlp: Any) -> None:
    text = (
        "Police detained him on May 4, 2014 in Osh. He was freed in July 2014.\n\n"
        "On March 5 he was shot dead."
    )
    doc = nlp(text)
    at = text.index("March 5")
    assert running_reference(doc, at) == "2014-07"
    assert running_reference(doc, at, same_paragraph=True) is None
    assert running_reference(doc, 0) is None


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Police raided flats in Bishkek and Osh last year. A Syrian cell was named. "
            "Militants attacked a police station in the country in 2012, officials said.",
            "Kyrgyzstan",
        ),
        ("Militants attacked a police station in the country in 2012, officials said.", None),
        # the republic, the nation: the country the text dwells on
        (
            "Police raided flats in Dushanbe and Khujand last year. Gunmen attacked a police "
            "post in the former Soviet republic in 2012, officials said.",
            "Tajikistan",
        ),
        # the clause of a subject trigger places it, whichever verb of the clause says where
        ("The explosion killed 12 people and wounded 30 at a market in Osh.", "Osh"),
        # a settlement named after "village of", whatever the model tags it as
        (
            "Militants attacked a checkpoint near the village of Arka in Batken region on "
            "Monday, killing two border guards.",
            "Arka",
        ),
        # a name in a dateline's brackets is the outlet's, not the place of the attack
        (
            "Bamako, (Sahel Wire / Ghana News Agency - 3rd May, 2020 ) :Suspected jihadists "
            "killed at least six villagers in an attack early Monday in central Mali, "
            "officials said.",
            "Mali",
        ),
        # a Title Case line re-read in sentence case: the gazetteer still knows the place
        ("Gunmen Attack Police Post In Dagestan", "Dagestan"),
        # a state naming the attack is whose act it was; a city naming it is where
        ("A U.S. airstrike killed three militant commanders on Monday.", None),
        ("A Kabul suicide bombing killed 12 people on Monday.", "Kabul"),
        # a strike from afar as the subject: the state is whose, the town named is where
        ("A U.S. drone strike killed the group's leader, the Pentagon said.", None),
        ("A Russian air strike killed 12 civilians in Idlib on Tuesday.", "Idlib"),
        # one toll told twice is one attack, placed where the fuller account places it
        (
            "Rebels killed nine soldiers in an attack on an army base close to the border with "
            "Niger on Sunday.\n\nGunmen in pickup trucks raided the base at Tillia on Sunday, "
            "killing nine soldiers, the army said.",
            "Tillia",
        ),
    ],
)
def test_event_place_reads_the_country_as_the_one_the_text_dwells_on(
    nlp: Any, text: str, expected: str | None
) -> None:
    assert [p for kind, p in _event_places(nlp, text) if kind == "ATTACK"] == [expected]


@pytest.mark.parametrize(
    "running,text,expected",
    [
        ("2019", "four months later", None),
        ("2019", "a year later", "2020"),
        ("2019-03", "two months later", "2019-05"),
    ],
)
def test_in_context_later_keeps_to_the_running_precision(
    running: str, text: str, expected: str | None
) -> None:
    assert in_context(normalize_date, text, None, running) == expected


def _escaped_in(
    place: list[str], place_pos: str = "PROPN", ent: str | None = None, site: str = "jail"
) -> Doc:
    """ "Eight inmates escaped from the <site> in <place> ." with the place untagged."""
    n = len(place)
    words = ["Eight", "inmates", "escaped", "from", "the", site, "in", *place, "."]
    last = 6 + n
    heads = [1, 2, 2, 2, 5, 3, 5] + [last] * (n - 1) + [6, 2]
    deps = ["nummod", "nsubj", "ROOT", "prep", "det", "pobj", "prep"]
    deps += ["compound"] * (n - 1) + ["pobj", "punct"]
    pos = ["NUM", "NOUN", "VERB", "ADP", "DET", "NOUN", "ADP"] + [place_pos] * n + ["PUNCT"]
    ents = [(7, 7 + n, ent)] if ent else None
    return make_doc(words, heads, deps, pos, ents=ents)


@pytest.mark.parametrize(
    ("place", "place_pos", "ent", "expected"),
    [
        (["Balkanabat"], "PROPN", None, "Balkanabat"),
        (["Kara", "Suu"], "PROPN", None, "Kara Suu"),
        # a place the model did tag but the gazetteer does not know
        (["Qizilqalʼa"], "PROPN", "GPE", "Qizilqalʼa"),
        # "in isolation", "in March", "in Karimov": no town
        (["isolation"], "NOUN", None, None),
        (["March"], "PROPN", "DATE", None),
        (["Karimov"], "PROPN", "PERSON", None),
    ],
)
def test_untagged_place_reads_a_name_after_in(
    place: list[str], place_pos: str, ent: str | None, expected: str | None
) -> None:
    doc = _escaped_in(place, place_pos, ent)
    found = untagged_place(doc[:], doc[2], 0, len(doc.text))
    assert (found.name if found else None) == expected


def test_untagged_place_looks_only_inside_the_event_s_phrase() -> None:
    doc = _escaped_in(["Balkanabat"])
    assert untagged_place(doc[:], doc[2], 0, doc.text.index(" in ")) is None


def test_event_place_falls_back_to_an_untagged_town() -> None:
    doc = _escaped_in(["Balkanabat"])
    place = event_place(doc[:], doc[2], {"count": 8})
    assert place is not None and place.name == "Balkanabat"


@pytest.mark.parametrize(
    ("ent", "site", "expected"),
    [("PERSON", "jail", "Kandi"), ("ORG", "jail", "Kandi"), ("PERSON", "camp", "Kandi")],
)
def test_untagged_place_takes_a_mistyped_town_after_a_place_of_custody(
    ent: str, site: str, expected: str
) -> None:
    from kronika.events.unnamed_places import untagged_place

    doc = _escaped_in(["Kandi"], "PROPN", ent, site)
    sent = doc[:]
    assert untagged_place(sent, doc[2], 0, len(doc.text)).name == expected  # type: ignore[union-attr]


@pytest.mark.model
def test_a_dateline_under_a_title_line_is_not_the_place(nlp: Any) -> None:
    text = (
        "Cleric freed after nine years\n\nJakarta, Jan. 8, (Wire) – Radical cleric Omar Bakri "
        "was released from a prison in Bogor on Friday, an official said."
    )
    assert [place for _, place in _event_places(nlp, text, "2021-01-09")] == ["Bogor"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        # a place of custody named after its town
        (
            "Bakhtiyor Khudoyorov was released after five years in the Jaslyk prison.",
            "RELEASE",
            "Jaslyk",
        ),
        # a base or camp named after its town, even one the model took for a person
        ("Gunmen attacked the Bagram air base on Friday, killing two guards.", "ATTACK", "Bagram"),
        (
            "Three armed men attacked the Sunjuwan army camp at dawn on Saturday.",
            "ATTACK",
            "Sunjuwan",
        ),
        # a people's name before a part of a movement is not where it acted
        (
            "BEIRUT (Reuters) - Al Qaeda's Syrian wing freed 16 Lebanese soldiers on Tuesday.",
            "RELEASE",
            None,
        ),
        # a people's name before the site says whose it is, not where
        ("Four militants escaped from a Tajik prison on Monday.", "ESCAPE", None),
        # what a state asked for is not where the act was
        (
            "Russia's police arrested Karim Saidov on October 9 but the Russian court denied "
            "Tajikistan's request and he was freed on October 11.",
            "RELEASE",
            "Russia",
        ),
        (
            "Karim Saidov was detained there, but the Kazakh courts rejected an extradition "
            "request from Uzbekistan.",
            "ARREST",
            "Kazakhstan",
        ),
        # a town named after its site beats the state whose body acted
        (
            "The Afghan government released Ahmad Shah Noorzai from Bagram prison on Monday.",
            "RELEASE",
            "Bagram",
        ),
        # a place name the model cut short, read whole
        (
            "Militants attacked the central jail in Dera Ismail Khan on Monday.",
            "ATTACK",
            "Dera Ismail Khan",
        ),
        # a town after "near", whatever the model took it for
        (
            "Militants blew up a gas pipeline near Tashkurgan overnight, but nobody was hurt.",
            "ATTACK",
            "Tashkurgan",
        ),
        # a settlement the model left untagged, named after "the village of"
        ("Three herders were stabbed to death in the village of Vorukh.", "ATTACK", "Vorukh"),
        # the place of an act told days before another is its own clause's
        (
            "Karim Nazarov was recaptured in Tursunzoda two days after he fled custody in "
            "Dushanbe.",
            "ESCAPE",
            "Dushanbe",
        ),
        # a handover is told by the states it is between, not placed in one of their towns
        (
            "In 2016 the blogger Aziz Yusupov was abducted in Istanbul and flown to Tashkent.",
            "EXTRADITION",
            None,
        ),
        # a division named with its kind, after "in"
        (
            "In August a court in the Zafarobod district sentenced Karim Usmonov to 17 years.",
            "SENTENCE",
            "Zafarobod district",
        ),
        (
            "A court in Dushanbe's Shohmansour district sentenced Daler Karimov to 10 years.",
            "SENTENCE",
            "Shohmansour district",
        ),
        # a town attacked is where the attack was, even one the model takes for a person
        ("Militants launched an attack on Kunduz on Monday.", "ATTACK", "Kunduz"),
        ("Sunday's assault on Kismayo surprised the garrison.", "ATTACK", "Kismayo"),
        ("Rebel fighters laid siege to Gao city in northern Mali in 2012.", "ATTACK", "Gao"),
        # a town the model left untagged, naming the act it modifies
        ("The 2009 Peshawar bombings killed 100 people.", "ATTACK", "Peshawar"),
        # a state's name before the act says whose it was
        ("A U.S. airstrike killed a militant commander on Sunday.", "ATTACK", None),
        # the capital of the country a people's adjective names
        (
            "Gunmen stormed a hotel in the Libyan capital on Friday.",
            "ATTACK",
            "Tripoli",
        ),
        # a stop on the way is not where it happened
        (
            "Aziz Karimov travelled to Syria via Istanbul in 2014 to join Jabhat al-Nusra.",
            "JOIN",
            "Syria",
        ),
        # the state a court or body is of, named in its title
        (
            "The Supreme Court of Tajikistan designated Group 24 an extremist organization.",
            "BAN",
            "Tajikistan",
        ),
        (
            "Uzbekistan's Supreme Court sentenced Dilmurod Saidov to nine years.",
            "SENTENCE",
            "Uzbekistan",
        ),
        # a record's labelled place field, its first part the most specific
        (
            "Date: 4 May 2018. Location: Jalalabad, Nangarhar, Afghanistan. Summary: A "
            "suicide bomber blew himself up at a checkpoint, killing three guards.",
            "ATTACK",
            "Jalalabad",
        ),
        # the town a court's title names, when the model took the title for one name
        (
            "On Wednesday the Islamabad High Court rejected an appeal by Tahir Mahmood.",
            "APPEAL",
            "Islamabad",
        ),
        (
            "A Peshawar anti-terrorism court on Monday sentenced Gul Rehman to ten years.",
            "SENTENCE",
            "Peshawar",
        ),
        # a ban with no place: the state the text dwells on
        (
            "Police in Almaty and Shymkent detained 20 members of the movement last year.\n\n"
            "Jamaat Ansarullah has been banned since May 2016.",
            "BAN",
            "Kazakhstan",
        ),
        # the office before a name says whose state acted
        (
            "Turkmen leader Gurbanguly Berdimuhamedov amnestied 1,029 convicts on Monday.",
            "RELEASE",
            "Turkmenistan",
        ),
        # a head of state the gazetteer knows: the state is the one they lead
        (
            "President Shavkat Mirziyoyev on Friday pardoned 54 prisoners.",
            "RELEASE",
            "Uzbekistan",
        ),
        ("President Kassym-Jomart Tokayev pardoned 12 people.", "RELEASE", "Kazakhstan"),
        # a site told with "at": its place, whatever the model took the name for
        (
            "Gunmen stormed the army post at Inates before dawn on Sunday, killing 12 soldiers.",
            "ATTACK",
            "Inates",
        ),
        ("Militants shelled the camp at Tessalit on Monday, wounding six.", "ATTACK", "Tessalit"),
        # the village an act was told at, before the region it lies in
        (
            "Armed men attacked the village of Tinsouka, in Mali's Mopti region, on 3 May.",
            "ATTACK",
            "Tinsouka",
        ),
        (
            "At least 20 civilians were killed when gunmen raided the village of Dasso, in "
            "the Centre-Nord region, on Sunday.",
            "ATTACK",
            "Dasso",
        ),
        # a region the gazetteer does not know is still a region: the town near which
        (
            "Insurgents attacked an army patrol near Damboa in Borno State on Friday, "
            "killing three soldiers.",
            "ATTACK",
            "Damboa",
        ),
        # where someone went after the act is not where it was
        (
            "Zarina Aminova escaped from the camp with her two children in October and "
            "crossed into Turkey.",
            "ESCAPE",
            None,
        ),
        # a town told with its kind after it
        (
            "Rebels ambushed a supply convoy in Kidal town on Tuesday, killing four drivers.",
            "ATTACK",
            "Kidal",
        ),
        # ... but not a region's name before "town of": the town is the one after "of"
        (
            "A suicide bomber killed 30 people at a hotel in the Sinai town of Taba.",
            "ATTACK",
            "Taba",
        ),
        # a district whose site was attacked is more precise than its province
        (
            "Insurgents overran the police headquarters of Andar district in Ghazni province "
            "on Monday, killing nine policemen.",
            "ATTACK",
            "Andar district",
        ),
    ],
)
def test_event_place_falls_back_to_custody_and_office(
    nlp: Any, text: str, kind: str, expected: str | None
) -> None:
    assert _places_of(nlp, text, kind) == [expected]


@pytest.mark.model
@pytest.mark.parametrize(
    "text,kind,expected",
    [
        ("Two men from Osh were arrested in Moscow on Monday.", "ARREST", "Moscow"),
        ("A blogger from Khorog was sentenced to ten years in Dushanbe.", "SENTENCE", "Dushanbe"),
        (
            "A former police officer from Khujand has joined the Islamic State in Syria.",
            "JOIN",
            "Syria",
        ),
        ("Police arrested 30 residents of Yazgulom in Khorog on Monday.", "ARREST", "Khorog"),
        # a town the model takes for a product, told after "in"
        (
            "The prison in Tillaberi was broken into by gunmen and 70 detainees were freed.",
            "ESCAPE",
            "Tillaberi",
        ),
        # where people are from is no place of the act
        ("Two men from Osh were arrested on Monday.", "ARREST", None),
        # nor where another act sent them
        (
            "On March 4, Karim Saidov was arrested by Kazakh police and extradited to Uzbekistan.",
            "ARREST",
            "Kazakhstan",
        ),
        ("Karim Saidov moved to Osh, where he was arrested in May.", "ARREST", "Osh"),
        # nor where someone is based
        (
            "Police detained five employees of a charity run by a London-based preacher on Monday.",
            "ARREST",
            None,
        ),
        # nor where they came from
        (
            "Saidmumin Kholov was detained in October after returning from Russia.",
            "ARREST",
            None,
        ),
        (
            "Saidmumin Kholov was detained at Dushanbe airport after arriving from Moscow.",
            "ARREST",
            "Dushanbe",
        ),
        # where they are "originally" from, however the parser attached it
        (
            "Police have arrested 10 people originally from Central Asia over the attack.",
            "ARREST",
            None,
        ),
        # a word of a name in quotes is no place; a quoted remark still places
        (
            "Maqsoud Ibrohimov, leader of the organization \u201cYouth for the Revival of "
            "Tajikistan,\u201d was sentenced to 17 years in prison.",
            "SENTENCE",
            None,
        ),
        (
            "Journalists of the newspaper \u00abVoice of Osh\u00bb were detained on Friday.",
            "ARREST",
            None,
        ),
        ('"We were attacked in Kabul," the driver said.', "ATTACK", "Kabul"),
        # nor a land a group is named after
        (
            "Uzbekistan has banned the East Turkestan Liberation Organization and two other "
            "groups.",
            "BAN",
            "Uzbekistan",
        ),
        # a clause that says who someone is keeps its own place over the sentence's town
        (
            "A Kazakh man who spent three years fighting for Islamic State in Syria was "
            "jailed by the Almaty city court.",
            "JOIN",
            "Syria",
        ),
        (
            "A Kazakh man who spent three years fighting for Islamic State in Syria was "
            "jailed by the Almaty city court.",
            "SENTENCE",
            "Almaty",
        ),
    ],
)
def test_where_people_are_from_is_not_where_the_act_was(
    nlp: Any, text: str, kind: str, expected: str | None
) -> None:
    assert _places_of(nlp, text, kind) == [expected]


def _places_of(nlp: Any, text: str, kind: str) -> list[str | None]:
    """The place of each event of ``kind`` extracted from ``text``."""
    from kronika.events.extract import extract_article
    from kronika.model import Article
    from kronika.settings import Settings

    article = Article(external_id="t", input_hash="", part=0, text=text, published="2020-01-01")
    result = extract_article(nlp(text), article, Settings())
    return [e.location.name if e.location else None for e in result.events if e.type == kind]


@pytest.mark.parametrize(
    "args,state",
    [
        ({"authority": "Tajikistan's Supreme Court"}, "Tajikistan"),
        ({"court": "Supreme Court of Kyrgyzstan"}, "Kyrgyzstan"),
        ({"agency": "Kazakh police"}, "Kazakhstan"),
        ({"authority": "Supreme Court"}, None),
    ],
)
def test_the_state_a_body_is_of_is_read_from_its_title(
    args: dict[str, str], state: str | None
) -> None:
    place = state_named_in(dict(args))
    assert (place.name if place else None) == state


@pytest.mark.parametrize(
    "text,expected",
    [
        # a town's name joined by hyphens, which the model cuts into two names
        (
            "A military court in Rostov-on-Don sentenced Ruslan Tagirov to 14 years.",
            "Rostov-on-Don",
        ),
        ("Police detained three men in Komsomolsk-on-Amur on Friday.", "Komsomolsk-on-Amur"),
        # a town set upon by a raid
        ("Maoists killed nine soldiers in a raid on Kidal on Sunday.", "Kidal"),
        # a lowercase word the model tagged as a place names none
        ("Farhod Nazarov was sentenced in absentia to nine years.", None),
    ],
)
def test_event_place_reads_whole_names_and_only_names(
    nlp: Any, text: str, expected: str | None
) -> None:
    assert [place for _, place in _event_places(nlp, text)] == [expected]


@pytest.mark.parametrize(
    "text,kind,expected",
    [
        # where someone arrived from is not where they were taken
        ("Police detained the imam upon his arrival from Istanbul at Almaty airport.", "ARREST",
         "Almaty"),
        # a ban told in brackets places the ban, not the joining told around it
        ("Rahimov joined the Islamic Jihad Union (banned in Uzbekistan) in 2012.", "JOIN", None),
        ("Rahimov joined the Islamic Jihad Union (banned in Uzbekistan) in 2012.", "BAN",
         "Uzbekistan"),
    ],
)  # fmt: skip
def test_a_place_of_another_act_does_not_place_this_one(
    nlp: Any, text: str, kind: str, expected: str | None
) -> None:
    assert [p for k, p in _event_places(nlp, text) if k == kind] == [expected]


def test_a_town_the_model_took_for_a_person_is_a_place_after_in(nlp: Any) -> None:
    text = (
        "Two brothers who fled a jail in Herat were killed in a shootout with police in Farah "
        "on Saturday."
    )
    assert [p for kind, p in _event_places(nlp, text) if kind == "ATTACK"] == ["Farah"]


def test_a_place_told_in_a_clause_about_a_participant_is_not_the_event_s(nlp: Any) -> None:
    text = "Omar Sidibe, who was arrested in Gao in March, was sentenced on Monday to nine years."
    assert dict(_event_places(nlp, text)) == {"ARREST": "Gao", "SENTENCE": None}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A former Kyrgyz soldier has joined al-Nusra in Syria, officials said.", "Syria"),
        ("Two Tajik men were detained in Turkey on Monday.", "Turkey"),
        # with no place named, the nationality of the body that acted still places it
        ("Kazakh police detained two men on Monday.", "Kazakhstan"),
    ],
)
def test_a_place_named_beats_a_nationality(nlp: Any, text: str, expected: str) -> None:
    assert [place for _, place in _event_places(nlp, text)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine extradited a Kazakh national wanted for terrorism, Askar Bekov, to Astana.",
        "Police in Moscow detained two Kyrgyz migrants on Monday.",
    ],
)
def test_the_nationality_of_those_acted_on_is_no_place(nlp: Any, text: str) -> None:
    # nor a village of that name the gazetteer knows
    assert not {"Kazakh", "Kyrgyz"} & {place for _, place in _event_places(nlp, text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "KHOROG, Tajikistan, July 15 (AP) — Gunmen attacked a police checkpoint on the "
            "edge of this mountain town on Saturday, killing two officers.",
            "Khorog",
        ),
        (
            "Kunduz, Afghanistan (AP) — A car bomb exploded near a market in this northern "
            "city on Monday, killing six people.",
            "Kunduz",
        ),
        # "the city" with no town named in the sentence
        (
            "DIJON, France — A man armed with a knife attacked passers-by near a tram stop in "
            "the centre of the city on Saturday, killing a 69-year-old man.",
            "Dijon",
        ),
        (
            "PESHAWAR: A suicide bomber attacked a police van in the city's Hayatabad area on "
            "Tuesday, killing five policemen.",
            "Peshawar",
        ),
        # "the city of X" names its own town
        (
            "KABUL, Afghanistan (AP) — A suicide bomber blew himself up inside a mosque in the "
            "northern city of Mazar-i-Sharif, killing 14 worshippers.",
            "Mazar-i-Sharif",
        ),
    ],
)
def test_this_town_is_the_town_of_the_dateline(nlp: Any, text: str, expected: str) -> None:
    assert [p for kind, p in _event_places(nlp, text) if kind == "ATTACK"] == [expected]


def test_a_month_after_in_is_no_town(nlp: Any) -> None:
    # "March" is also a town in England the gazetteer knows
    text = "Rustam Aliev was detained in March and deported in May."
    assert [p for kind, p in _event_places(nlp, text) if kind == "ARREST"] == [None]


def test_a_group_named_with_its_region_is_no_place(nlp: Any) -> None:
    text = "Fighters of Islamic State in the Greater Sahara killed nine soldiers at Tongo Tongo."
    assert [p for kind, p in _event_places(nlp, text) if kind == "ATTACK"] == ["Tongo Tongo"]


def test_a_place_in_a_groups_name_is_no_place(nlp: Any) -> None:
    text = "Kazakhstan added the Turkestan Islamic Party to its list of terrorist organisations."
    assert [p for kind, p in _event_places(nlp, text) if kind == "BAN"] == ["Kazakhstan"]


@pytest.mark.parametrize(
    "text",
    [
        "A military court in Rostov sentenced Alisher Karimov to 16 years for plotting a "
        "bombing of a shopping centre in St Petersburg.",
        "A military court sentenced two men to 18 years each for plotting a bombing of a "
        "shopping centre in St Petersburg.",
    ],
)
def test_a_town_only_the_charge_names_is_not_where_the_verdict_was(nlp: Any, text: str) -> None:
    assert "St Petersburg" not in [p for kind, p in _event_places(nlp, text) if kind == "SENTENCE"]


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        # the outskirts of a town, with no other place: the town
        (
            "Gunmen attacked a police post on the outskirts of Kaspiysk on Tuesday.",
            "ATTACK",
            "Kaspiysk",
        ),
        # a town told before the outskirts of a city: that town
        (
            "A court in Silivri on the outskirts of Istanbul sentenced four men to life.",
            "SENTENCE",
            "Silivri",
        ),
    ],
)
def test_the_outskirts_of_a_town_are_in_it_unless_a_place_is_told_first(
    nlp: Any, text: str, kind: str, expected: str
) -> None:
    assert [p for k, p in _event_places(nlp, text) if k == kind] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "A gunman opened fire on a police checkpoint on the outskirts of the southern Kazakh "
        "city of Shymkent on Sunday, killing two officers.",
        "Militants attacked a checkpoint in the Kazakh city of Shymkent on Sunday, killing two.",
    ],
)
def test_a_city_of_x_is_x(nlp: Any, text: str) -> None:
    assert [p for k, p in _event_places(nlp, text) if k == "ATTACK"] == ["Shymkent"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a part of the state told before its name
        (
            "Armed men attacked the police station in Dori, northern Burkina Faso, on Monday.",
            "Dori",
        ),
        # a road between two towns: the first
        (
            "Gunmen opened fire on a minibus on the road between Gao and Ansongo, killing six.",
            "Gao",
        ),
    ],
)
def test_a_town_told_with_its_region_or_on_a_road(nlp: Any, text: str, expected: str) -> None:
    assert [p for k, p in _event_places(nlp, text) if k == "ATTACK"] == [expected]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a clause with an act of its own as its subject tells another act, in its own place
        (
            "Militants attacked an army post in Tillaberi, killing five soldiers, while "
            "another attack the same day killed three civilians in Ouallam.",
            [("Tillaberi", 5), ("Ouallam", 3)],
        ),
        (
            "Gunmen stormed a police station in Kunduz on Monday, and a roadside bomb "
            "exploded in Baghlan, killing two soldiers.",
            [("Kunduz", None), ("Baghlan", 2)],
        ),
        # a clause about those attacked, or the blast that made the act, is the same act
        (
            "Insurgents ambushed a convoy as it passed through Gao, killing four peacekeepers.",
            [("Gao", 4)],
        ),
        (
            "Eight tourists were injured when an explosive device went off near a hotel in "
            "Sharm el-Sheikh.",
            [("Sharm el-Sheikh", None)],
        ),
    ],
)
def test_an_act_told_in_a_clause_of_its_own_has_its_own_place_and_toll(
    nlp: Any, text: str, expected: list[tuple[str, int | None]]
) -> None:
    from kronika.events.extract import extract_article
    from kronika.model import Article
    from kronika.settings import Settings

    article = Article(external_id="t", input_hash="", part=0, text=text, published="2024-05-14")
    events = extract_article(nlp(text), article, Settings()).events
    found = [(e.location.name if e.location else None, e.args.get("killed")) for e in events]
    assert sorted(found, key=str) == sorted(expected, key=str)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the town a part of it is told of, whatever the model took its name for
        (
            "Rebels ambushed an army patrol in the hinterlands of Talipao, Sulu, on Sunday, "
            "killing three soldiers.",
            ["Talipao"],
        ),
        # a name told only after "in", tagged as a person's
        (
            "Insurgents raided a checkpoint in Shah Wali Kot on Monday, killing four policemen.",
            ["Shah Wali Kot"],
        ),
        # the town heading an incident item, for an act told of "the town"
        (
            "06/02/2016: Kidal, Kidal region, Mali. Militants fired rockets at a UN camp on the "
            "edge of the town, wounding four peacekeepers.",
            ["Kidal"],
        ),
        # a region the gazetteer does not know is wider than the town told with the act;
        # the act ranked among others is no act of its own
        (
            "A bomber struck a queue of recruits outside an army office in Samarra on Monday, "
            "killing 12 people in the deadliest attack in Salahuddin province this year.",
            ["Samarra"],
        ),
    ],
)
def test_an_attack_is_placed_in_the_town_however_it_is_told(
    nlp: Any, text: str, expected: list[str]
) -> None:
    assert [p for kind, p in _event_places(nlp, text, "2020-01-01") if kind == "ATTACK"] == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a prison named after its town, told on the release itself
        ("Rustam Nazarov was freed from Jaslyk prison in Karakalpakstan on Monday.", ["Jaslyk"]),
        ("Sheikh Marwan al-Shobaki was released from Swaqa prison on Thursday.", ["Swaqa"]),
    ],
)
def test_a_release_is_placed_at_the_town_its_prison_is_named_after(
    nlp: Any, text: str, expected: list[str]
) -> None:
    assert [p for kind, p in _event_places(nlp, text) if kind == "RELEASE"] == expected


def test_a_village_the_gazetteer_does_not_know_merges_with_its_state(nlp: Any) -> None:
    text = (
        "2019-07-04: Syria. Suspected IS detainees tunnelled out of a makeshift prison in "
        "al-Busayrah overnight. Four inmates escaped after seizing a rifle."
    )
    assert [p for kind, p in _event_places(nlp, text) if kind == "ESCAPE"] == ["al-Busayrah"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a district whose name the model took in part for a person's
        (
            "Militants attacked a police station in Dera Ghazi Khan district late on Friday, "
            "killing two constables.",
            "Dera Ghazi Khan district",
        ),
        # the town a site attacked is "of", whatever the model took the name for
        (
            "Insurgents raided the police headquarters of Muidumbe on Thursday, killing three "
            "officers.",
            "Muidumbe",
        ),
    ],
)
def test_a_town_told_with_its_division_or_its_site_is_the_place(
    nlp: Any, text: str, place: str
) -> None:
    assert _event_places(nlp, text) == [("ATTACK", place)]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "place"),
    [
        # an address as the object of the raid: the town heading it, without its kind
        (
            "Militiamen raided Kotoni village, Djugu territory, Ituri province, on Friday, "
            "killing nine civilians.",
            "Kotoni",
        ),
        # a bearing from a city after the town: the town, not the city
        (
            "Gunmen killed three farmers near Dujail, north of Baghdad, Iraq, on Monday.",
            "Dujail",
        ),
        # the address belongs to the first of two joined clauses
        (
            "Militants stopped a truck near Douentza, Mopti region, Mali, and set it on fire, "
            "killing the driver.",
            "Douentza",
        ),
    ],
)
def test_an_attack_s_address_gives_its_town(nlp: Any, text: str, place: str) -> None:
    assert ("ATTACK", place) in _event_places(nlp, text)


@pytest.mark.model
def test_two_towns_sharing_a_word_are_both_places(nlp: Any) -> None:
    # "Datu X" names towns as well as people; told after "in", each is a town
    text = (
        "Rebels fired mortars at an army post in Datu Hoffer on Tuesday, wounding two soldiers. "
        "In a separate attack the same day, gunmen ambushed a van in Datu Unsay, killing a farmer."
    )
    places = [p for t, p in _event_places(nlp, text) if t == "ATTACK"]
    assert places == ["Datu Hoffer", "Datu Unsay"]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # the small model reads "Inmates" as a verb: the noun phrase is still the subject's
        "KHUJAND, Tajikistan, Nov. 11 (SRNA) -- Inmates at a high-security penal colony in "
        "the northern Tajik city of Khujand rioted on Sunday, killing two guards, the ministry "
        "said.",
        "OSH, Kyrgyzstan, May 2 (KNA) -- Inmates at a high-security prison in the southern "
        "Kyrgyz city of Osh rioted on Friday, killing a guard, officials said.",
    ],
)
def test_a_place_in_the_subject_places_what_its_clause_goes_on_to(nlp: Any, text: str) -> None:
    town = "Khujand" if "Khujand" in text else "Osh"
    assert ("ATTACK", town) in _event_places(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a town the one described is from is not where the verdict was given
        (
            "The best-known case is that of Imam Olim Nazarov, a Namangan preacher convicted "
            'in 2002 of "anti-constitutional activity".',
            ("SENTENCE", None),
        ),
        # a prison named after its town, the name read as an adjective
        (
            "One of the eighteen was freed from the Seydi prison colony in February.",
            ("RELEASE", "Seydi"),
        ),
    ],
)
def test_places_told_around_the_people_and_the_site(
    nlp: Any, text: str, expected: tuple[str, str | None]
) -> None:
    assert expected in _event_places(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a named street or market is the most specific place of the act
        (
            "A bomb exploded near a police checkpoint on Sariab Road in Quetta on Tuesday, "
            "killing nine people.",
            "Sariab Road",
        ),
        (
            "A bomb exploded at the Chorsu market in Tashkent on Monday, killing two people.",
            "Chorsu market",
        ),
        # a market named after its town says no more than the town
        ("A grenade exploded at the Kabul market on Monday, killing two people.", "Kabul"),
        # a road between two towns is the place, unless a town along it is told
        (
            "An explosive device struck a police vehicle on the Kabul-Kandahar highway in "
            "southern Afghanistan, killing three police officers.",
            "Kabul-Kandahar highway",
        ),
        (
            "A roadside bomb hit a convoy on the Maiduguri-Damboa road, killing four soldiers.",
            "Maiduguri-Damboa road",
        ),
        (
            "Gunmen ambushed a bus on the Quetta-Karachi highway near Khuzdar, killing six "
            "passengers.",
            "Khuzdar",
        ),
        # a town told right before the region it lies in
        (
            "A convoy struck an explosive device near Tessalit in the Kidal region of Mali, "
            "wounding two soldiers.",
            "Tessalit",
        ),
        # (not a month, nor a building, told there)
        (
            "A convoy struck an explosive device in January in the Kidal region of Mali, "
            "wounding two soldiers.",
            "Kidal region",
        ),
        # a street with a hyphened name is no road between towns
        (
            "A grenade exploded on Al-Farabi Avenue in Almaty on Monday, wounding two people.",
            "Al-Farabi Avenue",
        ),
        # where the news comes from is where it happened
        (
            "Reports coming from Kunduz say gunmen killed four police officers at a checkpoint "
            "overnight.",
            "Kunduz",
        ),
        # what lies near is a place, whatever the model took its name for
        (
            "A military convoy was ambushed near Tin-Hama, some 40 km south of Ansongo, by "
            "fighters of the Sahel Brigade, killing six soldiers.",
            "Tin-Hama",
        ),
        # a settlement described as one
        (
            "Gunmen shot dead the imam of Dialloube, a village in the Mopti region, as he left "
            "the mosque.",
            "Dialloube",
        ),
        # a town's market
        (
            "Gunmen on motorcycles stormed the weekly market of Tchoma Bangou, in the Anzourou "
            "commune of Tillaberi region, killing 17 traders.",
            "Tchoma Bangou",
        ),
        # a part of a town named after it
        (
            "A car bomb exploded at a crowded market in Baghdad's Sadr City on Tuesday, "
            "killing 31.",
            "Sadr City",
        ),
    ],
)
def test_the_most_specific_place_of_an_attack(nlp: Any, text: str, place: str) -> None:
    assert ("ATTACK", place) in _event_places(nlp, text)


def test_a_street_keeps_its_town_s_whereabouts(nlp: Any) -> None:
    from kronika.events.extract import extract_article
    from kronika.model import Article
    from kronika.settings import Settings

    text = "A car bomb exploded on Maka al-Mukarama Road in Mogadishu on Saturday, killing 12."
    article = Article(external_id="t", input_hash="", part=0, text=text, published="2020-01-01")
    (event,) = extract_article(nlp(text), article, Settings()).events
    assert event.location is not None
    assert event.location.name == "Maka al-Mukarama Road"
    assert event.location.country == "Somalia"


@pytest.mark.model
def test_a_round_up_item_is_dated_by_its_opening_date(nlp: Any) -> None:
    from tests.helpers import events_of

    text = (
        "SAHEL SECURITY WEEKLY | 11-17 May 2024\n\nMALI\n- Monday 13 May: A military convoy "
        "was ambushed near Tin-Hama by fighters of the Sahel Brigade. Six soldiers were killed."
    )
    attacks = [e for e in events_of(nlp, text, "2024-05-18") if e.type == "ATTACK"]
    assert [e.date for e in attacks] == ["2024-05-13"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what the sentence says of someone now does not place their past
        (
            "Azimov, who was released in 2019 after serving 15 years, now lives in Istanbul.",
            [("RELEASE", None)],
        ),
        (
            "Ravshan Kamolov, who was sentenced to eight years in 2015, died in a prison in "
            "Khujand on Monday.",
            [("SENTENCE", None)],
        ),
        # a place told inside the clause is its own
        (
            "Police in Osh detained Bakyt Saliev, who had escaped from a prison in Jalal-Abad "
            "in May.",
            [("ARREST", "Osh"), ("ESCAPE", "Jalal-Abad")],
        ),
        # a search for those who escaped is where they escaped
        (
            "Police were searching the town of Kulob for inmates who escaped from a prison on "
            "Sunday.",
            [("ESCAPE", "Kulob")],
        ),
        # the country across a border is not where the act was
        (
            "The National Guard apprehended two suspected militants near the border with "
            "Afghanistan.",
            [("ARREST", None)],
        ),
    ],
)
def test_a_relative_clause_about_someone_is_placed_by_itself(
    nlp: Any, text: str, expected: list[tuple[str, Any]]
) -> None:
    assert _event_places(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Officials in Almaty say they have extradited 29 Uzbek asylum seekers to Uzbekistan.",
        "Rustam Aliev was detained in Moscow on Monday and deported to Dushanbe on Friday.",
    ],
)
def test_a_handover_between_states_has_no_place_of_its_own(nlp: Any, text: str) -> None:
    places = _event_places(nlp, text)
    assert [place for kind, place in places if kind == "EXTRADITION"] == [None]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "place"),
    [
        # an unfamiliar town the small model took for a date or a number
        (
            "Fighting has spread across the province this year. On 9 March, gunmen on a "
            "motorbike shot dead a police officer in Turbat.",
            "Turbat",
        ),
        (
            "Armed men stormed an army post at Tongomayel, some 40 km from Djibo in northern "
            "Burkina Faso, on Monday, killing eleven soldiers.",
            "Tongomayel",
        ),
        # a site named for a part of a town, then the town itself
        ("Nine inmates escaped from Petobo prison in Palu on Sunday night.", "Palu"),
        # ... but a site in a region keeps the name it is known by
        ("Two prisoners escaped from Jaslyk prison in Karakalpakstan on Friday.", "Jaslyk"),
        # a site's name that tells its kind names no town
        (
            "Guards at a jail in Naryn said three men had fled. In May 2015 two prisoners "
            "escaped from Detention Centre No. 1 through a tunnel.",
            None,
        ),
    ],
)
def test_the_town_an_act_is_told_in_whatever_the_model_took_it_for(
    nlp: Any, text: str, place: str | None
) -> None:
    assert _event_places(nlp, text, "2023-04-20")[-1][1] == place
