"""Scoring rules of the evaluation format: event, argument, entity and claim matching.

Events
    A prediction matches a gold event of the same type when one of their bold
    core arguments (``CORE_ROLES``) shares a name after alias resolution. Types
    without a bold argument (ATTACK, ESCAPE, RELEASE) match on date (same year
    and month, or both null) and location. When the gold event's core list is
    empty (unnamed people, given by ``count``), it is matched as a type without
    a bold argument would be, except that equal ``count`` values, when both
    events give one, are enough. Each gold event matches at most one
    prediction; candidate pairs are taken best first (most shared arguments).
Arguments
    Over matched events, every (role, value) pair is scored, list values one
    element at a time, with ``date`` and ``location`` as two more roles. Names
    compare after alias resolution and case folding, numbers exactly, dates at
    the gold's precision, phrases also when their content words overlap by at
    least half (Jaccard >= 0.5).
Entities
    A prediction matches a gold entity of the same type when any of their
    surface forms coincide after case folding (one-to-one).
Claims
    A predicted claim matches a gold claim with the same quantity; among
    several, the one whose ``about`` shares most content words is taken
    (one-to-one). The claimant is not required to match: it is scored apart
    as the ``claimant`` figure (a matched pair whose claimants agree).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..model import ArgValue, Claim, Entity, Event
from .gold import GoldClaim, GoldEntity, GoldEvent

#: The bold argument of each type that has one (FORMAT.md's table).
CORE_ROLES: dict[str, str] = {
    "SENTENCE": "defendant",
    "ARREST": "detainee",
    "EXTRADITION": "person",
    "BAN": "organization",
    "JOIN": "person",
    "APPEAL": "appellant",
}

_STOP = frozenset(
    "a an the of in on at to for from by with and or as into over under between "
    "its his her their our this that these those who which whom is are was were be been "
    "has have had s".split()
)
_WORD = re.compile(r"[\w½]+")


@dataclass(slots=True)
class Counts:
    """True positives, false positives and false negatives, with P/R/F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        """Add ``other``'s counts to these."""
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        """tp / (tp + fp), 0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn), 0 when nothing was expected."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


class NameIndex:
    """Alias resolution over one document: every surface form → a canonical key."""

    def __init__(self, gold: Iterable[GoldEntity], predicted: Iterable[Entity] = ()) -> None:
        self._gold: dict[str, str] = {}
        for ent in gold:
            for form in (ent.name, *ent.aliases):
                self._gold.setdefault(form.casefold(), ent.name.casefold())
        self._pred: dict[str, tuple[str, ...]] = {}
        for pent in predicted:
            forms = tuple(f.casefold() for f in (pent.name, *pent.aliases))
            for form in forms:
                self._pred.setdefault(form, forms)

    def key(self, name: str) -> str:
        """Return the canonical key of ``name`` (the gold entity's name when one has this form)."""
        folded = name.casefold()
        if folded in self._gold:
            return self._gold[folded]
        for form in self._pred.get(folded, ()):
            if form in self._gold:
                return self._gold[form]
        return folded


def content_words(text: str) -> set[str]:
    """Return the case-folded words of ``text`` other than stop words."""
    return {w for w in _WORD.findall(text.casefold()) if w not in _STOP}


def jaccard(a: str, b: str) -> float:
    """Return the Jaccard overlap of the content words of ``a`` and ``b``."""
    wa, wb = content_words(a), content_words(b)
    return len(wa & wb) / len(wa | wb) if wa | wb else 0.0


def values_equal(gold: ArgValue, pred: ArgValue, index: NameIndex) -> bool:
    """Return whether a predicted scalar argument value matches a gold one."""
    if isinstance(gold, bool) or isinstance(pred, bool):
        return gold is pred
    if isinstance(gold, int | float) and isinstance(pred, int | float):
        return float(gold) == float(pred)
    if isinstance(gold, str) and isinstance(pred, str):
        return index.key(gold) == index.key(pred) or jaccard(gold, pred) >= 0.5
    return False


def dates_equal(gold: str, pred: str) -> bool:
    """Return whether ``pred`` equals ``gold`` at the gold's precision."""
    return len(pred) >= len(gold) and pred[: len(gold)] == gold


def _month_equal(gold: str | None, pred: str | None) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    month = gold[:7]
    return pred[: len(month)] == month


def _names(value: ArgValue | None) -> list[str]:
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return [value] if isinstance(value, str) else []


def pred_location(event: Event) -> str | None:
    """Return the name of a predicted event's place, or None."""
    return event.location.name if event.location is not None else None


def events_match(gold: GoldEvent, pred: Event, index: NameIndex) -> bool:
    """Return whether ``pred`` matches ``gold`` under the event matching rule."""
    if gold.type != pred.type:
        return False
    core = CORE_ROLES.get(gold.type)
    gold_names = _names(gold.args.get(core)) if core else []
    if gold_names:
        keys = {index.key(n) for n in gold_names}
        return any(index.key(n) in keys for n in _names(pred.args.get(core or "")))
    gold_count, pred_count = gold.args.get("count"), pred.args.get("count")
    if core and gold_count is not None and pred_count is not None:
        return values_equal(gold_count, pred_count, index)
    location = pred_location(pred)
    same_place = (gold.location is None and location is None) or (
        gold.location is not None
        and location is not None
        and values_equal(gold.location, location, index)
    )
    return _month_equal(gold.date, pred.date) and same_place


def arg_pairs(
    args: dict[str, ArgValue], date: str | None, location: str | None
) -> list[tuple[str, ArgValue]]:
    """Return the (role, value) pairs scored for one event."""
    pairs: list[tuple[str, ArgValue]] = []
    for role, value in args.items():
        if isinstance(value, list):
            pairs.extend((role, v) for v in value)
        elif value is not None:
            pairs.append((role, value))
    if date is not None:
        pairs.append(("date", date))
    if location is not None:
        pairs.append(("location", location))
    return pairs


def score_arguments(gold: GoldEvent, pred: Event, index: NameIndex) -> dict[str, Counts]:
    """Return per-role counts for one matched pair of events."""
    gold_pairs = arg_pairs(gold.args, gold.date, gold.location)
    pred_pairs = arg_pairs(pred.args, pred.date, pred_location(pred))
    by_role: dict[str, Counts] = {}
    used: set[int] = set()
    for role, gvalue in gold_pairs:
        counts = by_role.setdefault(role, Counts())
        for i, (prole, pvalue) in enumerate(pred_pairs):
            if i in used or prole != role:
                continue
            same = (
                dates_equal(str(gvalue), str(pvalue))
                if role == "date"
                else values_equal(gvalue, pvalue, index)
            )
            if same:
                used.add(i)
                counts.tp += 1
                break
        else:
            counts.fn += 1
    for i, (prole, _) in enumerate(pred_pairs):
        if i not in used:
            by_role.setdefault(prole, Counts()).fp += 1
    return by_role


@dataclass(slots=True)
class EventMatching:
    """The outcome of matching one document's events."""

    pairs: list[tuple[GoldEvent, Event]] = field(default_factory=list)
    missed: list[GoldEvent] = field(default_factory=list)
    spurious: list[Event] = field(default_factory=list)


def match_events(
    gold: Sequence[GoldEvent], predicted: Sequence[Event], index: NameIndex
) -> EventMatching:
    """Match one document's events one-to-one, best candidate pairs first."""
    candidates = []
    for gi, gev in enumerate(gold):
        for pi, pev in enumerate(predicted):
            if events_match(gev, pev, index):
                shared = sum(c.tp for c in score_arguments(gev, pev, index).values())
                candidates.append((-shared, gi, pi))
    candidates.sort()
    taken_gold: set[int] = set()
    taken_pred: set[int] = set()
    result = EventMatching()
    for _, gi, pi in candidates:
        if gi in taken_gold or pi in taken_pred:
            continue
        taken_gold.add(gi)
        taken_pred.add(pi)
        result.pairs.append((gold[gi], predicted[pi]))
    result.missed = [g for i, g in enumerate(gold) if i not in taken_gold]
    result.spurious = [p for i, p in enumerate(predicted) if i not in taken_pred]
    return result


def match_entities(gold: Sequence[GoldEntity], predicted: Sequence[Entity]) -> Counts:
    """Count entity matches: same type and a shared surface form, one-to-one."""
    taken: set[int] = set()
    for gent in gold:
        forms = {f.casefold() for f in (gent.name, *gent.aliases)}
        for i, pent in enumerate(predicted):
            if i in taken or pent.type != gent.type:
                continue
            if forms & {f.casefold() for f in (pent.name, *pent.aliases)}:
                taken.add(i)
                break
    return Counts(tp=len(taken), fp=len(predicted) - len(taken), fn=len(gold) - len(taken))


def match_claims(
    gold: Sequence[GoldClaim], predicted: Sequence[Claim], index: NameIndex
) -> tuple[Counts, Counts, list[tuple[GoldClaim, Claim]]]:
    """Match claims by quantity (then ``about`` overlap); return claim and claimant counts."""
    taken: set[int] = set()
    pairs: list[tuple[GoldClaim, Claim]] = []
    for gclaim in gold:
        best: tuple[float, int] | None = None
        for i, pclaim in enumerate(predicted):
            if i in taken or float(pclaim.quantity) != gclaim.quantity:
                continue
            overlap = jaccard(gclaim.about, pclaim.about)
            if best is None or overlap > best[0]:
                best = (overlap, i)
        if best is not None:
            taken.add(best[1])
            pairs.append((gclaim, predicted[best[1]]))
    claims = Counts(tp=len(pairs), fp=len(predicted) - len(pairs), fn=len(gold) - len(pairs))
    claimants = Counts()
    for gclaim, pclaim in pairs:
        if gclaim.claimant is None and pclaim.claimant is None:
            continue
        if gclaim.claimant is None or pclaim.claimant is None:
            claimants.fn += gclaim.claimant is not None
            claimants.fp += pclaim.claimant is not None
        elif values_equal(gclaim.claimant, pclaim.claimant, index):
            claimants.tp += 1
        else:
            claimants.fp += 1
            claimants.fn += 1
    return claims, claimants, pairs
