"""The query commands print the fixed JSON shapes, CSV and tables, and fail cleanly."""

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kronika.cli import app

ARTICLE_KEYS = {"id", "external_id", "title", "outlet", "published", "language", "url", "chars"}
ENTITY_KEYS = {"id", "type", "name", "aliases", "mentions"}
EVENT_KEYS = {"id", "type", "date", "location", "args", "sources", "confidence"}
SOURCE_KEYS = {"article_id", "external_id", "outlet", "published", "evidence", "start", "end"}


def _json(runner: CliRunner, *args: str) -> list[dict]:  # type: ignore[type-arg]
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


@pytest.mark.model
def test_articles_json_shape_and_split_ids(runner: CliRunner, sample_db: str) -> None:
    rows = _json(runner, "articles", "--db", sample_db, "--json")
    assert all(set(r) == ARTICLE_KEYS for r in rows)
    ids = {r["external_id"] for r in rows}
    assert "text/01-mirzoyev-khatlon-verdict" in ids
    assert {"digest/weekly-digest#1", "digest/weekly-digest#4"} <= ids


@pytest.mark.model
def test_entities_filter_by_type(runner: CliRunner, sample_db: str) -> None:
    rows = _json(runner, "entities", "--type", "person", "--db", sample_db, "--json")
    assert rows and all(r["type"] == "PERSON" and set(r) >= ENTITY_KEYS for r in rows)
    assert [r["mentions"] for r in rows] == sorted((r["mentions"] for r in rows), reverse=True)


@pytest.mark.model
def test_events_json_shape_and_evidence_spans(runner: CliRunner, sample_db: str) -> None:
    events = _json(runner, "events", "--db", sample_db, "--json")
    assert events, "the samples hold events"
    for event in events:
        assert set(event) >= EVENT_KEYS
        for source in event["sources"]:
            assert set(source) >= SOURCE_KEYS
            assert source["end"] - source["start"] == len(source["evidence"])
    article = _json(
        runner, "show", events[0]["sources"][0]["article_id"], "--db", sample_db, "--json"
    )
    source = events[0]["sources"][0]
    assert article["text"][source["start"] : source["end"]] == source["evidence"]  # type: ignore[index]


@pytest.mark.model
def test_events_csv_has_header_and_rows(runner: CliRunner, sample_db: str) -> None:
    result = runner.invoke(app, ["events", "--db", sample_db, "--csv", "--type", "SENTENCE"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert result.exit_code == 0
    assert rows and all(r["type"] == "SENTENCE" for r in rows)


@pytest.mark.model
def test_search_finds_phrase(runner: CliRunner, sample_db: str) -> None:
    hits = _json(runner, "search", "Group 24", "--db", sample_db, "--json")
    assert hits and any("24" in h["snippet"] for h in hits)


@pytest.mark.model
def test_show_unknown_id_is_one_line_error(runner: CliRunner, sample_db: str) -> None:
    result = runner.invoke(app, ["show", "evt999999", "--db", sample_db])
    assert result.exit_code == 1
    assert result.stderr.count("\n") <= 3 and "Error" in result.stderr
    assert "Traceback" not in result.stderr


def test_query_on_foreign_file_is_clear_error(runner: CliRunner, tmp_path: Path) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_text("these are my notes, not a database\n" * 50, encoding="utf-8")
    result = runner.invoke(app, ["articles", "--db", str(bogus)])
    assert result.exit_code == 1
    assert "notes.db" in result.stderr and "Traceback" not in result.stderr


def test_two_output_formats_is_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["articles", "--json", "--csv", "--db", str(tmp_path / "k.db")])
    assert result.exit_code == 2


def test_bad_settings_file_is_clear_error(runner: CliRunner, tmp_path: Path) -> None:
    file = tmp_path / "k.toml"
    file.write_text("wrokers = 2\n", encoding="utf-8")
    result = runner.invoke(app, ["articles", "--settings", str(file)])
    assert result.exit_code == 1
    assert "Did you mean 'workers'" in result.stderr
