"""The entity network: co-occurrence and affiliation edges over the store's tables.

Entities merged by cross-article resolution count as their cluster's
representative. The cluster map is small, so it is applied in Python and the
SQL stays on indexed columns (a join on a computed representative id would
defeat the mention indexes). Candidates to move into ``store/query.py`` with
the rest of ``web/queries.py``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from itertools import combinations
from typing import Any, TypeVar

from sqlalchemy import Connection, Select, and_, func, or_, select

from ..store.cooccurrence import month_bounds
from ..store.schema import (
    articles,
    co_mentions,
    entities,
    entity_clusters,
    event_entities,
    events,
    mentions,
)
from ..store.store import Store

T = TypeVar("T")

#: Co-occurrence on an entity page looks at its most recent articles only, to stay fast.
RECENT_ARTICLES = 5000


def _cached(store: Store, key: tuple[Any, ...], compute: Callable[[Connection], T]) -> T:
    """Return ``compute(conn)``, reused until the store is written to.

    Co-occurrence counts every mention of the corpus; the network and entity pages
    would redo that on each request although it only changes when articles are stored.
    """

    def run() -> T:
        with store.engine.connect() as conn:
            return compute(conn)

    return store.cached(("graph", *key), run)


def _clusters(conn: Connection) -> dict[int, int]:
    rows = conn.execute(select(entity_clusters.c.entity_id, entity_clusters.c.cluster_id))
    return {member: rep for member, rep in rows if member != rep}


def _members(clusters: dict[int, int], reps: Sequence[int]) -> list[int]:
    wanted = set(reps)
    return sorted(wanted | {m for m, rep in clusters.items() if rep in wanted})


def _describe(conn: Connection, counts: Counter[int], limit: int) -> list[dict[str, Any]]:
    ids = [entity_id for entity_id, _ in counts.most_common(limit)]
    rows = {r.id: r for r in conn.execute(select(entities).where(entities.c.id.in_(ids)))}
    return [
        {"id": f"ent{i}", "type": rows[i].type, "name": rows[i].name, "n": counts[i]}
        for i in ids
        if i in rows
    ]


def co_occurring(store: Store, entity_id: int, limit: int = 15) -> list[dict[str, Any]]:
    """Return entities named in the same articles as ``entity_id``, by shared articles."""
    return _cached(
        store, ("co", entity_id, limit), lambda conn: _co_occurring(conn, entity_id, limit)
    )


def _co_occurring(conn: Connection, entity_id: int, limit: int) -> list[dict[str, Any]]:
    clusters = _clusters(conn)
    own = (
        select(mentions.c.article_id)
        .where(mentions.c.entity_id.in_(_members(clusters, [entity_id])))
        .distinct()
        .order_by(mentions.c.article_id.desc())
        .limit(RECENT_ARTICLES)
        .subquery()
    )
    # Counted in SQL on those articles only: each entity (as its cluster's representative)
    # once per article, so only one row per co-occurring entity comes back.
    owner = func.coalesce(entity_clusters.c.cluster_id, mentions.c.entity_id)
    per_owner = (
        select(owner.label("owner"), func.count(func.distinct(mentions.c.article_id)))
        .select_from(
            mentions.join(own, own.c.article_id == mentions.c.article_id).outerjoin(
                entity_clusters, entity_clusters.c.entity_id == mentions.c.entity_id
            )
        )
        .group_by(owner)
    )
    counts: Counter[int] = Counter()
    if entity_id not in clusters and _few_articles(conn, own):
        # Its every article counts, as in ``co_mentions`` (kept per representative).
        counts = _co_counts(conn, entity_id)
    else:
        for other, n in conn.execute(per_owner):
            if other != entity_id:
                counts[int(other)] = int(n)
    # Room for ties at the cut, broken by name as in every other list.
    found = _describe(conn, counts, limit * 4)
    found.sort(key=lambda e: (-e["n"], e["name"]))
    return [
        {"id": e["id"], "type": e["type"], "name": e["name"], "articles": e["n"]}
        for e in found[:limit]
    ]


def _few_articles(conn: Connection, own: Any) -> bool:
    """Tell whether the articles ``own`` selects are all the entity's (fewer than the cap)."""
    return int(conn.scalar(select(func.count()).select_from(own)) or 0) < RECENT_ARTICLES


def _co_counts(conn: Connection, entity_id: int) -> Counter[int]:
    """Return, per other representative, the articles it shares with ``entity_id``."""
    counts: Counter[int] = Counter()
    row = co_mentions.c
    for a, b, n in conn.execute(
        select(row.entity_a, row.entity_b, func.sum(row.articles))
        .where(or_(row.entity_a == entity_id, row.entity_b == entity_id))
        .group_by(row.entity_a, row.entity_b)
    ):
        if n:
            counts[int(b if a == entity_id else a)] = int(n)
    return counts


def top_entities(store: Store, type: str, limit: int = 10) -> list[dict[str, Any]]:
    """Return the ``limit`` most-mentioned entities of ``type`` (id, type, name, mentions)."""
    return _graph(store, (type,), None, None, limit, edges=False)["nodes"]


def graph(
    store: Store,
    types: Sequence[str] = (),
    since: str | None = None,
    until: str | None = None,
    limit: int = 60,
) -> dict[str, list[dict[str, Any]]]:
    """Return the most-mentioned entities and the edges between them.

    Edges are ``co-occurrence`` (named in the same article; ``weight`` counts the
    articles) and ``affiliation`` (a JOIN event links a person to an organization).
    ``since``/``until`` keep articles published, and events dated, in that range.
    """
    return _graph(store, types, since, until, limit, edges=True)


