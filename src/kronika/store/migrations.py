"""The schema's history: ordered, named migrations recorded in ``_kronika_migrations``.

Each migration is a function ``mNNN_<what>(conn)`` that runs inside its own
transaction together with the row recording it, so a failed migration leaves
nothing behind. Migrations are never edited once released: a change to the
schema is a new function appended to :data:`MIGRATIONS` (and the matching
edit to ``schema.py``, which always shows the current shape). A database
that records a migration this code does not know was written by a newer
kronika and raises :class:`~kronika.errors.SchemaTooNew`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, Text, and_, cast, inspect, select, text, update
from sqlalchemy.schema import CreateIndex

from ..errors import SchemaTooNew, StoreError
from .cooccurrence import rebuild_co_mentions
from .schema import (
    CO_OCCURRENCE_INDEXES,
    DATA_TABLES,
    INPUT_SOURCE_INDEX,
    LANGUAGE_INDEX,
    READ_INDEXES,
    RESOLUTION_TABLES,
    co_mentions,
    entity_blocks,
    events,
    metadata,
    migrations_table,
)
from .search import create_russian_index, create_search_index

Migration = Callable[[Connection], None]

# Any fixed number works; it only has to be the same for every kronika process.
_PG_LOCK_ID = 5_724_117_021


def m001_initial(conn: Connection) -> None:
    """Create every data table."""
    metadata.create_all(conn, tables=list(DATA_TABLES))


def m002_search_index(conn: Connection) -> None:
    """Create the full-text index over article titles and text."""
    create_search_index(conn)


def m003_resolution(conn: Connection) -> None:
    """Add cross-article resolution tables, event anchors and correction target keys."""
    metadata.create_all(conn, tables=list(RESOLUTION_TABLES), checkfirst=True)
    # m001 creates the current shape, so on a new database these columns already exist.
    added = {"events": ("anchor", "VARCHAR(80)"), "corrections": ("target_key", "TEXT")}
    for table, (column, sql_type) in added.items():
        have = {c["name"] for c in inspect(conn).get_columns(table)}
        if column not in have:
            conn.execute(text(f"ALTER TABLE {table} ADD COLUMN {column} {sql_type}"))
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_events_anchor ON events (anchor)"))
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_corrections_key ON corrections (target_key)"))


def m004_read_indexes(conn: Connection) -> None:
    """Add the indexes behind the event listings' sort orders and the outlet filter."""
    # m001 creates the current shape, so on a new database these already exist.
    # (IF NOT EXISTS rather than checkfirst: expression indexes cannot be reflected.)
    for index in READ_INDEXES:
        conn.execute(CreateIndex(index, if_not_exists=True))


def m005_co_occurrence(conn: Connection) -> None:
    """Add co-occurrence counts and the map's ``located`` flag, filled for stored rows."""
    # m001 creates the current shape, so on a new database these already exist.
    metadata.create_all(conn, tables=[co_mentions], checkfirst=True)
    if "located" not in {c["name"] for c in inspect(conn).get_columns("events")}:
        conn.execute(text("ALTER TABLE events ADD COLUMN located BOOLEAN"))
    conn.execute(
        update(events).values(
            located=and_(events.c.location.is_not(None), cast(events.c.location, Text) != "null")
        )
    )
    for index in CO_OCCURRENCE_INDEXES:
        conn.execute(CreateIndex(index, if_not_exists=True))
    rebuild_co_mentions(conn)


def m006_input_source(conn: Connection) -> None:
    """Index inputs by source and id, so superseding an older version stays cheap."""
    conn.execute(CreateIndex(INPUT_SOURCE_INDEX, if_not_exists=True))


def m007_language(conn: Connection) -> None:
    """Index articles by language (the ``--language`` filter) and, on PostgreSQL, search
    Russian text with the ``russian`` configuration."""
    conn.execute(CreateIndex(LANGUAGE_INDEX, if_not_exists=True))
    create_russian_index(conn)


def m008_entity_blocks(conn: Connection) -> None:
    """Keep each entity's comparison blocks, so resolution after an ingest is incremental."""
    # m001 creates the current shape, so on a new database it already exists; the next
    # resolution run fills it (its watermark differs, so the run is a full one).
    metadata.create_all(conn, tables=[entity_blocks], checkfirst=True)


#: Every migration, in the order it runs.
MIGRATIONS: tuple[Migration, ...] = (
    m001_initial,
    m002_search_index,
    m003_resolution,
    m004_read_indexes,
    m005_co_occurrence,
    m006_input_source,
    m007_language,
    m008_entity_blocks,
)


def applied_migrations(conn: Connection) -> list[str]:
    """Return the names of the migrations recorded in the database, oldest first."""
    if not inspect(conn).has_table(migrations_table.name):
        return []
    query = select(migrations_table.c.name).order_by(
        migrations_table.c.applied_at, migrations_table.c.name
    )
    return list(conn.scalars(query))


def migrate(engine: Engine, label: str) -> list[str]:
    """Bring the database at ``engine`` up to date; return the names of migrations run.

    Args:
        engine: the database.
        label: how to name the database in error messages (path or password-less URL).

    Raises:
        SchemaTooNew: the database has a migration this kronika does not know.
        StoreError: the database holds tables of something other than kronika.
    """
    known = [m.__name__ for m in MIGRATIONS]
    with engine.begin() as conn:
        _lock(conn)
        done = applied_migrations(conn)
        if not done:
            _refuse_foreign(conn, label)
            migrations_table.create(conn, checkfirst=True)
    unknown = [name for name in done if name not in known]
    if unknown:
        raise SchemaTooNew(
            f"{label}: written by a newer kronika (unknown migration {unknown[-1]!r}); "
            "upgrade kronika to open it"
        )
    ran = []
    for migration in MIGRATIONS:
        if migration.__name__ in done:
            continue
        with engine.begin() as conn:
            _lock(conn)
            # Another process may have run it while this one waited for the lock.
            if migration.__name__ in applied_migrations(conn):
                continue
            migration(conn)
            conn.execute(
                migrations_table.insert().values(
                    name=migration.__name__, applied_at=datetime.now(UTC)
                )
            )
        ran.append(migration.__name__)
    return ran


def _lock(conn: Connection) -> None:
    # PostgreSQL: serialise concurrent migrators (e.g. several workers starting at once).
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": _PG_LOCK_ID})


def _refuse_foreign(conn: Connection, label: str) -> None:
    names = set(inspect(conn).get_table_names())
    if conn.dialect.name == "sqlite":
        clashes = sorted(n for n in names if not n.startswith("sqlite_"))
    else:
        # A PostgreSQL database is often shared: only kronika's own names matter there.
        clashes = sorted(names & {t.name for t in DATA_TABLES})
    if clashes:
        raise StoreError(
            f"{label}: not a kronika database (it has tables {', '.join(clashes[:5])} "
            f"but no {migrations_table.name}); choose another --db"
        )
