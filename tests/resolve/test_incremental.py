"""Resolution after an ingest that only adds articles redoes only what they touch, same result."""

from __future__ import annotations

import logging
import shutil
import sqlite3
from pathlib import Path

import pytest

from kronika.ingest.run import ingest
from kronika.resolve.corpus import resolve_corpus
from kronika.settings import Settings
from kronika.store.store import open_store

pytestmark = pytest.mark.model

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "text"


def _resolution(db: str) -> tuple[list[tuple[str, str]], list[tuple[int, int]], list[tuple]]:
    with sqlite3.connect(db) as conn:
        entities = conn.execute(
            "SELECT e.type || ':' || e.key, r.type || ':' || r.key FROM entity_clusters c "
            "JOIN entities e ON e.id = c.entity_id JOIN entities r ON r.id = c.cluster_id"
        ).fetchall()
        events = conn.execute("SELECT event_id, cluster_id FROM event_clusters").fetchall()
        counts = conn.execute("SELECT * FROM co_mentions").fetchall()
    return sorted(entities), sorted(events), sorted(counts)


@pytest.mark.parametrize("parts", [2, 3])
def test_resolve_added_articles_equals_a_full_run(
    parts: int, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folders = [tmp_path / f"part{k}" for k in range(parts)]
    for folder in folders:
        folder.mkdir()
    for i, path in enumerate(sorted(SAMPLES.glob("*.txt"))):
        shutil.copy(path, folders[i % parts] / path.name)
    db = str(tmp_path / "k.db")
    settings = Settings(db=db, workers=1)
    with open_store(db) as store, caplog.at_level(logging.INFO, "kronika.resolve.corpus"):
        for folder in folders:
            ingest([str(folder)], settings, store)
        assert sum("incremental resolution: {" in m for m in caplog.messages) == parts - 1
        added = _resolution(db)
        report = resolve_corpus(store, settings, force=True)
    assert _resolution(db) == added
    assert added[0] and report.merged_entities == len(added[0])


def test_resolve_after_a_correction_is_a_full_run(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    db = str(tmp_path / "k.db")
    settings = Settings(db=db, workers=1)
    with open_store(db) as store:
        ingest([str(SAMPLES)], settings, store)
        entity = store.get("ent1")
        store.correct("ent1", "alias", value=f"{entity['name']} Jr")
        with caplog.at_level(logging.INFO, "kronika.resolve.corpus"):
            resolve_corpus(store, settings)
    assert not any("incremental resolution: {" in m for m in caplog.messages)
