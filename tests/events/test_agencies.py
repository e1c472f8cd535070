"""Who acted for a state, and the country a person was handed over by, on hand-built parses."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.tokens import Doc
from tests.helpers import events_of, make_doc

from kronika.events.agencies import country_of_word, fill_authority, fill_from_country
from kronika.events.fillers import FillContext
from kronika.events.spec import RoleSpec
from kronika.resolve.mentions import MentionIndex, NameMention

FROM_COUNTRY = RoleSpec("from_country", "name", entity=("LOC",))


def _ctx(doc: Doc, trigger: int) -> FillContext:
    mentions = MentionIndex(
        (NameMention(e.text, e.start_char, e.end_char, e.label_) for e in doc.ents), None, doc.text
    )
    return FillContext(doc, doc[:], doc[trigger], {}, mentions)


@pytest.mark.parametrize(
    "word,country",
    [
        ("Austrian", "Austria"),
        ("austrian", "Austria"),
        ("Tajik", "Tajikistan"),
        ("Turkish", "Turkey"),
        ("Martian", None),
        ("police", None),
    ],
)
def test_country_of_word_maps_a_nationality_to_its_country(word: str, country: str | None) -> None:
    assert country_of_word(word) == country


def _handed_over(doer: list[str], doer_pos: list[str], to: str) -> Doc:
    """ "<doer> authorities extradited Davron Karimov to <to> ." """
    n = len(doer)
    words = [*doer, "authorities", "extradited", "Davron", "Karimov", "to", to, "."]
    heads = [n] * n + [n + 1, n + 1, n + 3, n + 1, n + 1, n + 4, n + 1]
    deps = ["amod"] * n + ["nsubj", "ROOT", "compound", "dobj", "prep", "pobj", "punct"]
    pos = [*doer_pos, "NOUN", "VERB", "PROPN", "PROPN", "ADP", "PROPN", "PUNCT"]
    lemmas = [w.lower() for w in words]
    lemmas[n : n + 2] = ["authority", "extradite"]
    return make_doc(
        words,
        heads,
        deps,
        pos,
        lemmas=lemmas,
        ents=[(n + 2, n + 4, "PERSON"), (n + 5, n + 6, "GPE")],
    )


@pytest.mark.parametrize(
    "doer,doer_pos,to,expected",
    [
        (["Austrian"], ["ADJ"], "Tajikistan", "Austria"),
        (["Turkish"], ["ADJ"], "Uzbekistan", "Turkey"),
        # the doer's own country is where the person went, not where they came from
        (["Tajik"], ["ADJ"], "Tajikistan", None),
        # no nationality in the doer
        (["local"], ["ADJ"], "Tajikistan", None),
    ],
)
def test_fill_from_country_reads_the_acting_state_s_country(
    doer: list[str], doer_pos: list[str], to: str, expected: str | None
) -> None:
    doc = _handed_over(doer, doer_pos, to)
    trigger = next(t.i for t in doc if t.dep_ == "ROOT")
    assert fill_from_country(_ctx(doc, trigger), FROM_COUNTRY) == expected


@pytest.mark.parametrize(
    "place,expected",
    [("Turkey", "Turkey"), ("Russia", "Russia")],
)
def test_fill_from_country_takes_the_country_after_from(place: str, expected: str) -> None:
    # "Karimov was extradited from <place> to Uzbekistan ."
    doc = make_doc(
        ["Karimov", "was", "extradited", "from", place, "to", "Uzbekistan", "."],
        [2, 2, 2, 2, 3, 2, 5, 2],
        ["nsubjpass", "auxpass", "ROOT", "prep", "pobj", "prep", "pobj", "punct"],
        ["PROPN", "AUX", "VERB", "ADP", "PROPN", "ADP", "PROPN", "PUNCT"],
        ents=[(0, 1, "PERSON"), (4, 5, "GPE"), (6, 7, "GPE")],
    )
    assert fill_from_country(_ctx(doc, 2), FROM_COUNTRY) == expected


def test_fill_from_country_gives_none_without_a_doer_or_from() -> None:
    # "Karimov was extradited to Uzbekistan ."
    doc = make_doc(
        ["Karimov", "was", "extradited", "to", "Uzbekistan", "."],
        [2, 2, 2, 2, 3, 2],
        ["nsubjpass", "auxpass", "ROOT", "prep", "pobj", "punct"],
        ["PROPN", "AUX", "VERB", "ADP", "PROPN", "PUNCT"],
        ents=[(0, 1, "PERSON"), (4, 5, "GPE")],
    )
    assert fill_from_country(_ctx(doc, 2), FROM_COUNTRY) is None


def _acted(
    doer: list[str], doer_pos: list[str], verb: str, ents: list[tuple[int, int, str]]
) -> Doc:
    """ "<doer> <verb> Aibek Toktogulov ." with the doer's last word its head."""
    n = len(doer)
    words = [*doer, verb, "Aibek", "Toktogulov", "."]
    heads = [n - 1] * (n - 1) + [n, n, n + 2, n, n]
    deps = ["compound"] * (n - 1) + ["nsubj", "ROOT", "compound", "dobj", "punct"]
    for i, word in enumerate(doer[:-1]):
        if word.lower() in ("a", "the"):
            deps[i] = "det"
        elif doer_pos[i] == "ADJ":
            deps[i] = "amod"
    pos = [*doer_pos, "VERB", "PROPN", "PROPN", "PUNCT"]
    return make_doc(words, heads, deps, pos, ents=[*ents, (n + 1, n + 3, "PERSON")])


