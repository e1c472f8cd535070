"""LocalEngine: any number of worker processes stores exactly what one process stores."""

import os
from pathlib import Path
from typing import Any

import pytest

from kronika.engine.local import LocalEngine, resolve_workers
from kronika.ingest.run import ingest, make_engine
from kronika.settings import Settings
from kronika.store.store import open_store

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.mark.parametrize(
    "asked,expected", [(1, 1), (3, 3), (0, os.cpu_count() or 1), (-1, os.cpu_count() or 1)]
)
def test_resolve_workers_zero_means_one_per_core(asked: int, expected: int) -> None:
    assert resolve_workers(asked) == expected


@pytest.mark.parametrize("name,cls", [("local", LocalEngine)])
def test_make_engine_default_is_local_with_one_worker_per_core(name: str, cls: type) -> None:
    engine = make_engine(Settings())
    assert isinstance(engine, cls) and Settings().engine == name
    assert engine.workers == resolve_workers(0)


@pytest.mark.model
@pytest.mark.parametrize("workers", [2])
def test_local_engine_workers_store_equals_one_worker(
    workers: int, tmp_path: Path, store_snapshot: Any, snapshot_diff: Any
) -> None:
    # batch_size 3 over the 25 sample inputs: 9 batches, several in flight per worker
    settings = Settings(batch_size=3)
    with open_store(str(tmp_path / "one.db")) as one, open_store(str(tmp_path / "n.db")) as many:
        first = ingest([str(SAMPLES)], settings.with_(workers=1), one)
        engine = LocalEngine(workers)
        try:
            second = ingest([str(SAMPLES)], settings, many, engine=engine)
            assert engine._pool is not None  # really ran in worker processes
        finally:
            engine.close()
        assert first.as_dict() == second.as_dict()
        assert first.stored == 25 and first.events > 0
        assert not snapshot_diff(store_snapshot(many), store_snapshot(one))


@pytest.mark.model
@pytest.mark.parametrize("workers", [2])
def test_local_engine_single_batch_runs_in_process(workers: int, tmp_path: Path) -> None:
    engine = LocalEngine(workers)
    with open_store(str(tmp_path / "k.db")) as store:
        report = ingest([str(SAMPLES / "text")], Settings(), store, engine=engine)
    assert report.stored == 14
    assert engine._pool is None  # one batch: no processes started for it
