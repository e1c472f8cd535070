"""The entity network: co-occurrence and affiliation edges over the store's tables.

Candidates to move into ``store/query.py`` with the rest of ``web/queries.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Select, and_, func, or_, select

from ..store.schema import articles, entities, event_entities, events, mentions
from ..store.store import Store


def co_occurring(store: Store, entity_id: int, limit: int = 15) -> list[dict[str, Any]]:
    """Return entities named in the same articles as ``entity_id``, by shared articles."""
    own = select(mentions.c.article_id).where(mentions.c.entity_id == entity_id).distinct()
    shared = func.count(func.distinct(mentions.c.article_id))
    query = (
        select(entities.c.id, entities.c.type, entities.c.name, shared.label("n"))
        .join(mentions, mentions.c.entity_id == entities.c.id)
        .where(mentions.c.article_id.in_(own), entities.c.id != entity_id)
        .group_by(entities.c.id, entities.c.type, entities.c.name)
        .order_by(shared.desc(), entities.c.name)
        .limit(limit)
    )
    with store.engine.connect() as conn:
        return [
            {"id": f"ent{r.id}", "type": r.type, "name": r.name, "articles": int(r.n)}
            for r in conn.execute(query)
        ]


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
    in_range = select(articles.c.id)
    if since:
        in_range = in_range.where(articles.c.published >= since)
    if until:
        in_range = in_range.where(func.substr(articles.c.published, 1, len(until)) <= until)
    counted = func.count(mentions.c.id)
    top = (
        select(entities.c.id, entities.c.type, entities.c.name, counted.label("n"))
        .join(mentions, mentions.c.entity_id == entities.c.id)
        .where(mentions.c.article_id.in_(in_range))
        .group_by(entities.c.id, entities.c.type, entities.c.name)
        .order_by(counted.desc(), entities.c.id)
        .limit(limit)
    )
    if types:
        top = top.where(entities.c.type.in_([t.upper() for t in types]))
    with store.engine.connect() as conn:
        nodes = [
            {"id": f"ent{r.id}", "type": r.type, "name": r.name, "mentions": int(r.n)}
            for r in conn.execute(top)
        ]
        ids = [int(n["id"][3:]) for n in nodes]
        edges = _co_edges(conn, ids, in_range) + _affiliations(conn, ids, since, until)
    return {"nodes": nodes, "edges": edges}


def _co_edges(conn: Connection, ids: list[int], in_range: Select[Any]) -> list[dict[str, Any]]:
    if len(ids) < 2:
        return []
    a, b = mentions.alias("a"), mentions.alias("b")
    weight = func.count(func.distinct(a.c.article_id))
    query = (
        select(a.c.entity_id.label("source"), b.c.entity_id.label("target"), weight.label("w"))
        .join(b, and_(b.c.article_id == a.c.article_id, b.c.entity_id > a.c.entity_id))
        .where(a.c.entity_id.in_(ids), b.c.entity_id.in_(ids), a.c.article_id.in_(in_range))
        .group_by(a.c.entity_id, b.c.entity_id)
    )
    return [
        {
            "source": f"ent{r.source}",
            "target": f"ent{r.target}",
            "kind": "co-occurrence",
            "weight": int(r.w),
        }
        for r in conn.execute(query)
    ]


def _affiliations(
    conn: Connection, ids: list[int], since: str | None, until: str | None
) -> list[dict[str, Any]]:
    p, o = event_entities.alias("p"), event_entities.alias("o")
    query = (
        select(p.c.entity_id.label("source"), o.c.entity_id.label("target"))
        .join(o, and_(o.c.event_id == p.c.event_id, o.c.role == "organization"))
        .join(events, events.c.id == p.c.event_id)
        .where(events.c.type == "JOIN", p.c.role == "person")
        .where(p.c.entity_id.in_(ids), o.c.entity_id.in_(ids))
        .distinct()
    )
    if since:
        query = query.where(or_(events.c.date.is_(None), events.c.date >= since))
    if until:
        query = query.where(
            or_(events.c.date.is_(None), func.substr(events.c.date, 1, len(until)) <= until)
        )
    return [
        {"source": f"ent{r.source}", "target": f"ent{r.target}", "kind": "affiliation", "weight": 1}
        for r in conn.execute(query)
    ]
