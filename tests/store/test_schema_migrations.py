"""The schema and its migrations: recorded once, transactional, and the key function."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import inspect, text

from kronika.store import migrations
from kronika.store.migrations import MIGRATIONS, applied_migrations, migrate
from kronika.store.schema import DATA_TABLES, entity_key, metadata


def test_migrations_are_named_in_order():
    names = [m.__name__ for m in MIGRATIONS]
    assert len(set(names)) == len(names)
    assert all(re.fullmatch(r"m\d{3}_[a-z0-9_]+", n) for n in names)
    assert names == sorted(names)


def test_open_store_records_every_migration(any_store):
    with any_store.engine.connect() as conn:
        assert applied_migrations(conn) == [m.__name__ for m in MIGRATIONS]
        tables = set(inspect(conn).get_table_names())
    assert {t.name for t in DATA_TABLES} | {"_kronika_migrations"} <= tables
    assert set(metadata.tables) <= tables


def test_migrate_twice_runs_nothing(any_store):
    assert migrate(any_store.engine, any_store.label) == []


def test_failed_migration_leaves_nothing(any_store, monkeypatch):
    def m999_broken(conn):
        conn.execute(text("CREATE TABLE probe_half_done (x INTEGER)"))
        raise RuntimeError("migration failed halfway")

    monkeypatch.setattr(migrations, "MIGRATIONS", (*MIGRATIONS, m999_broken))
    with pytest.raises(RuntimeError, match="halfway"):
        migrate(any_store.engine, any_store.label)
    with any_store.engine.connect() as conn:
        assert "m999_broken" not in applied_migrations(conn)
        assert not inspect(conn).has_table("probe_half_done")


def test_sqlite_store_has_fts_table(store):
    with store.engine.connect() as conn:
        assert inspect(conn).has_table("articles_fts")


@pytest.mark.postgres
def test_postgres_store_has_search_index(pg_store):
    with pg_store.engine.connect() as conn:
        indexes = {i["name"] for i in inspect(conn).get_indexes("articles")}
    assert "ix_articles_fts" in indexes


@pytest.mark.parametrize(
    "name,key",
    [
        ("Farrukh Nazarov", "farrukh nazarov"),
        ("  FARRUKH \t  nazarov ", "farrukh nazarov"),
        ("Фаррух Назаров", "farrukh nazarov"),
        ("Qo'rg'ontepa", "qo'rg'ontepa"),
        ("Straße", "strasse"),
    ],
)
def test_entity_key_normalizes_names(name, key):
    assert entity_key(name) == key


def test_m006_adds_the_input_source_index_to_an_older_database(any_store) -> None:
    from sqlalchemy import delete, inspect, text

    from kronika.store.migrations import migrate
    from kronika.store.schema import migrations_table

    with any_store.engine.begin() as conn:
        conn.execute(text("DROP INDEX ix_inputs_source"))
        conn.execute(delete(migrations_table).where(migrations_table.c.name == "m006_input_source"))
    assert migrate(any_store.engine, any_store.label) == ["m006_input_source"]
    with any_store.engine.connect() as conn:
        names = {ix["name"] for ix in inspect(conn).get_indexes("inputs")}
    assert "ix_inputs_source" in names
