"""The resolution overlay on reads: merged events and entities shown as one record.

``resolve_corpus`` writes clusters (``event_clusters``, ``entity_clusters``);
the read functions of ``query.py`` use this module to show each cluster once,
under its representative's id, with every member's sources and names. Where
the members disagree on a value (5 vs 6 killed, 20 vs 25 years), the merged
event keeps each value with the articles that give it under ``disagreements``
instead of silently picking one. Human entity corrections (``rename``,
``alias``) are applied here too.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, Select, select

from .schema import (
    corrections,
    entities,
    entity_clusters,
    entity_key,
    event_clusters,
    event_sources,
    events,
)

#: Roles whose values are compared across the sources of a merged event.
COMPARED_ROLES = ("killed", "wounded", "term_years", "term_min_years", "count", "life")
_CHUNK = 500


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i : i + _CHUNK]


def hidden_events() -> Select[Any]:
    """Ids of events merged into another event (shown only through their representative)."""
    return select(event_clusters.c.event_id).where(
        event_clusters.c.event_id != event_clusters.c.cluster_id
    )


def hidden_entities() -> Select[Any]:
    """Ids of entities merged into another entity."""
    return select(entity_clusters.c.entity_id).where(
        entity_clusters.c.entity_id != entity_clusters.c.cluster_id
    )


def event_cluster_of(conn: Connection, event_ids: Sequence[int]) -> dict[int, int]:
    """Map each of ``event_ids`` that belongs to a cluster to its representative."""
    found: dict[int, int] = {}
    for chunk in _chunks(list(event_ids)):
        query = select(event_clusters.c.event_id, event_clusters.c.cluster_id).where(
            event_clusters.c.event_id.in_(chunk)
        )
        found.update({row.event_id: row.cluster_id for row in conn.execute(query)})
    return found


def cluster_mention_counts() -> Any:
    """Subquery ``(entity_id, n)``: mentions per entity, clusters summed on the representative."""
    from sqlalchemy import Integer, cast, func

    from .schema import mentions

    # Count per entity first (from the index alone), then fold the few counts into
    # clusters: joining every mention with its cluster costs several times more.
    per_entity = (
        select(mentions.c.entity_id, func.count().label("n"))
        .group_by(mentions.c.entity_id)
        .subquery()
    )
    owner = func.coalesce(entity_clusters.c.cluster_id, per_entity.c.entity_id)
    return (
        select(owner.label("entity_id"), cast(func.sum(per_entity.c.n), Integer).label("n"))
        .select_from(
            per_entity.outerjoin(
                entity_clusters, entity_clusters.c.entity_id == per_entity.c.entity_id
            )
        )
        .group_by(owner)
        .subquery()
    )


def entity_members(conn: Connection, entity_ids: Sequence[int]) -> list[int]:
    """Return ``entity_ids`` plus every entity resolved into the same clusters."""
    if not entity_ids:
        return []
    clusters = select(entity_clusters.c.cluster_id).where(
        entity_clusters.c.entity_id.in_(entity_ids)
    )
    members = select(entity_clusters.c.entity_id).where(entity_clusters.c.cluster_id.in_(clusters))
    return sorted(set(entity_ids) | set(conn.scalars(members)))


def merge_events(
    conn: Connection,
    found: list[dict[str, Any]],
    sources_of: Any,
) -> list[dict[str, Any]]:
    """Give each representative event its members' sources, corroboration and disagreements."""
    reps = [int(item["id"][3:]) for item in found]
    members: dict[int, list[int]] = {}
    for chunk in _chunks(reps):
        query = (
            select(event_clusters.c.cluster_id, event_clusters.c.event_id)
            .where(event_clusters.c.cluster_id.in_(chunk))
            .order_by(event_clusters.c.event_id)
        )
        for row in conn.execute(query):
            members.setdefault(row.cluster_id, []).append(row.event_id)
    others = [m for rep, ms in members.items() for m in ms if m != rep]
    rows = {}
    for chunk in _chunks(others):
        rows.update({r.id: r for r in conn.execute(select(events).where(events.c.id.in_(chunk)))})
    extra_sources = sources_of(conn, event_sources, "event_id", others) if others else {}
    for item in found:
        rep = int(item["id"][3:])
        ids = members.get(rep, [rep])
        if len(ids) < 2:
            continue  # not merged: the plain event shape, unchanged
        item["merged"] = [f"evt{m}" for m in ids]
        values = [(item["args"], item["date"], item["sources"])]
        for member in ids:
            if member == rep or member not in rows:
                continue
            row, srcs = rows[member], extra_sources.get(member, [])
            item["sources"] = item["sources"] + srcs
            item["args"] = _union_args(item["args"], row.args)
            item["date"] = _finer_date(item["date"], row.date)
            item["location"] = item["location"] or row.location
            values.append((row.args, row.date, srcs))
        item["corroboration"] = len({s["article_id"] for s in item["sources"]})
        disagreements = _disagreements(values)
        if disagreements:
            item["disagreements"] = disagreements
    return found


