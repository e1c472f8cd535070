"""Cut a text too long for the parser into pieces, and join the pieces' results back.

A piece ends after a blank line where it can (a paragraph boundary), else after
a line break, a sentence end or a space; only a text with none of these within
the limit is cut mid-word. The pieces concatenate to the original text, so a
result found at ``start`` in a piece lies at ``offset + start`` in the whole,
and :func:`join_results` moves every evidence and mention span by that offset.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Article, ArticleResult, Claim, Entity, Event, Evidence, Mention

# Where a piece may end, best first: after a blank line, a line break, a sentence, a space.
_BREAKS = (
    re.compile(r"\n[ \t]*\n\s*"),
    re.compile(r"\n\s*"),
    re.compile(r"[.!?][\"'\u201d\u2019)]*\s+"),
    re.compile(r"\s+"),
)


def split_text(text: str, limit: int) -> list[tuple[int, str]]:
    """Return ``(offset, piece)`` pairs, each piece at most ``limit`` characters, in order.

    The pieces concatenate to ``text``; a text within the limit is one piece.
    """
    if limit < 1:
        raise ValueError(f"limit must be positive, not {limit}")
    pieces: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        end = _cut(text, start, start + limit)
        pieces.append((start, text[start:end]))
        start = end
    if start < len(text) or not pieces:
        pieces.append((start, text[start:]))
    return pieces


def _cut(text: str, start: int, stop: int) -> int:
    """Return where the piece from ``start`` ends: the last good break before ``stop``."""
    window = text[start:stop]
    for pattern in _BREAKS:
        ends = [m.end() for m in pattern.finditer(window) if 0 < m.end() <= len(window)]
        # a break in the first half would make many tiny pieces; prefer a later one
        good = [end for end in ends if end > len(window) // 2] or ends
        if good:
            return start + good[-1]
    return stop


def join_results(article: Article, parts: list[tuple[int, ArticleResult]]) -> ArticleResult:
    """Join the results of ``article``'s pieces (``(offset, result)``) into one result.

    Spans move by their piece's offset; an entity named alike (same name and
    type) in several pieces becomes one entity with all its mentions.
    """
    entities: dict[tuple[str, str], Entity] = {}
    events: list[Event] = []
    claims: list[Claim] = []
    for offset, part in parts:
        for entity in part.entities:
            moved = replace(entity, mentions=tuple(_mention(m, offset) for m in entity.mentions))
            key = (entity.name, entity.type)
            known = entities.get(key)
            entities[key] = moved if known is None else _merge_entity(known, moved)
        events += [replace(e, evidence=_evidence(e.evidence, offset)) for e in part.events]
        claims += [replace(c, evidence=_evidence(c.evidence, offset)) for c in part.claims]
    return ArticleResult(
        article=article,
        entities=tuple(entities.values()),
        events=tuple(events),
        claims=tuple(claims),
    )


def _merge_entity(known: Entity, new: Entity) -> Entity:
    aliases = tuple(dict.fromkeys(known.aliases + new.aliases))
    return replace(
        known,
        aliases=aliases,
        mentions=known.mentions + new.mentions,
        place=known.place if known.place is not None else new.place,
    )


def _mention(mention: Mention, offset: int) -> Mention:
    return replace(mention, start=mention.start + offset, end=mention.end + offset)


def _evidence(evidence: tuple[Evidence, ...], offset: int) -> tuple[Evidence, ...]:
    return tuple(replace(e, start=e.start + offset, end=e.end + offset) for e in evidence)
