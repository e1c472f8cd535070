"""Two ``kronika ingest`` processes writing the same corpus into one PostgreSQL store at once."""

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.model, pytest.mark.postgres]

KRONIKA = Path(sys.executable).with_name("kronika")


def start_ingest(corpus: Path, db: str) -> subprocess.Popen[str]:
    """Start ``kronika ingest CORPUS --db DB --workers 1`` in small batches."""
    command = [str(KRONIKA), "ingest", str(corpus), "--db", db, "--workers", "1"]
    return subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "KRONIKA_BATCH_SIZE": "2"},
    )


def test_two_concurrent_ingests_into_postgres_store_no_duplicates(
    crash_corpus: Path,
    pg_store: Any,
    pg_url: str,
    tmp_path: Path,
    store_snapshot: Any,
    snapshot_diff: Any,
) -> None:
    reference = str(tmp_path / "reference.db")
    first = start_ingest(crash_corpus, reference)
    _, err = first.communicate(timeout=300)
    assert first.returncode == 1 and "Traceback" not in err, err  # 1: the corpus's skips
    runs = [start_ingest(crash_corpus, pg_url) for _ in range(2)]
    for run in runs:
        _, err = run.communicate(timeout=300)
        assert run.returncode in (0, 1) and "Traceback" not in err, err
    from kronika.store.store import open_store

    with open_store(reference) as clean:
        expected = store_snapshot(clean)
    assert not snapshot_diff(store_snapshot(pg_store), expected)
