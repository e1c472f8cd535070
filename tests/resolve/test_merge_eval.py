"""Measuring event merging: which gold pairs are one event, and the figures on the dev set."""

from __future__ import annotations

from pathlib import Path

import pytest

from kronika.evaluate.gold import GoldDoc, GoldEntity, GoldEvent
from kronika.resolve.merge_eval import gold_same, measure_merging, score_merges
from kronika.resolve.names import compare_names
from kronika.settings import Settings


def _same(a: str, b: str, type: str) -> bool:
    return compare_names(a, b, type).same


def _doc(doc_id: str, *events: GoldEvent) -> GoldDoc:
    people = (GoldEntity("Gulmurod Halimov", "PERSON"), GoldEntity("Group 24", "ORG"))
    return GoldDoc(doc_id=doc_id, text="", entities=people, events=events)


KILLING = GoldEvent("ATTACK", {"target": "Umarali Quvvatov", "killed": 1}, "2015-03-05", "Istanbul")
BAN = GoldEvent("BAN", {"organization": ["Group 24"]}, "2014-10-09", "Tajikistan")


@pytest.mark.parametrize(
    ("other", "same"),
    [
        (GoldEvent("ATTACK", {"target": "Umarali Kuvvatov"}, "2015", "Istanbul"), True),
        (GoldEvent("ATTACK", {"target": "a journalist"}, "2015-03", "Istanbul"), True),
        (GoldEvent("ATTACK", {"target": "Ataturk airport"}, "2015", "Istanbul"), False),
        (GoldEvent("ATTACK", {"target": "Umarali Quvvatov"}, "2015", None), False),
        (GoldEvent("ATTACK", {"target": "Umarali Quvvatov"}, "2016", "Istanbul"), False),
        (GoldEvent("ESCAPE", {}, "2015-03", "Istanbul"), False),
    ],
)
def test_gold_same_attack(other: GoldEvent, same: bool) -> None:
    assert gold_same((_doc("a"), KILLING), (_doc("b"), other), _same) is same


@pytest.mark.parametrize(
    ("other", "same"),
    [
        (GoldEvent("BAN", {"organization": ["Group 24"]}, "2014", None), True),
        (GoldEvent("BAN", {"organization": ["Group 24"]}, "2016", "Tajikistan"), False),
        (GoldEvent("BAN", {"organization": ["Islamic State"]}, "2014-10", "Tajikistan"), False),
    ],
)
def test_gold_same_core_participant(other: GoldEvent, same: bool) -> None:
    assert gold_same((_doc("a"), BAN), (_doc("b"), other), _same) is same


def test_score_merges_counts_pairs() -> None:
    other_killing = GoldEvent("ATTACK", {"target": "Umarali Kuvvatov"}, "2015", "Istanbul")
    other_ban = GoldEvent("BAN", {"organization": ["Group 24"]}, "2014", "Tajikistan")
    docs = [_doc("a", KILLING, BAN), _doc("b", other_killing, other_ban)]
    # events 1-4 match the gold; 1+3 merged (right), 2+5 merged (5 is no gold event)
    matched = {1: ("a", 0), 2: ("a", 1), 3: ("b", 0), 4: ("b", 1)}
    clusters = {1: 1, 3: 1, 2: 2, 5: 2}
    report = score_merges(docs, matched, clusters, Settings())
    assert (report.tp, report.fp, report.fn_extracted, report.gold_pairs) == (1, 0, 1, 2)
    assert report.precision == 1.0 and report.recall_extracted == 0.5
    assert report.unjudged == 1


@pytest.mark.model
def test_merging_on_dev_set_keeps_its_floors(dev_set: Path) -> None:
    report = measure_merging(dev_set, Settings())
    # measured: precision 1.0 (1/1), recall 1.0 over extracted pairs (1/1), 0.25 end to end
    assert report.gold_pairs >= 3
    assert report.tp >= 1
    assert report.precision >= 0.75
    assert report.recall_extracted >= 0.75
    assert report.recall_end_to_end >= 0.2
