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

from sqlalchemy import Connection, Table, insert, select
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
    statement = _insert_new(conn.dialect.name, table, tuple(keys))
    if "id" in table.c:
        return conn.execute(statement, values).scalar()
    return 1 if conn.execute(statement, values).rowcount else None


@lru_cache(maxsize=64)
def _insert_new(dialect_name: str, table: Table, keys: tuple[str, ...]) -> Any:
    # built once per table: building a statement per row cost more than writing the row
    dialect = postgresql if dialect_name == "postgresql" else sqlite
    statement = dialect.insert(table).on_conflict_do_nothing(index_elements=list(keys))
    return statement.returning(table.c.id) if "id" in table.c else statement


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
    """Write the entities, events and claims extracted from the stored article ``article_id``."""
    # Every surface form in this article → its entity, to link event arguments by name.
    names: dict[str, int] = {}
    for entity in result.entities:
        entity_id = _write_entity(conn, article_id, entity)
        forms = [entity.name, *entity.aliases, *(m.text for m in entity.mentions)]
        for form in forms:
            names.setdefault(entity_key(form), entity_id)
    add_article(conn, article_id)
    origin = (input_hash, result.article.part)
    ranks: dict[tuple[Any, ...], int] = {}
    for extracted in result.events:
        span = extracted.evidence[0] if extracted.evidence else None
        place = (extracted.type, span.start if span else -1, span.end if span else -1)
        ranks[place] = ranks.get(place, -1) + 1
        anchor = fingerprint(*origin, *place, ranks[place])[:40]
        _write_event(conn, article_id, origin, extracted, names, anchor)
    for claim in result.claims:
        _write_claim(conn, article_id, origin, claim)


def _write_entity(conn: Connection, article_id: int, entity: Entity) -> int:
    key = entity_key(entity.name)
    place = asdict(entity.place) if entity.place is not None else None
    values = {"type": entity.type, "name": entity.name, "key": key, "place": place}
    entity_id = insert_new(conn, entities, values, ["type", "key"])
    stored_name = entity.name
    if entity_id is None:
        found = conn.execute(
            select(entities.c.id, entities.c.name).where(
                entities.c.type == entity.type, entities.c.key == key
            )
        ).one()
        entity_id, stored_name = found.id, found.name
    for alias in dict.fromkeys((entity.name, *entity.aliases)):
        if alias != stored_name:
            insert_new(
                conn, aliases, {"entity_id": entity_id, "alias": alias}, ["entity_id", "alias"]
            )
    if entity.mentions:
        conn.execute(
            insert(mentions),
            [
                {
                    "entity_id": entity_id,
                    "article_id": article_id,
                    "text": m.text,
                    "start": m.start,
                    "end": m.end,
                }
                for m in entity.mentions
            ],
        )
    return entity_id


def _write_event(
    conn: Connection,
    article_id: int,
    origin: tuple[str, int],
    extracted: Event,
    names: dict[str, int],
    anchor: str,
) -> None:
    spans = [[e.start, e.end] for e in extracted.evidence]
    values = {
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
    event_id = insert_new(conn, events, values, ["fingerprint"])
    if event_id is None:  # the same event twice in one article: keep the first
        return
    _write_sources(conn, event_sources, "event_id", event_id, article_id, extracted.evidence)
    for role, value in extracted.args.items():
        given = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        for name in given:
            entity_id = names.get(entity_key(str(name)))
            if entity_id is not None:
                insert_new(
                    conn,
                    event_entities,
                    {"event_id": event_id, "entity_id": entity_id, "role": role},
                    ["event_id", "entity_id", "role"],
                )


def _write_claim(conn: Connection, article_id: int, origin: tuple[str, int], claim: Claim) -> None:
    spans = [[e.start, e.end] for e in claim.evidence]
    values = {
        "quantity": claim.quantity,
        "about": claim.about,
        "claimant": claim.claimant,
        "contested": claim.contested,
        "markers": list(claim.markers),
        "fingerprint": fingerprint(*origin, claim.quantity, claim.about, claim.claimant, spans),
    }
    claim_id = insert_new(conn, claims, values, ["fingerprint"])
    if claim_id is not None:
        _write_sources(conn, claim_sources, "claim_id", claim_id, article_id, claim.evidence)


def _write_sources(
    conn: Connection, table: Table, owner: str, owner_id: int, article_id: int, evidence: Any
) -> None:
    if evidence:
        conn.execute(
            insert(table),
            [
                {
                    owner: owner_id,
                    "article_id": article_id,
                    "evidence": e.text,
                    "start": e.start,
                    "end": e.end,
                }
                for e in evidence
            ],
        )


def record_input_skip(conn: Connection, raw: RawInput, skip: Skip) -> None:
    input_hash = skip.input_hash or raw.content_hash
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
