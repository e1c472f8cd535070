"""kronika's ``Doc._`` and ``Span._`` attributes, installed once by :func:`install_extensions`.

Attributes:
    Doc._.published: the article's publication date (ISO, any precision); relative
        dates in the text resolve against it. Set by whoever builds the Doc.
    Span._.canonical: the curated name of a gazetteer match (the ruler pattern id), or None.
    Span._.date: the span read as a date phrase, resolved against ``Doc._.published``.
    Span._.number: the span read as a number ("twenty", "1,141"), or None.
    Span._.term: the span read as a prison term, or None.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..normalize.dates import normalize_date
from ..normalize.numbers import Term, parse_number, parse_term


def _canonical(span: Span) -> str | None:
    return span.ent_id_ or None


def _date(span: Span) -> str | None:
    published: str | None = span.doc._.published
    return normalize_date(span.text, published)


def _number(span: Span) -> float | int | None:
    return parse_number(span.text)


def _term(span: Span) -> Term | None:
    return parse_term(span.text)


def install_extensions() -> None:
    """Register kronika's Doc and Span extension attributes (safe to call many times)."""
    if not Doc.has_extension("published"):
        Doc.set_extension("published", default=None, force=True)
    getters = {"canonical": _canonical, "date": _date, "number": _number, "term": _term}
    for name, getter in getters.items():
        if not Span.has_extension(name):
            Span.set_extension(name, getter=getter, force=True)
