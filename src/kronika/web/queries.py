"""Queries the web needs beyond the Store's public methods, over the store's own tables.

Events with the full filter set (place, outlet, confidence, review state),
sorting and a total count; events per month; co-occurrence and affiliation
edges; the corrections overlay (review state and edits); review writes.
Event dicts keep the Store's shape and add ``review``. These functions are
candidates to move into ``store/query.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Select, Text, and_, cast, false, func, select, true

from ..errors import NotFound
from ..store import overlay
from ..store.query import parse_id
from ..store.schema import (
    aliases,
    articles,
    corrections,
    entities,
    entity_key,
    event_entities,
    event_sources,
    events,
    mentions,
)
from ..store.store import Store

#: Review actions a reviewer can record, and the state each leaves an event in.
ACTIONS = {"confirm": "confirmed", "reject": "rejected", "edit": "edited", "merge": "merged"}
_DECISIONS = ("confirm", "reject", "merge")
REVIEW_STATES = ("unreviewed", *ACTIONS.values(), "all")
#: ``sort`` values accepted by :func:`find_events`; a leading ``-`` means descending.
SORTS = {"date": events.c.date, "type": events.c.type, "confidence": events.c.confidence}

_CHUNK = 500


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Every filter of the events table, map and CSV download; empty fields do not filter."""

    type: str | None = None
    since: str | None = None
    until: str | None = None
    place: str | None = None
    entity: str | None = None
    outlet: str | None = None
    min_confidence: float | None = None
    max_confidence: float | None = None
    review: str | None = None
    located: bool = False
    sort: str = "date"


def _latest_corrections() -> Any:
    # The latest decision wins; an edit alone leaves the event "edited".
    latest = (
        select(func.max(corrections.c.id).label("cid"))
        .where(corrections.c.target_kind == "event", corrections.c.action.in_(_DECISIONS))
        .group_by(corrections.c.target_id)
        .subquery()
    )
    return (
        select(corrections.c.target_id, corrections.c.action)
        .join(latest, latest.c.cid == corrections.c.id)
        .subquery()
    )


def _filtered(conn: Connection, f: EventFilter, query: Select[Any]) -> Select[Any]:
    """Add ``f``'s conditions to ``query``, a select over ``events`` (rows, ids or a count)."""
    query = query.where(events.c.id.notin_(overlay.hidden_events()))
    if f.type:
        query = query.where(events.c.type == f.type.upper())
    if f.since:
        query = query.where(events.c.date >= f.since)
    if f.until:
        query = query.where(func.substr(events.c.date, 1, len(f.until)) <= f.until)
    if f.place:
        # Location is JSON; matching its text finds the name, region or country.
        pattern = "%" + _escape_like(f.place.lower()) + "%"
        query = query.where(func.lower(cast(events.c.location, Text)).like(pattern, escape="\\"))
    if f.located:
        # Filled at write time from ``location`` (JSON null when missing). Wrapped so
        # that it never picks the index (most events are located): it is read from the
        # sort-order indexes that carry it, whatever other filter chooses the index.
        query = query.where(func.coalesce(events.c.located, false()).is_(true()))
    if f.entity:
        linked = select(event_entities.c.event_id).where(
            event_entities.c.entity_id.in_(overlay.entity_members(conn, entity_ids(conn, f.entity)))
        )
        query = query.where(events.c.id.in_(linked))
    if f.outlet:
        # Outlets are few: name them first, so the articles' outlet index does the rest.
        pattern = "%" + _escape_like(f.outlet.lower()) + "%"
        outlets = list(
            conn.scalars(
                select(articles.c.outlet)
                .where(func.lower(articles.c.outlet).like(pattern, escape="\\"))
                .distinct()
            )
        )
        reported = (
            select(event_sources.c.event_id)
            .join(articles, articles.c.id == event_sources.c.article_id)
            .where(articles.c.outlet.in_(outlets))
        )
        query = query.where(events.c.id.in_(reported))
    if f.min_confidence is not None:
        query = query.where(events.c.confidence >= f.min_confidence)
    if f.max_confidence is not None:
        query = query.where(events.c.confidence <= f.max_confidence)
    latest = _latest_corrections()
    if not f.review:
        # Like the Store's listings: a rejected event stays hidden until asked for.
        rejected = select(latest.c.target_id).where(latest.c.action == "reject")
        query = query.where(events.c.id.notin_(rejected))
    elif f.review != "all":
        touched = select(corrections.c.target_id).where(corrections.c.target_kind == "event")
        if f.review == "unreviewed":
            query = query.where(events.c.id.notin_(touched))
        elif f.review == "edited":
            query = query.where(
                events.c.id.in_(touched), events.c.id.notin_(select(latest.c.target_id))
            )
        else:
            wanted = [a for a, state in ACTIONS.items() if state == f.review] or ["?"]
            chosen = select(latest.c.target_id).where(latest.c.action.in_(wanted))
            query = query.where(events.c.id.in_(chosen))
    return query


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def entity_ids(conn: Connection, entity: str) -> list[int]:
    """Return the ids of entities named ``entity`` (an id such as ``ent3``, a name or alias)."""
    value = entity.strip()
    if value[:3] == "ent" and value[3:].isdigit():
        return [int(value[3:])]
    by_name = select(entities.c.id).where(entities.c.key == entity_key(value))
    by_alias = select(aliases.c.entity_id).where(func.lower(aliases.c.alias) == value.lower())
    return list(conn.scalars(by_name.union(by_alias)))


