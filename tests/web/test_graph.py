"""The network and co-occurrence read from stored counts agree with a recount from mentions."""

from __future__ import annotations

from collections import Counter
from itertools import combinations

import pytest
from sqlalchemy import select

from kronika.store.schema import articles, entity_clusters, mentions
from kronika.web import graph


def _named(store, since=None, until=None):
    """Every article's set of (representative) entities, recounted from the mentions."""
    with store.engine.connect() as conn:
        reps = {e: c for e, c in conn.execute(select(entity_clusters))}
        published = {a: p for a, p in conn.execute(select(articles.c.id, articles.c.published))}
        found: dict[int, set[int]] = {}
        for article, entity in conn.execute(select(mentions.c.article_id, mentions.c.entity_id)):
            day = published[article]
            if since and not (day and day >= since):
                continue
            if until and not (day and day[: len(until)] <= until):
                continue
            found.setdefault(article, set()).add(reps.get(entity, entity))
    return found


@pytest.mark.parametrize(
    "since,until",
    [(None, None), ("2016", None), (None, "2017-03"), ("2016-06", "2017"), ("2017-03-05", None)],
)
def test_graph_edges_count_shared_articles(web_store, since, until):
    network = graph.graph(web_store, since=since, until=until)
    ids = {int(n["id"][3:]) for n in network["nodes"]}
    expected: Counter[tuple[int, int]] = Counter()
    for named in _named(web_store, since, until).values():
        expected.update(combinations(sorted(named & ids), 2))
    got = {
        (int(e["source"][3:]), int(e["target"][3:])): e["weight"]
        for e in network["edges"]
        if e["kind"] == "co-occurrence"
    }
    assert network["edges"]
    assert got == dict(expected)


@pytest.mark.parametrize("cap", [graph.RECENT_ARTICLES, 2])
def test_co_occurring_counts_the_entitys_recent_articles(web_store, monkeypatch, cap):
    # A small cap takes the path for entities named in more articles than the cap.
    monkeypatch.setattr(graph, "RECENT_ARTICLES", cap)
    named = _named(web_store)
    top = graph.graph(web_store, limit=5)["nodes"]
    assert top
    for node in top:
        entity = int(node["id"][3:])
        recent = sorted((a for a, owners in named.items() if entity in owners), reverse=True)
        expected = Counter(o for a in recent[:cap] for o in named[a] if o != entity)
        got = graph.co_occurring(web_store, entity, limit=1000)
        assert {int(e["id"][3:]): e["articles"] for e in got} == dict(expected)
