"""The paraphrase challenge suite: its shape, its annotations, reading it, the floor under it."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from kronika.errors import InputError
from kronika.evaluate.gold import GoldDoc, challenge_dir, read_gold, resolve_set
from kronika.evaluate.report import evaluate_dir, format_frames, format_report
from kronika.settings import Settings

FLOORS = Path(__file__).resolve().parents[1] / "eval_floors.json"

#: The argument roles of each event type (the evaluation format's table).
ROLES: dict[str, set[str]] = {
    "SENTENCE": {
        "defendant",
        "court",
        "term_years",
        "term_min_years",
        "life",
        "count",
        "charges",
        "articles",
    },
    "ARREST": {"detainee", "count", "agency"},
    "EXTRADITION": {"person", "count", "from_country", "to_country"},
    "ATTACK": {"perpetrator", "target", "killed", "wounded"},
    "ESCAPE": {"count", "escapees", "facility"},
    "BAN": {"organization", "authority", "designation"},
    "JOIN": {"person", "count", "organization"},
    "RELEASE": {"person", "count", "authority"},
    "APPEAL": {"appellant", "court"},
}
NAME_LISTS = {
    "defendant",
    "detainee",
    "person",
    "appellant",
    "escapees",
    "organization",
    "perpetrator",
}
NUMBERS = {"term_years", "term_min_years", "count", "killed", "wounded"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
POSITIVE_FRAMES = {
    "active",
    "passive",
    "nominal",
    "headline",
    "reported",
    "relative",
    "coordination",
    "apposition",
    "two-sentence",
    "summary",
}
NEGATIVE_FRAMES = {
    "negated",
    "planned",
    "requested",
    "approved",
    "hypothetical",
    "generic",
    "tally",
    "condemned",
    "denied",
    "foiled",
    "rumour",
    "figurative",
    "other",
}


@pytest.fixture(scope="module")
def suite() -> list[GoldDoc]:
    return read_gold("challenge")


def _forms(doc: GoldDoc) -> dict[str, tuple[str, ...]]:
    return {e.name: (e.name, *e.aliases) for e in doc.entities}


def test_challenge_suite_is_large_and_covers_every_type_and_frame(suite: list[GoldDoc]) -> None:
    assert len(suite) >= 400
    assert len({d.doc_id for d in suite}) == len(suite)
    per_type = Counter(e.type for d in suite for e in d.events)
    assert set(per_type) == set(ROLES)
    assert min(per_type.values()) >= 35, per_type
    frames = Counter(d.frame for d in suite if d.events)
    assert set(frames) == POSITIVE_FRAMES
    negatives = [d for d in suite if d.doc_id.startswith("negative-")]
    assert len(negatives) >= 80
    assert all(not d.events and d.frame in NEGATIVE_FRAMES for d in negatives)


def test_challenge_items_use_the_format_roles_and_value_kinds(suite: list[GoldDoc]) -> None:
    for doc in suite:
        assert doc.frame in POSITIVE_FRAMES | NEGATIVE_FRAMES, doc.doc_id
        assert doc.published is None or DATE.match(doc.published), doc.doc_id
        for event in doc.events:
            assert set(event.args) <= ROLES[event.type], (doc.doc_id, event.args)
            assert event.date is None or DATE.match(event.date), doc.doc_id
            for role in NUMBERS & set(event.args):
                value = event.args[role]
                assert isinstance(value, int | float) and not isinstance(value, bool), doc.doc_id
            if "life" in event.args:
                assert event.args["life"] is True, doc.doc_id


def test_challenge_names_are_listed_entities_that_appear_in_the_text(
    suite: list[GoldDoc],
) -> None:
    for doc in suite:
        forms = _forms(doc)
        assert all(e.type in {"PERSON", "ORG", "LOC"} for e in doc.entities), doc.doc_id
        for event in doc.events:
            for role in NAME_LISTS & set(event.args):
                value = event.args[role]
                for name in value if isinstance(value, list) else [value]:
                    assert isinstance(name, str) and name in forms, (doc.doc_id, role, name)
                    assert any(f in doc.text for f in forms[name]), (doc.doc_id, name)


def test_challenge_month_terms_are_years_rounded_to_two_decimals(suite: list[GoldDoc]) -> None:
    terms = {
        (e.args.get("term_years"), e.args.get("term_min_years"))
        for d in suite
        if "10 to 18 months" in d.text
        for e in d.events
    }
    assert terms == {(1.5, 0.83)}


def test_challenge_name_resolves_to_the_packaged_suite(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert resolve_set("challenge") == challenge_dir()
    (tmp_path / "challenge").mkdir()
    assert resolve_set("challenge") == Path("challenge")


def test_challenge_folder_reads_items_as_documents(tmp_path: Path) -> None:
    item = {
        "id": "arrest-001",
        "frame": "passive",
        "text": "Bakyt Aliev was detained in Osh.",
        "published": "2020-05-02",
        "events": [
            {
                "type": "ARREST",
                "date": "2020-05-02",
                "location": "Osh",
                "args": {"detainee": ["Bakyt Aliev"]},
            }
        ],
        "entities": [{"name": "Bakyt Aliev", "type": "PERSON", "aliases": ["Aliev"]}],
    }
    (tmp_path / "arrest.jsonl").write_text(json.dumps(item) + "\n", encoding="utf-8")
    (doc,) = read_gold(tmp_path)
    assert (doc.doc_id, doc.frame, doc.text) == ("arrest-001", "passive", item["text"])
    assert doc.events[0].evidence == item["text"]
    assert doc.entities[0].aliases == ("Aliev",)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "not valid JSON"),
        ('{"id": "x-1"}', "needs an id and a text"),
        ('{"id": "x-1", "text": "T.", "events": [{"args": {}}]}', "malformed"),
    ],
)
def test_challenge_bad_item_names_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    (tmp_path / "ban.jsonl").write_text('{"id": "ok", "text": "T."}\n' + line + "\n")
    with pytest.raises(InputError, match=message) as err:
        read_gold(tmp_path)
    assert "ban.jsonl:2" in str(err.value)


def test_challenge_repeated_id_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"id": "x", "text": "T."}\n', encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"id": "x", "text": "U."}\n', encoding="utf-8")
    with pytest.raises(InputError, match="used twice"):
        read_gold(tmp_path)


@pytest.mark.model
def test_challenge_events_f1_stays_above_its_floor() -> None:
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))["challenge"]
    report = evaluate_dir("challenge", Settings())
    assert report.documents >= 400
    assert report.events.f1 >= floors["events"], format_report(report)
    assert report.arguments.f1 >= floors["arguments"], format_report(report)
    assert set(report.by_frame) >= POSITIVE_FRAMES
    assert "frames" in format_frames(report) and "frames" in report.as_dict()
