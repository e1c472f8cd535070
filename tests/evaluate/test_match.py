"""The scoring rules, on hand-written gold and predictions with known results."""

from __future__ import annotations

import pytest

from kronika.evaluate.gold import GoldClaim, GoldEntity, GoldEvent
from kronika.evaluate.match import (
    Counts,
    NameIndex,
    dates_equal,
    events_match,
    jaccard,
    match_claims,
    match_entities,
    match_events,
    score_arguments,
    values_equal,
)
from kronika.model import Claim, Entity, Event, Evidence, Place

EV = (Evidence("x", 0, 1),)
GOLD_ENTITIES = [
    GoldEntity("Bakyt Aliev", "PERSON", ("Aliev",)),
    GoldEntity("Islamic State", "ORG", ("IS", "ISIS")),
]


def _index(predicted: tuple[Entity, ...] = ()) -> NameIndex:
    return NameIndex(GOLD_ENTITIES, predicted)


@pytest.mark.parametrize(
    "tp,fp,fn,p,r,f",
    [(3, 1, 2, 0.75, 0.6, 2 * 0.75 * 0.6 / 1.35), (0, 0, 0, 0.0, 0.0, 0.0), (2, 0, 0, 1, 1, 1)],
)
def test_counts_precision_recall_f1(
    tp: int, fp: int, fn: int, p: float, r: float, f: float
) -> None:
    c = Counts(tp, fp, fn)
    assert (c.precision, c.recall, c.f1) == pytest.approx((p, r, f))


def test_names_compare_after_alias_resolution_and_case_folding() -> None:
    index = _index((Entity("ISIS", "ORG", aliases=("Daesh",)),))
    assert values_equal("Bakyt Aliev", "aliev", index)
    assert values_equal("Islamic State", "Daesh", index)
    assert not values_equal("Bakyt Aliev", "Islamic State", index)


@pytest.mark.parametrize(
    "gold,pred,same",
    [
        ("Khatlon regional court", "the Khatlon regional court", True),
        ("prison guards", "guards", True),  # 1 of 2 content words: Jaccard 0.5
        ("border stations between Tajikistan and Kyrgyzstan", "jail", False),
    ],
)
def test_phrases_match_on_half_their_content_words(gold: str, pred: str, same: bool) -> None:
    assert values_equal(gold, pred, _index()) is same
    assert (jaccard(gold, pred) >= 0.5) is same


@pytest.mark.parametrize(
    "gold,pred,same",
    [("2016-12", "2016-12-01", True), ("2016-12-01", "2016-12", False), ("2016", "2015-01", False)],
)
def test_dates_compare_at_the_gold_precision(gold: str, pred: str, same: bool) -> None:
    assert dates_equal(gold, pred) is same


def test_numbers_compare_exactly() -> None:
    assert values_equal(20, 20.0, _index())
    assert not values_equal(20, 21, _index())
    assert values_equal(True, True, _index()) and not values_equal(True, 1, _index())


def test_events_match_on_a_shared_core_name() -> None:
    gold = GoldEvent("SENTENCE", {"defendant": ["Bakyt Aliev"]})
    assert events_match(gold, Event("SENTENCE", {"defendant": ["Aliev"]}, EV), _index())
    assert not events_match(gold, Event("SENTENCE", {"defendant": ["Olim"]}, EV), _index())
    assert not events_match(gold, Event("ARREST", {"detainee": ["Aliev"]}, EV), _index())


def test_events_without_core_match_on_month_and_place() -> None:
    gold = GoldEvent("ATTACK", {"killed": 4}, date="2010-08-23", location="Dushanbe")
    same = Event("ATTACK", {}, EV, date="2010-08-22", location=Place("Dushanbe"))
    other_month = Event("ATTACK", {}, EV, date="2010-09-01", location=Place("Dushanbe"))
    no_place = Event("ATTACK", {}, EV, date="2010-08-22")
    assert events_match(gold, same, _index())
    assert not events_match(gold, other_month, _index())
    assert not events_match(gold, no_place, _index())


def test_unnamed_people_match_on_count() -> None:
    gold = GoldEvent("ARREST", {"detainee": [], "count": 5}, date="2008")
    assert events_match(gold, Event("ARREST", {"detainee": [], "count": 5}, EV), _index())
    assert not events_match(gold, Event("ARREST", {"detainee": [], "count": 6}, EV), _index())


def test_match_events_pairs_each_gold_once_best_first() -> None:
    gold = [GoldEvent("SENTENCE", {"defendant": ["Bakyt Aliev"], "term_years": 9})]
    weak = Event("SENTENCE", {"defendant": ["Aliev"]}, EV)
    strong = Event("SENTENCE", {"defendant": ["Bakyt Aliev"], "term_years": 9}, EV)
    result = match_events(gold, [weak, strong], _index())
    assert result.pairs == [(gold[0], strong)]
    assert result.spurious == [weak] and result.missed == []


def test_score_arguments_counts_each_role_value() -> None:
    gold = GoldEvent(
        "SENTENCE",
        {"defendant": ["Bakyt Aliev"], "term_years": 9, "charges": ["terrorism", "murder"]},
        date="2020-05",
        location="Osh",
    )
    pred = Event(
        "SENTENCE",
        {"defendant": ["Aliev"], "term_years": 10, "charges": ["terrorism"], "court": "Osh court"},
        EV,
        date="2020-05-02",
    )
    by_role = score_arguments(gold, pred, _index())
    got = {role: (c.tp, c.fp, c.fn) for role, c in by_role.items()}
    assert got == {
        "defendant": (1, 0, 0),
        "term_years": (0, 1, 1),
        "charges": (1, 0, 1),
        "court": (0, 1, 0),
        "date": (1, 0, 0),
        "location": (0, 0, 1),
    }


def test_match_entities_on_any_shared_surface_form() -> None:
    predicted = [
        Entity("Aliev", "PERSON"),
        Entity("ISIS", "ORG"),
        Entity("Osh", "LOC"),
        Entity("Islamic State", "PERSON"),  # wrong type: no match
    ]
    counts = match_entities(GOLD_ENTITIES, predicted)
    assert (counts.tp, counts.fp, counts.fn) == (2, 2, 0)


def test_match_claims_on_quantity_then_about() -> None:
    gold = [
        GoldClaim(1141, "Tajik nationals who went to fight", "Interior Ministry"),
        GoldClaim(300, "fighters killed", None),
    ]
    predicted = [
        Claim(1141, "nationals gone to fight", EV, claimant="Interior Ministry"),
        Claim(300, "fighters killed", EV, claimant="officials"),
        Claim(7, "something else", EV),
    ]
    claims, claimants, pairs = match_claims(gold, predicted, _index())
    assert (claims.tp, claims.fp, claims.fn) == (2, 1, 0)
    assert (claimants.tp, claimants.fp, claimants.fn) == (1, 1, 0)
    assert len(pairs) == 2
