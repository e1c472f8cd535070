"""Helpers for tests: hand-built parses, so dependency rules are tested without a model, and
the events of a text read through the real model."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

import spacy
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab


@cache
def english_vocab() -> Vocab:
    """An English vocabulary (number words, noun chunks), shared by every hand-built doc."""
    return spacy.blank("en").vocab


def make_doc(
    words: Sequence[str],
    heads: Sequence[int],
    deps: Sequence[str],
    pos: Sequence[str] | None = None,
    lemmas: Sequence[str] | None = None,
    ents: Sequence[tuple[int, int, str]] | None = None,
    tags: Sequence[str] | None = None,
) -> Doc:
    """Return a one-sentence Doc with the given parse.

    ``heads`` are absolute token indices (the root points to itself); ``ents`` are
    (start, end, label) token spans. Lemmas default to the lower-cased words.
    """
    doc = Doc(
        english_vocab(),
        words=list(words),
        heads=list(heads),
        deps=list(deps),
        pos=list(pos) if pos is not None else None,
        lemmas=list(lemmas) if lemmas is not None else [w.lower() for w in words],
        # a tag on every token, so matchers that test TAG accept the doc
        tags=list(tags) if tags is not None else ["XX"] * len(words),
        sent_starts=[True] + [False] * (len(words) - 1),
    )
    if ents:
        doc.ents = [Span(doc, start, end, label=label) for start, end, label in ents]
    return doc


def events_of(nlp: Any, text: str, published: str | None = "2021-01-01") -> list[Any]:
    """The events ``extract_article`` finds in ``text`` (an English article), through ``nlp``."""
    from kronika.events.extract import extract_article
    from kronika.model import Article
    from kronika.settings import Settings

    article = Article(external_id="t", input_hash="", part=0, text=text, published=published)
    return list(extract_article(nlp(text), article, Settings()).events)


def russian_events_of(text: str, published: str | None = "2024-10-22") -> list[Any]:
    """The events the Russian pipeline finds in ``text`` (a Russian article)."""
    from kronika.events.routing import analyse_articles
    from kronika.model import Article
    from kronika.settings import Settings

    article = Article(
        external_id="t", input_hash="", part=0, text=text, language="ru", published=published
    )
    [result] = analyse_articles([article], Settings())
    return list(result.events)
