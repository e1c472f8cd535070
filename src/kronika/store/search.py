"""Full-text search over article titles and text: FTS5 on SQLite, tsvector on PostgreSQL.

Russian words are found in any inflection: on SQLite each Russian query word is
searched as any of its forms (pymorphy3's paradigm of the word), on PostgreSQL
through the ``russian`` configuration beside the ``english`` one. A name is found
in either script: a query word that is part of a stored entity's name also
searches the other spellings the corpus knows for it ("Murodov" finds "Муродова").

Both backends return the same hit shape: the article id, external id and
title, a plain-text ``snippet`` and ``highlights``, the ``[start, end]``
offsets of the matched words inside the snippet (no HTML). User queries
never reach the database verbatim: on SQLite every word is quoted into an
FTS5 string, so unbalanced quotes, ``AND OR`` or a lone ``*`` are just
words (or nothing); on PostgreSQL ``websearch_to_tsquery`` accepts any input.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, or_, select, text

from ..normalize.names_ru import inflections
from ..resolve.names import name_tokens
from .schema import aliases, articles, entities, entity_key

#: Text-search configuration for PostgreSQL; FTS5 uses the porter stemmer to match it.
PG_CONFIG = "english"
#: The second configuration, for Russian text (its own index, created by m007).
PG_CONFIG_RU = "russian"

# Control characters never occur in cleaned article text, so they can mark matches.
_START, _STOP = "\x02", "\x03"

_PG_DOCUMENT = f"to_tsvector('{PG_CONFIG}', coalesce(title, '') || ' ' || text)"
_PG_DOCUMENT_RU = f"to_tsvector('{PG_CONFIG_RU}', coalesce(title, '') || ' ' || text)"

_TOKEN = re.compile(r'"([^"]*)"|(\S+)')
_WORD = re.compile(r"\w+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
#: How many entity names and aliases a query word may draw other spellings from.
_NAME_LIMIT = 50


def create_russian_index(conn: Connection) -> None:
    """On PostgreSQL, index the articles with the ``russian`` configuration too (m007)."""
    if conn.dialect.name == "postgresql":
        conn.execute(
            text(
                "CREATE INDEX IF NOT EXISTS ix_articles_fts_ru ON articles "
                f"USING GIN (({_PG_DOCUMENT_RU}))"
            )
        )


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


def fts5_query(query: str, expand: Callable[[str], list[str]] | None = None) -> str | None:
    """Return ``query`` as a safe FTS5 expression (quoted phrases, ANDed), or None if empty.

    ``"exact phrase"`` stays a phrase, a hyphenated or dotted token becomes a
    phrase of its words, and a trailing ``*`` keeps its prefix meaning. ``expand``
    gives a bare word's other forms, searched as alternatives: ``("суд" OR "суда")``.
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
        elif phrase is None and len(words) == 1 and expand is not None:
            forms = [f for f in dict.fromkeys(expand(words[0])) if _WORD.fullmatch(f)]
            others = [f'"{f}"' for f in forms if f.casefold() != words[0].casefold()]
            if others:
                term = "(" + " OR ".join([term, *others]) + ")"
        parts.append(term)
    return " ".join(parts) or None


def word_forms(conn: Connection, word: str) -> list[str]:
    """Other forms of a query word: its Russian inflections, and other scripts' spellings."""
    own = [word, *inflections(word)] if _CYRILLIC.search(word) else [word]
    forms: list[str] = own[1:]
    for name in _names_in_other_scripts(conn, own):
        forms.append(name)
        if _CYRILLIC.search(name):
            forms.extend(inflections(name))
    return forms


def _names_in_other_scripts(conn: Connection, own: list[str]) -> list[str]:
    """Words of stored entity names and aliases that spell one of ``own`` in another way."""
    key = entity_key(own[0])
    if len(key) < 4 or not key.isalpha():
        return []
    # a cheap filter in SQL (a shared start or end), the transliteration test in Python
    near = or_(entities.c.key.like(f"%{key[:3]}%"), entities.c.key.like(f"%{key[-3:]}%"))
    names = conn.execute(select(entities.c.name).where(near).limit(_NAME_LIMIT)).scalars()
    alias_rows = conn.execute(
        select(aliases.c.alias)
        .join(entities, entities.c.id == aliases.c.entity_id)
        .where(near)
        .limit(_NAME_LIMIT)
    ).scalars()
    wanted = {name_tokens(form) for form in own}
    found: dict[str, None] = {}
    for name in [*names, *alias_rows]:
        for token in _WORD.findall(name):
            if token.casefold() != own[0].casefold() and name_tokens(token) in wanted:
                found[token] = None
    return list(found)


