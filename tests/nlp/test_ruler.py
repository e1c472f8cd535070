"""The LOWER phrase ruler finds exactly the entities a plain EntityRuler finds."""

from __future__ import annotations

from typing import Any

import pytest
import spacy

from kronika.nlp.ruler import FACTORY, LowerPhraseRuler

PATTERNS: list[dict[str, Any]] = [
    {"label": "GPE", "id": "Zarafshon", "pattern": "Zarafshon"},
    {"label": "GPE", "id": "Zarafshon", "pattern": [{"LOWER": "zarafshon"}, {"LOWER": "valley"}]},
    {
        "label": "ORG",
        "id": "Mountain Front",
        "pattern": [{"LOWER": "mountain"}, {"LOWER": "front"}],
    },
    {"label": "ORG", "id": "Mountain Front", "pattern": [{"ORTH": "MF", "IS_SENT_START": False}]},
    {"label": "GPE", "id": "Rivertown", "pattern": [{"LOWER": "river"}, {"LOWER": "-"}]},
]

TEXTS = [
    "Fighters of the MOUNTAIN FRONT crossed the Zarafshon Valley at dawn.",
    "MF said the mountain front had left Zarafshon.",
    "Nobody in the zarafshon valley saw the Mountain front or MF.",
]


def _ents(ruler_factory: str) -> list[list[tuple[int, int, str, str]]]:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe(ruler_factory)
    ruler.add_patterns(PATTERNS)  # type: ignore[attr-defined]
    if isinstance(ruler, LowerPhraseRuler):
        assert ruler.index_lower_phrases() == 3
    return [[(e.start, e.end, e.label_, e.ent_id_) for e in nlp(t).ents] for t in TEXTS]


def test_lower_phrase_ruler_matches_like_the_entity_ruler() -> None:
    assert _ents(FACTORY) == _ents("entity_ruler")


def test_lower_phrase_ruler_keeps_patterns_the_tokenizer_would_split_differently() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe(FACTORY)
    assert isinstance(ruler, LowerPhraseRuler)
    ruler.add_patterns([{"label": "GPE", "pattern": [{"LOWER": "new york-based"}]}])
    assert ruler.index_lower_phrases() == 0
    assert "GPE" in ruler.matcher


@pytest.mark.model
def test_build_nlp_uses_the_lower_phrase_ruler(nlp: Any) -> None:
    doc = nlp("Police in the SUGHD REGION detained two men.")
    assert any(e.text == "SUGHD REGION" and e.label_ == "GPE" for e in doc.ents)
