"""Reads: filters → SQL → JSON-ready dicts, shared by the CLI, the web API and export.

The dict shapes are fixed by the project (the CLI's ``--json``, the API and
the exporters all emit them). Ids leave the store as strings with a kind
prefix: ``art12``, ``ent3``, ``evt7``, ``clm2``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Select, Table, func, or_, select

from ..errors import NotFound
from . import overlay
from .schema import (
    aliases,
    articles,
    claim_sources,
    claims,
    corrections,
    entities,
    entity_key,
    event_entities,
    event_sources,
    events,
    inputs,
    mentions,
    skips,
)

#: Id prefix → kind name, as used by :func:`parse_id`.
KINDS = {"art": "article", "ent": "entity", "evt": "event", "clm": "claim"}

_ID = re.compile(r"(art|ent|evt|clm)([0-9]+)")
# Keeps IN (...) lists under every backend's bound-parameter limit.
_CHUNK = 500


def parse_id(value: str) -> tuple[str, int]:
    """Split ``"evt7"`` into ``("event", 7)``; raise NotFound for anything else."""
    match = _ID.fullmatch(value.strip())
    if match is None:
        raise NotFound(f"{value!r} is not a kronika id: ids look like art12, ent3, evt7 or clm2")
    return KINDS[match.group(1)], int(match.group(2))


def _page(query: Select[Any], limit: int | None, offset: int) -> Select[Any]:
    if limit is not None:
        query = query.limit(limit)
    return query.offset(offset) if offset else query


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i : i + _CHUNK]


def _number(value: float | None) -> float | int | None:
    if value is not None and float(value).is_integer():
        return int(value)
    return value


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


# -- articles ---------------------------------------------------------------------------


def _article_dict(row: Any) -> dict[str, Any]:
    return {
        "id": f"art{row.id}",
        "external_id": row.external_id,
        "title": row.title,
        "outlet": row.outlet,
        "published": row.published,
        "language": row.language,
        "url": row.url,
        "chars": row.chars,
    }


def list_articles(
    conn: Connection, limit: int | None = None, offset: int = 0, language: str | None = None
) -> list[dict[str, Any]]:
    """Return articles in the order they were stored, optionally only those in ``language``."""
    query = select(articles).order_by(articles.c.id)
    if language:
        query = query.where(articles.c.language == language.lower())
    return [_article_dict(row) for row in conn.execute(_page(query, limit, offset))]


def get_article(conn: Connection, article_id: int) -> dict[str, Any]:
    """Return one article with its full ``text``."""
    row = conn.execute(select(articles).where(articles.c.id == article_id)).first()
    if row is None:
        raise NotFound(f"no article art{article_id}")
    return {**_article_dict(row), "text": row.text}


# -- entities ---------------------------------------------------------------------------


def _mention_counts() -> Any:
    return (
        select(mentions.c.entity_id, func.count().label("n"))
        .group_by(mentions.c.entity_id)
        .subquery()
    )


def _entity_dicts(conn: Connection, rows: Sequence[Any]) -> list[dict[str, Any]]:
    names: dict[int, list[str]] = {}
    ids = [row.id for row in rows]
    for chunk in _chunks(ids):
        query = (
            select(aliases.c.entity_id, aliases.c.alias)
            .where(aliases.c.entity_id.in_(chunk))
            .order_by(aliases.c.id)
        )
        for entity_id, alias in conn.execute(query):
            names.setdefault(entity_id, []).append(alias)
    return [
        {
            "id": f"ent{row.id}",
            "type": row.type,
            "name": row.name,
            "aliases": names.get(row.id, []),
            "mentions": row.n or 0,
        }
        for row in rows
    ]


def list_entities(
    conn: Connection,
    type: str | None = None,
    q: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Return entities, most mentioned first; ``q`` matches part of a name or alias."""
    counts = overlay.cluster_mention_counts()
    query = select(entities, counts.c.n).outerjoin(counts, counts.c.entity_id == entities.c.id)
    query = query.where(entities.c.id.not_in(overlay.hidden_entities()))
    if type:
        query = query.where(entities.c.type == type.upper())
    if q:
        pattern = "%" + _escape_like(entity_key(q)) + "%"
        alias_match = select(aliases.c.entity_id).where(
            func.lower(aliases.c.alias).like("%" + _escape_like(q.lower()) + "%", escape="\\")
        )
        matched = list(
            conn.scalars(
                select(entities.c.id).where(
                    or_(entities.c.key.like(pattern, escape="\\"), entities.c.id.in_(alias_match))
                )
            )
        )
        # a match on a merged entity's own name finds the entity it was merged into
        query = query.where(entities.c.id.in_(overlay.entity_members(conn, matched)))
    query = query.order_by(func.coalesce(counts.c.n, 0).desc(), entities.c.name, entities.c.id)
    found = _entity_dicts(conn, list(conn.execute(_page(query, limit, offset))))
    return overlay.overlay_entities(conn, found)


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def get_entity(conn: Connection, entity_id: int) -> dict[str, Any]:
    """Return one entity with every mention (``mention_list``) and its ``events``."""
    counts = _mention_counts()
    query = (
        select(entities, counts.c.n)
        .outerjoin(counts, counts.c.entity_id == entities.c.id)
        .where(entities.c.id == entity_id)
    )
    row = conn.execute(query).first()
    if row is None:
        raise NotFound(f"no entity ent{entity_id}")
    spans = conn.execute(
        select(mentions, articles.c.external_id)
        .join(articles, articles.c.id == mentions.c.article_id)
        .where(mentions.c.entity_id.in_(overlay.entity_members(conn, [entity_id])))
        .order_by(mentions.c.article_id, mentions.c.start)
    )
    mention_list = [
        {
            "article_id": f"art{m.article_id}",
            "external_id": m.external_id,
            "text": m.text,
            "start": m.start,
            "end": m.end,
        }
        for m in spans
    ]
    return {
        **overlay.overlay_entities(conn, _entity_dicts(conn, [row]))[0],
        "place": row.place,
        "mention_list": mention_list,
        "events": list_events(conn, entity=f"ent{entity_id}"),
    }


