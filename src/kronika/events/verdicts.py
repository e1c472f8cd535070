"""One trial's verdict told whole and then term by term.

"Eleven suspects have been sentenced to between 19 years and life ... Abror Azimov was
sentenced to life ... His brother Akram and M. Ermatov were sentenced to 28 years": the
first sentence counts the people the rest name. The events are the terms; the count
told first is their sum, and what it says of the whole trial (court, charges, place)
holds for each of them.
"""

from __future__ import annotations

import math
from dataclasses import replace

from ..model import Event
from .inherit import same_trial

#: What a verdict told whole says of every term in it.
_WHOLE_TRIAL = ("court", "charges", "articles")


def fold_summaries(events: list[Event]) -> list[Event]:
    """Drop a nameless counted verdict that later terms of its trial account for.

    It is folded when at least two other verdicts of the same trial (``inherit.same_trial``,
    and no other court) with terms inside its range together count no more people than
    it does and at least half as many.
    """
    out = list(events)
    for whole in events:
        count = whole.args.get("count")
        if whole.type != "SENTENCE" or whole.args.get("defendant") or not isinstance(count, int):
            continue
        low, high = _term_range(whole)
        parts = [
            e for e in out if e is not whole and _part_of(e, whole) and low <= _term(e) <= high
        ]
        told = sum(_people(e) for e in parts)
        if len(parts) < 2 or not count <= 2 * told <= 2 * count:
            continue
        out = [_with_whole(e, whole) if e in parts else e for e in out if e is not whole]
    return out


def _part_of(event: Event, whole: Event) -> bool:
    if event.type != "SENTENCE" or not _people(event):
        return False
    court, other = whole.args.get("court"), event.args.get("court")
    if court and other and court != other:
        return False
    return same_trial(whole, event)


def _term(event: Event) -> float:
    """A verdict's term in years (life as infinite, none told as 0)."""
    if event.args.get("life"):
        return math.inf
    years = event.args.get("term_years")
    return float(years) if isinstance(years, int | float) else 0.0


def _term_range(whole: Event) -> tuple[float, float]:
    """The terms a verdict told whole spans: "between 19 years and life" (19 to life),
    "for up to life" (any term), no term told (any term). A single figure ("28 years",
    and "up to 28 years", which the arguments do not tell apart) spans itself alone."""
    years, low = whole.args.get("term_years"), whole.args.get("term_min_years")
    top = math.inf if whole.args.get("life") or years is None else _term(whole)
    if isinstance(low, int | float):
        return float(low), top
    if whole.args.get("life") and isinstance(years, int | float):
        return float(years), top  # "between 19 years and life"
    return (0.0 if years is None or top == math.inf else top), top


def _people(event: Event) -> int:
    names = event.args.get("defendant")
    count = event.args.get("count")
    named = len(names) if isinstance(names, list) else 0
    return max(named, count if isinstance(count, int) else 0)


def _with_whole(part: Event, whole: Event) -> Event:
    args = dict(part.args)
    for role in _WHOLE_TRIAL:
        if not args.get(role) and whole.args.get(role):
            args[role] = whole.args[role]
    return replace(
        part,
        args=args,
        location=part.location or whole.location,
        evidence=part.evidence + whole.evidence,
    )
