"""Names the small model cuts at "of", mended by the pipeline."""

from __future__ import annotations

from typing import Any

import pytest

from kronika.nlp.names import mend_names

from ..helpers import make_doc


@pytest.mark.model
def test_a_name_cut_at_of_is_joined_with_the_name_after_it(nlp: Any) -> None:
    doc = nlp(
        "Tajikistan's Supreme Court designated the Youth Movement of Central Asia a terrorist "
        "organization."
    )
    orgs = [e.text for e in doc.ents if e.label_ == "ORG"]
    assert any(o.endswith("Youth Movement of Central Asia") for o in orgs), orgs
    assert "Central Asia" not in [e.text for e in doc.ents if e.label_ == "LOC"]


@pytest.mark.parametrize(
    "words,label,mended",
    [
        # a name cut at "of" and the name right after it
        (["Youth", "Movement", "of", "Central", "Asia", "rallied"], "ORG", (0, 5)),
        # a family name left untagged after a one-word person
        (["Kanybek", "Osmonaliev", "rallied"], "PERSON", (0, 2)),
    ],
)
def test_mend_names_joins_a_name_cut_short(
    words: list[str], label: str, mended: tuple[int, int]
) -> None:
    cut = 3 if label == "ORG" else 1
    ents = [(0, cut, label)] + ([(3, 5, "LOC")] if label == "ORG" else [])
    doc = mend_names(_doc(words, ents))
    assert [(e.start, e.end, e.label_) for e in doc.ents] == [(*mended, label)]


@pytest.mark.parametrize(
    "words,ents",
    [
        # a name apart from the next one: no preposition between them
        (["Hizb", "ut-Tahrir", "Osh", "rallied"], [(0, 2, "ORG"), (2, 3, "GPE")]),
        # a capitalized word with no family name's ending, or a two-word person
        (["Kanybek", "Bishkek", "rallied"], [(0, 1, "PERSON")]),
        (["Kanybek", "Asanov", "Osmonaliev", "rallied"], [(0, 2, "PERSON")]),
    ],
)
def test_mend_names_leaves_whole_names_alone(
    words: list[str], ents: list[tuple[int, int, str]]
) -> None:
    doc = mend_names(_doc(words, ents))
    assert [(e.start, e.end, e.label_) for e in doc.ents] == ents


def _doc(words: list[str], ents: list[tuple[int, int, str]]) -> Any:
    last = len(words) - 1
    return make_doc(
        words,
        [last] * last + [last],
        ["dep"] * last + ["ROOT"],
        ["PROPN"] * last + ["VERB"],
        ents=ents,
    )


@pytest.mark.model
def test_a_family_name_left_untagged_after_a_given_name_is_part_of_it(nlp: Any) -> None:
    doc = nlp(
        "A Bishkek court ordered that Kanybek Osmonaliev be held in pre-trial custody for two "
        "months."
    )
    assert "Kanybek Osmonaliev" in [e.text for e in doc.ents if e.label_ == "PERSON"]


@pytest.mark.model
@pytest.mark.parametrize(
    "text,person",
    [
        # the given name taken for a group, the family name left untagged
        (
            "Temirlan Abdykadyrov, Nurbek Sadykov and Kanat Imanaliev were released.",
            "Kanat Imanaliev",
        ),
        # the given name left untagged before a family name typed as a person
        ("Akmal Tursunov and Shavkat Rakhimov were jailed for ten years.", "Akmal Tursunov"),
    ],
)
def test_a_given_name_the_model_left_out_is_part_of_the_name(
    nlp: Any, text: str, person: str
) -> None:
    assert person in [e.text for e in nlp(text).ents if e.label_ == "PERSON"]


@pytest.mark.parametrize(
    "words,pos,label,mended",
    [
        # a name run on into a preposition: cut at its last name word, and a person
        (["Ulan", "Asanov", "to", "prison"], ["PROPN", "PROPN", "ADP", "NOUN"], "PERSON", (0, 2)),
        # an organization keeps its label
        (
            ["Jamaat", "Ansarullah", "and", "others"],
            ["PROPN", "PROPN", "CCONJ", "NOUN"],
            "ORG",
            (0, 2),
        ),
    ],
)
def test_mend_names_ends_a_name_at_its_last_name_word(
    words: list[str], pos: list[str], label: str, mended: tuple[int, int]
) -> None:
    last = len(words) - 1
    doc = make_doc(
        words, [last] * last + [last], ["dep"] * last + ["ROOT"], pos, ents=[(0, 3, "ORG")]
    )
    doc = mend_names(doc)
    assert [(e.start, e.end, e.label_) for e in doc.ents] == [(*mended, label)]


@pytest.mark.model
def test_a_defendant_named_before_to_is_a_person_without_it(nlp: Any) -> None:
    doc = nlp("A court in Bishkek sentenced Ulan Asanov to 8 years in prison for extremism.")
    assert "Ulan Asanov" in [e.text for e in doc.ents if e.label_ == "PERSON"]


def test_two_people_taken_for_one_name_are_two() -> None:
    words = ["Bobur", "Nazarov", "and", "Ilhom", "Saidov", "rallied"]
    doc = mend_names(_doc(words, [(0, 5, "ORG")]))
    assert [(e.start, e.end, e.label_) for e in doc.ents] == [(0, 2, "PERSON"), (3, 5, "PERSON")]
    # an organization's own "and" stays ("Committee for Peace and Justice")
    words = ["Peace", "and", "Justice", "Committee", "rallied"]
    doc = mend_names(_doc(words, [(0, 4, "ORG")]))
    assert [(e.start, e.end, e.label_) for e in doc.ents] == [(0, 4, "ORG")]


@pytest.mark.model
@pytest.mark.parametrize("written", ["23/08/2016", "08/23/2016", "2016-08-23", "23.08.2016"])
def test_a_date_written_in_figures_is_a_date(nlp: Any, written: str) -> None:
    doc = nlp(f"On {written}, gunmen opened fire on a police patrol outside Derbent.")
    assert [e.label_ for e in doc.ents if e.text == written] == ["DATE"]
