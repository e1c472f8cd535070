"""A run killed after its last input was stored, before cross-article resolution, is healed.

The window is milliseconds wide, so random SIGKILLs rarely hit it; this test builds
the state such a kill leaves (every input stored, resolution not run) directly, then
re-runs the ingest and expects the clean run's store.
"""

from pathlib import Path
from typing import Any

import pytest

from kronika.ingest.run import batched, ingest
from kronika.ingest.sources import iter_inputs
from kronika.model import RawInput
from kronika.pipeline import process_batch
from kronika.settings import Settings
from kronika.store.store import open_store

pytestmark = pytest.mark.model

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def test_ingest_rerun_after_kill_before_resolution_equals_clean_run(
    tmp_path: Path, store_snapshot: Any, snapshot_diff: Any
) -> None:
    paths, settings = [str(SAMPLES / "text")], Settings(workers=1)
    with open_store(str(tmp_path / "clean.db")) as clean:
        ingest(paths, settings, clean)
        expected = store_snapshot(clean)
    with open_store(str(tmp_path / "killed.db")) as killed:
        inputs = [i for i in iter_inputs(paths, settings) if isinstance(i, RawInput)]
        for batch in batched(inputs, settings.batch_size):
            for result in process_batch(batch, settings):
                killed.write_input(result)  # what the killed run had committed
        ingest(paths, settings, killed)
        assert not snapshot_diff(store_snapshot(killed), expected)
