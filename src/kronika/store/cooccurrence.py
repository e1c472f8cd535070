"""Co-occurrence counts in ``co_mentions``: which entities are named in the same articles.

Counting pairs from every mention on each read costs seconds on a large store,
so the counts are kept as rows per entity pair and publication month: each
stored article adds one to every pair of (cluster representative) entities it
names (:func:`add_article`), a superseded article takes its ones back
(:func:`remove_articles`), re-extraction empties the table with the other machine
rows, and a change of clusters (cross-article resolution) recounts it all
(:func:`rebuild_co_mentions`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import combinations

from sqlalchemy import Connection, bindparam, delete, select, text, update

from .schema import articles, co_mentions, entity_clusters, mentions

#: PostgreSQL advisory lock: writers take it shared, a full recount takes it exclusive,
#: so a recount never interleaves with a write whose counts it would then erase.
COUNT_LOCK = 7365201


def lock_counts(conn: Connection, *, exclusive: bool) -> None:
    """Hold the co-occurrence lock to the end of the transaction (PostgreSQL only)."""
    if conn.dialect.name == "postgresql":
        kind = "pg_advisory_xact_lock" if exclusive else "pg_advisory_xact_lock_shared"
        conn.execute(text(f"SELECT {kind}({COUNT_LOCK})"))


#: Length of the ``published`` prefix a row is counted under (``YYYY-MM``).
MONTH = 7
_CHUNK = 500

# Every article's distinct (representative entity, month) pairs, joined with itself.
_REBUILD = text(
    """
    INSERT INTO co_mentions (entity_a, entity_b, month, articles)
    SELECT x.e, y.e, x.mo, COUNT(*)
    FROM (
        SELECT DISTINCT m.article_id AS a, COALESCE(c.cluster_id, m.entity_id) AS e,
               COALESCE(SUBSTR(ar.published, 1, 7), '') AS mo
        FROM mentions m
        JOIN articles ar ON ar.id = m.article_id
        LEFT JOIN entity_clusters c ON c.entity_id = m.entity_id
    ) x
    JOIN (
        SELECT DISTINCT m.article_id AS a, COALESCE(c.cluster_id, m.entity_id) AS e
        FROM mentions m
        LEFT JOIN entity_clusters c ON c.entity_id = m.entity_id
    ) y ON y.a = x.a AND x.e < y.e
    GROUP BY x.e, y.e, x.mo
    """
)


# One article's pairs added to the counts ({mark}: the driver's placeholder).
_ADD = (
    "INSERT INTO co_mentions (entity_a, entity_b, month, articles) "
    "VALUES ({mark}, {mark}, {mark}, {mark}) ON CONFLICT (entity_a, entity_b, month) "
    "DO UPDATE SET articles = co_mentions.articles + excluded.articles"
)


def rebuild_co_mentions(conn: Connection) -> None:
    """Recount ``co_mentions`` from every stored mention and the current clusters."""
    conn.execute(delete(co_mentions))
    conn.execute(_REBUILD)


def _owners(conn: Connection, article_ids: Sequence[int]) -> dict[int, tuple[str, list[int]]]:
    """Return, per article, its month and the representatives of the entities it mentions."""
    rows = conn.execute(
        select(mentions.c.article_id, mentions.c.entity_id, entity_clusters.c.cluster_id)
        .outerjoin(entity_clusters, entity_clusters.c.entity_id == mentions.c.entity_id)
        .where(mentions.c.article_id.in_(article_ids))
    )
    named: dict[int, set[int]] = {}
    for article_id, entity_id, cluster_id in rows:
        named.setdefault(article_id, set()).add(cluster_id if cluster_id is not None else entity_id)
    in_articles = articles.c.id.in_(list(named))
    months = {
        a: p
        for a, p in conn.execute(select(articles.c.id, articles.c.published).where(in_articles))
    }
    return {a: ((months.get(a) or "")[:MONTH], sorted(e)) for a, e in named.items()}


def _pairs(conn: Connection, article_ids: Sequence[int]) -> Counter[tuple[int, int, str]]:
    pairs: Counter[tuple[int, int, str]] = Counter()
    for chunk in range(0, len(article_ids), _CHUNK):
        found = _owners(conn, article_ids[chunk : chunk + _CHUNK])
        for month, owners in found.values():
            pairs.update((a, b, month) for a, b in combinations(owners, 2))
    return pairs


def add_article(conn: Connection, article_id: int) -> None:
    """Count the stored article ``article_id`` (its mentions written) in every pair it names."""
    pairs = _pairs(conn, [article_id])
    if not pairs:
        return
    # straight to the driver: a long article names thousands of pairs, and building
    # each row's parameters through SQLAlchemy cost more than the upsert itself
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    conn.exec_driver_sql(
        _ADD.format(mark=mark),
        [(a, b, month, n) for (a, b, month), n in sorted(pairs.items())],
    )


def remove_articles(conn: Connection, article_ids: Sequence[int]) -> None:
    """Take the stored articles ``article_ids`` out of the counts (before their mentions go)."""
    pairs = _pairs(conn, list(article_ids))
    if not pairs:
        return
    row = co_mentions.c
    conn.execute(
        update(co_mentions)
        .where(
            row.entity_a == bindparam("a"),
            row.entity_b == bindparam("b"),
            row.month == bindparam("m"),
        )
        .values(articles=row.articles - bindparam("n")),
        [{"a": a, "b": b, "m": month, "n": n} for (a, b, month), n in sorted(pairs.items())],
    )
    conn.execute(delete(co_mentions).where(row.articles <= 0))


def month_bounds(since: str | None, until: str | None) -> bool:
    """Tell whether ``since``/``until`` filter exactly on a month prefix of ``published``."""
    return all(bound is None or len(bound) <= MONTH for bound in (since, until))
