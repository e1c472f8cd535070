"""Opening databases: paths, URLs, and clear one-line errors for what is not a kronika DB."""

from __future__ import annotations

import os
import sqlite3
import sys

import pytest

from kronika.errors import MissingExtra, SchemaTooNew, StoreError
from kronika.store.store import Store, open_store


@pytest.mark.parametrize(
    "content",
    [
        b"just some notes\nnot a database at all\n" * 20,
        os.urandom(4096),
        b"SQLite format 3\x00junk",
    ],
    ids=["text", "random-bytes", "bad-header"],
)
def test_open_store_refuses_a_file_that_is_not_a_database(tmp_path, content):
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    with pytest.raises(StoreError) as caught:
        open_store(str(path))
    assert str(caught.value) == f"{path}: not a kronika database (file is not a database)"
    assert path.read_bytes() == content


def test_open_store_refuses_another_programs_database(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.close()
    with pytest.raises(StoreError, match=r"not a kronika database \(it has tables recipes"):
        open_store(str(path))


def test_open_store_create_false_needs_an_existing_file(tmp_path):
    with pytest.raises(StoreError, match="no such database"):
        open_store(str(tmp_path / "missing.db"), create=False)
    assert not (tmp_path / "missing.db").exists()


def test_open_store_directory_is_an_error(tmp_path):
    with pytest.raises(StoreError, match="is a directory"):
        open_store(str(tmp_path))


def test_open_store_newer_schema_raises_schema_too_new(tmp_path):
    path = str(tmp_path / "k.db")
    open_store(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO _kronika_migrations (name, applied_at) "
            "VALUES ('m999_future', '2099-01-01')"
        )
    conn.close()
    with pytest.raises(SchemaTooNew, match=r"newer kronika \(unknown migration 'm999_future'\)"):
        open_store(path)


@pytest.mark.parametrize("form", ["{path}", "sqlite:///{path}"])
def test_open_store_reopens_with_data_kept(tmp_path, make_input_result, form):
    db = form.format(path=tmp_path / "k.db")
    with open_store(db) as first:
        assert first.write_input(make_input_result())
    with open_store(db, create=False) as second:
        assert isinstance(second, Store)
        assert second.summary()["articles"] == 1
        assert second.label == str(tmp_path / "k.db")


def test_open_store_in_memory(make_input_result):
    with open_store(":memory:") as memory:
        assert memory.dialect == "sqlite"
        assert memory.write_input(make_input_result())
        assert memory.summary()["events"] == {"ARREST": 1, "SENTENCE": 1}


def test_open_store_unreachable_postgres_hides_the_password():
    url = "postgresql://kronika:s3cret-pw@127.0.0.1:1/nowhere"
    with pytest.raises(StoreError) as caught:
        open_store(url)
    message = str(caught.value)
    assert "s3cret-pw" not in message
    assert message.startswith("postgresql://kronika:***@127.0.0.1:1/nowhere: cannot connect (")
    assert "\n" not in message


def test_open_store_postgres_without_psycopg_names_the_extra(monkeypatch):
    # A None entry makes `import psycopg` raise ImportError, as if it were not installed.
    monkeypatch.setitem(sys.modules, "psycopg", None)
    with pytest.raises(MissingExtra) as caught:
        open_store("postgresql://postgres@127.0.0.1:1/x")
    assert caught.value.extra == "postgres"
    assert "pip install 'kronika[postgres]'" in str(caught.value)


@pytest.mark.postgres
def test_open_store_postgres_reopens(pg_store, pg_url, make_input_result):
    assert pg_store.dialect == "postgresql"
    pg_store.write_input(make_input_result())
    with open_store(pg_url) as again:
        assert again.summary()["articles"] == 1
