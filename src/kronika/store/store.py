"""The Store: open a SQLite file or a PostgreSQL URL, write results, read JSON-ready dicts.

One :class:`~kronika.model.InputResult` is written in one transaction, keyed
by the input's content hash: re-ingesting the same text is a no-op, and a
run killed mid-write leaves nothing half-written. Reads are the functions of
``query.py`` and ``search.py``; the CLI, the web API and export all call them
through a ``Store``.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Sequence
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    Table,
    create_engine,
    event,
    exc,
    insert,
    make_url,
    select,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.pool import StaticPool

from ..errors import MissingExtra, StoreError
from ..model import ArticleResult, Claim, Entity, Event, InputResult, RawInput, Skip
from . import query
from .migrations import migrate
from .schema import (
    aliases,
    articles,
    claim_sources,
    claims,
    corrections,
    entities,
    entity_key,
    event_entities,
    event_sources,
    events,
    inputs,
    mentions,
    skips,
)
from .search import search_articles


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
                if result.skip is not None:
                    _record_input_skip(conn, raw, result.skip)
                    return False
                return _write_articles(conn, raw, result.articles)
        except exc.IntegrityError as err:
            reason = str(err.orig).strip().splitlines()[0]
            raise StoreError(f"{raw.source}: cannot store {raw.external_id!r}: {reason}") from err

    def write_skip(self, skip: Skip) -> None:
        """Record a skip that has no input (e.g. an unreadable file), once per source and reason."""
        with self.engine.begin() as conn:
            _record_skip(conn, skip)

    def correct(
        self,
        target: str,
        action: str,
        *,
        field: str | None = None,
        value: Any = None,
        author: str = "",
    ) -> dict[str, Any]:
        """Record a human correction of an event or claim; return the corrected object.

        ``reject`` hides the target from listings until a later ``confirm``;
        ``edit`` overrides ``field`` (``date``, ``type``, ``args.<role>``,
        ``quantity``...) with ``value``. Corrections live apart from machine
        output and survive re-extraction.

        Raises:
            NotFound: no such event or claim.
            StoreError: unknown action or field.
        """
        kind, number = query.parse_id(target)
        allowed = _EDITABLE.get(kind)
        if allowed is None:
            raise StoreError(f"{target}: only events and claims can be corrected")
        if action not in _ACTIONS:
            raise StoreError(f"unknown correction {action!r}; known: {', '.join(_ACTIONS)}")
        role_edit = kind == "event" and (field or "").startswith("args.")
        if action == "edit" and not (field in allowed or role_edit):
            raise StoreError(
                f"cannot edit field {field!r} of a {kind}; editable: {', '.join(allowed)}"
            )
        self.get(target)
        with self.engine.begin() as conn:
            conn.execute(
                insert(corrections),
                {
                    "target_kind": kind,
                    "target_id": number,
                    "action": action,
                    "field": field if action == "edit" else None,
                    "value": value if action == "edit" else None,
                    "author": author,
                    "at": _now(),
                },
            )
        return self.get(target)

    def corrections(self, target: str) -> list[dict[str, Any]]:
        """Return the corrections made to ``target`` (``evt7``), oldest first."""
        kind, number = query.parse_id(target)
        with self.engine.connect() as conn:
            return query.list_corrections(conn, kind, number)

    # -- reads ----------------------------------------------------------------------

    def get(self, id: str) -> dict[str, Any]:
        """Return the article, entity, event or claim with this id (``art12``, ``evt7``...).

        Raises:
            NotFound: the id is malformed or nothing has it.
        """
        kind, number = query.parse_id(id)
        getter = _GETTERS[kind]
        with self.engine.connect() as conn:
            return getter(conn, number)

    def articles(self, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """Return articles in the order they were stored."""
        with self.engine.connect() as conn:
            return query.list_articles(conn, limit, offset)

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

    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        """Return articles matching ``query``, best first, each with a highlighted snippet."""
        with self.engine.connect() as conn:
            return search_articles(conn, query, limit)

    def summary(self) -> dict[str, Any]:
        """Return the counts of everything stored."""
        with self.engine.connect() as conn:
            return query.summarize(conn)


_ACTIONS = ("confirm", "reject", "edit")
_EDITABLE = {
    "event": ("type", "date", "location", "confidence", "flags", "markers", "args.<role>"),
    "claim": ("quantity", "about", "claimant", "contested", "markers"),
}

_GETTERS = {
    "article": query.get_article,
    "entity": query.get_entity,
    "event": query.get_event,
    "claim": query.get_claim,
}


# -- writing one input ------------------------------------------------------------------


def _now() -> datetime:
    return datetime.now(UTC)


def _fingerprint(*parts: Any) -> str:
    # No ``default=``: a value JSON cannot hold is a bug upstream and raises TypeError here,
    # before anything reaches the database, the same way on every backend.
    payload = json.dumps(parts, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _insert_new(
    conn: Connection, table: Table, values: dict[str, Any], keys: list[str]
) -> int | None:
    """Insert a row unless one with the same ``keys`` exists; return its new id, else None."""
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(table).values(**values).on_conflict_do_nothing(index_elements=keys)
    if "id" in table.c:
        return conn.execute(statement.returning(table.c.id)).scalar()
    return 1 if conn.execute(statement).rowcount else None


def _write_articles(conn: Connection, raw: RawInput, results: Sequence[ArticleResult]) -> bool:
    row = {
        "content_hash": raw.content_hash,
        "source": raw.source,
        "external_id": raw.external_id,
        "format": raw.format,
        "ingested_at": _now(),
    }
    if _insert_new(conn, inputs, row, ["content_hash"]) is None:
        return False
    for result in results:
        _write_article(conn, raw.content_hash, result)
    return True


def _write_article(conn: Connection, input_hash: str, result: ArticleResult) -> None:
    article = result.article
    article_id = conn.execute(
        insert(articles).returning(articles.c.id),
        {
            "input_hash": input_hash,
            "part": article.part,
            "external_id": article.external_id,
            "source": article.source,
            "title": article.title,
            "outlet": article.outlet,
            "author": article.author,
            "url": article.url,
            "published": article.published,
            "language": article.language,
            # PostgreSQL text cannot hold NUL; one-for-one replacement keeps every span.
            "text": article.text.replace("\x00", "\ufffd"),
            "chars": len(article.text),
        },
    ).scalar_one()
    # Every surface form in this article → its entity, to link event arguments by name.
    names: dict[str, int] = {}
    for entity in result.entities:
        entity_id = _write_entity(conn, article_id, entity)
        forms = [entity.name, *entity.aliases, *(m.text for m in entity.mentions)]
        for form in forms:
            names.setdefault(entity_key(form), entity_id)
    origin = (input_hash, article.part)
    for extracted in result.events:
        _write_event(conn, article_id, origin, extracted, names)
    for claim in result.claims:
        _write_claim(conn, article_id, origin, claim)


def _write_entity(conn: Connection, article_id: int, entity: Entity) -> int:
    key = entity_key(entity.name)
    place = asdict(entity.place) if entity.place is not None else None
    values = {"type": entity.type, "name": entity.name, "key": key, "place": place}
    entity_id = _insert_new(conn, entities, values, ["type", "key"])
    stored_name = entity.name
    if entity_id is None:
        found = conn.execute(
            select(entities.c.id, entities.c.name).where(
                entities.c.type == entity.type, entities.c.key == key
            )
        ).one()
        entity_id, stored_name = found.id, found.name
    for alias in dict.fromkeys((entity.name, *entity.aliases)):
        if alias != stored_name:
            _insert_new(
                conn, aliases, {"entity_id": entity_id, "alias": alias}, ["entity_id", "alias"]
            )
    if entity.mentions:
        conn.execute(
            insert(mentions),
            [
                {
                    "entity_id": entity_id,
                    "article_id": article_id,
                    "text": m.text,
                    "start": m.start,
                    "end": m.end,
                }
                for m in entity.mentions
            ],
        )
    return entity_id


def _write_event(
    conn: Connection,
    article_id: int,
    origin: tuple[str, int],
    extracted: Event,
    names: dict[str, int],
) -> None:
    spans = [[e.start, e.end] for e in extracted.evidence]
    values = {
        "type": extracted.type,
        "date": extracted.date,
        "location": asdict(extracted.location) if extracted.location is not None else None,
        "args": dict(extracted.args),
        "confidence": extracted.confidence,
        "flags": list(extracted.flags),
        "markers": list(extracted.markers),
        "rule": extracted.rule,
        "fingerprint": _fingerprint(*origin, extracted.type, spans, extracted.args),
    }
    event_id = _insert_new(conn, events, values, ["fingerprint"])
    if event_id is None:  # the same event twice in one article: keep the first
        return
    _write_sources(conn, event_sources, "event_id", event_id, article_id, extracted.evidence)
    for role, value in extracted.args.items():
        given = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        for name in given:
            entity_id = names.get(entity_key(str(name)))
            if entity_id is not None:
                _insert_new(
                    conn,
                    event_entities,
                    {"event_id": event_id, "entity_id": entity_id, "role": role},
                    ["event_id", "entity_id", "role"],
                )


def _write_claim(conn: Connection, article_id: int, origin: tuple[str, int], claim: Claim) -> None:
    spans = [[e.start, e.end] for e in claim.evidence]
    values = {
        "quantity": claim.quantity,
        "about": claim.about,
        "claimant": claim.claimant,
        "contested": claim.contested,
        "markers": list(claim.markers),
        "fingerprint": _fingerprint(*origin, claim.quantity, claim.about, claim.claimant, spans),
    }
    claim_id = _insert_new(conn, claims, values, ["fingerprint"])
    if claim_id is not None:
        _write_sources(conn, claim_sources, "claim_id", claim_id, article_id, claim.evidence)


def _write_sources(
    conn: Connection, table: Table, owner: str, owner_id: int, article_id: int, evidence: Any
) -> None:
    if evidence:
        conn.execute(
            insert(table),
            [
                {
                    owner: owner_id,
                    "article_id": article_id,
                    "evidence": e.text,
                    "start": e.start,
                    "end": e.end,
                }
                for e in evidence
            ],
        )


def _record_input_skip(conn: Connection, raw: RawInput, skip: Skip) -> None:
    input_hash = skip.input_hash or raw.content_hash
    if conn.execute(select(skips.c.id).where(skips.c.input_hash == input_hash)).first():
        return
    conn.execute(
        insert(skips),
        {
            "source": skip.source or raw.source,
            "external_id": skip.external_id or raw.external_id,
            "input_hash": input_hash,
            "stage": skip.stage,
            "reason": skip.reason,
            "at": _now(),
        },
    )


def _record_skip(conn: Connection, skip: Skip) -> None:
    seen = select(skips.c.id).where(skips.c.source == skip.source, skips.c.reason == skip.reason)
    if conn.execute(seen).first():
        return
    conn.execute(
        insert(skips),
        {
            "source": skip.source,
            "external_id": skip.external_id,
            "input_hash": skip.input_hash,
            "stage": skip.stage,
            "reason": skip.reason,
            "at": _now(),
        },
    )
