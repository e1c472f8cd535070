"""An article's people, with the small model's slips on names mended, through the real model."""

from __future__ import annotations

from typing import Any

import pytest
from tests.helpers import events_of

from kronika.events.name_mentions import article_mentions
from kronika.settings import Settings

pytestmark = pytest.mark.model


def _people(nlp: Any, text: str) -> set[str]:
    mentions = article_mentions(nlp(text), Settings())
    return {e.name for e in mentions.entities() if e.type == "PERSON"}


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # a family name the model read into a date with the year after it
        (
            "The court announced the verdict of Nurlan Asanov, 1989 year of birth, a native "
            "of Kara-Suu district.",
            "Nurlan Asanov",
        ),
        # a given name and the initial of the family name
        (
            "The court sentenced a 34-year-old woman, identified only as Nadine K. under "
            "privacy rules, to five years.",
            "Nadine K.",
        ),
        ("Prosecutors said Mohammad A. had fought for the group in Syria.", "Mohammad A."),
        # a given name the tagger reads as the verb "said"
        ("Police detained Said Kurbonov in Moscow on Tuesday.", "Said Kurbonov"),
        # a name the model missed whose family name it tags where told alone
        (
            "In the spring of 2014 Emre Aksoy, then a student in Konya, left for Syria.\n\n"
            "In March a court sentenced Aksoy to seven years.",
            "Emre Aksoy",
        ),
    ],
)
def test_names_the_model_misread_are_people(nlp: Any, text: str, person: str) -> None:
    assert person in _people(nlp, text)


def test_a_family_name_told_again_where_the_model_saw_a_date_is_the_person(nlp: Any) -> None:
    text = (
        "The court sentenced Firdavs Nazarov and Umed Sharipov on March 13. "
        "Nazarov was handed nine years in prison and Sharipov eight years."
    )
    doc = nlp(text)
    mentions = article_mentions(doc, Settings())
    second = next(s for s in doc.sents if s.text.startswith("Nazarov"))
    named = [name for _, name in mentions.people_in(second.start_char, second.end_char)]
    assert named == ["Firdavs Nazarov", "Umed Sharipov"]


@pytest.mark.parametrize(
    ("text", "kind", "role", "who"),
    [
        (
            "Nadine K. was sentenced in Duesseldorf on Wednesday. She was among a group of "
            "women repatriated from a camp in northern Syria in October 2021.",
            "EXTRADITION",
            "person",
            ["Nadine K."],
        ),
        (
            "Aziz Karimov was among 14 prisoners released on Friday under an amnesty.",
            "RELEASE",
            "person",
            ["Aziz Karimov"],
        ),
        # a participle clause that names the one counted or described
        (
            "Four of the attackers were shot dead. A fifth, identified as Qurbonali Nurov, "
            "23, was detained the following morning.",
            "ARREST",
            "detainee",
            ["Qurbonali Nurov"],
        ),
        (
            "A suspect, named by police as Farid Aliyev, was detained in Baku.",
            "ARREST",
            "detainee",
            ["Farid Aliyev"],
        ),
        # "among those detained" after the count told before: one of them, one arrest
        (
            "Police detained six men in Namangan on Tuesday. Among those detained is a "
            "college teacher, Akmal Usmonov.",
            "ARREST",
            "detainee",
            ["Akmal Usmonov"],
        ),
        # "among them" after the people acted on
        (
            "Troops captured two suspected members of the group in Indanan on Wednesday, "
            "among them a bomb-maker identified as Mudzrimar Hassan.",
            "ARREST",
            "detainee",
            ["Mudzrimar Hassan"],
        ),
        # a participle read as the passive's clausal subject, after an opening phrase
        (
            "On 11 December 2018, within the framework of legal cooperation, Daniyar "
            "Sarsenbayev, a citizen of Kazakhstan wanted for financing terrorist activity, "
            "was extradited from Ukraine to Kazakhstan.",
            "EXTRADITION",
            "person",
            ["Daniyar Sarsenbayev"],
        ),
    ],
)
def test_the_one_named_among_or_for_those_acted_on_is_one_of_them(
    nlp: Any, text: str, kind: str, role: str, who: list[str]
) -> None:
    events = [e for e in events_of(nlp, text, "2022-07-07") if e.type == kind]
    assert [e.args.get(role) for e in events] == [who]


