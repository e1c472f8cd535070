"""An ingest run: batches even by size; good, bad and oversized inputs each stored or named."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kronika.cli import app

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "text"


def _long_text(story: str) -> str:
    # long words: past the parser's 1,000,000-character limit, yet quick to parse
    word = "Supercalifragilisticexpialidocious" * 2
    filler = "\n\n".join(f"Line {i}: " + " ".join([word] * 20) + "." for i in range(800))
    return f"{story}\n\n{filler}\n\n{story}"


@pytest.mark.model
def test_ingest_long_good_and_bad_files_together(runner: CliRunner, tmp_path: Path) -> None:
    story = (SAMPLES / "03-ziyoyev-group24-sentence.txt").read_text("utf-8")
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "long.txt").write_text(_long_text(story), encoding="utf-8")
    (inputs / "good.txt").write_text(story, encoding="utf-8")
    (inputs / "empty.txt").write_text("", encoding="utf-8")
    (inputs / "blob.txt").write_bytes(bytes(range(256)) * 8)
    db = tmp_path / "k.db"
    args = ["ingest", str(inputs), "--db", str(db), "--json", "--workers", "1"]
    result = runner.invoke(app, args)
    report = json.loads(result.stdout)
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr
    assert report["stored"] == 2
    skipped = {Path(s["source"]).name for s in report["skipped"]}
    assert skipped == {"empty.txt", "blob.txt"}
    lines = [line for line in result.stderr.splitlines() if line.startswith("skipped")]
    assert len(lines) == 2


@pytest.mark.model
def test_ingest_input_over_the_size_limit_is_one_line(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "absurd.txt"
    path.write_text("word " * 1_000, encoding="utf-8")
    args = ["ingest", str(path), "--db", str(tmp_path / "k.db"), "--workers", "1"]
    result = runner.invoke(app, args, env={"KRONIKA_MAX_INPUT_BYTES": "4000"})
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr
    assert [line for line in result.stderr.splitlines() if "absurd.txt" in line] == [
        f"skipped {path}: file too large (5000 bytes > 4000)"
    ]


@pytest.mark.parametrize(
    "sizes,size,chars,expected",
    [
        ([10, 10, 10, 10], 32, 20, [[10, 10], [10, 10]]),
        ([50, 1, 1, 1], 32, 20, [[50], [1, 1, 1]]),
        ([1, 1, 1, 1, 1], 2, 1_000, [[1, 1], [1, 1], [1]]),
        ([5, 5], 32, None, [[5, 5]]),
    ],
)
def test_batched_closes_batches_by_characters_or_count(
    sizes: list[int], size: int, chars: int | None, expected: list[list[int]]
) -> None:
    from kronika.ingest.run import batched
    from kronika.model import RawInput

    items = [RawInput(f"s{i}", str(i), "x" * n) for i, n in enumerate(sizes)]
    batches = list(batched(items, size, chars))
    assert [[len(r.body) for r in b] for b in batches] == expected


#: Ingests the sample texts with two worker processes, then tells whether spaCy was imported.
_WORKERS_ONLY = """
import sys
from kronika.engine.local import LocalEngine
from kronika.ingest.run import ingest
from kronika.settings import Settings
from kronika.store.store import open_store

engine = LocalEngine(2)
with open_store(sys.argv[2]) as store:
    report = ingest([sys.argv[1]], Settings(batch_size=4), store, engine=engine)
engine.close()
print(report.stored, "spacy" in sys.modules)
"""


@pytest.mark.model
@pytest.mark.parametrize("workers", [2])
def test_ingest_with_workers_never_loads_spacy_in_the_writer(workers: int, tmp_path: Path) -> None:
    # the writing process stays light: only the workers import the pipeline
    code = _WORKERS_ONLY.replace("LocalEngine(2)", f"LocalEngine({workers})")
    done = subprocess.run(
        [sys.executable, "-c", code, str(SAMPLES), str(tmp_path / "k.db")],
        capture_output=True,
        text=True,
        check=True,
    )
    stored, loaded = done.stdout.split()
    assert int(stored) == len(list(SAMPLES.glob("*.txt"))) and loaded == "False"
