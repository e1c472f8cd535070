"""Reads and writes of incremental resolution: what is new, and the parts of the store it touches.

Full resolution (``resolve_corpus``) reads every entity and event; after an
ingest that only added articles, :mod:`kronika.resolve.incremental` reads
through these functions just the new rows, the stored entities that share a
block with them, the clusters those belong to, and the events linked to them,
then rewrites only those clusters and the co-occurrence counts they change.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Iterator
from dataclasses import astuple, dataclass, fields
from itertools import combinations
from typing import Any

from sqlalchemy import Connection, Table, delete, func, insert, or_, select
from sqlalchemy.dialects import postgresql, sqlite

from . import query
from .cooccurrence import MONTH
from .resolved import EntityRow, EventRow
from .schema import (
    aliases,
    articles,
    co_mentions,
    corrections,
    entities,
    entity_blocks,
    entity_clusters,
    entity_links,
    event_clusters,
    event_entities,
    event_sources,
    events,
    mentions,
)

_CHUNK = 500  # ids per IN (...) list: well under SQLite's bound-parameter limit


@dataclass(frozen=True, slots=True)
class Marks:
    """Highest ids and row counts that tell what a later ingest added."""

    entity: int
    entities: int
    event: int
    events: int
    article: int
    articles: int
    mentions: int
    correction: int
    corrections: int

    def text(self) -> str:
        """The watermark stored with a resolution run."""
        return "m2:" + ":".join(str(v) for v in astuple(self))

    @classmethod
    def parse(cls, text: str) -> Marks | None:
        """Read a watermark written by :meth:`text`; None for any other (older) shape."""
        head, _, rest = text.partition(":")
        parts = rest.split(":")
        if head != "m2" or len(parts) != len(fields(cls)) or not all(p.isdigit() for p in parts):
            return None
        return cls(*(int(p) for p in parts))


def current_marks(conn: Connection) -> Marks:
    """Return the store's marks now."""

    def top(table: Table) -> int:
        return int(conn.scalar(select(func.max(table.c.id))) or 0)

    def rows(table: Table) -> int:
        return int(conn.scalar(select(func.count()).select_from(table)) or 0)

    return Marks(
        top(entities), rows(entities), top(events), rows(events), top(articles), rows(articles),
        rows(mentions), top(corrections), rows(corrections),
    )  # fmt: skip


def only_added(conn: Connection, before: Marks, now: Marks) -> bool:
    """Tell whether the store changed since ``before`` by additions only (no edits, deletions)."""
    if (before.correction, before.corrections) != (now.correction, now.corrections):
        return False
    for table, top, was, count in (
        (entities, before.entity, before.entities, now.entities),
        (events, before.event, before.events, now.events),
        (articles, before.article, before.articles, now.articles),
    ):
        added = conn.scalar(select(func.count()).select_from(table).where(table.c.id > top))
        if count - was != added:
            return False
    new_mentions = select(func.count()).where(mentions.c.article_id > before.article)
    return now.mentions - before.mentions == conn.scalar(new_mentions)


def resolution_counts(conn: Connection) -> dict[str, int]:
    """Return the report figures of the stored resolution: entities, events and their clusters."""

    def rows(statement: Any) -> int:
        return int(conn.scalar(statement) or 0)

    kept = events.c.id.not_in(query._rejected("event"))
    n_entities = rows(select(func.count()).select_from(entities))
    merged = rows(select(func.count()).select_from(entity_clusters))
    entity_groups = rows(select(func.count(func.distinct(entity_clusters.c.cluster_id))))
    n_events = rows(select(func.count()).select_from(events).where(kept))
    grouped = rows(select(func.count()).select_from(event_clusters))
    event_groups = rows(select(func.count(func.distinct(event_clusters.c.cluster_id))))
    return {
        "entities": n_entities,
        "entity_clusters": n_entities - (merged - entity_groups),
        "merged_entities": merged,
        "events": n_events,
        "event_clusters": n_events - (grouped - event_groups),
        "merged_events": grouped,
    }