def search_articles(
    conn: Connection, query: str, limit: int = 20, language: str | None = None
) -> list[dict[str, Any]]:
    """Return up to ``limit`` articles matching ``query``, best first, with marked snippets.

    ``language`` (an ISO code such as "ru") keeps only the articles in that language.
    """
    # PostgreSQL rejects NUL outright, and no control character is ever a search term.
    query = _CONTROL.sub(" ", query)
    lang = (language or "").lower() or None
    if conn.dialect.name == "postgresql":
        rows = _search_postgresql(conn, query, limit, lang)
    else:
        rows = _search_sqlite(conn, query, limit, lang)
    hits = []
    for row in rows:
        snippet, highlights = split_marks(row.snippet or "")
        hits.append(
            {
                "article_id": f"art{row.id}",
                "external_id": row.external_id,
                "title": row.title,
                "language": row.language,
                "snippet": snippet,
                "highlights": highlights,
            }
        )
    return hits


def _search_sqlite(conn: Connection, query: str, limit: int, language: str | None) -> list[Any]:
    expression = fts5_query(query, lambda word: word_forms(conn, word))
    if expression is None:
        return []
    sql = text(
        "SELECT a.id, a.external_id, a.title, a.language, "
        "snippet(articles_fts, -1, :start, :stop, '…', 24) AS snippet "
        "FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
        "WHERE articles_fts MATCH :q AND (:lang IS NULL OR a.language = :lang) "
        "ORDER BY rank, a.id LIMIT :limit"
    )
    params = {"start": _START, "stop": _STOP, "q": expression, "limit": limit, "lang": language}
    return list(conn.execute(sql, params))


def _search_postgresql(conn: Connection, query: str, limit: int, language: str | None) -> list[Any]:
    options = (
        f"StartSel={_START}, StopSel={_STOP}, MaxWords=35, MinWords=15, "
        'MaxFragments=2, FragmentDelimiter=" … "'
    )
    # Unqualified columns so the WHERE expressions are the indexed ones, verbatim.
    sql = text(
        "SELECT id, external_id, title, language, CASE WHEN language = 'ru' "
        f"THEN ts_headline('{PG_CONFIG_RU}', text, qr, :options) "
        f"ELSE ts_headline('{PG_CONFIG}', text, q, :options) END AS snippet "
        f"FROM {articles.name}, websearch_to_tsquery('{PG_CONFIG}', :q) AS q, "
        f"websearch_to_tsquery('{PG_CONFIG_RU}', :q) AS qr "
        f"WHERE ({_PG_DOCUMENT} @@ q OR {_PG_DOCUMENT_RU} @@ qr) "
        "AND (CAST(:lang AS TEXT) IS NULL OR language = :lang) "
        f"ORDER BY greatest(ts_rank({_PG_DOCUMENT}, q), ts_rank({_PG_DOCUMENT_RU}, qr)) DESC, id "
        "LIMIT :limit"
    )
    params = {
        "options": options,
        "q": _pg_alternatives(conn, query),
        "limit": limit,
        "lang": language,
    }
    return list(conn.execute(sql, params))


def _pg_alternatives(conn: Connection, query: str) -> str:
    """A one-word query with its other scripts' spellings: "Murodov or Муродов"."""
    words = _WORD.findall(query)
    if len(words) != 1 or query.strip() != words[0]:
        return query  # phrases and several words: the configurations' stemming alone
    # the russian stemmer cuts a surname's "-ов" but not "-ова": its forms are searched too
    forms = word_forms(conn, words[0])
    # a cluster whose locale cannot case-fold Cyrillic indexes "Муродова" as it is written
    forms += [f[:1].upper() + f[1:] for f in forms if _CYRILLIC.match(f)]
    others = [f for f in dict.fromkeys(forms) if f != words[0]]
    return " or ".join([words[0], *others])


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