def _ordered(query: Select[Any], sort: str) -> Select[Any]:
    descending = sort.startswith("-")
    column = SORTS.get(sort.lstrip("-"), events.c.date)
    key = column.desc() if descending else column.asc()
    if not column.nullable:
        # The same order; written so, it matches the store's sort indexes.
        return query.order_by(key, events.c.id)
    return query.order_by(column.is_(None), key, events.c.id)


def find_events(
    store: Store, f: EventFilter, limit: int | None = 50, offset: int = 0
) -> tuple[int, list[dict[str, Any]]]:
    """Return the number of events matching ``f`` and one sorted page of them."""
    with store.engine.connect() as conn:
        counted = _filtered(conn, f, select(func.count()).select_from(events))
        total = int(conn.scalar(counted) or 0)
        # Sort and page ids only, then load the page's rows: sorting whole rows
        # (JSON arguments included) costs twice as much on a large store.
        query = _ordered(_filtered(conn, f, select(events.c.id)), f.sort)
        if limit is not None:
            query = query.limit(limit)
        if offset:
            query = query.offset(offset)
        ids = list(conn.scalars(query))
        rows: dict[int, Any] = {}
        for chunk in _chunks(ids):
            found = conn.execute(select(events).where(events.c.id.in_(chunk)))
            rows.update({row.id: row for row in found})
        return total, event_dicts(conn, [rows[i] for i in ids])


def find_points(store: Store, f: EventFilter, limit: int) -> tuple[int, list[Any]]:
    """Return the number of located events matching ``f`` and up to ``limit`` light rows.

    Rows carry only ``id, type, date, place, country, lat, lon, confidence``: the map
    needs no sources, and the database reads those out of ``location`` faster than
    Python decodes whole locations.
    """
    located = EventFilter(**{**{k: getattr(f, k) for k in f.__slots__}, "located": True})
    where = events.c.location
    with store.engine.connect() as conn:
        counted = _filtered(conn, located, select(func.count()).select_from(events))
        total = int(conn.scalar(counted) or 0)
        # Sort and cut ids first: the database would otherwise read the fields out of
        # every matching location before sorting, not just out of the page's.
        page = (
            _ordered(_filtered(conn, located, select(events.c.id)), f.sort).limit(limit).subquery()
        )
        light = select(
            events.c.id,
            events.c.type,
            events.c.date,
            where["name"].as_string().label("place"),
            where["country"].as_string().label("country"),
            where["lat"].as_float().label("lat"),
            where["lon"].as_float().label("lon"),
            events.c.confidence,
        ).join(page, page.c.id == events.c.id)
        return total, list(conn.execute(_ordered(light, f.sort)))


def get_event(store: Store, event_id: str) -> dict[str, Any]:
    """Return one event in the Store's shape, with its review state and edits applied."""
    kind, number = parse_id(event_id)
    if kind != "event":
        raise NotFound(f"{event_id!r} is not an event id: event ids look like evt7")
    with store.engine.connect() as conn:
        rows = list(conn.execute(select(events).where(events.c.id == number)))
        if not rows:
            raise NotFound(f"no event evt{number}")
        return event_dicts(conn, rows)[0]


