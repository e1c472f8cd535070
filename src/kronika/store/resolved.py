"""Reads and writes of cross-article resolution, and the stable keys corrections use.

``resolve_corpus`` (in ``kronika.resolve.corpus``) reads the entities and events
through :func:`load_entities` / :func:`load_events`, decides, and writes the
clusters with :func:`save_resolution`. Re-extraction (``kronika reprocess``)
clears machine rows with :func:`clear_machine_rows` and re-points every
correction at its target again by stable key (:func:`reattach_corrections`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, delete, func, insert, select, update

from ..errors import NotFound
from ..model import Article
from . import query
from .cooccurrence import lock_counts, rebuild_co_mentions
from .schema import (
    aliases,
    articles,
    claim_sources,
    claims,
    co_mentions,
    corrections,
    entities,
    entity_blocks,
    entity_clusters,
    entity_key,
    entity_links,
    event_clusters,
    event_entities,
    event_sources,
    events,
    mentions,
    resolution_runs,
)


@dataclass(frozen=True, slots=True)
class EntityRow:
    """One stored entity as the resolver sees it: names and how often it is mentioned."""

    id: int
    type: str
    name: str
    key: str
    aliases: tuple[str, ...]
    mentions: int


@dataclass(frozen=True, slots=True)
class EventRow:
    """One stored event as the resolver sees it: its values, articles and linked entities."""

    id: int
    type: str
    date: str | None
    location: dict[str, Any] | None
    args: dict[str, Any]
    articles: tuple[int, ...]
    entities: tuple[tuple[str, int], ...]


def count(conn: Connection, table: Table) -> int:
    """Return the number of rows of ``table``."""
    return int(conn.scalar(select(func.count()).select_from(table)) or 0)


# -- stable keys and corrections ---------------------------------------------------------


def entity_ref(conn: Connection, value: str) -> str:
    """Return the stable key (``"PERSON:gulmurod halimov"``) of an entity given by id or name."""
    ids = query._entity_ids(conn, value)
    if not ids:
        raise NotFound(f"no entity {value!r}: give an id (ent3) or a stored name")
    return target_key(conn, "entity", ids[0]) or f"ent{ids[0]}"


def target_key(conn: Connection, kind: str, number: int) -> str | None:
    """Return the key that finds this event, claim or entity again after re-extraction."""
    if kind == "event":
        return conn.scalar(select(events.c.anchor).where(events.c.id == number))
    if kind == "claim":
        return conn.scalar(select(claims.c.fingerprint).where(claims.c.id == number))
    if kind == "entity":
        row = conn.execute(select(entities).where(entities.c.id == number)).first()
        return f"{row.type}:{row.key}" if row is not None else None
    return None


def _id_by_key(conn: Connection, kind: str, key: str) -> int | None:
    if kind == "event":
        found: int | None = conn.scalar(select(func.min(events.c.id)).where(events.c.anchor == key))
        return found
    if kind == "claim":
        return conn.scalar(select(claims.c.id).where(claims.c.fingerprint == key))
    type, _, name_key = key.partition(":")
    return conn.scalar(
        select(entities.c.id).where(entities.c.type == type, entities.c.key == name_key)
    )


def list_all_corrections(conn: Connection) -> list[dict[str, Any]]:
    """Return every correction with its target and stable key, oldest first."""
    prefix = {"event": "evt", "claim": "clm", "entity": "ent"}
    return [
        {
            "id": row.id,
            "target": f"{prefix.get(row.target_kind, '?')}{row.target_id}",
            "target_key": row.target_key,
            "action": row.action,
            "field": row.field,
            "value": row.value,
            "author": row.author,
            "at": query._iso(row.at),
        }
        for row in conn.execute(select(corrections).order_by(corrections.c.id))
    ]


def reattach_corrections(conn: Connection) -> dict[str, int]:
    """Point every correction at the row its stable key names now; count the orphans."""
    done = orphaned = 0
    for row in conn.execute(select(corrections)).all():
        if not row.target_key:
            orphaned += 1
            continue
        found = _id_by_key(conn, row.target_kind, row.target_key)
        if found is None:
            orphaned += 1
            continue
        if found != row.target_id:
            conn.execute(
                update(corrections).where(corrections.c.id == row.id).values(target_id=found)
            )
        done += 1
    return {"corrections": done + orphaned, "reattached": done, "orphaned": orphaned}


def entity_corrections(conn: Connection) -> list[tuple[str, str, str]]:
    """Return ``(action, target key, value)`` of every merge, split and alias, oldest first."""
    query_ = (
        select(corrections.c.action, corrections.c.target_key, corrections.c.value)
        .where(
            corrections.c.target_kind == "entity",
            corrections.c.action.in_(("merge", "split", "alias", "rename")),
        )
        .order_by(corrections.c.id)
    )
    return [(r.action, r.target_key or "", str(r.value)) for r in conn.execute(query_)]


# -- re-extraction ------------------------------------------------------------------------


def clear_machine_rows(conn: Connection) -> None:
    """Delete every extracted row (not inputs, articles or corrections)."""
    for table in (
        co_mentions,
        entity_blocks,
        event_clusters,
        entity_clusters,
        entity_links,
        resolution_runs,
        event_entities,
        event_sources,
        claim_sources,
        mentions,
        aliases,
        events,
        claims,
        entities,
    ):
        conn.execute(delete(table))


def article_hashes(conn: Connection) -> dict[int, str]:
    """Map every article id to its input's content hash."""
    return {r.id: r.input_hash for r in conn.execute(select(articles.c.id, articles.c.input_hash))}


