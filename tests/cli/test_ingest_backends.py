"""The whole ingest path gives the same knowledge base on SQLite and PostgreSQL."""

from pathlib import Path
from typing import Any

import pytest

from kronika.ingest.run import ingest
from kronika.settings import Settings

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
pytestmark = pytest.mark.model


def _contents(store: Any) -> dict[str, Any]:
    events = sorted(
        (e["type"], str(e["date"]), str(sorted(e["args"].items())), e["sources"][0]["evidence"])
        for e in store.events()
    )
    entities = sorted((e["type"], e["name"], e["mentions"]) for e in store.entities())
    articles = sorted((a["external_id"], str(a["title"]), a["chars"]) for a in store.articles())
    return {"events": events, "entities": entities, "articles": articles}


def test_ingest_same_results_on_every_backend(any_store: Any, tmp_path: Path) -> None:
    from kronika.store.store import open_store

    paths = [str(SAMPLES / "text"), str(SAMPLES / "digest"), str(SAMPLES / "feeds")]
    report = ingest(paths, Settings(), any_store)
    assert report.stored == 18 and not report.skips
    with open_store(str(tmp_path / "reference.db")) as reference:
        ingest(paths, Settings(), reference)
        assert _contents(any_store) == _contents(reference)
    again = ingest(paths, Settings(), any_store)
    assert (again.stored, again.unchanged) == (0, 18)


def test_ingest_search_works_on_every_backend(any_store: Any) -> None:
    ingest([str(SAMPLES / "text")], Settings(), any_store)
    hits = any_store.search("jailbreak guards")
    assert hits and all(h["snippet"] for h in hits)