def _chunks(ids: Sequence[int]) -> list[Sequence[int]]:
    return [ids[i : i + _CHUNK] for i in range(0, len(ids), _CHUNK)]


def event_dicts(conn: Connection, rows: Sequence[Any]) -> list[dict[str, Any]]:
    """Turn ``events`` rows into the Store's event dicts plus ``review`` (corrections applied)."""
    ids = [row.id for row in rows]
    sources = _event_sources(conn, event_sources, "event_id", ids)
    history: dict[int, list[Any]] = {}
    for chunk in _chunks(ids):
        found = conn.execute(
            select(corrections)
            .where(corrections.c.target_kind == "event", corrections.c.target_id.in_(chunk))
            .order_by(corrections.c.id)
        )
        for c in found:
            history.setdefault(c.target_id, []).append(c)
    items = [_overlay(row, sources.get(row.id, []), history.get(row.id, [])) for row in rows]
    # Events several articles report: the store's overlay folds members into one record.
    return overlay.merge_events(conn, items, _event_sources)


def _event_sources(
    conn: Connection, table: Any, owner: str, ids: Sequence[int]
) -> dict[int, list[dict[str, Any]]]:
    found: dict[int, list[dict[str, Any]]] = {}
    owner_col = table.c[owner]
    for chunk in _chunks(list(ids)):
        query = (
            select(table, articles.c.external_id, articles.c.outlet, articles.c.published)
            .join(articles, articles.c.id == table.c.article_id)
            .where(owner_col.in_(chunk))
            .order_by(table.c.id)
        )
        for s in conn.execute(query):
            found.setdefault(s._mapping[owner_col], []).append(
                {
                    "article_id": f"art{s.article_id}",
                    "external_id": s.external_id,
                    "outlet": s.outlet,
                    "published": s.published,
                    "evidence": s.evidence,
                    "start": s.start,
                    "end": s.end,
                }
            )
    return found


def _overlay(row: Any, sources: list[dict[str, Any]], history: list[Any]) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": f"evt{row.id}",
        "type": row.type,
        "date": row.date,
        "location": row.location,
        "args": dict(row.args),
        "sources": sources,
        "confidence": row.confidence,
        "flags": row.flags,
        "markers": row.markers,
    }
    edits: dict[str, Any] = {}
    for c in history:
        if c.action == "edit" and c.field:
            edits[c.field] = {"machine": _field(item, c.field), "value": c.value}
            if c.field.startswith("args."):
                item["args"][c.field[5:]] = c.value
            else:
                item[c.field] = c.value
    decided = [c for c in history if c.action in _DECISIONS]
    state = ACTIONS[decided[-1].action] if decided else "edited" if edits else "unreviewed"
    item["review"] = {
        "state": state,
        "edits": edits,
        "merged_into": next(
            (c.value.get("into") for c in reversed(history) if c.action == "merge" and c.value),
            None,
        ),
        "history": [
            {
                "action": c.action,
                "field": c.field,
                "value": c.value,
                "author": c.author,
                "at": c.at.isoformat() if c.at else None,
            }
            for c in history
        ],
    }
    return item


def _field(item: dict[str, Any], name: str) -> Any:
    if name.startswith("args."):
        return item["args"].get(name[5:])
    return item.get(name)


def events_per_month(store: Store) -> list[dict[str, Any]]:
    """Return ``{"month": "2016-12", "type": "SENTENCE", "n": 3}`` rows, oldest month first."""
    month = func.substr(events.c.date, 1, 7)
    query = (
        select(month.label("month"), events.c.type, func.count().label("n"))
        .where(func.length(events.c.date) >= 7)
        .group_by(month, events.c.type)
        .order_by(month, events.c.type)
    )
    with store.engine.connect() as conn:
        return [{"month": r.month, "type": r.type, "n": int(r.n)} for r in conn.execute(query)]


def latest_events(store: Store, limit: int = 10) -> list[dict[str, Any]]:
    """Return the most recent dated events, newest first."""
    return find_events(store, EventFilter(sort="-date"), limit=limit)[1]