def _graph(
    store: Store,
    types: Sequence[str],
    since: str | None,
    until: str | None,
    limit: int,
    edges: bool,
) -> dict[str, list[dict[str, Any]]]:
    key = ("graph", tuple(types), since, until, limit, edges)
    return _cached(store, key, lambda conn: _compute(conn, types, since, until, limit, edges))


def _compute(
    conn: Connection,
    types: Sequence[str],
    since: str | None,
    until: str | None,
    limit: int,
    with_edges: bool,
) -> dict[str, list[dict[str, Any]]]:
    in_range = _in_range(since, until)
    clusters = _clusters(conn)
    per_entity = select(mentions.c.entity_id, func.count()).group_by(mentions.c.entity_id)
    if in_range is not None:
        per_entity = per_entity.where(mentions.c.article_id.in_(in_range))
    counts: Counter[int] = Counter()
    for entity_id, n in conn.execute(per_entity):
        counts[clusters.get(entity_id, entity_id)] += int(n)
    if types:
        wanted = [t.upper() for t in types]
        allowed = set(conn.scalars(select(entities.c.id).where(entities.c.type.in_(wanted))))
        counts = Counter({i: n for i, n in counts.items() if i in allowed})
    nodes = [
        {"id": e["id"], "type": e["type"], "name": e["name"], "mentions": e["n"]}
        for e in _describe(conn, counts, limit)
    ]
    if not with_edges:
        return {"nodes": nodes, "edges": []}
    ids = [int(n["id"][3:]) for n in nodes]
    edges = _co_edges(conn, clusters, ids, since, until)
    edges += _affiliations(conn, clusters, ids, since, until)
    return {"nodes": nodes, "edges": edges}


def _co_edges(
    conn: Connection,
    clusters: dict[int, int],
    ids: list[int],
    since: str | None,
    until: str | None,
) -> list[dict[str, Any]]:
    if not month_bounds(since, until):
        return _co_edges_exact(conn, clusters, ids, since, until)
    # ``co_mentions`` already counts articles per pair of representatives and month.
    query = (
        select(co_mentions.c.entity_a, co_mentions.c.entity_b, func.sum(co_mentions.c.articles))
        .where(co_mentions.c.entity_a.in_(ids), co_mentions.c.entity_b.in_(ids))
        .group_by(co_mentions.c.entity_a, co_mentions.c.entity_b)
    )
    if since or until:
        # Articles with no publication date are outside every range (as NULL ``published``).
        query = query.where(co_mentions.c.month != "")
    if since:
        query = query.where(co_mentions.c.month >= since)
    if until:
        query = query.where(func.substr(co_mentions.c.month, 1, len(until)) <= until)
    weights = {(int(a), int(b)): int(n) for a, b, n in conn.execute(query)}
    return [
        {"source": f"ent{a}", "target": f"ent{b}", "kind": "co-occurrence", "weight": n}
        for (a, b), n in sorted(weights.items())
        if n
    ]


def _co_edges_exact(
    conn: Connection,
    clusters: dict[int, int],
    ids: list[int],
    since: str | None,
    until: str | None,
) -> list[dict[str, Any]]:
    # A bound finer than a month: count from the mentions of the articles in range.
    in_range = _in_range(since, until)
    query = (
        select(mentions.c.article_id, mentions.c.entity_id)
        .where(mentions.c.entity_id.in_(_members(clusters, ids)))
        .distinct()
    )
    if in_range is not None:
        query = query.where(mentions.c.article_id.in_(in_range))
    by_article: dict[int, set[int]] = {}
    for article, entity_id in conn.execute(query):
        by_article.setdefault(article, set()).add(clusters.get(entity_id, entity_id))
    weights: Counter[tuple[int, int]] = Counter()
    for named in by_article.values():
        weights.update(combinations(sorted(named), 2))
    return [
        {"source": f"ent{a}", "target": f"ent{b}", "kind": "co-occurrence", "weight": n}
        for (a, b), n in sorted(weights.items())
    ]


def _in_range(since: str | None, until: str | None) -> Select[Any] | None:
    """Return the ids of articles published in ``since``..``until``, or None for all."""
    if not (since or until):
        return None
    in_range = select(articles.c.id)
    if since:
        in_range = in_range.where(articles.c.published >= since)
    if until:
        in_range = in_range.where(func.substr(articles.c.published, 1, len(until)) <= until)
    return in_range


def _affiliations(
    conn: Connection,
    clusters: dict[int, int],
    ids: list[int],
    since: str | None,
    until: str | None,
) -> list[dict[str, Any]]:
    members = _members(clusters, ids)
    p, o = event_entities.alias("p"), event_entities.alias("o")
    query = (
        select(p.c.entity_id.label("source"), o.c.entity_id.label("target"))
        .join(o, and_(o.c.event_id == p.c.event_id, o.c.role == "organization"))
        .join(events, events.c.id == p.c.event_id)
        .where(events.c.type == "JOIN", p.c.role == "person")
        .where(p.c.entity_id.in_(members), o.c.entity_id.in_(members))
        .distinct()
    )
    if since:
        query = query.where(or_(events.c.date.is_(None), events.c.date >= since))
    if until:
        query = query.where(
            or_(events.c.date.is_(None), func.substr(events.c.date, 1, len(until)) <= until)
        )
    pairs = {
        (clusters.get(r.source, r.source), clusters.get(r.target, r.target))
        for r in conn.execute(query)
    }
    return [
        {"source": f"ent{a}", "target": f"ent{b}", "kind": "affiliation", "weight": 1}
        for a, b in sorted(pairs)
        if a != b
    ]
