"""Role fillers on hand-built parses and plain strings."""

from __future__ import annotations

import pytest
from tests.helpers import make_doc

from kronika.events.acts import _country_of
from kronika.events.fillers import (
    FillContext,
    agent,
    antecedent_count,
    count_of,
    is_passive,
    patient,
)
from kronika.events.legal import fill_charges, fill_court, fill_law_articles, split_charges
from kronika.events.spec import RoleSpec
from kronika.resolve.mentions import MentionIndex, NameMention


def _ctx(doc, trigger: int) -> FillContext:  # type: ignore[no-untyped-def]
    mentions = MentionIndex(
        NameMention(e.text, e.start_char, e.end_char, e.label_) for e in doc.ents
    )
    return FillContext(doc, doc[:], doc[trigger], {}, mentions)


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "terrorism, murder, and illegal weapons possession",
            ["terrorism", "murder", "illegal weapons possession"],
        ),
        (
            "organizing and participating in a terrorist group",
            ["organizing and participating in a terrorist group"],
        ),
        ("fraud and extremism", ["fraud", "extremism"]),
        ("alleged association with the group", ["association with the group"]),
    ],
)
def test_split_charges_splits_lists_but_not_joined_gerunds(text: str, expected: list[str]) -> None:
    assert split_charges(text) == expected


def test_patient_is_the_passive_subject_and_agent_the_by_phrase() -> None:
    # "Karimov was detained by police ."
    doc = make_doc(
        ["Karimov", "was", "detained", "by", "police", "."],
        [2, 2, 2, 2, 3, 2],
        ["nsubjpass", "auxpass", "ROOT", "agent", "pobj", "punct"],
        ["PROPN", "AUX", "VERB", "ADP", "NOUN", "PUNCT"],
    )
    assert is_passive(doc[2])
    assert patient(doc[2]) == doc[0]
    assert agent(doc[2]) == doc[4]


def test_patient_of_a_second_verb_is_the_shared_subject() -> None:
    # "Karimov was detained and extradited ."
    doc = make_doc(
        ["Karimov", "was", "detained", "and", "extradited", "."],
        [2, 2, 2, 2, 2, 2],
        ["nsubjpass", "auxpass", "ROOT", "cc", "conj", "punct"],
        ["PROPN", "AUX", "VERB", "CCONJ", "VERB", "PUNCT"],
    )
    assert patient(doc[4]) == doc[0]


def test_patient_of_a_relative_clause_is_the_noun_it_describes() -> None:
    # "Rustam Aliev , who was arrested ."
    doc = make_doc(
        ["Rustam", "Aliev", ",", "who", "was", "arrested", "."],
        [1, 1, 1, 5, 5, 1, 1],
        ["compound", "ROOT", "punct", "nsubjpass", "auxpass", "relcl", "punct"],
        ["PROPN", "PROPN", "PUNCT", "PRON", "AUX", "VERB", "PUNCT"],
        tags=["NNP", "NNP", ",", "WP", "VBD", "VBN", "."],
    )
    assert patient(doc[5]) == doc[1]


@pytest.mark.parametrize(
    "words,heads,deps,pos,expected",
    [
        (["Five", "members"], [1, 1], ["nummod", "ROOT"], ["NUM", "NOUN"], 5),
        (
            ["seven", "of", "the", "defendants"],
            [0, 0, 3, 1],
            ["ROOT", "prep", "det", "pobj"],
            ["NUM", "ADP", "DET", "NOUN"],
            7,
        ),
        (
            ["a", "group", "of", "25", "militants"],
            [1, 1, 1, 4, 2],
            ["det", "ROOT", "prep", "nummod", "pobj"],
            ["DET", "NOUN", "ADP", "NUM", "NOUN"],
            25,
        ),
        (["the", "prisoners"], [1, 1], ["det", "ROOT"], ["DET", "NOUN"], None),
    ],
)
def test_count_of_reads_the_number_of_people(
    words: list[str], heads: list[int], deps: list[str], pos: list[str], expected: int | None
) -> None:
    doc = make_doc(words, heads, deps, pos)
    root = next(t for t in doc if t.dep_ == "ROOT")
    assert count_of(root) == expected


