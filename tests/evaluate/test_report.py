"""Scoring whole documents and the report's shapes."""

from __future__ import annotations

from kronika.evaluate.gold import GoldClaim, GoldDoc, GoldEntity, GoldEvent
from kronika.evaluate.report import (
    Prediction,
    format_errors,
    format_report,
    merge_parts,
    score,
)
from kronika.model import Claim, Entity, Event, Evidence, Place

EV = (Evidence("Aliev was jailed.", 0, 17),)


def _report():  # type: ignore[no-untyped-def]
    gold = GoldDoc(
        doc_id="d1",
        text="",
        entities=(GoldEntity("Bakyt Aliev", "PERSON", ("Aliev",)),),
        events=(
            GoldEvent("SENTENCE", {"defendant": ["Bakyt Aliev"], "term_years": 9}),
            GoldEvent("ARREST", {"detainee": ["Bakyt Aliev"]}, evidence="Aliev was held."),
        ),
        claims=(GoldClaim(12, "people detained"),),
    )
    pred = Prediction(
        doc_id="d1",
        entities=(Entity("Bakyt Aliev", "PERSON"), Entity("Osh", "LOC")),
        events=(
            Event("SENTENCE", {"defendant": ["Bakyt Aliev"], "term_years": 9}, EV, rule="r1"),
            Event("ATTACK", {"killed": 2}, EV, rule="r2"),
        ),
        claims=(Claim(12, "people detained", EV),),
    )
    return score([gold], [pred])


def test_score_counts_per_type_and_overall() -> None:
    report = _report()
    assert (report.events.tp, report.events.fp, report.events.fn) == (1, 1, 1)
    assert report.events.f1 == 0.5
    assert report.events_by_type["ARREST"].fn == 1
    assert report.events_by_type["ATTACK"].fp == 1
    assert report.arguments.f1 == 1.0
    assert (report.entities.tp, report.entities.fp) == (1, 1)
    assert report.claims.f1 == 1.0


def test_as_dict_has_the_documented_shape() -> None:
    data = _report().as_dict()
    assert set(data) == {"events", "arguments", "entities", "claims"}
    assert set(data["events"]) == {"overall", "by_type"}
    assert set(data["events"]["overall"]) == {"precision", "recall", "f1"}
    by_type = data["events"]["by_type"]["SENTENCE"]
    assert set(by_type) == {"precision", "recall", "f1", "tp", "fp", "fn"}
    assert set(data["arguments"]) == {"overall", "by_role"}
    assert data["events"]["overall"]["f1"] == 0.5
    assert set(data["entities"]) == set(data["claims"]) == set(by_type)


def test_format_report_and_errors_name_types_and_evidence() -> None:
    report = _report()
    table = format_report(report)
    assert "SENTENCE" in table and "overall" in table
    errors = format_errors(report)
    assert "MISSED   d1 ARREST" in errors and "Aliev was held." in errors
    assert "SPURIOUS d1 ATTACK" in errors and "[r2]" in errors


def test_merge_parts_joins_one_event_told_in_two_parts() -> None:
    first = Event("SENTENCE", {"defendant": ["Bakyt Aliev"]}, EV, date="2016-06")
    second = Event("SENTENCE", {"defendant": ["bakyt aliev"], "term_years": 9}, EV, "2016-06-02")
    other = Event("SENTENCE", {"defendant": ["Umar Sodiqov"]}, EV, date="2016-06")
    (merged, kept) = merge_parts([(first,), (second, other)])
    assert merged.args == {"defendant": ["Bakyt Aliev"], "term_years": 9}
    assert merged.date == "2016-06-02" and len(merged.evidence) == 2
    assert kept is other


def test_merge_parts_keeps_apart_what_one_part_tells_twice_or_dates_differently() -> None:
    a = Event("ARREST", {"detainee": ["Bakyt Aliev"]}, EV, date="2015")
    b = Event("ARREST", {"detainee": ["Bakyt Aliev"]}, EV, date="2017")
    assert len(merge_parts([(a, a)])) == 2
    assert len(merge_parts([(a,), (b,)])) == 2


def test_merge_parts_joins_placed_events_without_a_core_role() -> None:
    osh = Place("Osh")
    a = Event("ATTACK", {"killed": 3}, EV, date="2015-10", location=osh)
    b = Event("ATTACK", {"target": "checkpoint"}, EV, date="2015-10-11", location=osh)
    c = Event("ATTACK", {"killed": 1}, EV, date="2015-10")
    assert len(merge_parts([(a,), (b, c)])) == 2


def test_score_counts_found_missed_and_spurious_events_per_frame() -> None:
    entities = (GoldEntity("Bakyt Aliev", "PERSON", ("Aliev",)),)
    arrest = GoldEvent("ARREST", {"detainee": ["Bakyt Aliev"]})
    docs = [
        GoldDoc("a-1", "", entities=entities, events=(arrest,), frame="passive"),
        GoldDoc("a-2", "", entities=entities, events=(arrest,), frame="passive"),
        GoldDoc("n-1", "", frame="negated"),
    ]
    found = Event("ARREST", {"detainee": ["Aliev"]}, EV, rule="r")
    preds = [
        Prediction("a-1", events=(found,)),
        Prediction("a-2"),
        Prediction("n-1", events=(found,)),
    ]
    report = score(docs, preds)
    passive, negated = report.by_frame["passive"], report.by_frame["negated"]
    assert (passive.items, passive.counts.tp, passive.counts.fn) == (2, 1, 1)
    assert (negated.items, negated.counts.fp) == (1, 1)
    table = format_report(report)
    assert "  passive           2      2      1  0.500     0" in table
    assert "  negated           1      0      0      -     1" in table
    assert report.as_dict()["frames"]["passive"]["recall"] == 0.5
