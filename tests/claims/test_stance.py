"""Modality (is the action asserted?) and contest markers."""

from __future__ import annotations

from typing import Any

import pytest
from tests.helpers import make_doc

from kronika.claims.stance import contest_markers, is_asserted, only_approved


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Aliev denied the charges and said he was tortured.", ("denied",)),
        ("We do not agree with the sentence and appealed.", ("appealed", "do not agree")),
        ("He has not pleaded guilty.", ("has not pleaded guilty",)),
        ("The court sentenced him to nine years.", ()),
    ],
)
def test_contest_markers_finds_disputing_phrases(text: str, expected: tuple[str, ...]) -> None:
    assert set(contest_markers(text)) == set(expected)


def test_is_asserted_accepts_a_plain_passive() -> None:
    doc = make_doc(
        ["Aliev", "was", "arrested", "."],
        [2, 2, 2, 2],
        ["nsubjpass", "auxpass", "ROOT", "punct"],
        ["PROPN", "AUX", "VERB", "PUNCT"],
        lemmas=["Aliev", "be", "arrest", "."],
    )
    assert is_asserted(doc[2])


def test_is_asserted_rejects_a_negated_action() -> None:
    doc = make_doc(
        ["Aliev", "was", "not", "arrested", "."],
        [3, 3, 3, 3, 3],
        ["nsubjpass", "auxpass", "neg", "ROOT", "punct"],
        ["PROPN", "AUX", "PART", "VERB", "PUNCT"],
        lemmas=["Aliev", "be", "not", "arrest", "."],
    )
    assert not is_asserted(doc[3])


def test_is_asserted_rejects_a_vowed_action() -> None:
    doc = make_doc(
        ["Lawyers", "vowed", "to", "appeal", "."],
        [1, 1, 3, 1, 1],
        ["nsubj", "ROOT", "aux", "xcomp", "punct"],
        ["NOUN", "VERB", "PART", "VERB", "PUNCT"],
        lemmas=["lawyer", "vow", "to", "appeal", "."],
    )
    assert not is_asserted(doc[3])


def test_is_asserted_rejects_a_modal_action() -> None:
    doc = make_doc(
        ["He", "could", "be", "jailed", "."],
        [3, 3, 3, 3, 3],
        ["nsubjpass", "aux", "auxpass", "ROOT", "punct"],
        ["PRON", "AUX", "AUX", "VERB", "PUNCT"],
        lemmas=["he", "could", "be", "jail", "."],
    )
    assert not is_asserted(doc[3])


@pytest.mark.parametrize(
    "words,heads,deps,pos,trigger",
    [
        # "a planned attack was disrupted"
        (
            ["a", "planned", "attack", "was", "disrupted"],
            [2, 2, 4, 4, 4],
            ["det", "amod", "nsubjpass", "auxpass", "ROOT"],
            ["DET", "VERB", "NOUN", "AUX", "VERB"],
            2,
        ),
        # "officials traditionally pardon prisoners"
        (
            ["officials", "traditionally", "pardon", "prisoners"],
            [2, 2, 2, 2],
            ["nsubj", "advmod", "ROOT", "dobj"],
            ["NOUN", "ADV", "VERB", "NOUN"],
            2,
        ),
        # "neither Karimov nor Saidov appealed"
        (
            ["neither", "Karimov", "nor", "Saidov", "appealed"],
            [1, 4, 1, 1, 4],
            ["preconj", "nsubj", "cc", "conj", "ROOT"],
            ["CCONJ", "PROPN", "CCONJ", "PROPN", "VERB"],
            4,
        ),
        # "guards prevented an escape attempt"
        (
            ["guards", "prevented", "an", "escape", "attempt"],
            [1, 1, 4, 4, 1],
            ["nsubj", "ROOT", "det", "compound", "dobj"],
            ["NOUN", "VERB", "DET", "NOUN", "NOUN"],
            3,
        ),
    ],
)
def test_is_asserted_rejects_what_did_not_happen_as_told(
    words: list[str], heads: list[int], deps: list[str], pos: list[str], trigger: int
) -> None:
    base = {"disrupted": "disrupt", "appealed": "appeal", "prevented": "prevent"}
    doc = make_doc(words, heads, deps, pos, lemmas=[base.get(w, w.lower()) for w in words])
    assert not is_asserted(doc[trigger])


@pytest.mark.model
@pytest.mark.parametrize(
    "text,trigger,asserted",
    [
        # the verb the noun is subject of is denied, not the act the noun names
        ("Hamid Rashidov, whose escape was never explained, surfaced in Istanbul.", "escape", True),
        ("The attack did not kill anyone.", "attack", True),
        # the act itself denied
        ("Police did not arrest anyone.", "arrest", False),
        # a request granted is done (what it asks may still be only approved: see below);
        # one filed is not
        ("The court granted the request to extradite Olim Sattorov.", "extradite", True),
        ("Prosecutors filed a request to extradite Olim Sattorov.", "extradite", False),
        # an act reported as done in a perfect infinitive, one only planned in a plain one
        ("Police claimed on Monday to have arrested four militants in Quetta.", "arrested", True),
        ("Karim Saidov is believed to have joined the group in 2015.", "joined", True),
        ("Police claimed they would soon arrest the militants.", "arrest", False),
        # an act told as what occurred: the verb that says so carries its stance
        ("Prison officials denied that a breakout had taken place.", "breakout", False),
        ("Officials said no attack had occurred in the town.", "attack", False),
        ("A breakout took place at the prison in Osh on Monday.", "breakout", True),
        ("Karim Saidov was planning to join the group.", "join", False),
        # a condition has not happened; a question about an act told is no condition
        ("Saidov could face 20 years in prison if he is convicted.", "convicted", False),
        ("If he is extradited to Tajikistan, he faces torture.", "extradited", False),
        ("It remains unclear if the men were deported for violating rules.", "deported", True),
        # what a reward seeks has not happened
        ("A reward was offered for information leading to his capture.", "capture", False),
    ],
)
def test_is_asserted_through_the_real_model(
    nlp: Any, text: str, trigger: str, asserted: bool
) -> None:
    doc = nlp(text)
    token = next(t for t in doc if t.lower_ == trigger)
    assert is_asserted(token) is asserted


@pytest.mark.model
@pytest.mark.parametrize(
    "text,trigger,kind,approved",
    [
        (
            "A Moscow court approved the extradition of Aziz Karimov.",
            "extradition",
            "EXTRADITION",
            True,
        ),
        ("The court ordered that Rustam Saidov be deported.", "deported", "EXTRADITION", True),
        (
            "The court granted the request to extradite Olim Sattorov.",
            "extradite",
            "EXTRADITION",
            True,
        ),
        (
            "Kazakhstan extradited Farhod Umarov after a court approved it.",
            "extradited",
            "EXTRADITION",
            False,
        ),
        # an approved ban is a ban
        ("Parliament approved the ban on the movement.", "ban", "BAN", False),
    ],
)
def test_only_approved_finds_handovers_not_yet_done(
    nlp: Any, text: str, trigger: str, kind: str, approved: bool
) -> None:
    doc = nlp(text)
    token = next(t for t in doc if t.lower_ == trigger)
    assert only_approved(kind, token) is approved