def search_events(store: Store, q: str, limit: int = 20) -> list[dict[str, Any]]:
    """Return events whose evidence contains every word of ``q`` (case-insensitive)."""
    words = [w for w in q.lower().split() if w]
    if not words:
        return []
    clauses = [
        func.lower(event_sources.c.evidence).like("%" + _escape_like(w) + "%", escape="\\")
        for w in words
    ]
    matching = select(event_sources.c.event_id).where(and_(*clauses))
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(events).where(events.c.id.in_(matching)).order_by(events.c.id).limit(limit)
        )
        return event_dicts(conn, list(rows))


def article_spans(store: Store, article_id: int) -> dict[str, list[dict[str, Any]]]:
    """Return the entity mentions and event evidence spans inside one article."""
    with store.engine.connect() as conn:
        found = conn.execute(
            select(
                mentions.c.start, mentions.c.end, entities.c.id, entities.c.type, entities.c.name
            )
            .join(entities, entities.c.id == mentions.c.entity_id)
            .where(mentions.c.article_id == article_id)
            .order_by(mentions.c.start)
        )
        spans = [
            {
                "start": m.start,
                "end": m.end,
                "entity_id": f"ent{m.id}",
                "type": m.type,
                "name": m.name,
            }
            for m in found
        ]
        evidence = conn.execute(
            select(event_sources.c.start, event_sources.c.end, events.c.id, events.c.type)
            .join(events, events.c.id == event_sources.c.event_id)
            .where(event_sources.c.article_id == article_id)
            .order_by(event_sources.c.start)
        )
        marks = [
            {"start": e.start, "end": e.end, "event_id": f"evt{e.id}", "type": e.type}
            for e in evidence
        ]
    return {"mentions": spans, "evidence": marks}


def participants(store: Store, event_ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    """Return, per event id, the stored entities its arguments name, with their roles."""
    numbers = [int(e[3:]) for e in event_ids]
    found: dict[str, list[dict[str, Any]]] = {}
    with store.engine.connect() as conn:
        for chunk in _chunks(numbers):
            query = (
                select(
                    event_entities.c.event_id,
                    event_entities.c.role,
                    entities.c.id,
                    entities.c.type,
                    entities.c.name,
                )
                .join(entities, entities.c.id == event_entities.c.entity_id)
                .where(event_entities.c.event_id.in_(chunk))
                .order_by(event_entities.c.event_id, event_entities.c.role, entities.c.name)
            )
            for r in conn.execute(query):
                found.setdefault(f"evt{r.event_id}", []).append(
                    {"id": f"ent{r.id}", "type": r.type, "name": r.name, "role": r.role}
                )
    return found


def related_events(store: Store, event_id: str, limit: int = 10) -> list[dict[str, Any]]:
    """Return other events of the same type that involve one of this event's entities."""
    number = int(get_event(store, event_id)["id"][3:])
    mine = select(event_entities.c.entity_id).where(event_entities.c.event_id == number)
    same_type = select(events.c.type).where(events.c.id == number).scalar_subquery()
    others = select(event_entities.c.event_id).where(
        event_entities.c.entity_id.in_(mine), event_entities.c.event_id != number
    )
    query = (
        select(events)
        .where(events.c.id.in_(others), events.c.type == same_type)
        .order_by(events.c.date, events.c.id)
        .limit(limit)
    )
    with store.engine.connect() as conn:
        return event_dicts(conn, list(conn.execute(query)))


def get_entity(store: Store, entity_id: str) -> dict[str, Any]:
    """Return one entity in the Store's list shape plus ``place``, without its mention list.

    The Store's ``get`` returns every mention and event, which grows with the
    corpus; pages show counts and a bounded event list instead.
    """
    kind, number = parse_id(entity_id)
    if kind != "entity":
        raise NotFound(f"{entity_id!r} is not an entity id: entity ids look like ent3")
    with store.engine.connect() as conn:
        row = conn.execute(select(entities).where(entities.c.id == number)).first()
        if row is None:
            raise NotFound(f"no entity ent{number}")
        names = conn.scalars(
            select(aliases.c.alias).where(aliases.c.entity_id == number).order_by(aliases.c.id)
        )
        count = conn.scalar(
            select(func.count()).select_from(mentions).where(mentions.c.entity_id == number)
        )
        return {
            "id": f"ent{row.id}",
            "type": row.type,
            "name": row.name,
            "aliases": list(names),
            "mentions": int(count or 0),
            "place": row.place,
        }
