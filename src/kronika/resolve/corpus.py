"""Cross-article resolution: one entity per person or group, one event per happening.

:func:`resolve_corpus` reads the stored entities and events, decides which
are the same, and writes clusters the store's reads then show as single
records. Entities are compared only within *blocks* (a curated canonical
name, the consonant skeleton of a name word, an acronym), never all pairs,
so a corpus of 10,000 articles stays fast. Each merge is recorded with its
rule and score (:func:`explain` shows them); human ``merge`` / ``split``
corrections are must-link / cannot-link constraints applied first, so a
split undoes a machine merge for good. A one-word name ("Halimov") joins a
full name only when exactly one person in the corpus fits it.

Events are merged by :func:`kronika.resolve.merging.resolve_events` (type,
participants, precision-aware dates, place and tallies).
"""

from __future__ import annotations

import logging
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from ..settings import Settings
from ..store.increment import Marks, current_marks, replace_blocks, resolution_counts
from ..store.resolved import (
    EntityRow,
    entity_corrections,
    last_run,
    load_entities,
    load_events,
    save_resolution,
)
from ..store.store import Store
from .aliases import AliasTable, load_aliases
from .merging import resolve_events
from .names import NameMatch, acronym, compare_names, name_tokens, org_words, skeleton

logger = logging.getLogger(__name__)

#: Blocks bigger than this are too unspecific to compare pairwise (e.g. a common given name).
MAX_BLOCK = 400
#: The rule of a merge that joins a one-word name to the only person it fits.
PARTIAL_RULE = "one-word name: the only person in the corpus it fits"


@dataclass(frozen=True, slots=True)
class ResolveReport:
    """What one resolution run decided."""

    entities: int = 0
    entity_clusters: int = 0
    merged_entities: int = 0
    ambiguous: int = 0
    events: int = 0
    event_clusters: int = 0
    merged_events: int = 0
    seconds: float = 0.0
    unchanged: bool = False

    def as_dict(self) -> dict[str, Any]:
        """Return the report as JSON-ready data."""
        return asdict(self)


class Clusters:
    """Union-find with cannot-link constraints and the reason of every union."""

    def __init__(self, ids: Iterable[int]) -> None:
        self.parent = {i: i for i in ids}
        self.members = {i: [i] for i in self.parent}
        self.cannot: dict[int, set[int]] = defaultdict(set)

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def forbid(self, a: int, b: int) -> None:
        self.cannot[a].add(b)
        self.cannot[b].add(a)

    def union(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        other = set(self.members[rb])
        if any(self.cannot[m] & other for m in self.members[ra]):
            return False
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra].extend(self.members.pop(rb))
        return True

    def groups(self) -> list[list[int]]:
        return [sorted(m) for m in self.members.values() if len(m) > 1]


def resolve_corpus(store: Store, settings: Settings, *, force: bool = False) -> ResolveReport:
    """Resolve entities and events across the stored corpus; skip when nothing changed.

    After an ingest that only added articles, only what they touch is redone
    (:mod:`kronika.resolve.incremental`); ``force`` redoes everything.
    """
    started = time.perf_counter()
    with store.engine.connect() as conn:
        now = current_marks(conn)
        previous = last_run(conn)
    if previous is not None and previous["watermark"] == now.text() and not force:
        return ResolveReport(**{**previous["report"], "unchanged": True})
    before = Marks.parse(previous["watermark"]) if previous is not None and not force else None
    if before is not None and previous is not None:
        report = _resolve_added(store, settings, before, now, previous, started)
        if report is not None:
            return report
    return _resolve_all(store, settings, now, started)


def _resolve_all(store: Store, settings: Settings, now: Marks, started: float) -> ResolveReport:
    with store.engine.connect() as conn:
        rows = load_entities(conn)
        human = entity_corrections(conn)
        event_rows = load_events(conn)
    table = _alias_table(load_aliases(settings), rows, human)
    keyed = {r.id: blocks(r, table) for r in rows}
    clusters, links, ambiguous = resolve_entities(rows, table, human, keyed)
    specific = {r.id for r in rows if r.type != "PERSON" or len(name_tokens(r.name)) > 1}
    groups = resolve_events(event_rows, clusters, specific, _same_person(table))
    report = ResolveReport(
        entities=len(rows),
        entity_clusters=len(rows) - sum(len(g) - 1 for g in _grouped(clusters)),
        merged_entities=sum(len(g) for g in _grouped(clusters)),
        ambiguous=ambiguous,
        events=len(event_rows),
        event_clusters=len(event_rows) - sum(len(g) - 1 for g in _grouped_events(groups)),
        merged_events=len(groups),
        seconds=round(time.perf_counter() - started, 3),
    )
    with store.engine.begin() as conn:
        save_resolution(conn, clusters, links, groups, now.text(), report.as_dict())
        replace_blocks(conn, [(r.id, r.type, key) for r in rows for key in keyed[r.id]])
    return report


class _FullRunNeeded(Exception):
    """Raised to roll back an incremental run that found it cannot decide alone."""


