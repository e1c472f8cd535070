"""Re-ingesting processes only what changed; an edited input replaces its old version."""

import shutil
from pathlib import Path
from typing import Any

import pytest

from kronika.ingest.run import ingest
from kronika.settings import Settings

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "text"
pytestmark = pytest.mark.model
EXTRA = "\n\nA court in Osh sentenced Bakyt Aliev to nine years in prison on Tuesday.\n"


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in sorted(p.name for p in SAMPLES.glob("0[1-3]*.txt")):
        shutil.copy(SAMPLES / name, folder / name)
    return folder


def test_reingest_processes_only_the_changed_file(any_store: Any, tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    first = ingest([str(folder)], Settings(), any_store)
    edited = sorted(folder.glob("*.txt"))[1]
    edited.write_text(edited.read_text(encoding="utf-8") + EXTRA, encoding="utf-8")
    second = ingest([str(folder)], Settings(), any_store)
    assert (second.stored, second.unchanged) == (1, first.stored - 1)
    ids = [a["external_id"] for a in any_store.articles()]
    assert sorted(ids) == sorted(p.stem for p in folder.glob("*.txt"))  # each once, no old copy
    hits = any_store.search("Bakyt Aliev")
    assert [h["external_id"] for h in hits] == [edited.stem]
    defendants = [e["args"].get("defendant") for e in any_store.events(type="SENTENCE")]
    assert ["Bakyt Aliev"] in defendants


def test_reingest_edited_file_leaves_no_events_of_old_version(
    any_store: Any, tmp_path: Path
) -> None:
    folder = _corpus(tmp_path)
    ingest([str(folder)], Settings(), any_store)
    before = {e["id"] for e in any_store.events()}
    victim = sorted(folder.glob("*.txt"))[0]
    victim.write_text("Court news\n\nNothing happened in Osh on Tuesday.\n", encoding="utf-8")
    ingest([str(folder)], Settings(), any_store)
    stems = {s["external_id"] for e in any_store.events() for s in e["sources"]}
    assert victim.stem not in stems
    assert {e["id"] for e in any_store.events()} < before  # the others stay as they were


def test_stdin_inputs_never_replace_each_other(any_store: Any) -> None:
    from kronika.model import InputResult, RawInput

    for text in ("First report from Osh.", "Second report from Osh."):
        raw = RawInput(source="<stdin>", external_id="stdin", body=text)
        any_store.write_input(InputResult(raw=raw))
    assert any_store.summary()["inputs"] == 2