def _union_args(kept: dict[str, Any], other: dict[str, Any]) -> dict[str, Any]:
    merged = dict(kept)
    for role, value in other.items():
        have = merged.get(role)
        if have in (None, [], ""):
            merged[role] = value
        elif isinstance(have, list) and isinstance(value, list):
            keys = {entity_key(str(v)) for v in have}
            merged[role] = have + [v for v in value if entity_key(str(v)) not in keys]
    return merged


def _finer_date(a: str | None, b: str | None) -> str | None:
    if a is None or (b is not None and b.startswith(a)):
        return b
    return a


def _disagreements(
    values: list[tuple[dict[str, Any], str | None, list[dict[str, Any]]]],
) -> dict[str, list[dict[str, Any]]]:
    by_role: dict[str, dict[str, dict[str, Any]]] = {}
    for args, date, srcs in values:
        articles = sorted({s["article_id"] for s in srcs})
        given = {role: args.get(role) for role in COMPARED_ROLES}
        given["date"] = date
        for role, value in given.items():
            if value is None or isinstance(value, list):
                continue
            slot = by_role.setdefault(role, {}).setdefault(
                repr(value), {"value": value, "sources": []}
            )
            slot["sources"] = sorted(set(slot["sources"]) | set(articles))
    found = {}
    for role, slots in by_role.items():
        options = list(slots.values())
        if role == "date":
            # 2014 and 2014-10-09 agree; only dates neither of which refines the other differ
            options = [
                o
                for o in options
                if not any(
                    p is not o and str(p["value"]).startswith(str(o["value"])) for p in options
                )
            ]
        if len(options) > 1:
            found[role] = options
    return found


def overlay_entities(conn: Connection, found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Fold cluster members' names and mentions into representatives; apply renames, aliases."""
    reps = [int(item["id"][3:]) for item in found]
    extra: dict[int, list[tuple[str, list[str]]]] = {}
    for chunk in _chunks(reps):
        query = (
            select(entity_clusters.c.cluster_id, entities.c.id, entities.c.name)
            .join(entities, entities.c.id == entity_clusters.c.entity_id)
            .where(
                entity_clusters.c.cluster_id.in_(chunk),
                entity_clusters.c.entity_id != entity_clusters.c.cluster_id,
            )
            .order_by(entities.c.id)
        )
        for row in conn.execute(query):
            extra.setdefault(row.cluster_id, []).append((row.name, []))
    member_ids = entity_members(conn, reps)
    mention_totals = _mention_totals(conn, member_ids)
    edits = _entity_edits(conn, member_ids)
    for item in found:
        rep = int(item["id"][3:])
        names = [n for n, _ in extra.get(rep, [])]
        if rep in mention_totals:
            item["mentions"] = mention_totals[rep]
        for action, value in edits.get(rep, []):
            if action == "rename" and value != item["name"]:
                names.append(item["name"])
                item["name"] = value
            elif action == "alias":
                names.append(value)
        known = {item["name"], *item["aliases"]}
        item["aliases"] = item["aliases"] + [n for n in dict.fromkeys(names) if n not in known]
    return found


def _mention_totals(conn: Connection, member_ids: Sequence[int]) -> dict[int, int]:
    from .schema import mentions  # local: only this helper needs it

    totals: dict[int, int] = {}
    for chunk in _chunks(list(member_ids)):
        query = (
            select(entity_clusters.c.cluster_id, mentions.c.id)
            .join(mentions, mentions.c.entity_id == entity_clusters.c.entity_id)
            .where(entity_clusters.c.entity_id.in_(chunk))
        )
        for row in conn.execute(query):
            totals[row.cluster_id] = totals.get(row.cluster_id, 0) + 1
    return totals


def _entity_edits(conn: Connection, member_ids: Sequence[int]) -> dict[int, list[tuple[str, str]]]:
    """Rename and alias corrections of any member, keyed by the member's representative."""
    rep_of = {m: m for m in member_ids}
    for chunk in _chunks(list(member_ids)):
        query = select(entity_clusters).where(entity_clusters.c.entity_id.in_(chunk))
        rep_of.update({r.entity_id: r.cluster_id for r in conn.execute(query)})
    edits: dict[int, list[tuple[str, str]]] = {}
    for chunk in _chunks(list(member_ids)):
        query = (
            select(corrections)
            .where(
                corrections.c.target_kind == "entity",
                corrections.c.target_id.in_(chunk),
                corrections.c.action.in_(("rename", "alias")),
            )
            .order_by(corrections.c.id)
        )
        for row in conn.execute(query):
            edits.setdefault(rep_of[row.target_id], []).append((row.action, str(row.value)))
    return edits
