"""A preposition the small model leaves without its object gets the noun after it."""

from __future__ import annotations

from typing import Any

import pytest

from kronika.nlp.preps import mend_preps

from ..helpers import make_doc


def _object_of(doc: Any, prep: str) -> list[str]:
    word = next(t for t in doc if t.lower_ == prep and t.dep_ == "prep")
    return [c.text for c in word.children if c.dep_ == "pobj"]


@pytest.mark.model
@pytest.mark.parametrize(
    "text,prep,obj",
    [
        # "Askarov" hung on "upheld" as an adverbial: the person the term was handed to
        (
            "The Supreme Court upheld the life sentence handed to rights defender Azimjon Askarov.",
            "to",
            "Askarov",
        ),
        # and as the verb's object in a passive
        (
            "The sentence was handed to rights defender Azimjon Askarov in 2010.",
            "to",
            "Askarov",
        ),
        # a preposition the model gave its object keeps it
        ("Police handed the documents to the court in Osh.", "to", "court"),
    ],
)
def test_an_object_less_preposition_takes_the_noun_after_it(
    nlp: Any, text: str, prep: str, obj: str
) -> None:
    assert _object_of(nlp(text), prep) == [obj]


@pytest.mark.parametrize(
    "words,heads,deps",
    [
        # "the mistake of Halimov to join": the name is the subject of "join"
        (
            ["the", "mistake", "of", "Halimov", "to", "join"],
            [1, 1, 1, 5, 5, 1],
            ["det", "ROOT", "prep", "nsubj", "aux", "acl"],
        ),
        # "as" opens a clause; it is no preposition that must take an object
        (
            ["fear", "as", "members", "flee"],
            [0, 3, 3, 0],
            ["ROOT", "prep", "nsubj", "advcl"],
        ),
    ],
)
def test_a_subject_after_a_preposition_or_a_clause_word_is_left_alone(
    words: list[str], heads: list[int], deps: list[str]
) -> None:
    tags = ["NN" if w[0].isupper() or w in ("mistake", "members") else "XX" for w in words]
    doc = mend_preps(make_doc(words, heads, deps, tags=tags))
    assert [t.dep_ for t in doc] == deps


def test_a_phrase_hung_elsewhere_is_put_back_under_its_preposition() -> None:
    words = ["upheld", "the", "term", "handed", "to", "rights", "defender", "Askarov"]
    heads = [0, 2, 0, 2, 3, 6, 7, 0]
    deps = ["ROOT", "det", "dobj", "acl", "prep", "compound", "compound", "npadvmod"]
    tags = ["VBD", "DT", "NN", "VBN", "IN", "NNS", "NN", "NNP"]
    doc = mend_preps(make_doc(words, heads, deps, tags=tags))
    assert (doc[7].dep_, doc[7].head.text) == ("pobj", "to")
