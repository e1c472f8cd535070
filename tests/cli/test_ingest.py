"""``kronika ingest`` end to end: real files, real model, real SQLite."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kronika.cli import app

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
pytestmark = pytest.mark.model


def _ingest(runner: CliRunner, db: Path, *paths: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["ingest", *paths, "--db", str(db), "--json"])
    return result.exit_code, result.stdout, result.stderr


def test_ingest_samples_stores_every_input_kind(runner: CliRunner, tmp_path: Path) -> None:
    code, out, err = _ingest(runner, tmp_path / "k.db", str(SAMPLES))
    report = json.loads(out)
    assert code == 0, err
    assert report["skipped"] == []
    assert report["stored"] == 25  # 14 texts, 2 pages, 3+2 JSONL records, 3 CSV rows, 1 digest
    assert report["articles"] > report["stored"]  # the digest splits into its pieces
    assert "25 new" in err.replace(",", "")


def test_ingest_twice_is_a_no_op(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    _ingest(runner, db, str(SAMPLES / "text"))
    first = runner.invoke(app, ["summary", "--db", str(db), "--json"]).stdout
    code, out, _ = _ingest(runner, db, str(SAMPLES / "text"))
    assert code == 0
    assert json.loads(out)["stored"] == 0
    assert json.loads(out)["unchanged"] == 14
    assert runner.invoke(app, ["summary", "--db", str(db), "--json"]).stdout == first


def test_ingest_bad_inputs_one_line_each_and_rest_goes_on(
    runner: CliRunner, tmp_path: Path
) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "blob.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "feed.jsonl").write_text(
        '{"id": "x", "text": "A court in Osh jailed a man."}\n{oops\n'
    )
    good = SAMPLES / "text" / "03-ziyoyev-group24-sentence.txt"
    code, out, err = _ingest(
        runner, tmp_path / "k.db", str(tmp_path), str(good), str(tmp_path / "missing.txt")
    )
    assert code == 1
    assert "Traceback" not in err
    skipped = {s["source"]: s["reason"] for s in json.loads(out)["skipped"]}
    assert len(skipped) == 4, skipped
    assert any("empty" in r for r in skipped.values())
    assert any("binary" in r for r in skipped.values())
    assert any("invalid JSON" in r for r in skipped.values())
    assert any("no such file" in r for r in skipped.values())
    assert json.loads(out)["stored"] == 2  # the good file and the good JSONL line
    for source in skipped:
        assert sum(source in line for line in err.splitlines()) >= 1


def test_ingest_stdin(runner: CliRunner, tmp_path: Path) -> None:
    text = (
        "Court jails activist\n\n"
        "A court in Dushanbe sentenced Said Karimov to five years in prison."
    )
    result = runner.invoke(
        app, ["ingest", "-", "--db", str(tmp_path / "k.db"), "--json"], input=text
    )
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["stored"] == 1