# -- events and claims ------------------------------------------------------------------


def _sources(
    conn: Connection, table: Table, owner: str, ids: Sequence[int]
) -> dict[int, list[dict[str, Any]]]:
    found: dict[int, list[dict[str, Any]]] = {}
    owner_col = table.c[owner]
    for chunk in _chunks(ids):
        query = (
            select(
                owner_col.label("owner"),
                table,
                articles.c.external_id,
                articles.c.outlet,
                articles.c.published,
            )
            .join(articles, articles.c.id == table.c.article_id)
            .where(owner_col.in_(chunk))
            .order_by(table.c.id)
        )
        for row in conn.execute(query):
            found.setdefault(row.owner, []).append(
                {
                    "article_id": f"art{row.article_id}",
                    "external_id": row.external_id,
                    "outlet": row.outlet,
                    "published": row.published,
                    "evidence": row.evidence,
                    "start": row.start,
                    "end": row.end,
                }
            )
    return found


def _event_dicts(conn: Connection, rows: Sequence[Any]) -> list[dict[str, Any]]:
    sources = _sources(conn, event_sources, "event_id", [row.id for row in rows])
    found = [
        {
            "id": f"evt{row.id}",
            "type": row.type,
            "date": row.date,
            "location": row.location,
            "args": row.args,
            "sources": sources.get(row.id, []),
            "confidence": row.confidence,
            "flags": row.flags,
            "markers": row.markers,
        }
        for row in rows
    ]
    return _apply_edits(conn, "event", overlay.merge_events(conn, found, _sources))


