"""The store's write version, and a cache of read results keyed on it.

A read result that depends only on stored data stays valid until something is
committed. :func:`write_version` returns a value that changes on every commit,
whoever makes it: this process (a counter bumped by engine events), another
process writing the same SQLite file (the file header's change counter, and the
WAL file in WAL mode) or any PostgreSQL session (the server's transaction
snapshot, which changes whenever a transaction starts writing or commits).
:class:`ReadCache` keeps a result only when the version was the same before and
after computing it, so a write racing with the computation is never cached.
"""

from __future__ import annotations

import copy
import os
import pickle
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any, TypeVar, cast

from sqlalchemy import Engine, event, text

T = TypeVar("T")

#: Results kept per store; the least recently used go first.
CACHE_SIZE = 256
# Offset and size of SQLite's "file change counter", bumped by every committed write.
_HEADER_COUNTER = slice(24, 28)
_WATCHED = "kronika_commits"


def watch(engine: Engine) -> None:
    """Count this process's commits on ``engine`` (twice: at commit and when the connection
    returns to the pool), so a reader that overlapped a commit sees the count move."""
    state = {"commits": 0}
    setattr(engine, _WATCHED, state)

    def on_commit(conn: Any) -> None:
        state["commits"] += 1
        conn.connection.info["kronika_dirty"] = True

    def on_checkin(dbapi_connection: Any, record: Any) -> None:
        if record.info.pop("kronika_dirty", False):
            state["commits"] += 1

    event.listen(engine, "commit", on_commit)
    event.listen(engine.pool, "checkin", on_checkin)


def write_version(engine: Engine, path: Path | None) -> tuple[Any, ...]:
    """Return a value that differs whenever anything was committed to the store since."""
    state = getattr(engine, _WATCHED, {"commits": 0})
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            snapshot = conn.scalar(text("SELECT txid_current_snapshot()::text"))
        return (state["commits"], snapshot)
    if path is None:  # in memory: only this process can write it
        return (state["commits"],)
    return (state["commits"], *_file_marks(path))


def _file_marks(path: Path) -> tuple[Any, ...]:
    try:
        with path.open("rb") as file:
            header = file.read(100)[_HEADER_COUNTER]
    except OSError:
        header = b""
    wal = Path(f"{path}-wal")
    try:
        stat = os.stat(wal)
        wal_mark: tuple[int, int] | None = (stat.st_size, stat.st_mtime_ns)
    except OSError:
        wal_mark = None
    return (header, wal_mark)


class ReadCache:
    """Results of reads, each kept under the store's write version it was computed at."""

    def __init__(self, version: Callable[[], tuple[Any, ...]], size: int = CACHE_SIZE) -> None:
        self._version = version
        self._size = size
        self._items: OrderedDict[Hashable, tuple[tuple[Any, ...], Any]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """Return a private copy of ``compute()``, reused while nothing is written."""
        before = self._version()
        with self._lock:
            found = self._items.get(key)
            if found is not None and found[0] == before:
                self._items.move_to_end(key)
                return cast(T, _thaw(found[1]))
        result = compute()
        if self._version() == before:
            kept = _freeze(result)
            with self._lock:
                self._items[key] = (before, kept)
                self._items.move_to_end(key)
                while len(self._items) > self._size:
                    self._items.popitem(last=False)
        return result

    def clear(self) -> None:
        """Forget every result."""
        with self._lock:
            self._items.clear()


def _freeze(result: Any) -> tuple[bool, Any]:
    # Pickling a large result and loading it back is several times faster than deepcopy.
    try:
        return (True, pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
    except (pickle.PicklingError, TypeError, AttributeError):
        return (False, copy.deepcopy(result))


def _thaw(kept: tuple[bool, Any]) -> Any:
    pickled, value = kept
    return pickle.loads(value) if pickled else copy.deepcopy(value)
