"""Full-text search over article titles and text: FTS5 on SQLite, tsvector on PostgreSQL.

Both backends return the same hit shape: the article id, external id and
title, a plain-text ``snippet`` and ``highlights``, the ``[start, end]``
offsets of the matched words inside the snippet (no HTML). User queries
never reach the database verbatim: on SQLite every word is quoted into an
FTS5 string, so unbalanced quotes, ``AND OR`` or a lone ``*`` are just
words (or nothing); on PostgreSQL ``websearch_to_tsquery`` accepts any input.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Connection, text

from .schema import articles

#: Text-search configuration for PostgreSQL; FTS5 uses the porter stemmer to match it.
PG_CONFIG = "english"

# Control characters never occur in cleaned article text, so they can mark matches.
_START, _STOP = "\x02", "\x03"

_PG_DOCUMENT = f"to_tsvector('{PG_CONFIG}', coalesce(title, '') || ' ' || text)"

_TOKEN = re.compile(r'"([^"]*)"|(\S+)')
_WORD = re.compile(r"\w+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def create_search_index(conn: Connection) -> None:
    """Create the full-text index for ``conn``'s dialect (run by a migration)."""
    if conn.dialect.name == "sqlite":
        _create_fts5(conn)
    elif conn.dialect.name == "postgresql":
        conn.execute(text(f"CREATE INDEX ix_articles_fts ON articles USING GIN (({_PG_DOCUMENT}))"))


def _create_fts5(conn: Connection) -> None:
    # An external-content table: the text lives once, in ``articles``; triggers keep
    # the index in step with every insert, update and delete.
    conn.exec_driver_sql(
        "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', "
        "content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')"
    )
    conn.exec_driver_sql(
        "CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN "
        "INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END"
    )
    conn.exec_driver_sql(
        "CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN "
        "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
        "VALUES ('delete', old.id, old.title, old.text); END"
    )
    conn.exec_driver_sql(
        "CREATE TRIGGER articles_fts_au AFTER UPDATE ON articles BEGIN "
        "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
        "VALUES ('delete', old.id, old.title, old.text); "
        "INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END"
    )


def fts5_query(query: str) -> str | None:
    """Return ``query`` as a safe FTS5 expression (quoted phrases, ANDed), or None if empty.

    ``"exact phrase"`` stays a phrase, a hyphenated or dotted token becomes a
    phrase of its words, and a trailing ``*`` keeps its prefix meaning.
    """
    parts: list[str] = []
    for match in _TOKEN.finditer(query):
        phrase, bare = match.groups()
        words = _WORD.findall(phrase if phrase is not None else bare)
        if not words:
            continue
        term = '"' + " ".join(words) + '"'
        if phrase is None and bare.endswith("*"):
            term += "*"
        parts.append(term)
    return " ".join(parts) or None


def search_articles(conn: Connection, query: str, limit: int = 20) -> list[dict[str, Any]]:
    """Return up to ``limit`` articles matching ``query``, best first, with marked snippets."""
    # PostgreSQL rejects NUL outright, and no control character is ever a search term.
    query = _CONTROL.sub(" ", query)
    if conn.dialect.name == "postgresql":
        rows = _search_postgresql(conn, query, limit)
    else:
        rows = _search_sqlite(conn, query, limit)
    hits = []
    for row in rows:
        snippet, highlights = split_marks(row.snippet or "")
        hits.append(
            {
                "article_id": f"art{row.id}",
                "external_id": row.external_id,
                "title": row.title,
                "snippet": snippet,
                "highlights": highlights,
            }
        )
    return hits


def _search_sqlite(conn: Connection, query: str, limit: int) -> list[Any]:
    expression = fts5_query(query)
    if expression is None:
        return []
    sql = text(
        "SELECT a.id, a.external_id, a.title, "
        "snippet(articles_fts, -1, :start, :stop, '…', 24) AS snippet "
        "FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
        "WHERE articles_fts MATCH :q ORDER BY rank, a.id LIMIT :limit"
    )
    params = {"start": _START, "stop": _STOP, "q": expression, "limit": limit}
    return list(conn.execute(sql, params))


def _search_postgresql(conn: Connection, query: str, limit: int) -> list[Any]:
    options = (
        f"StartSel={_START}, StopSel={_STOP}, MaxWords=35, MinWords=15, "
        'MaxFragments=2, FragmentDelimiter=" … "'
    )
    # Unqualified columns so the WHERE expression is the indexed one, verbatim.
    sql = text(
        f"SELECT id, external_id, title, ts_headline('{PG_CONFIG}', text, q, :options) AS snippet "
        f"FROM {articles.name}, websearch_to_tsquery('{PG_CONFIG}', :q) AS q "
        f"WHERE {_PG_DOCUMENT} @@ q ORDER BY ts_rank({_PG_DOCUMENT}, q) DESC, id LIMIT :limit"
    )
    return list(conn.execute(sql, {"options": options, "q": query, "limit": limit}))


def split_marks(marked: str) -> tuple[str, list[list[int]]]:
    """Strip match marks from ``marked``; return the plain text and the marked [start, end]s."""
    plain: list[str] = []
    highlights: list[list[int]] = []
    length = 0
    start: int | None = None
    for piece in re.split(f"([{_START}{_STOP}])", marked):
        if piece == _START:
            start = length
        elif piece == _STOP:
            if start is not None and length > start:
                highlights.append([start, length])
            start = None
        else:
            plain.append(piece)
            length += len(piece)
    return "".join(plain), highlights
