"""Incremental resolution: after an ingest that only added articles, redo only what they touch.

A full run (:func:`kronika.resolve.corpus.resolve_corpus` with nothing to
build on) compares entities within blocks, clusters them, merges events and
recounts co-occurrence over the whole store. When the store only grew since
the last run, the earlier decisions still hold, so this module:

1. computes the blocks of the new entities only (every entity's blocks are
   kept in ``entity_blocks``) and compares each new entity with the stored
   members of its blocks;
2. re-clusters only the clusters those comparisons, and the entities the new
   articles mention, belong to;
3. re-merges only the new events, the events linked to entities whose
   cluster changed, and the events sharing a block or a cluster with them;
4. recounts co-occurrence only for the representatives that changed.

Whatever could undo an earlier decision (a human correction since the last
run, an edited or removed article, a block growing past ``MAX_BLOCK``, a
one-word name already merged meeting a new candidate) falls back to a full
run, which :func:`resolve_added` signals by returning None.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import Connection, delete, insert

from ..store import increment as inc
from ..store.cooccurrence import lock_counts
from ..store.schema import entities, events, resolution_runs
from .aliases import AliasTable
from .corpus import MAX_BLOCK, PARTIAL_RULE, Clusters, blocks, link, representative
from .merging import facts_of, merge_new
from .names import NameMatch, compare_names, name_tokens

#: Above this share of new entities a full run is as cheap, and simpler.
FULL_SHARE = 0.25


class _NeedsFull(Exception):
    """An earlier decision may no longer hold: run the full resolution instead."""


def resolve_added(
    conn: Connection, table: AliasTable, before: inc.Marks, now: inc.Marks
) -> dict[str, int] | None:
    """Resolve what was added since ``before``, inside the caller's transaction.

    Returns the counts of what changed, or None when a full run is needed
    (the caller rolls back whatever this wrote).
    """
    lock_counts(conn, exclusive=True)
    if not inc.only_added(conn, before, now):
        return None
    added = inc.new_ids(conn, entities, before.entity)
    if len(added) > max(1_000, FULL_SHARE * now.entities):
        return None
    try:
        changed, compared = _entities(conn, table, set(added), before)
        regrouped = _events(conn, table, set(inc.new_ids(conn, events, before.event)), changed)
    except _NeedsFull:
        return None
    owners = {rep for pair in changed.values() for rep in pair}
    inc.recount_co_mentions(conn, owners)
    return {"new_entities": len(added), "compared": compared, "regrouped_events": regrouped}


def record_run(conn: Connection, mark: str, report: dict[str, Any], at: Any) -> None:
    """Record this run (its watermark and report), replacing the previous record."""
    conn.execute(delete(resolution_runs))
    conn.execute(insert(resolution_runs), {"at": at, "watermark": mark, "report": report})


# -- entities -------------------------------------------------------------------------------


def _entities(
    conn: Connection, table: AliasTable, added: set[int], before: inc.Marks
) -> tuple[dict[int, tuple[int, int]], int]:
    """Cluster the new entities in; return entity → (old rep, new rep) for every change."""
    new_rows = inc.entity_rows(conn, added)
    new_blocks = {i: blocks(row, table) for i, row in new_rows.items()}
    inc.add_blocks(conn, [(i, new_rows[i].type, b) for i, keys in new_blocks.items() for b in keys])
    keys = {(new_rows[i].type, b) for i, found in new_blocks.items() for b in found}
    members = _live(inc.block_members(conn, keys), added)
    verdicts = _compare(conn, table, members, added)
    shorts = {short for short, _, v in verdicts if v.partial}
    involved = set(added) | inc.mentioned_in_new(conn, before.article)
    involved |= {i for ids in members.values() for i in ids}
    if shorts:
        old_shorts = {s for s in shorts if s not in added}
        rows = inc.entity_rows(conn, old_shorts)
        held = inc.partial_linked(conn, PARTIAL_RULE, {f"{r.type}:{r.key}" for r in rows.values()})
        if held:
            raise _NeedsFull  # an old one-word merge meets a new candidate: it may not hold
        short_keys = {k for s in shorts for k in inc.blocks_of(conn, [s]).get(s, [])}
        short_members = _live(inc.block_members(conn, short_keys), added)
        involved |= {i for ids in short_members.values() for i in ids}
        verdicts += _compare_shorts(conn, table, short_members, shorts, verdicts)
    previous = inc.clusters_with(conn, involved)
    involved |= set(previous)
    rows = inc.entity_rows(conn, involved)
    found = Clusters(rows)
    for member, rep in previous.items():
        found.union(member, rep)
    links = _apply(found, rows, verdicts)
    clusters = {m: representative(g, rows) for g in found.groups() for m in g}
    inc.save_entity_clusters(conn, involved, clusters, links)
    changed = {
        e: (previous.get(e, e), clusters.get(e, e))
        for e in involved
        if previous.get(e, e) != clusters.get(e, e)
    }
    return changed, len(verdicts)


def _live(members: dict[tuple[str, str], list[int]], added: set[int]) -> dict[Any, list[int]]:
    live = {}
    for key, ids in members.items():
        if len(ids) > MAX_BLOCK and not key[1].startswith("c:"):
            if len(ids) - len(added.intersection(ids)) <= MAX_BLOCK:
                raise _NeedsFull  # the block just grew too big: its earlier merges would go
            continue
        live[key] = ids
    return live


Verdict = tuple[int, int, NameMatch]


def _compare(
    conn: Connection, table: AliasTable, members: dict[Any, list[int]], added: set[int]
) -> list[Verdict]:
    """Compare each new entity with the other members of its blocks; keep the matches."""
    pairs = sorted(
        {(min(a, b), max(a, b)) for ids in members.values() for a in ids if a in added for b in ids}
        - {(a, a) for a in added}
    )
    rows = inc.entity_rows(conn, {i for pair in pairs for i in pair})
    return _judge(pairs, rows, table)


def _compare_shorts(
    conn: Connection,
    table: AliasTable,
    members: dict[Any, list[int]],
    shorts: set[int],
    done: list[Verdict],
) -> list[Verdict]:
    """Compare each one-word name with every member of its blocks: its full set of candidates."""
    seen = {(a, b) for a, b, _ in done}
    pairs = sorted(
        {
            (min(s, o), max(s, o))
            for ids in members.values()
            for s in ids
            if s in shorts
            for o in ids
        }
        - {(s, s) for s in shorts}
        - seen
    )
    rows = inc.entity_rows(conn, {i for pair in pairs for i in pair})
    return _judge(pairs, rows, table)


def _judge(pairs: list[tuple[int, int]], rows: dict[int, Any], table: AliasTable) -> list[Verdict]:
    """Return ``(a, b, verdict)`` for the pairs that name one entity; partial: ``a`` is short."""
    found = []
    for a, b in pairs:
        ra, rb = rows[a], rows[b]
        verdict = compare_names(ra.name, rb.name, ra.type, table.canonical)
        if not verdict.same:
            continue
        if verdict.partial and len(ra.name.split()) >= len(rb.name.split()):
            a, b = b, a
        found.append((a, b, verdict))
    return found


def _apply(found: Clusters, rows: dict[int, Any], verdicts: list[Verdict]) -> list[dict[str, Any]]:
    """Union the full matches, then each one-word name with the one person it fits."""
    links = []
    candidates: dict[int, set[int]] = defaultdict(set)
    for a, b, verdict in verdicts:
        if found.find(a) == found.find(b):
            continue
        if verdict.partial:
            candidates[a].add(b)
        elif found.union(a, b):
            links.append(link(rows[a], rows[b], verdict))
    for short, longs in candidates.items():
        owners = {found.find(c) for c in longs}
        if len(owners) == 1 and found.union(short, min(longs)):
            verdict = NameMatch(True, 90.0, PARTIAL_RULE)
            links.append(link(rows[short], rows[min(longs)], verdict))
    return links


# -- events ---------------------------------------------------------------------------------


def _events(
    conn: Connection,
    table: AliasTable,
    added: set[int],
    changed: dict[int, tuple[int, int]],
) -> int:
    """Merge new events, and redo the groups of events whose participants' clusters changed."""
    focus = added | inc.event_groups_with(conn, inc.events_linked(conn, changed))
    if not focus:
        return 0
    rows = inc.event_rows(conn, focus)
    clusters = inc.clusters_with(conn, {e for r in rows.values() for _, e in r.entities})
    mates: set[int] = set()
    for row in rows.values():
        facts = facts_of(row, clusters, None)
        for rep in facts.core:
            mates |= inc.events_linked(conn, _members(clusters, rep))
        if not facts.core and row.date and facts.place:
            mates |= inc.events_dated(conn, row.type, row.date[:4])
    previous = inc.event_groups(conn, mates - focus)
    involved = focus | mates | set(previous)
    rows = inc.event_rows(conn, involved)
    clusters = inc.clusters_with(conn, {e for r in rows.values() for _, e in r.entities})
    specific = _specific(conn, rows.values())
    groups = merge_new(
        list(rows.values()), previous, focus, clusters, specific, _same_person(table)
    )
    inc.save_event_clusters(conn, involved, groups)
    return len(focus)


def _members(clusters: dict[int, int], rep: int) -> set[int]:
    return {e for e, r in clusters.items() if r == rep} | {rep}


def _specific(conn: Connection, rows: Any) -> set[int]:
    ids = {e for r in rows for _, e in r.entities}
    entity_rows = inc.entity_rows(conn, ids)
    return {i for i, r in entity_rows.items() if r.type != "PERSON" or len(name_tokens(r.name)) > 1}


def _same_person(table: AliasTable) -> Any:
    def same(a: str, b: str) -> bool:
        return compare_names(a, b, "PERSON", table.canonical).same

    return same
