"""Event merging on invented events: precision-aware dates, places, participants, tallies."""

from __future__ import annotations

from typing import Any

import pytest

from kronika.resolve.merging import close_tallies, date_precision, resolve_events
from kronika.store.resolved import EventRow


def _event(
    id: int,
    date: str | None,
    place: str | None = "Istanbul",
    type: str = "ATTACK",
    entities: tuple[tuple[str, int], ...] = (),
    **args: Any,
) -> EventRow:
    location = {"name": place, "country": None} if place else None
    # each invented event comes from its own article (id), as cross-article merging needs
    return EventRow(id, type, date, location, dict(args), (id,), entities)


def _merged(*rows: EventRow) -> set[frozenset[int]]:
    groups = resolve_events(list(rows), {})
    found: dict[int, set[int]] = {}
    for member, (rep, _) in groups.items():
        found.setdefault(rep, set()).add(member)
    return {frozenset(g) for g in found.values()}


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("2015", "2015-03", "year"),
        ("2015-03", "2015-03-05", "month"),
        ("2015-03-05", "2015-03-05", "day"),
        ("2015", None, "unknown"),
        ("2015-03", "2015-06", None),
        ("2015", "2016-03", None),
    ],
)
def test_date_precision(a: str | None, b: str | None, expected: str | None) -> None:
    assert date_precision(a, b) == expected


@pytest.mark.parametrize(("a", "b", "close"), [(5, 6, True), (20, 25, True), (1, 44, False)])
def test_close_tallies(a: float, b: float, close: bool) -> None:
    assert close_tallies(a, b) is close


@pytest.mark.parametrize(
    "other",
    [
        _event(2, "2015", target="Umarali Kuvvatov"),  # the target is one person, spelt two ways
        _event(2, "2015", killed=1),  # the killed agree
        _event(2, "2015", entities=(("perpetrator", 9),)),  # one named perpetrator
        _event(2, "2015-03", target="an opposition leader"),  # same month and place
    ],
)
def test_year_only_attack_merges_with_agreeing_evidence(other: EventRow) -> None:
    first = _event(
        1, "2015-03-05", target="Umarali Quvvatov", killed=1, entities=(("perpetrator", 9),)
    )
    assert _merged(first, other) == {frozenset({1, 2})}


@pytest.mark.parametrize(
    "other",
    [
        _event(2, "2015", target="Ataturk airport"),  # year only and nothing else agreeing
        _event(2, "2015", target="Ataturk airport", killed=44),  # tallies far apart
        _event(2, "2015-03", killed=44),  # same month, but 1 vs 44 killed
        _event(2, "2015-06", target="Umarali Quvvatov"),  # another month
        _event(2, "2015", place="Ankara", target="Umarali Quvvatov"),  # another place
        _event(2, "2015-03", place=None, killed=1),  # no place: a date is not enough
        _event(2, None, target="Umarali Quvvatov"),  # no date: a place is not enough
        _event(2, "2015-03", entities=(("perpetrator", 8),)),  # another perpetrator
        _event(2, "2015-03", type="ESCAPE"),  # another type
    ],
)
def test_attack_stays_apart_without_agreement(other: EventRow) -> None:
    first = _event(
        1, "2015-03-05", target="Umarali Quvvatov", killed=1, entities=(("perpetrator", 9),)
    )
    assert _merged(first, other) == set()


def test_year_only_event_joins_one_month_only() -> None:
    """A "2015" report agrees with March and with June, but March and June are two events."""
    march = _event(1, "2015-03", killed=1)
    june = _event(2, "2015-06", killed=1)
    year = _event(3, "2015", killed=1)
    groups = _merged(march, june, year)
    assert len(groups) == 1 and len(next(iter(groups))) == 2


def test_count_only_events_merge_on_equal_counts_and_year() -> None:
    arrests = (
        _event(1, "2018", place="Khorog", type="ARREST", count=5),
        _event(2, "2018-04", place="Khorog", type="ARREST", count=5),
        _event(3, "2018-04", place="Khorog", type="ARREST", count=12),
    )
    assert _merged(*arrests) == {frozenset({1, 2})}


def test_core_participant_merges_across_date_precision() -> None:
    rows = (
        _event(1, "2016", type="SENTENCE", entities=(("defendant", 4),), term_years=20),
        _event(2, "2016-03-03", type="SENTENCE", entities=(("defendant", 4),), term_years=25),
        _event(3, "2017", type="SENTENCE", entities=(("defendant", 4),), term_years=5),
        _event(4, "2016-03", type="SENTENCE", entities=(("defendant", 5),)),
    )
    assert _merged(*rows) == {frozenset({1, 2})}


def test_events_of_one_article_never_merge() -> None:
    one = EventRow(1, "ATTACK", "2015-03", {"name": "Istanbul"}, {"killed": 1}, (7,), ())
    two = EventRow(2, "ATTACK", "2015-03", {"name": "Istanbul"}, {"killed": 1}, (7,), ())
    assert _merged(one, two) == set()