def test_one_told_by_age_alone_is_the_person_named_before(nlp: Any) -> None:
    text = (
        "Emre Aksoy was captured near Baghuz in 2019. In March a court in Konya sentenced "
        "the 25-year-old to seven and a half years in prison."
    )
    events = events_of(nlp, text, "2020-05-13")
    assert [e.args.get("defendant") for e in events if e.type == "SENTENCE"] == [["Emre Aksoy"]]


@pytest.mark.parametrize(
    "text",
    [
        "Odil Tursunov was arrested in 2013 and jailed the following year for 12 years.",
        "Among those freed was Rustam Nazarov, who was detained in 2016 and imprisoned that "
        "month for nine years.",
    ],
)
def test_a_time_read_as_the_object_is_not_the_one_jailed(nlp: Any, text: str) -> None:
    events = events_of(nlp, text, "2020-05-13")
    (verdict,) = [e for e in events if e.type == "SENTENCE"]
    (detained,) = [e for e in events if e.type == "ARREST"]
    assert verdict.args["defendant"] == detained.args["detainee"]


def _kinds(nlp: Any, text: str) -> dict[str, str]:
    mentions = article_mentions(nlp(text), Settings())
    return {e.name: e.type for e in mentions.entities()}


def test_a_name_after_a_group_s_kind_is_a_group_unless_person_shaped(nlp: Any) -> None:
    kinds = _kinds(
        nlp,
        "The court declared the religious movement Nur-Jol extremist. The opposition Ata "
        "Meken party leader Omurbek Tekebayev was detained.",
    )
    assert kinds.get("Nur-Jol") == "ORG"
    assert kinds.get("Omurbek Tekebayev") == "PERSON"


@pytest.mark.parametrize(
    ("text", "who"),
    [
        # counted people described by a clause of their own are new, not those named before
        (
            "The court sentenced Lenur Dzhemilev, Server Abdullaev and Rinat Khalilov to 11 "
            "years each. Outside the court, police detained three activists who had staged "
            "pickets in support of the defendants.",
            [],
        ),
        # though they may be named after
        (
            "Police detained two men who had fought in Syria. The men, Aziz Karimov and Bobur "
            "Tolipov, were taken to Tashkent.",
            ["Aziz Karimov", "Bobur Tolipov"],
        ),
    ],
)
def test_counted_people_first_met_take_no_names_told_before(
    nlp: Any, text: str, who: list[str]
) -> None:
    arrests = [e for e in events_of(nlp, text, "2022-02-03") if e.type == "ARREST"]
    assert [e.args.get("detainee") for e in arrests] == [who]


def test_all_of_a_number_are_the_people_named_before_one_by_one(nlp: Any) -> None:
    text = (
        "The court sentenced Rustam Aliev to eight years. His cousin Sardor Aliev and a "
        "driver, Jamshid Ergashev, were each given six years. The youngest defendant, Otabek "
        "Rahimov, received a suspended sentence.\n\nAll four were detained in Tashkent last "
        "September."
    )
    arrests = [e for e in events_of(nlp, text, "2023-03-15") if e.type == "ARREST"]
    assert [sorted(e.args["detainee"]) for e in arrests] == [  # type: ignore[arg-type]
        ["Jamshid Ergashev", "Otabek Rahimov", "Rustam Aliev", "Sardor Aliev"]
    ]


def test_a_title_s_capitalized_words_are_no_name(nlp: Any) -> None:
    text = (
        "Uzbek National Jailed for Ten Years Over Islamic State Videos\n\n"
        "A man from Fergana, Jasur Tolipov, 27, was jailed for ten years on Tuesday."
    )
    sentences = [e for e in events_of(nlp, text) if e.type == "SENTENCE"]
    assert [e.args.get("defendant") for e in sentences] == [["Jasur Tolipov"]]


def test_who_someone_is_before_the_name_is_not_part_of_it(nlp: Any) -> None:
    people = _people(nlp, "Tajik citizen Massud fled to Russia in 2015 after heavy fines.")
    assert "Massud" in people
    assert not any(p.startswith("Tajik") for p in people)


@pytest.mark.parametrize(
    ("text", "group"),
    [
        (
            "A court in Almaty banned the East Turkestan Liberation Organization on Monday.",
            "East Turkestan Liberation Organization",
        ),
        ("Members of the Kashmir Liberation Front were detained.", "Kashmir Liberation Front"),
    ],
)
def test_a_group_named_after_a_land_is_one_group(nlp: Any, text: str, group: str) -> None:
    mentions = article_mentions(nlp(text), Settings())
    groups = {e.name for e in mentions.entities() if e.type == "ORG"}
    assert group in groups
