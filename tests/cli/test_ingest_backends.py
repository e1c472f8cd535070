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


def test_ingest_nul_bytes_in_text_and_ids_on_every_backend(any_store: Any, tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    text = "A court in Osh jailed Aibek\\u0000 Saliev."
    record = '{"id": "a\\u0000b", "title": "T\\u0000", "text": "' + text + '"}'
    feed.write_text(record + "\n", encoding="utf-8")
    report = ingest([str(feed)], Settings(), any_store)
    assert report.stored == 1 and not report.skips
    (article,) = any_store.articles()
    assert "\x00" not in any_store.get(article["id"])["text"]
    assert article["chars"] == len("A court in Osh jailed Aibek\x00 Saliev.")