def _chunks(ids: Collection[int]) -> Iterator[list[int]]:
    ordered = sorted(ids)
    for start in range(0, len(ordered), _CHUNK):
        yield ordered[start : start + _CHUNK]


def new_ids(conn: Connection, table: Table, after: int) -> list[int]:
    """Return the ids of ``table`` above ``after``."""
    return list(conn.scalars(select(table.c.id).where(table.c.id > after)))


def mentioned_in_new(conn: Connection, after_article: int) -> set[int]:
    """Return the entities named in articles above ``after_article``."""
    found = select(mentions.c.entity_id).where(mentions.c.article_id > after_article).distinct()
    return set(conn.scalars(found))


def entity_rows(conn: Connection, ids: Collection[int]) -> dict[int, EntityRow]:
    """Return the entities ``ids`` with their aliases and mention counts."""
    found: dict[int, EntityRow] = {}
    for chunk in _chunks(ids):
        names: dict[int, list[str]] = defaultdict(list)
        for entity_id, alias in conn.execute(
            select(aliases.c.entity_id, aliases.c.alias).where(aliases.c.entity_id.in_(chunk))
        ):
            names[entity_id].append(alias)
        counted = (
            select(mentions.c.entity_id, func.count())
            .where(mentions.c.entity_id.in_(chunk))
            .group_by(mentions.c.entity_id)
        )
        counts: dict[int, int] = {e: int(n) for e, n in conn.execute(counted)}
        for r in conn.execute(select(entities).where(entities.c.id.in_(chunk))):
            found[r.id] = EntityRow(
                r.id, r.type, r.name, r.key, tuple(names[r.id]), int(counts.get(r.id, 0))
            )
    return found


def add_blocks(conn: Connection, blocks: Iterable[tuple[int, str, str]]) -> None:
    """Record ``(entity id, type, block)`` rows."""
    rows = [{"entity_id": e, "type": t, "block": b} for e, t, b in blocks]
    for start in range(0, len(rows), 1000):
        conn.execute(insert(entity_blocks), rows[start : start + 1000])


def replace_blocks(conn: Connection, blocks: Iterable[tuple[int, str, str]]) -> None:
    """Replace every recorded block (after a full resolution)."""
    conn.execute(delete(entity_blocks))
    add_blocks(conn, blocks)


def block_members(
    conn: Connection, keys: Collection[tuple[str, str]]
) -> dict[tuple[str, str], list[int]]:
    """Return the entities in each ``(type, block)``, in id order."""
    found: dict[tuple[str, str], list[int]] = defaultdict(list)
    by_type: dict[str, list[str]] = defaultdict(list)
    for type_, block in keys:
        by_type[type_].append(block)
    for type_, blocks in by_type.items():
        for start in range(0, len(blocks), _CHUNK):
            rows = conn.execute(
                select(entity_blocks.c.block, entity_blocks.c.entity_id)
                .where(
                    entity_blocks.c.type == type_,
                    entity_blocks.c.block.in_(blocks[start : start + _CHUNK]),
                )
                .order_by(entity_blocks.c.entity_id)
            )
            for block, entity_id in rows:
                found[(type_, block)].append(entity_id)
    return found


def blocks_of(conn: Connection, ids: Collection[int]) -> dict[int, list[tuple[str, str]]]:
    """Return the recorded ``(type, block)`` keys of the entities ``ids``."""
    found: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for chunk in _chunks(ids):
        rows = select(entity_blocks).where(entity_blocks.c.entity_id.in_(chunk))
        for r in conn.execute(rows):
            found[r.entity_id].append((r.type, r.block))
    return found


