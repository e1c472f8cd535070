"""Reading an evaluation set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kronika.errors import InputError
from kronika.evaluate.gold import read_gold

RECORD = {
    "doc_id": "d1",
    "source": None,
    "url": None,
    "published": "2020-05",
    "entities": [{"name": "Bakyt Aliev", "type": "PERSON", "aliases": ["Aliev"]}],
    "events": [
        {
            "type": "ARREST",
            "date": "2020-05-02",
            "location": "Osh",
            "args": {"detainee": ["Bakyt Aliev"]},
            "evidence": "Aliev was detained in Osh.",
        }
    ],
    "claims": [{"quantity": 12, "about": "people detained", "claimant": None, "evidence": "x"}],
}


def _write_set(root: Path, records: list[dict[str, object]]) -> Path:
    (root / "articles").mkdir()
    (root / "gold.jsonl").write_text(
        "\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8"
    )
    for r in records:
        (root / "articles" / f"{r['doc_id']}.txt").write_text("Text.", encoding="utf-8")
    return root


def test_read_gold_reads_records_and_article_texts(tmp_path: Path) -> None:
    (doc,) = read_gold(_write_set(tmp_path, [RECORD]))
    assert doc.doc_id == "d1" and doc.text == "Text." and doc.published == "2020-05"
    assert doc.entities[0].aliases == ("Aliev",)
    assert doc.events[0].args == {"detainee": ["Bakyt Aliev"]}
    assert doc.events[0].location == "Osh"
    assert doc.claims[0].quantity == 12.0


def test_read_gold_names_the_bad_line(tmp_path: Path) -> None:
    _write_set(tmp_path, [RECORD])
    with (tmp_path / "gold.jsonl").open("a", encoding="utf-8") as fh:
        fh.write("{not json\n")
    with pytest.raises(InputError, match=r"gold.jsonl:2: not valid JSON"):
        read_gold(tmp_path)


def test_read_gold_names_a_missing_set(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read the gold file"):
        read_gold(tmp_path)