def _resolve_added(
    store: Store,
    settings: Settings,
    before: Marks,
    now: Marks,
    previous: dict[str, Any],
    started: float,
) -> ResolveReport | None:
    from .incremental import record_run, resolve_added

    with store.engine.connect() as conn:
        human = entity_corrections(conn)
    if any(action in ("split", "alias") for action, _, _ in human):
        return None  # cannot-links and added aliases are applied in a full run only
    table = load_aliases(settings)
    try:
        with store.engine.begin() as conn:
            changes = resolve_added(conn, table, before, now)
            if changes is None:
                raise _FullRunNeeded
            logger.info("incremental resolution: %s", changes)
            counts = resolution_counts(conn)
            report = ResolveReport(
                entities=counts["entities"],
                entity_clusters=counts["entity_clusters"],
                merged_entities=counts["merged_entities"],
                events=counts["events"],
                event_clusters=counts["event_clusters"],
                merged_events=counts["merged_events"],
                ambiguous=int(previous["report"].get("ambiguous", 0)),
                seconds=round(time.perf_counter() - started, 3),
            )
            record_run(conn, now.text(), report.as_dict(), datetime.now(UTC))
    except _FullRunNeeded:
        logger.info("incremental resolution not possible: resolving the whole store")
        return None
    return report


def _same_person(table: AliasTable) -> Callable[[str, str], bool]:
    def same(a: str, b: str) -> bool:
        return compare_names(a, b, "PERSON", table.canonical).same

    return same


def _grouped(clusters: dict[int, int]) -> list[list[int]]:
    found: dict[int, list[int]] = defaultdict(list)
    for member, rep in clusters.items():
        found[rep].append(member)
    return list(found.values())


def _grouped_events(groups: dict[int, tuple[int, str]]) -> list[list[int]]:
    return _grouped({e: c for e, (c, _) in groups.items()})


def _alias_table(
    table: AliasTable, rows: list[EntityRow], human: list[tuple[str, str, str]]
) -> AliasTable:
    by_key = {f"{r.type}:{r.key}": r for r in rows}
    added = []
    for action, key, value in human:
        row = by_key.get(key)
        if action == "alias" and row is not None:
            added.append((row.type, value, row.name))
    return table.with_aliases(added) if added else table


# -- entities -----------------------------------------------------------------------------


def blocks(row: EntityRow, table: AliasTable) -> set[str]:
    """Return the keys of the blocks ``row`` is compared within."""
    keys = set()
    canon = table.canonical(row.name, row.type)
    if canon is not None:
        keys.add("c:" + canon)
    if row.type == "PERSON":
        keys.update("t:" + skeleton(t) for t in name_tokens(canon or row.name) if len(t) > 2)
    elif row.type == "ORG":
        words = org_words(row.name)
        keys.add("a:" + (acronym(row.name) or "".join(words)))
        keys.update("w:" + skeleton(w) for w in words[:1])
    else:
        keys.add("k:" + " ".join(name_tokens(row.name, person=False)))
    return keys


def resolve_entities(
    rows: list[EntityRow],
    table: AliasTable,
    human: list[tuple[str, str, str]],
    keyed: dict[int, set[str]] | None = None,
) -> tuple[dict[int, int], list[dict[str, Any]], int]:
    """Cluster entities; return member → representative, the merge links and ambiguous count.

    ``keyed`` holds each row's :func:`blocks` when the caller computed them already.
    """
    found = Clusters(r.id for r in rows)
    by_id = {r.id: r for r in rows}
    by_key = {f"{r.type}:{r.key}": r.id for r in rows}
    links: list[dict[str, Any]] = []
    for action, key, value in human:
        a, b = by_key.get(key), by_key.get(value)
        if a is not None and b is not None and action == "split":
            found.forbid(a, b)
    for action, key, value in human:
        a, b = by_key.get(key), by_key.get(value)
        if a is not None and b is not None and action == "merge" and found.union(a, b):
            links.append(link(by_id[a], by_id[b], NameMatch(True, 100.0, "human merge")))
    by_block: dict[tuple[str, str], list[int]] = defaultdict(list)
    for row in rows:
        for key in keyed[row.id] if keyed is not None else blocks(row, table):
            by_block[(row.type, key)].append(row.id)
    compared: set[tuple[int, int]] = set()
    partial: dict[int, set[int]] = defaultdict(set)
    for (_, key), ids in by_block.items():
        if len(ids) > MAX_BLOCK and not key.startswith("c:"):
            continue
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                if (a, b) in compared or found.find(a) == found.find(b):
                    continue
                compared.add((a, b))
                ra, rb = by_id[a], by_id[b]
                verdict = compare_names(ra.name, rb.name, ra.type, table.canonical)
                if verdict.same and verdict.partial:
                    short, long = (a, b) if len(ra.name.split()) < len(rb.name.split()) else (b, a)
                    partial[short].add(long)
                elif verdict.same and found.union(a, b):
                    links.append(link(ra, rb, verdict))
    ambiguous = 0
    for short, candidates in partial.items():
        owners = {found.find(c) for c in candidates}
        if len(owners) == 1:
            long = min(candidates)
            verdict = NameMatch(True, 90.0, PARTIAL_RULE)
            if found.union(short, long):
                links.append(link(by_id[short], by_id[long], verdict))
        else:
            ambiguous += 1
    clusters = {member: representative(g, by_id) for g in found.groups() for member in g}
    return clusters, links, ambiguous