def clusters_with(conn: Connection, ids: Collection[int]) -> dict[int, int]:
    """Return entity → representative for ``ids`` and every member of their clusters."""
    reps: set[int] = set()
    for chunk in _chunks(ids):
        rows = select(entity_clusters.c.cluster_id).where(entity_clusters.c.entity_id.in_(chunk))
        reps.update(conn.scalars(rows))
    found: dict[int, int] = {}
    for chunk in _chunks(reps):
        rows = select(entity_clusters).where(entity_clusters.c.cluster_id.in_(chunk))
        found.update({r.entity_id: r.cluster_id for r in conn.execute(rows)})
    return found


def partial_linked(conn: Connection, rule: str, keys: Collection[str]) -> set[str]:
    """Return which entity ``keys`` (``TYPE:key``) already hold a merge link with ``rule``."""
    held: set[str] = set()
    for type_key in keys:
        type_, _, key = type_key.partition(":")
        found = conn.scalar(
            select(func.count()).where(
                entity_links.c.rule == rule,
                entity_links.c.type == type_,
                or_(entity_links.c.key_a == key, entity_links.c.key_b == key),
            )
        )
        if found:
            held.add(type_key)
    return held


def save_entity_clusters(
    conn: Connection, ids: Collection[int], clusters: dict[int, int], links: list[dict[str, Any]]
) -> None:
    """Replace the cluster rows of ``ids`` with ``clusters`` (member → rep); add ``links``."""
    for chunk in _chunks(ids):
        conn.execute(delete(entity_clusters).where(entity_clusters.c.entity_id.in_(chunk)))
    rows = [{"entity_id": e, "cluster_id": c} for e, c in clusters.items()]
    for start in range(0, len(rows), 1000):
        conn.execute(insert(entity_clusters), rows[start : start + 1000])
    for start in range(0, len(links), 1000):
        conn.execute(insert(entity_links), links[start : start + 1000])


# -- events ---------------------------------------------------------------------------------


def events_linked(conn: Connection, entity_ids: Collection[int]) -> set[int]:
    """Return the events linked to any of ``entity_ids``."""
    found: set[int] = set()
    for chunk in _chunks(entity_ids):
        rows = select(event_entities.c.event_id).where(event_entities.c.entity_id.in_(chunk))
        found.update(conn.scalars(rows))
    return found


def events_dated(conn: Connection, type_: str, year: str) -> set[int]:
    """Return the events of ``type_`` dated in ``year``."""
    rows = select(events.c.id).where(
        events.c.type == type_, func.substr(events.c.date, 1, 4) == year
    )
    return set(conn.scalars(rows))


def event_rows(conn: Connection, ids: Collection[int]) -> dict[int, EventRow]:
    """Return the events ``ids`` (not rejected by a human) with their articles and entities."""
    found: dict[int, EventRow] = {}
    for chunk in _chunks(ids):
        sources: dict[int, set[int]] = defaultdict(set)
        for event_id, article_id in conn.execute(
            select(event_sources.c.event_id, event_sources.c.article_id).where(
                event_sources.c.event_id.in_(chunk)
            )
        ):
            sources[event_id].add(article_id)
        links: dict[int, list[tuple[str, int]]] = defaultdict(list)
        for event_id, entity_id, role in conn.execute(
            select(event_entities).where(event_entities.c.event_id.in_(chunk))
        ):
            links[event_id].append((role, entity_id))
        rows = select(events).where(
            events.c.id.in_(chunk), events.c.id.not_in(query._rejected("event"))
        )
        for r in conn.execute(rows):
            found[r.id] = EventRow(
                r.id, r.type, r.date, r.location, r.args,
                tuple(sorted(sources[r.id])), tuple(links[r.id]),
            )  # fmt: skip
    return found


def event_groups_with(conn: Connection, ids: Collection[int]) -> set[int]:
    """Return ``ids`` and every event in the same stored event cluster as one of them."""
    reps: set[int] = set()
    for chunk in _chunks(ids):
        rows = select(event_clusters.c.cluster_id).where(event_clusters.c.event_id.in_(chunk))
        reps.update(conn.scalars(rows))
    found = set(ids)
    for chunk in _chunks(reps):
        rows = select(event_clusters.c.event_id).where(event_clusters.c.cluster_id.in_(chunk))
        found.update(conn.scalars(rows))
    return found