def list_events(
    conn: Connection,
    type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    entity: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Return events, dated ones first in date order.

    Args:
        type: an event type label (``ARREST``); case does not matter.
        since: keep events dated on or after this ISO date (undated ones are dropped).
        until: keep events dated on or before this ISO date; ``"2016"`` includes all of 2016.
        entity: an entity id (``ent3``) or a name or alias: keep events that involve it.
    """
    query = select(events).where(
        events.c.id.not_in(_rejected("event")), events.c.id.not_in(overlay.hidden_events())
    )
    if type:
        query = query.where(events.c.type == type.upper())
    if since:
        query = query.where(events.c.date >= since)
    if until:
        # Compare at the precision of ``until`` so "2016-12" includes "2016-12-05".
        query = query.where(func.substr(events.c.date, 1, len(until)) <= until)
    if entity:
        members = overlay.entity_members(conn, _entity_ids(conn, entity))
        linked = list(
            conn.scalars(
                select(event_entities.c.event_id).where(event_entities.c.entity_id.in_(members))
            )
        )
        reps = overlay.event_cluster_of(conn, linked)
        query = query.where(events.c.id.in_(sorted({reps.get(e, e) for e in linked})))
    query = query.order_by(events.c.date.is_(None), events.c.date, events.c.id)
    return _event_dicts(conn, list(conn.execute(_page(query, limit, offset))))


def _entity_ids(conn: Connection, entity: str) -> list[int]:
    if _ID.fullmatch(entity.strip()):
        kind, number = parse_id(entity)
        return [number] if kind == "entity" else []
    by_name = select(entities.c.id).where(entities.c.key == entity_key(entity))
    by_alias = select(aliases.c.entity_id).where(func.lower(aliases.c.alias) == entity.lower())
    return list(conn.scalars(by_name.union(by_alias)))


def get_event(conn: Connection, event_id: int) -> dict[str, Any]:
    """Return one event with its sources."""
    row = conn.execute(select(events).where(events.c.id == event_id)).first()
    if row is None:
        raise NotFound(f"no event evt{event_id}")
    return _event_dicts(conn, [row])[0]


def _claim_dicts(conn: Connection, rows: Sequence[Any]) -> list[dict[str, Any]]:
    sources = _sources(conn, claim_sources, "claim_id", [row.id for row in rows])
    found = [
        {
            "id": f"clm{row.id}",
            "quantity": _number(row.quantity),
            "about": row.about,
            "claimant": row.claimant,
            "contested": bool(row.contested),
            "sources": sources.get(row.id, []),
            "markers": row.markers,
        }
        for row in rows
    ]
    return _apply_edits(conn, "claim", found)


def list_claims(
    conn: Connection, limit: int | None = None, offset: int = 0
) -> list[dict[str, Any]]:
    """Return claims in the order they were stored."""
    query = select(claims).where(claims.c.id.not_in(_rejected("claim"))).order_by(claims.c.id)
    return _claim_dicts(conn, list(conn.execute(_page(query, limit, offset))))


def get_claim(conn: Connection, claim_id: int) -> dict[str, Any]:
    """Return one claim with its sources."""
    row = conn.execute(select(claims).where(claims.c.id == claim_id)).first()
    if row is None:
        raise NotFound(f"no claim clm{claim_id}")
    return _claim_dicts(conn, [row])[0]


# -- skips and summary ------------------------------------------------------------------


def list_skips(conn: Connection) -> list[dict[str, Any]]:
    """Return every recorded skip, oldest first."""
    return [
        {
            "source": row.source,
            "external_id": row.external_id,
            "input_hash": row.input_hash,
            "stage": row.stage,
            "reason": row.reason,
            "at": _iso(row.at),
        }
        for row in conn.execute(select(skips).order_by(skips.c.id))
    ]


def summarize(conn: Connection) -> dict[str, Any]:
    """Return counts: articles, inputs, entities and events by type, claims, skips by reason."""

    def count(table: Table) -> int:
        return int(conn.scalar(select(func.count()).select_from(table)) or 0)

    def by(column: Any) -> dict[str, int]:
        query = select(column, func.count()).group_by(column).order_by(func.count().desc(), column)
        return {key: int(n) for key, n in conn.execute(query)}

    return {
        "articles": count(articles),
        "inputs": count(inputs),
        "entities": by(entities.c.type),
        "events": by(events.c.type),
        "claims": count(claims),
        "skips": by(skips.c.reason),
    }


# -- corrections overlay ----------------------------------------------------------------


def _rejected(kind: str) -> Select[Any]:
    """Ids of ``kind`` whose latest confirm-or-reject correction is a reject."""
    later = corrections.alias("later")
    confirmed_since = (
        select(later.c.id)
        .where(
            later.c.target_kind == corrections.c.target_kind,
            later.c.target_id == corrections.c.target_id,
            later.c.action == "confirm",
            later.c.id > corrections.c.id,
        )
        .exists()
    )
    return select(corrections.c.target_id).where(
        corrections.c.target_kind == kind, corrections.c.action == "reject", ~confirmed_since
    )


def _apply_edits(conn: Connection, kind: str, found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    # Edits are replayed oldest first over the machine values, so the latest wins.
    by_id = {int(item["id"][3:]): item for item in found}
    if kind == "event":
        # an edit of any event merged into a shown one applies to the shown one
        for item in found:
            for member in item.get("merged", []):
                by_id.setdefault(int(member[3:]), item)
    for chunk in _chunks(list(by_id)):
        query = (
            select(corrections)
            .where(
                corrections.c.target_kind == kind,
                corrections.c.target_id.in_(chunk),
                corrections.c.action == "edit",
            )
            .order_by(corrections.c.id)
        )
        for row in conn.execute(query):
            item = by_id[row.target_id]
            if row.field.startswith("args."):
                item["args"] = {**item["args"], row.field[len("args.") :]: row.value}
            else:
                item[row.field] = row.value
    return found


def list_corrections(conn: Connection, kind: str, target_id: int) -> list[dict[str, Any]]:
    """Return the corrections made to one event, claim or entity, oldest first."""
    query = (
        select(corrections)
        .where(corrections.c.target_kind == kind, corrections.c.target_id == target_id)
        .order_by(corrections.c.id)
    )
    return [
        {
            "action": row.action,
            "field": row.field,
            "value": row.value,
            "author": row.author,
            "at": _iso(row.at),
        }
        for row in conn.execute(query)
    ]
