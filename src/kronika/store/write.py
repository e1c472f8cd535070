"""Writing machine output: one input's articles, entities, events and claims, and skips.

Everything here runs inside a transaction the caller opened (``Store.write_input``,
``Store.replace_extraction``). Entities are get-or-created by ``(type, key)``;
events and claims are deduplicated by fingerprint; every event also gets an
*anchor*, a key that stays the same when extraction rules change (input, part,
type, evidence span and rank), so human corrections find it again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import asdict
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, Table, insert, select, text, tuple_
from sqlalchemy.dialects import postgresql, sqlite

from ..model import ArticleResult, Claim, Entity, Event, RawInput, Skip
from .cooccurrence import add_article, lock_counts
from .schema import (
    aliases,
    articles,
    claim_sources,
    claims,
    entities,
    entity_key,
    event_entities,
    event_sources,
    events,
    inputs,
    mentions,
    skips,
)
from .supersede import supersede

#: Keys per ``IN (...)`` lookup, well under SQLite's limit on bound parameters.
_CHUNK = 400


def now() -> datetime:
    return datetime.now(UTC)


def fingerprint(*parts: Any) -> str:
    # No ``default=``: a value JSON cannot hold is a bug upstream and raises TypeError here,
    # before anything reaches the database, the same way on every backend.
    payload = json.dumps(parts, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def insert_new(
    conn: Connection, table: Table, values: dict[str, Any], keys: list[str]
) -> int | None:
    """Insert a row unless one with the same ``keys`` exists; return its new id, else None."""
    statement = _insert_new(conn.dialect.name, table, tuple(keys), True)
    if "id" in table.c:
        return conn.execute(statement, values).scalar()
    return 1 if conn.execute(statement, values).rowcount else None


@lru_cache(maxsize=64)
def _insert_new(dialect_name: str, table: Table, keys: tuple[str, ...], returning: bool) -> Any:
    # built once per table: building a statement per row cost more than writing the row
    dialect = postgresql if dialect_name == "postgresql" else sqlite
    statement = dialect.insert(table).on_conflict_do_nothing(index_elements=list(keys))
    return statement.returning(table.c.id) if returning and "id" in table.c else statement


def _no_nul(value: str) -> str:
    # PostgreSQL text cannot hold NUL (a record id may); one-for-one keeps lengths
    return value.replace("\x00", "\ufffd")


def write_articles(conn: Connection, raw: RawInput, results: Sequence[ArticleResult]) -> bool:
    row = {
        "content_hash": raw.content_hash,
        "source": _no_nul(raw.source),
        "external_id": _no_nul(raw.external_id),
        "format": raw.format,
        "ingested_at": now(),
    }
    lock_counts(conn, exclusive=False)
    if insert_new(conn, inputs, row, ["content_hash"]) is None:
        return False
    supersede(conn, raw)  # an edited file or re-fetched page replaces its older version
    for result in results:
        _write_article(conn, raw.content_hash, result)
    return True


def _write_article(conn: Connection, input_hash: str, result: ArticleResult) -> None:
    article = result.article
    article_id = conn.execute(
        insert(articles).returning(articles.c.id),
        {
            "input_hash": input_hash,
            "part": article.part,
            "external_id": _no_nul(article.external_id),
            "source": _no_nul(article.source),
            "title": article.title and _no_nul(article.title),
            "outlet": article.outlet,
            "author": article.author,
            "url": article.url,
            "published": article.published,
            "language": article.language,
            # PostgreSQL text cannot hold NUL; one-for-one replacement keeps every span.
            "text": article.text.replace("\x00", "\ufffd"),
            "chars": len(article.text),
        },
    ).scalar_one()
    write_extraction(conn, article_id, input_hash, result)


def write_extraction(
    conn: Connection, article_id: int, input_hash: str, result: ArticleResult
) -> None:
    """Write the entities, events and claims extracted from the stored article ``article_id``.

    Each kind of row goes in with one statement for the whole article, not one
    per row: on a large article that is most of the writer's time.
    """
    # Every surface form in this article → its entity, to link event arguments by name.
    names: dict[str, int] = {}
    for entity, entity_id in zip(
        result.entities, _write_entities(conn, article_id, result.entities), strict=True
    ):
        forms = [entity.name, *entity.aliases, *(m.text for m in entity.mentions)]
        for form in forms:
            names.setdefault(entity_key(form), entity_id)
    add_article(conn, article_id)
    origin = (input_hash, result.article.part)
    ranks: dict[tuple[Any, ...], int] = {}
    anchors = []
    for extracted in result.events:
        span = extracted.evidence[0] if extracted.evidence else None
        place = (extracted.type, span.start if span else -1, span.end if span else -1)
        ranks[place] = ranks.get(place, -1) + 1
        anchors.append(fingerprint(*origin, *place, ranks[place])[:40])
    _write_events(conn, article_id, origin, result.events, names, anchors)
    _write_claims(conn, article_id, origin, result.claims)


def _write_entities(conn: Connection, article_id: int, found: Sequence[Entity]) -> list[int]:
    """Get-or-create ``found`` by ``(type, key)``; return their ids in order.

    The first entity of a key in the article names a new entity; every other
    name it goes by becomes an alias.
    """
    keys = [(entity.type, entity_key(entity.name)) for entity in found]
    new: dict[tuple[str, str], dict[str, Any]] = {}
    for entity, (kind, key) in zip(found, keys, strict=True):
        place = asdict(entity.place) if entity.place is not None else None
        new.setdefault((kind, key), {"type": kind, "name": entity.name, "key": key, "place": place})
    if not new:
        return []
    conn.execute(
        _insert_new(conn.dialect.name, entities, ("type", "key"), False), list(new.values())
    )
    stored = _stored_entities(conn, list(new))
    ids = [stored[key][0] for key in keys]
    alias_rows = [
        {"entity_id": entity_id, "alias": alias}
        for entity, entity_id, key in zip(found, ids, keys, strict=True)
        for alias in dict.fromkeys((entity.name, *entity.aliases))
        if alias != stored[key][1]
    ]
    if alias_rows:
        conn.execute(
            _insert_new(conn.dialect.name, aliases, ("entity_id", "alias"), False), alias_rows
        )
    mention_rows = [
        {
            "entity_id": entity_id,
            "article_id": article_id,
            "text": m.text,
            "start": m.start,
            "end": m.end,
        }
        for entity, entity_id in zip(found, ids, strict=True)
        for m in entity.mentions
    ]
    if mention_rows:
        conn.execute(insert(mentions), mention_rows)
    return ids


def _stored_entities(
    conn: Connection, keys: list[tuple[str, str]]
) -> dict[tuple[str, str], tuple[int, str]]:
    """Return ``(type, key)`` → (id, stored name) for the stored entities among ``keys``."""
    stored: dict[tuple[str, str], tuple[int, str]] = {}
    for start in range(0, len(keys), _CHUNK):
        chunk = keys[start : start + _CHUNK]
        rows = conn.execute(
            select(entities.c.id, entities.c.type, entities.c.key, entities.c.name).where(
                tuple_(entities.c.type, entities.c.key).in_(chunk)
            )
        )
        stored.update({(row.type, row.key): (row.id, row.name) for row in rows})
    return stored


def _write_events(
    conn: Connection,
    article_id: int,
    origin: tuple[str, int],
    found: Sequence[Event],
    names: dict[str, int],
    anchors: list[str],
) -> None:
    rows = [
        _event_row(origin, extracted, anchor)
        for extracted, anchor in zip(found, anchors, strict=True)
    ]
    ids = _insert_fresh(conn, events, rows)
    sources: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    for extracted, event_id in zip(found, ids, strict=True):
        if event_id is None:  # the same event twice in one article: keep the first
            continue
        sources += _source_rows("event_id", event_id, article_id, extracted.evidence)
        for role, value in extracted.args.items():
            given = [value] if isinstance(value, str) else value if isinstance(value, list) else []
            for name in given:
                entity_id = names.get(entity_key(str(name)))
                if entity_id is not None:
                    links.append({"event_id": event_id, "entity_id": entity_id, "role": role})
    if sources:
        conn.execute(insert(event_sources), sources)
    if links:
        keys = ("event_id", "entity_id", "role")
        conn.execute(_insert_new(conn.dialect.name, event_entities, keys, False), links)


def _event_row(origin: tuple[str, int], extracted: Event, anchor: str) -> dict[str, Any]:
    spans = [[e.start, e.end] for e in extracted.evidence]
    return {
        "type": extracted.type,
        "date": extracted.date,
        "location": asdict(extracted.location) if extracted.location is not None else None,
        "args": dict(extracted.args),
        "confidence": extracted.confidence,
        "flags": list(extracted.flags),
        "markers": list(extracted.markers),
        "rule": extracted.rule,
        "fingerprint": fingerprint(*origin, extracted.type, spans, extracted.args),
        "anchor": anchor,
        "located": extracted.location is not None,
    }


def _insert_fresh(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> list[int | None]:
    """Insert the rows whose ``fingerprint`` is new; return each row's new id (None: not new).

    A fingerprint already stored, or repeated within ``rows``, keeps its first row.
    """
    prints = list(dict.fromkeys(row["fingerprint"] for row in rows))
    seen: set[str] = set()
    for start in range(0, len(prints), _CHUNK):
        chunk = prints[start : start + _CHUNK]
        seen.update(conn.scalars(select(table.c.fingerprint).where(table.c.fingerprint.in_(chunk))))
    fresh: list[dict[str, Any]] = []
    for row in rows:
        if row["fingerprint"] not in seen:
            seen.add(row["fingerprint"])
            fresh.append(row)
    if not fresh:
        return [None] * len(rows)
    statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    new_ids = iter(conn.scalars(statement, fresh).all())
    taken = {id(row) for row in fresh}
    return [next(new_ids) if id(row) in taken else None for row in rows]


def _write_claims(
    conn: Connection, article_id: int, origin: tuple[str, int], found: Sequence[Claim]
) -> None:
    rows = []
    for claim in found:
        spans = [[e.start, e.end] for e in claim.evidence]
        print_ = fingerprint(*origin, claim.quantity, claim.about, claim.claimant, spans)
        rows.append(
            {
                "quantity": claim.quantity,
                "about": claim.about,
                "claimant": claim.claimant,
                "contested": claim.contested,
                "markers": list(claim.markers),
                "fingerprint": print_,
            }
        )
    sources: list[dict[str, Any]] = []
    for claim, claim_id in zip(found, _insert_fresh(conn, claims, rows), strict=True):
        if claim_id is not None:
            sources += _source_rows("claim_id", claim_id, article_id, claim.evidence)
    if sources:
        conn.execute(insert(claim_sources), sources)


def _source_rows(owner: str, owner_id: int, article_id: int, evidence: Any) -> list[dict[str, Any]]:
    return [
        {
            owner: owner_id,
            "article_id": article_id,
            "evidence": e.text,
            "start": e.start,
            "end": e.end,
        }
        for e in evidence
    ]


def _lock_skip(conn: Connection, key: str) -> None:
    """Serialize the check-then-insert of one skip across concurrent runs (PostgreSQL only).

    Two ``kronika ingest`` runs over one corpus both find no row for a broken input and
    would both insert one; a transaction lock on the skip's key makes the second wait
    and then see the first one's row.
    """
    if conn.dialect.name == "postgresql":
        number = int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big", signed=True)
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": number})


def record_input_skip(conn: Connection, raw: RawInput, skip: Skip) -> None:
    input_hash = skip.input_hash or raw.content_hash
    _lock_skip(conn, f"skip:{input_hash}")
    if conn.execute(select(skips.c.id).where(skips.c.input_hash == input_hash)).first():
        return
    conn.execute(
        insert(skips),
        {
            "source": _no_nul(skip.source or raw.source),
            "external_id": _no_nul(skip.external_id or raw.external_id),
            "input_hash": input_hash,
            "stage": skip.stage,
            "reason": _no_nul(skip.reason),
            "at": now(),
        },
    )


def record_skip(conn: Connection, skip: Skip) -> None:
    _lock_skip(conn, f"skip:{skip.source}\n{skip.reason}")
    seen = select(skips.c.id).where(skips.c.source == skip.source, skips.c.reason == skip.reason)
    if conn.execute(seen).first():
        return
    conn.execute(
        insert(skips),
        {
            "source": _no_nul(skip.source),
            "external_id": _no_nul(skip.external_id),
            "input_hash": skip.input_hash,
            "stage": skip.stage,
            "reason": _no_nul(skip.reason),
            "at": now(),
        },
    )