@pytest.mark.parametrize(
    "role,doer,doer_pos,ents,expected",
    [
        # a body named by the place it sits in: the body, not the place
        (
            "authority",
            ["A", "Bishkek", "court"],
            ["DET", "PROPN", "NOUN"],
            [(1, 2, "GPE")],
            "Bishkek court",
        ),
        (
            "authority",
            ["The", "Afghan", "government"],
            ["DET", "ADJ", "NOUN"],
            [(1, 2, "NORP")],
            "Afghan government",
        ),
        # a bare "court" says nothing
        ("authority", ["A", "court"], ["DET", "NOUN"], [], None),
        # an arresting agency is told by whose it is; "the police" alone says nothing
        ("agency", ["Kyrgyz", "police"], ["ADJ", "NOUN"], [(0, 1, "NORP")], "Kyrgyz police"),
        ("agency", ["The", "police"], ["DET", "NOUN"], [], None),
        ("agency", ["The", "FSB"], ["DET", "PROPN"], [(1, 2, "ORG")], "FSB"),
    ],
)
def test_fill_authority_names_the_body_that_acted(
    role: str,
    doer: list[str],
    doer_pos: list[str],
    ents: list[tuple[int, int, str]],
    expected: str | None,
) -> None:
    doc = _acted(doer, doer_pos, "released", ents)
    spec = RoleSpec(role, "name", entity=("ORG",) if role == "agency" else ("PERSON", "ORG"))
    assert fill_authority(_ctx(doc, len(doer)), spec) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "agency"),
    [
        # the body that says "it" detained them
        (
            "The Committee for State Security said on Friday it had detained four men suspected "
            "of recruiting for the Islamic State group.",
            "Committee for State Security",
        ),
        # a body's whole name, over the head word the parse leaves it
        (
            "The Counter Terrorism Department of Punjab police arrested two suspects in Multan.",
            "Counter Terrorism Department",
        ),
    ],
)
def test_the_body_that_arrested(nlp: Any, text: str, agency: str) -> None:
    [arrest] = [e for e in events_of(nlp, text, "2019-05-10") if e.type == "ARREST"]
    assert str(arrest.args.get("agency") or "").startswith(agency)


@pytest.mark.model
def test_attacks_someone_was_suspected_of_planning_are_no_attack(nlp: Any) -> None:
    text = (
        "Security officers detained an Uzbek national suspected of planning attacks on behalf "
        "of Islamic State, the agency said."
    )
    assert [e.type for e in events_of(nlp, text, "2019-05-10")] == ["ARREST"]