def representative(group: list[int], rows: Mapping[int, EntityRow]) -> int:
    """The entity a cluster is shown as: a full name, the most mentioned, the longest."""
    return max(
        group,
        key=lambda i: (" " in rows[i].name.strip(), rows[i].mentions, len(rows[i].name), -i),
    )


def link(a: EntityRow, b: EntityRow, verdict: NameMatch) -> dict[str, Any]:
    """Return the stored row of a merge link between ``a`` and ``b``."""
    return {
        "type": a.type,
        "key_a": a.key,
        "key_b": b.key,
        "name_a": a.name,
        "name_b": b.name,
        "rule": verdict.rule,
        "score": round(verdict.score, 1),
    }


# -- re-extraction --------------------------------------------------------------------------


def reprocess_corpus(store: Store, settings: Settings) -> dict[str, Any]:
    """Re-run extraction on every stored article's text, replace machine rows, re-resolve.

    Inputs are not read again. Human corrections stay, re-pointed at their
    targets by stable key (counts ``reattached`` / ``orphaned`` in the result).
    """
    from ..events.routing import analyse_articles  # spaCy: only when really reprocessing
    from ..store.resolved import stored_articles

    with store.engine.connect() as conn:
        stored = stored_articles(conn)
    found = analyse_articles([article for _, article in stored], settings)
    results = [(article_id, result) for (article_id, _), result in zip(stored, found, strict=True)]
    counts: dict[str, Any] = dict(store.replace_extraction(results))
    counts["articles"] = len(stored)
    counts["resolution"] = resolve_corpus(store, settings, force=True).as_dict()
    return counts


# -- explaining and correcting ---------------------------------------------------------------


def explain(store: Store, settings: Settings, a: str, b: str) -> dict[str, Any]:
    """Say why entities ``a`` and ``b`` (ids or names) are, or are not, one entity."""
    from ..store.query import _entity_ids
    from ..store.resolved import cluster_of, links_between, target_key

    with store.engine.connect() as conn:
        found = []
        for given in (a, b):
            ids = _entity_ids(conn, given)
            row = store.get(f"ent{ids[0]}") if ids else None
            key = target_key(conn, "entity", ids[0]) if ids else None
            found.append((given, ids[0] if ids else None, row, key))
        (_, ia, ra, ka), (_, ib, rb, kb) = found
        same_cluster = (
            ia is not None and ib is not None and cluster_of(conn, ia) == cluster_of(conn, ib)
        )
        type = (ra or rb or {}).get("type", "PERSON")
        keys = [k.partition(":")[2] for k in (ka, kb) if k]
        links = links_between(conn, type, keys) if keys else []
    human = [
        c
        for c in store.all_corrections()
        if c["target_key"] in (ka, kb) and c["action"] in ("merge", "split")
    ]
    verdict = compare_names(
        a if ra is None else _stored_name(store, ia),
        b if rb is None else _stored_name(store, ib),
        type,
        load_aliases(settings).canonical,
    )
    return {
        "a": a,
        "b": b,
        "a_id": f"ent{ia}" if ia else None,
        "b_id": f"ent{ib}" if ib else None,
        "type": type,
        "same_entity": bool(same_cluster),
        "score": round(verdict.score, 1),
        "rule": verdict.rule,
        "name_match": verdict.same,
        "partial": verdict.partial,
        "links": [{k: link[k] for k in ("name_a", "name_b", "rule", "score")} for link in links],
        "human": [{k: c[k] for k in ("action", "value", "author", "at")} for c in human],
    }


def _stored_name(store: Store, entity_id: int | None) -> str:
    from sqlalchemy import select

    from ..store.schema import entities

    with store.engine.connect() as conn:
        return str(conn.scalar(select(entities.c.name).where(entities.c.id == entity_id)))


def correct_entity(
    store: Store, settings: Settings, action: str, target: str, value: str, author: str = ""
) -> dict[str, Any]:
    """Merge, split, rename or alias an entity (id or name), then re-resolve the corpus."""
    from ..errors import NotFound
    from ..store.query import _entity_ids

    with store.engine.connect() as conn:
        ids = _entity_ids(conn, target)
    if not ids:
        raise NotFound(f"no entity {target!r}: give an id (ent3) or a stored name")
    store.correct(f"ent{ids[0]}", action, value=value, author=author)
    resolve_corpus(store, settings, force=True)
    return store.get(f"ent{ids[0]}") if action != "merge" else _shown(store, ids[0])


def _shown(store: Store, entity_id: int) -> dict[str, Any]:
    from ..store.resolved import cluster_of

    with store.engine.connect() as conn:
        rep = cluster_of(conn, entity_id)
    return store.get(f"ent{rep}")
