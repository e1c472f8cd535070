"""SIGKILL at random points never loses or duplicates anything: a re-run completes the store.

``kronika ingest`` runs as a real subprocess and is killed with SIGKILL after a
seeded random delay; the next trial re-runs it on the same database. Whenever a
run completes, and once more at the end, the store must equal a clean run's,
row for row (row ids aside): no input, article, entity, event, claim, source or
skip lost or stored twice.
"""

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from kronika.store.store import open_store

pytestmark = pytest.mark.model

KRONIKA = Path(sys.executable).with_name("kronika")
TRIALS = 20
SEED = 20240611
#: Small batches: results reach the store every couple of inputs, so kills land mid-write.
BATCH_SIZE = 2


def start_ingest(corpus: Path, db: str, log: Path) -> subprocess.Popen[bytes]:
    """Start ``kronika ingest CORPUS --db DB --workers 1`` with its stderr to ``log``."""
    env = {**os.environ, "KRONIKA_BATCH_SIZE": str(BATCH_SIZE)}
    command = [str(KRONIKA), "ingest", str(corpus), "--db", db, "--workers", "1"]
    with log.open("ab") as err:
        return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=err, env=env)


def count_inputs(db: str) -> int:
    """Inputs stored so far (opening the file rolls back what the killed run left half-done)."""
    if not Path(db).exists():
        return 0
    with closing(sqlite3.connect(db)) as conn:
        found = conn.execute("SELECT name FROM sqlite_master WHERE name = 'inputs'").fetchone()
        return int(conn.execute("SELECT count(*) FROM inputs").fetchone()[0]) if found else 0


def first_write(db: str) -> float:
    """The epoch time at which the first input of ``db`` was stored."""
    with closing(sqlite3.connect(db)) as conn:
        first = conn.execute("SELECT min(ingested_at) FROM inputs").fetchone()[0]
    stamp = datetime.fromisoformat(str(first))
    return (stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)).timestamp()


def finish(proc: subprocess.Popen[bytes], log: Path) -> None:
    """A run that ends on its own exits 0, or 1 for the corpus's recorded skips; never a crash."""
    text = log.read_text(encoding="utf-8", errors="replace")
    assert proc.returncode in (0, 1), text
    assert "Traceback" not in text, text


def test_ingest_sigkill_then_rerun_equals_clean_run(
    crash_corpus: Path, tmp_path: Path, store_snapshot: Any, snapshot_diff: Any
) -> None:
    log = tmp_path / "stderr.log"
    clean_db = str(tmp_path / "clean.db")
    started = time.time()
    proc = start_ingest(crash_corpus, clean_db, log)
    proc.wait(timeout=300)
    finish(proc, log)
    # Start-up (imports, spaCy) takes seconds before the first write: shift the kill window
    # by most of it, so kills land while inputs are being written, not only while loading.
    shift = max(0.0, first_write(clean_db) - started - 1.0)
    with open_store(clean_db) as clean:
        expected = store_snapshot(clean)
        assert len(expected["inputs"]) > 20 and len(expected["skips"]) == 3  # empty, 2 bad lines
    rng = random.Random(SEED)
    db, runs, completed = str(tmp_path / "crash-0.db"), 0, 0
    stored_at_kill: list[int] = []
    while runs < TRIALS:
        proc = start_ingest(crash_corpus, db, log)
        runs += 1
        try:
            proc.wait(timeout=shift + rng.uniform(0.3, 3.0))
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            stored_at_kill.append(count_inputs(db))
            continue
        finish(proc, log)
        with open_store(db) as store:
            assert not snapshot_diff(store_snapshot(store), expected), f"after {runs} runs"
        completed += 1
        db = str(tmp_path / f"crash-{completed}.db")  # start over: more kills land early
    proc = start_ingest(crash_corpus, db, log)
    proc.wait(timeout=300)
    finish(proc, log)
    with open_store(db) as store:
        assert not snapshot_diff(store_snapshot(store), expected)
    # most runs were killed, and some of them mid-ingest, with part of the corpus stored
    total = len(expected["inputs"])
    assert len(stored_at_kill) >= TRIALS // 2, stored_at_kill
    assert any(0 < n < total for n in stored_at_kill), stored_at_kill
    assert time.time() - started < 180