def stored_articles(conn: Connection) -> list[tuple[int, Article]]:
    """Return every stored article as ``(id, Article)``, in storage order."""
    rows = conn.execute(select(articles).order_by(articles.c.id))
    return [
        (
            r.id,
            Article(
                external_id=r.external_id,
                input_hash=r.input_hash,
                part=r.part,
                text=r.text,
                source=r.source,
                title=r.title,
                outlet=r.outlet,
                author=r.author,
                url=r.url,
                published=r.published,
                language=r.language,
            ),
        )
        for r in rows
    ]


# -- resolution input and output ------------------------------------------------------------


def watermark(conn: Connection) -> str:
    """Return a digest of what resolution depends on; unchanged means nothing to redo."""
    parts = [
        conn.scalar(select(func.max(entities.c.id))),
        count(conn, entities),
        conn.scalar(select(func.max(events.c.id))),
        count(conn, events),
        conn.scalar(select(func.max(corrections.c.id))),
        count(conn, mentions),
    ]
    return ":".join(str(p or 0) for p in parts)


def last_run(conn: Connection) -> dict[str, Any] | None:
    """Return the latest resolution run (``watermark``, ``report``), or None."""
    row = conn.execute(
        select(resolution_runs).order_by(resolution_runs.c.id.desc()).limit(1)
    ).first()
    return {"watermark": row.watermark, "report": row.report} if row is not None else None


def load_entities(conn: Connection) -> list[EntityRow]:
    """Return every stored entity with its aliases and mention count."""
    names: dict[int, list[str]] = {}
    for entity_id, alias in conn.execute(select(aliases.c.entity_id, aliases.c.alias)):
        names.setdefault(entity_id, []).append(alias)
    counted = select(mentions.c.entity_id, func.count()).group_by(mentions.c.entity_id)
    counts = {entity_id: n for entity_id, n in conn.execute(counted)}
    return [
        EntityRow(r.id, r.type, r.name, r.key, tuple(names.get(r.id, [])), int(counts.get(r.id, 0)))
        for r in conn.execute(select(entities).order_by(entities.c.id))
    ]


def load_events(conn: Connection) -> list[EventRow]:
    """Return every event not rejected by a human, with its articles and linked entities."""
    sources: dict[int, set[int]] = {}
    for event_id, article_id in conn.execute(
        select(event_sources.c.event_id, event_sources.c.article_id)
    ):
        sources.setdefault(event_id, set()).add(article_id)
    links: dict[int, list[tuple[str, int]]] = {}
    for event_id, entity_id, role in conn.execute(select(event_entities)):
        links.setdefault(event_id, []).append((role, entity_id))
    rows = conn.execute(
        select(events).where(events.c.id.not_in(query._rejected("event"))).order_by(events.c.id)
    )
    return [
        EventRow(
            r.id,
            r.type,
            r.date,
            r.location,
            r.args,
            tuple(sorted(sources.get(r.id, ()))),
            tuple(links.get(r.id, ())),
        )
        for r in rows
    ]


def save_resolution(
    conn: Connection,
    clusters: dict[int, int],
    links: Sequence[dict[str, Any]],
    event_groups: dict[int, tuple[int, str]],
    mark: str,
    report: dict[str, Any],
) -> None:
    """Replace the stored resolution: entity clusters, merge links, event clusters, run."""
    lock_counts(conn, exclusive=True)  # two ingests finishing together, or one still writing
    for table in (entity_clusters, entity_links, event_clusters):
        conn.execute(delete(table))
    rows = [{"entity_id": e, "cluster_id": c} for e, c in clusters.items()]
    for start in range(0, len(rows), 1000):
        conn.execute(insert(entity_clusters), rows[start : start + 1000])
    for start in range(0, len(links), 1000):
        conn.execute(insert(entity_links), list(links[start : start + 1000]))
    grouped = [{"event_id": e, "cluster_id": c, "rule": r} for e, (c, r) in event_groups.items()]
    for start in range(0, len(grouped), 1000):
        conn.execute(insert(event_clusters), grouped[start : start + 1000])
    # Co-occurrence is counted between cluster representatives: new clusters, new counts.
    rebuild_co_mentions(conn)
    conn.execute(delete(resolution_runs))
    conn.execute(
        insert(resolution_runs),
        {"at": _now(), "watermark": mark, "report": report},
    )


def links_between(conn: Connection, type: str, keys: Sequence[str]) -> list[dict[str, Any]]:
    """Return the stored merge links that touch any of ``keys`` of entity ``type``."""
    found = conn.execute(
        select(entity_links).where(
            entity_links.c.type == type,
            entity_links.c.key_a.in_(keys) | entity_links.c.key_b.in_(keys),
        )
    )
    return [dict(r._mapping) for r in found]


def cluster_of(conn: Connection, entity_id: int) -> int:
    """Return the representative of the entity's cluster (itself when not merged)."""
    found = conn.scalar(
        select(entity_clusters.c.cluster_id).where(entity_clusters.c.entity_id == entity_id)
    )
    return int(found) if found is not None else entity_id


def entity_name_key(name: str) -> str:
    """The stored key of a name (``entity_key``), re-exported for the resolver."""
    return entity_key(name)


def _now() -> Any:
    from .write import now

    return now()