def test_fill_charges_reads_the_phrase_after_charges_of() -> None:
    # "He was jailed on charges of terrorism and murder ."
    doc = make_doc(
        ["He", "was", "jailed", "on", "charges", "of", "terrorism", "and", "murder", "."],
        [2, 2, 2, 2, 3, 4, 5, 6, 6, 2],
        ["nsubjpass", "auxpass", "ROOT", "prep", "pobj", "prep", "pobj", "cc", "conj", "punct"],
        ["PRON", "AUX", "VERB", "ADP", "NOUN", "ADP", "NOUN", "CCONJ", "NOUN", "PUNCT"],
        lemmas=["he", "be", "jail", "on", "charge", "of", "terrorism", "and", "murder", "."],
    )
    role = RoleSpec("charges", "phrases")
    assert fill_charges(_ctx(doc, 2), role) == ["terrorism", "murder"]


def test_fill_law_articles_reads_every_article_number() -> None:
    doc = make_doc(
        ["under", "Articles", "307", "and", "187.2"],
        [1, 1, 1, 2, 2],
        ["prep", "ROOT", "nummod", "cc", "conj"],
    )
    assert fill_law_articles(_ctx(doc, 1), RoleSpec("articles", "phrases")) == ["307", "187.2"]


def test_fill_court_takes_a_named_court_and_skips_a_court() -> None:
    # "The Osh regional court jailed him ."
    doc = make_doc(
        ["The", "Osh", "regional", "court", "jailed", "him", "."],
        [3, 3, 3, 4, 4, 4, 4],
        ["det", "compound", "amod", "nsubj", "ROOT", "dobj", "punct"],
        ["DET", "PROPN", "ADJ", "NOUN", "VERB", "PRON", "PUNCT"],
    )
    assert fill_court(_ctx(doc, 4), RoleSpec("court", "name")) == "Osh regional court"
    # "A court jailed him ."
    doc = make_doc(
        ["A", "court", "jailed", "him", "."],
        [1, 2, 2, 2, 2],
        ["det", "nsubj", "ROOT", "dobj", "punct"],
        ["DET", "NOUN", "VERB", "PRON", "PUNCT"],
    )
    assert fill_court(_ctx(doc, 2), RoleSpec("court", "name")) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "of recruiting people into a criminal group and of publicly urging violence",
            ["recruiting people into a criminal group", "publicly urging violence"],
        ),
        ("of extremism, of treason", ["extremism", "treason"]),
    ],
)
def test_split_charges_cuts_a_list_of_clauses(text: str, expected: list[str]) -> None:
    assert split_charges(text) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Dushanbe", "Tajikistan"), ("Russia", "Russia"), ("Unknownabad", "Unknownabad")],
)
def test_country_of_gives_a_city_its_country(name: str, expected: str) -> None:
    assert _country_of(name) == expected


# "Police held 12 miners . The miners / those miners / miners were released ."
_ANTECEDENT = (
    ["Police", "held", "12", "miners", ".", "{det}", "miners", "were", "released", "."],
    [1, 1, 3, 1, 1, 6, 8, 8, 8, 8],
    ["nsubj", "ROOT", "nummod", "dobj", "punct", "det", "nsubjpass", "auxpass", "ROOT", "punct"],
    ["NOUN", "VERB", "NUM", "NOUN", "PUNCT", "DET", "NOUN", "AUX", "VERB", "PUNCT"],
)


@pytest.mark.parametrize(("det", "expected"), [("The", 12), ("those", 12), ("some", None)])
def test_antecedent_count_repeats_the_number_of_an_earlier_plural(
    det: str, expected: int | None
) -> None:
    words = [w.format(det=det) for w in _ANTECEDENT[0]]
    lemmas = [w.lower() for w in words]
    lemmas[3] = lemmas[6] = "miner"
    tags = ["NN", "VBD", "CD", "NNS", ".", "DT", "NNS", "VBD", "VBN", "."]
    doc = make_doc(words, *_ANTECEDENT[1:], lemmas=lemmas, tags=tags)
    assert antecedent_count(doc[6]) == expected
