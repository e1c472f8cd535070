"""The write version and the read cache: results are reused only until something is written."""

from __future__ import annotations

import sqlite3

from kronika.store.store import open_store


def _event_count(store):
    return len(store.events())


def test_version_stays_put_while_only_reading(any_store, make_input_result):
    any_store.write_input(make_input_result())
    before = any_store.version()
    any_store.events()
    any_store.summary()
    assert any_store.version() == before


def test_cached_read_is_recomputed_after_a_write(any_store, make_input_result):
    calls = []

    def count():
        calls.append(1)
        return _event_count(any_store)

    assert any_store.cached(("n",), count) == 0
    assert any_store.cached(("n",), count) == 0
    assert len(calls) == 1
    any_store.write_input(make_input_result())
    assert any_store.cached(("n",), count) == 2
    any_store.correct("evt1", "reject", author="reviewer")
    assert any_store.cached(("n",), count) == 1
    assert len(calls) == 3


def test_cached_results_are_private_copies(any_store):
    first = any_store.cached(("d",), lambda: {"rows": [1]})
    first["rows"].append(2)
    assert any_store.cached(("d",), lambda: {"rows": []}) == {"rows": [1]}


def test_write_by_another_connection_is_seen(tmp_path, make_input_result):
    db = tmp_path / "k.db"
    with open_store(str(db)) as store:
        store.write_input(make_input_result())
        assert store.cached(("n",), lambda: _event_count(store)) == 2
        # Another process's write: a connection the store's engine does not know about.
        with sqlite3.connect(db) as other:
            other.execute("DELETE FROM event_sources")
            other.execute("DELETE FROM events WHERE id = 1")
        assert store.cached(("n",), lambda: _event_count(store)) == 1
