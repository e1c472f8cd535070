"""The Store: open a SQLite file or a PostgreSQL URL, write results, read JSON-ready dicts.

One :class:`~kronika.model.InputResult` is written in one transaction, keyed
by the input's content hash: re-ingesting the same text is a no-op, and a
run killed mid-write leaves nothing half-written. Reads are the functions of
``query.py`` and ``search.py``; the CLI, the web API and export all call them
through a ``Store``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar

from sqlalchemy import (
    Connection,
    Engine,
    create_engine,
    event,
    exc,
    insert,
    make_url,
    select,
)
from sqlalchemy.pool import StaticPool

from ..errors import MissingExtra, StoreError
from ..model import ArticleResult, InputResult, Skip
from . import dossiers, query, resolved, write
from .migrations import migrate
from .schema import corrections, entities, events, inputs
from .search import search_articles
from .version import ReadCache, watch, write_version


def open_store(db: str = "kronika.db", *, create: bool = True) -> Store:
    """Open (and migrate) the database ``db``: a SQLite path, ``:memory:`` or a URL.

    Args:
        db: a SQLite file path, ``":memory:"``, ``"sqlite:///path"`` or
            ``"postgresql://user@host/dbname"``.
        create: when False, a SQLite file that does not exist is an error.

    Raises:
        StoreError: the file is not a kronika database, or the server cannot be reached.
        SchemaTooNew: the database was written by a newer kronika.
        MissingExtra: a PostgreSQL URL was given and psycopg is not installed.
    """
    if db.startswith(("postgresql:", "postgres:", "postgresql+")):
        engine, label = _postgres_engine(db)
    else:
        engine, label = _sqlite_engine(db, create)
    try:
        migrate(engine, label)
    except exc.DBAPIError as err:
        engine.dispose()
        raise StoreError(_describe(err, label)) from None
    except StoreError:
        engine.dispose()
        raise
    watch(engine)
    return Store(engine, label)


def _sqlite_engine(db: str, create: bool) -> tuple[Engine, str]:
    path = db.removeprefix("sqlite:///") if db.startswith("sqlite:///") else db
    if path in (":memory:", "", "sqlite://"):
        # One shared connection: every thread (e.g. a web test client) sees the same data.
        engine = create_engine(
            "sqlite://",
            poolclass=StaticPool,
            connect_args={"check_same_thread": False},
        )
        label = ":memory:"
    else:
        file = Path(path)
        if not create and not file.exists():
            raise StoreError(f"{path}: no such database; ingest something first or check --db")
        if file.is_dir():
            raise StoreError(f"{path}: is a directory, not a kronika database")
        engine = create_engine(f"sqlite:///{file}", connect_args={"timeout": 30})
        label = str(file)
    event.listen(engine, "connect", _sqlite_connect)
    event.listen(engine, "begin", _sqlite_begin)
    return engine, label


def _sqlite_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy, not the sqlite3 module, decide when transactions start, so
    # DDL in migrations is transactional too (SQLAlchemy's pysqlite recipe).
    dbapi_connection.isolation_level = None
    dbapi_connection.execute("PRAGMA foreign_keys = ON")


def _sqlite_begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN")


def _postgres_engine(db: str) -> tuple[Engine, str]:
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise MissingExtra("psycopg", "postgres") from None
    url = make_url(db)
    url = url.set(drivername="postgresql+psycopg")
    label = url.set(drivername="postgresql").render_as_string(hide_password=True)
    return create_engine(url, pool_pre_ping=True), label


def _describe(err: exc.DBAPIError, label: str) -> str:
    reason = str(err.orig).strip().splitlines()[0] if err.orig is not None else str(err)
    if "file is not a database" in reason or "file is encrypted" in reason:
        return f"{label}: not a kronika database (file is not a database)"
    if isinstance(err.orig, sqlite3.Error):
        return f"{label}: cannot open database ({reason})"
    return f"{label}: cannot connect ({reason})"


class Store:
    """A kronika database: write results, read events, entities, claims and articles."""

    def __init__(self, engine: Engine, label: str) -> None:
        self.engine = engine
        #: The database as shown to people: a path, or a URL without its password.
        self.label = label
        database = engine.url.database if engine.dialect.name == "sqlite" else None
        self._file = Path(database) if database and database != ":memory:" else None
        self._reads = ReadCache(self.version)

    def __repr__(self) -> str:
        return f"<Store {self.label}>"

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc_value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Release every connection."""
        self.engine.dispose()

    @property
    def dialect(self) -> str:
        """``"sqlite"`` or ``"postgresql"``."""
        return self.engine.dialect.name

    # -- writes ---------------------------------------------------------------------

    def has_input(self, content_hash: str) -> bool:
        """Return True when an input with this content hash is already stored."""
        with self.engine.connect() as conn:
            found = conn.execute(
                select(inputs.c.id).where(inputs.c.content_hash == content_hash)
            ).first()
        return found is not None

    def write_input(self, result: InputResult) -> bool:
        """Store one input and everything extracted from it, in one transaction.

        Returns False, writing nothing new, when the input is already stored or
        was skipped (the skip itself is recorded once per input hash).

        Raises:
            StoreError: the result breaks a constraint (nothing of it is stored).
        """
        raw = result.raw
        try:
            with self.engine.begin() as conn:
                return _write_one(conn, result)
        except exc.IntegrityError as err:
            reason = str(err.orig).strip().splitlines()[0]
            raise StoreError(f"{raw.source}: cannot store {raw.external_id!r}: {reason}") from err

    def write_inputs(self, results: Sequence[InputResult]) -> list[bool]:
        """Store several inputs in one transaction (one commit); return :meth:`write_input`'s flags.

        All of them are stored or none is, so the store stays consistent if the
        run is killed. When one breaks a constraint, each is written on its own
        instead, so the others are stored and the faulty one raises.
        """
        try:
            with self.engine.begin() as conn:
                return [_write_one(conn, result) for result in results]
        except exc.IntegrityError:
            return [self.write_input(result) for result in results]

    def write_skip(self, skip: Skip) -> None:
        """Record a skip that has no input (e.g. an unreadable file), once per source and reason."""
        with self.engine.begin() as conn:
            write.record_skip(conn, skip)

    def correct(
        self,
        target: str,
        action: str,
        *,
        field: str | None = None,
        value: Any = None,
        author: str = "",
    ) -> dict[str, Any]:
        """Record a human correction of an event, claim or entity; return the corrected object.

        Events and claims: ``reject`` hides the target until a later ``confirm``;
        ``edit`` overrides ``field`` (``date``, ``type``, ``args.<role>``,
        ``quantity``...) with ``value``. Entities: ``merge`` / ``split`` with
        ``value`` another entity (id or name) joins them or keeps them apart at the
        next resolution; ``rename`` shows ``value`` as the name; ``alias`` adds
        ``value`` as a name of the entity. Corrections live apart from machine
        output, carry a stable key of their target, and survive re-extraction.

        Raises:
            NotFound: no such event, claim or entity.
            StoreError: unknown action or field.
        """
        kind, number = query.parse_id(target)
        allowed = _EDITABLE.get(kind)
        if allowed is None:
            raise StoreError(f"{target}: only events, claims and entities can be corrected")
        actions = _ENTITY_ACTIONS if kind == "entity" else _ACTIONS
        if action not in actions:
            raise StoreError(
                f"unknown correction {action!r} of a {kind}; known: {', '.join(actions)}"
            )
        role_edit = kind == "event" and (field or "").startswith("args.")
        if action == "edit" and not (field in allowed or role_edit):
            raise StoreError(
                f"cannot edit field {field!r} of a {kind}; editable: {', '.join(allowed)}"
            )
        self.get(target)
        with self.engine.begin() as conn:
            if action in ("merge", "split"):
                value = resolved.entity_ref(conn, str(value))
            elif kind == "entity" and not str(value or "").strip():
                raise StoreError(f"{action} needs a value (the new name or alias)")
            conn.execute(
                insert(corrections),
                {
                    "target_kind": kind,
                    "target_id": number,
                    "target_key": resolved.target_key(conn, kind, number),
                    "action": action,
                    "field": field if action == "edit" else None,
                    "value": value if action in _VALUED else None,
                    "author": author,
                    "at": write.now(),
                },
            )
        return self.get(target)

    def corrections(self, target: str) -> list[dict[str, Any]]:
        """Return the corrections made to ``target`` (``evt7``), oldest first."""
        kind, number = query.parse_id(target)
        with self.engine.connect() as conn:
            return query.list_corrections(conn, kind, number)

    def all_corrections(self) -> list[dict[str, Any]]:
        """Return every correction with its target id and stable key, oldest first."""
        with self.engine.connect() as conn:
            return resolved.list_all_corrections(conn)

    def replace_extraction(self, results: Sequence[tuple[int, ArticleResult]]) -> dict[str, int]:
        """Replace all machine rows by ``results`` (article id, fresh extraction), in one go.

        Articles and inputs stay; entities, events, claims and resolution are
        rebuilt; corrections are kept and re-pointed at their targets by stable key.
        Returns counts: ``events``, ``claims``, ``corrections``, ``reattached``, ``orphaned``.
        """
        with self.engine.begin() as conn:
            resolved.clear_machine_rows(conn)
            hashes = resolved.article_hashes(conn)
            for article_id, result in results:
                write.write_extraction(conn, article_id, hashes[article_id], result)
            counts = resolved.reattach_corrections(conn)
            counts["events"] = resolved.count(conn, events)
            counts["entities"] = resolved.count(conn, entities)
        return counts

    # -- reads ----------------------------------------------------------------------

    def version(self) -> tuple[Any, ...]:
        """Return the write version: it differs whenever anything was committed since."""
        return write_version(self.engine, self._file)

    def cached(self, key: tuple[Any, ...], compute: Callable[[], T]) -> T:
        """Return ``compute()`` (a read of stored data only), reused until the next write.

        Each caller gets its own copy, free to change. ``key`` must name everything
        ``compute`` depends on besides the stored data.
        """
        return self._reads.get(key, compute)

    def clear_cache(self) -> None:
        """Forget every result kept by :meth:`cached` (to measure uncached reads)."""
        self._reads.clear()

    def get(self, id: str) -> dict[str, Any]:
        """Return the article, entity, event or claim with this id (``art12``, ``evt7``...).

        Raises:
            NotFound: the id is malformed or nothing has it.
        """
        kind, number = query.parse_id(id)
        getter = _GETTERS[kind]
        with self.engine.connect() as conn:
            return getter(conn, number)

    def articles(
        self, limit: int | None = None, offset: int = 0, language: str | None = None
    ) -> list[dict[str, Any]]:
        """Return articles in the order they were stored (only ``language``'s, if given)."""
        with self.engine.connect() as conn:
            return query.list_articles(conn, limit, offset, language)

    def entities(
        self,
        type: str | None = None,
        q: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Return entities, most mentioned first, optionally of one type or matching ``q``."""
        with self.engine.connect() as conn:
            return query.list_entities(conn, type, q, limit, offset)

    def events(
        self,
        type: str | None = None,
        since: str | None = None,
        until: str | None = None,
        entity: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Return events filtered by type, date range and involved entity (id or name)."""
        with self.engine.connect() as conn:
            return query.list_events(conn, type, since, until, entity, limit, offset)

    def claims(self, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """Return claims in the order they were stored."""
        with self.engine.connect() as conn:
            return query.list_claims(conn, limit, offset)

    def skips(self) -> list[dict[str, Any]]:
        """Return every recorded skip, oldest first."""
        with self.engine.connect() as conn:
            return query.list_skips(conn)

    def search(
        self, query: str, limit: int = 20, language: str | None = None
    ) -> list[dict[str, Any]]:
        """Return articles matching ``query``, best first, each with a highlighted snippet."""
        with self.engine.connect() as conn:
            return search_articles(conn, query, limit, language)

    def case(self, name: str) -> dict[str, Any]:
        """Return the legal stages of a person's case across articles, by date."""
        with self.engine.connect() as conn:
            return dossiers.case_history(conn, name)

    def bans(self) -> list[dict[str, Any]]:
        """Return banned or designated organizations: where, by whom, since when."""
        with self.engine.connect() as conn:
            return dossiers.list_bans(conn)

    def compare_claims(self) -> list[dict[str, Any]]:
        """Return claims grouped by what they count, so differing figures show side by side."""
        with self.engine.connect() as conn:
            return dossiers.compare_claims(conn)

    def summary(self) -> dict[str, Any]:
        """Return the counts of everything stored."""
        with self.engine.connect() as conn:
            return query.summarize(conn)


T = TypeVar("T")

_ACTIONS = ("confirm", "reject", "edit")
_ENTITY_ACTIONS = ("merge", "split", "rename", "alias")
_VALUED = ("edit", "merge", "split", "rename", "alias")
_EDITABLE = {
    "entity": ("name", "aliases"),
    "event": ("type", "date", "location", "confidence", "flags", "markers", "args.<role>"),
    "claim": ("quantity", "about", "claimant", "contested", "markers"),
}

_GETTERS = {
    "article": query.get_article,
    "entity": query.get_entity,
    "event": query.get_event,
    "claim": query.get_claim,
}


def _write_one(conn: Connection, result: InputResult) -> bool:
    if result.skip is not None:
        write.record_input_skip(conn, result.raw, result.skip)
        return False
    return write.write_articles(conn, result.raw, result.articles)