def event_groups(conn: Connection, ids: Collection[int]) -> dict[int, tuple[int, str]]:
    """Return the stored groups of ``ids``: every member of them → (representative, rule)."""
    reps: set[int] = set()
    for chunk in _chunks(ids):
        rows = select(event_clusters.c.cluster_id).where(event_clusters.c.event_id.in_(chunk))
        reps.update(conn.scalars(rows))
    found: dict[int, tuple[int, str]] = {}
    for chunk in _chunks(reps):
        rows = select(event_clusters).where(event_clusters.c.cluster_id.in_(chunk))
        found.update({r.event_id: (r.cluster_id, r.rule) for r in conn.execute(rows)})
    return found


def save_event_clusters(
    conn: Connection, ids: Collection[int], groups: dict[int, tuple[int, str]]
) -> None:
    """Replace the event cluster rows of ``ids`` with ``groups`` (member → (rep, rule))."""
    for chunk in _chunks(ids):
        conn.execute(delete(event_clusters).where(event_clusters.c.event_id.in_(chunk)))
    rows = [{"event_id": e, "cluster_id": c, "rule": r} for e, (c, r) in groups.items()]
    for start in range(0, len(rows), 1000):
        conn.execute(insert(event_clusters), rows[start : start + 1000])


# -- co-occurrence --------------------------------------------------------------------------


def recount_co_mentions(conn: Connection, owners: Collection[int]) -> None:
    """Recount the co-occurrence rows of the representatives ``owners`` (clusters changed)."""
    if not owners:
        return
    wanted = set(owners)
    for chunk in _chunks(wanted):
        conn.execute(
            delete(co_mentions).where(
                or_(co_mentions.c.entity_a.in_(chunk), co_mentions.c.entity_b.in_(chunk))
            )
        )
    members = set(wanted)
    for chunk in _chunks(wanted):
        rows = select(entity_clusters.c.entity_id).where(entity_clusters.c.cluster_id.in_(chunk))
        members.update(conn.scalars(rows))
    named: set[int] = set()
    for chunk in _chunks(members):
        rows = select(mentions.c.article_id).where(mentions.c.entity_id.in_(chunk)).distinct()
        named.update(conn.scalars(rows))
    pairs: Counter[tuple[int, int, str]] = Counter()
    for month, reps in _article_owners(conn, named):
        pairs.update((a, b, month) for a, b in combinations(reps, 2) if a in wanted or b in wanted)
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    rows_ = [
        {"entity_a": a, "entity_b": b, "month": m, "articles": n}
        for (a, b, m), n in sorted(pairs.items())
    ]
    for start in range(0, len(rows_), 1000):
        conn.execute(dialect.insert(co_mentions), rows_[start : start + 1000])


def _article_owners(
    conn: Connection, article_ids: Collection[int]
) -> Iterator[tuple[str, list[int]]]:
    for chunk in _chunks(article_ids):
        named: dict[int, set[int]] = defaultdict(set)
        rows = (
            select(mentions.c.article_id, mentions.c.entity_id, entity_clusters.c.cluster_id)
            .outerjoin(entity_clusters, entity_clusters.c.entity_id == mentions.c.entity_id)
            .where(mentions.c.article_id.in_(chunk))
        )
        for article_id, entity_id, cluster_id in conn.execute(rows):
            named[article_id].add(cluster_id if cluster_id is not None else entity_id)
        dated = select(articles.c.id, articles.c.published).where(articles.c.id.in_(chunk))
        months: dict[int, str | None] = {a: p for a, p in conn.execute(dated)}
        for article_id, reps in named.items():
            yield (months.get(article_id) or "")[:MONTH], sorted(reps)
