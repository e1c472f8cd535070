"""The corpus commands end to end: entities explain/merge, case, bans, claims --compare, export."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kronika.cli import app


@pytest.fixture
def filled_db(tmp_path: Path, make_input_result: Any) -> str:
    from kronika.resolve.corpus import resolve_corpus
    from kronika.settings import Settings
    from kronika.store.store import open_store

    db = str(tmp_path / "k.db")
    with open_store(db) as store:
        store.write_input(make_input_result())
        resolve_corpus(store, Settings(db=db))
    return db


@pytest.mark.parametrize(
    "args,expect",
    [
        (["entities", "explain", "Farrukh Nazarov", "Nazarov", "--json"], '"same_entity": true'),
        (["case", "Farrukh Nazarov", "--json"], '"stage": "sentence"'),
        (["bans", "--json"], "["),
        (["claims", "--compare", "--json"], '"values": ['),
        (["export", "--format", "acled"], "event_date,event_type,sub_event_type"),
        (["entities", "--type", "PERSON", "--json"], '"Farrukh Nazarov"'),
    ],
)
def test_corpus_commands_print_data(
    runner: Any, filled_db: str, args: list[str], expect: str
) -> None:
    result = runner.invoke(app, [*args, "--db", filled_db])
    assert result.exit_code == 0, result.output
    assert expect in result.stdout


def test_review_and_entity_corrections_are_recorded(runner: Any, filled_db: str) -> None:
    result = runner.invoke(
        app,
        [
            "review",
            "edit",
            "evt1",
            "args.term_years",
            "10",
            "--author",
            "me",
            "--json",
            "--db",
            filled_db,
        ],
    )
    assert result.exit_code == 0 and json.loads(result.stdout)["args"]["term_years"] == 10
    result = runner.invoke(
        app, ["entities", "rename", "Farrukh Nazarov", "F. Nazarov", "--json", "--db", filled_db]
    )
    assert result.exit_code == 0 and json.loads(result.stdout)["name"] == "F. Nazarov"


def test_entities_unknown_action_is_a_usage_error(runner: Any, filled_db: str) -> None:
    result = runner.invoke(app, ["entities", "fuse", "a", "b", "--db", filled_db])
    assert result.exit_code == 2
