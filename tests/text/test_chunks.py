"""Cutting long texts into pieces and moving the pieces' spans back."""

from __future__ import annotations

import pytest

from kronika.model import Article, ArticleResult, Entity, Event, Evidence, Mention
from kronika.text.chunks import join_results, split_text

PARAS = "\n\n".join(f"Paragraph {i} says something about a court in Osh." for i in range(40))


@pytest.mark.parametrize("limit", [60, 200, 999, 5_000])
def test_split_text_pieces_concatenate_and_fit(limit: int) -> None:
    pieces = split_text(PARAS, limit)
    assert "".join(p for _, p in pieces) == PARAS
    assert all(len(p) <= limit for _, p in pieces)
    assert all(PARAS[off : off + len(p)] == p for off, p in pieces)


@pytest.mark.parametrize("limit", [120, 400])
def test_split_text_ends_pieces_after_a_blank_line(limit: int) -> None:
    pieces = split_text(PARAS, limit)
    assert len(pieces) > 1
    assert all(p.endswith("\n\n") for _, p in pieces[:-1])


@pytest.mark.parametrize(
    "text,limit",
    [("one long line without breaks " * 20, 50), ("x" * 130, 50), ("", 10), ("short", 10)],
)
def test_split_text_falls_back_to_spaces_then_a_hard_cut(text: str, limit: int) -> None:
    pieces = split_text(text, limit)
    assert "".join(p for _, p in pieces) == text
    assert all(len(p) <= limit for _, p in pieces)
    if " " in text and len(text) > limit:
        assert all(p.endswith(" ") for _, p in pieces[:-1])


@pytest.mark.parametrize("offset", [0, 1_234])
def test_join_results_moves_spans_and_merges_entities(offset: int) -> None:
    article = Article("a", "h", 0, "text")
    osh = Entity("Osh", "LOC", mentions=(Mention("Osh", 3, 6),))
    event = Event("ARREST", {}, (Evidence("held", 0, 4),))
    first = ArticleResult(article, entities=(osh,), events=(event,))
    joined = join_results(article, [(0, first), (offset, first)])
    assert [(m.start, m.end) for m in joined.entities[0].mentions] == [
        (3, 6),
        (3 + offset, 6 + offset),
    ]
    assert [e.evidence[0].start for e in joined.events] == [0, offset]
    assert len(joined.entities) == 1
