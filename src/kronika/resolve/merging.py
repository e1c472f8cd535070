"""Event merging: one event per real-world happening reported by several articles.

Two events of one type from different articles merge when

* they share a resolved *core* participant (the defendant, the detainee, the
  banned organization ...) and their dates agree at the precision both give; or
* neither names a core participant (attacks, escapes, count-only arrests) and
  they happened in the same place, in the same month, with nothing in them
  contradicting each other (different perpetrators, far-apart tallies).

Dates are precision-aware: ``"2015"`` is compatible with ``"2015-03"`` and
``"2015-03-05"``. A year-only agreement is weak, so for events without a core
participant it needs one more piece of agreeing evidence: a shared named
participant (perpetrator, target, victim), target names that are one person,
close tallies of the killed, or equal counts of people. A false merge is
worse than a missed one, so events without a place never merge on a date alone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from ..store.resolved import EventRow
from .names import compare_people

#: Core roles (FORMAT.md's bold arguments): events sharing one of these participants merge.
CORE_ROLES = {
    "SENTENCE": "defendant",
    "ARREST": "detainee",
    "EXTRADITION": "person",
    "BAN": "organization",
    "JOIN": "person",
    "APPEAL": "appellant",
    "RELEASE": "person",
    "ESCAPE": "escapees",
}
#: Roles naming where or through whom, not who took part: sharing them is no evidence.
CONTEXT_ROLES = frozenset(
    {"court", "authority", "agency", "from_country", "to_country", "country", "facility"}
)
#: Tallies compared between events without a core participant.
TALLIES = ("killed", "count")

#: Two names → are they one person (the alias-aware comparison of the resolver).
SameName = Callable[[str, str], bool]


@dataclass(frozen=True, slots=True)
class Facts:
    """What one event says that decides whether it is another article's event."""

    row: EventRow
    core: frozenset[int]
    participants: frozenset[int]
    perpetrators: frozenset[int]
    place: str | None
    tallies: dict[str, float]
    target: str | None


def date_precision(a: str | None, b: str | None) -> str | None:
    """Return the precision two dates agree at (day/month/year/unknown), None if they differ."""
    if a is None or b is None:
        return "unknown"
    if not (a.startswith(b) or b.startswith(a)):
        return None
    shared = min(len(a), len(b))
    return "day" if shared >= 10 else "month" if shared >= 7 else "year"


def close_tallies(a: float, b: float) -> bool:
    """True when two counts of one thing may be two sources' figures (5 vs 6, not 1 vs 44)."""
    return abs(a - b) <= max(1.0, 0.25 * max(abs(a), abs(b)))


def facts_of(row: EventRow, clusters: dict[int, int], specific: set[int] | None) -> Facts:
    """Gather an event's resolved participants, place, tallies and target."""
    core_role = CORE_ROLES.get(row.type)
    resolved = [(role, clusters.get(e, e)) for role, e in row.entities]
    core = {
        c
        for (role, c), (_, e) in zip(resolved, row.entities, strict=True)
        if role == core_role and (specific is None or e in specific)
    }
    tallies = {
        k: float(v)
        for k in TALLIES
        if isinstance(v := row.args.get(k), int | float) and not isinstance(v, bool)
    }
    target = row.args.get("target")
    place = (row.location or {}).get("name") if row.location else None
    return Facts(
        row=row,
        core=frozenset(core),
        participants=frozenset(c for role, c in resolved if role not in CONTEXT_ROLES),
        perpetrators=frozenset(c for role, c in resolved if role == "perpetrator"),
        place=str(place).casefold() if place else None,
        tallies=tallies,
        target=target if isinstance(target, str) else None,
    )


def contradicts(a: Facts, b: Facts) -> bool:
    """True when two events cannot be one: other places, other perpetrators, far tallies."""
    if date_precision(a.row.date, b.row.date) is None:
        return True
    if a.core or b.core:
        return False  # named-participant events keep their disagreements visible instead
    if a.place and b.place and a.place != b.place:
        return True
    if a.perpetrators and b.perpetrators and not a.perpetrators & b.perpetrators:
        return True
    return any(k in b.tallies and not close_tallies(v, b.tallies[k]) for k, v in a.tallies.items())


def _evidence(a: Facts, b: Facts, same_name: SameName) -> str | None:
    if a.participants & b.participants:
        return "shared participant"
    if a.target and b.target and same_name(a.target, b.target):
        return "same target"
    if "killed" in a.tallies and "killed" in b.tallies:
        if close_tallies(a.tallies["killed"], b.tallies["killed"]):
            return "killed counts agree"
    if "count" in a.tallies and a.tallies["count"] == b.tallies.get("count"):
        return "counts agree"
    return None


def same_event(a: Facts, b: Facts, same_name: SameName) -> str | None:
    """Return the rule by which two events (different articles) are one, or None."""
    precision = date_precision(a.row.date, b.row.date)
    if precision is None:
        return None
    if a.core & b.core:
        return "same type and participant, dates agree"
    if a.core or b.core or contradicts(a, b):
        return None
    if not (a.place and b.place) or precision == "unknown":
        return None  # a date alone, or a place alone, is not enough
    if precision in ("day", "month"):
        return f"same type, {precision} and place"
    evidence = _evidence(a, b, same_name)
    return f"same type, year and place, {evidence}" if evidence else None


def _person_names(a: str, b: str) -> bool:
    return compare_people(a, b).same


class _Clusters:
    """Union-find over events where every join keeps each article once and nothing contradicts."""

    def __init__(self, facts: dict[int, Facts]) -> None:
        self.facts = facts
        self.parent = {i: i for i in facts}
        self.members = {i: [i] for i in facts}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        left, right = self.members[ra], self.members[rb]
        articles = {x for m in left for x in self.facts[m].row.articles}
        if articles & {x for m in right for x in self.facts[m].row.articles}:
            return False  # one article lists each event once (FORMAT.md)
        if any(contradicts(self.facts[x], self.facts[y]) for x in left for y in right):
            return False
        if len(left) < len(right):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra].extend(self.members.pop(rb))
        return True


def _written(row: EventRow) -> int:
    """Events are compared in the order they were stored, which the writer keeps in input
    order whatever the number of workers; an incremental run then adds its new events last,
    as a full run would."""
    return row.id


def _blocks(facts: Iterable[Facts]) -> dict[tuple[str, ...], list[int]]:
    blocks: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for f in facts:
        row = f.row
        for entity in f.core:
            blocks[("p", row.type, str(entity))].append(row.id)
        if not f.core and row.date and f.place:
            blocks[("d", row.type, row.date[:4], f.place)].append(row.id)
    return blocks


def resolve_events(
    rows: list[EventRow],
    clusters: dict[int, int],
    specific: set[int] | None = None,
    same_name: SameName | None = None,
) -> dict[int, tuple[int, str]]:
    """Cluster events reported by several articles; return member → (representative, rule).

    ``specific`` holds the entity ids specific enough to identify an event (full
    names, organizations); None accepts every linked entity. ``same_name``
    decides whether two target phrases name one person (default: the person
    name comparison without curated aliases).
    """
    facts = {r.id: facts_of(r, clusters, specific) for r in sorted(rows, key=_written)}
    found = _Clusters(facts)
    rules: dict[int, str] = {}
    _join_pairs(found, rules, same_name or _person_names, None)
    return _groups(found, rules)


def merge_new(
    rows: list[EventRow],
    previous: dict[int, tuple[int, str]],
    focus: set[int],
    clusters: dict[int, int],
    specific: set[int] | None = None,
    same_name: SameName | None = None,
) -> dict[int, tuple[int, str]]:
    """Merge the ``focus`` events into the stored groups (``previous``) of the other ``rows``.

    What :func:`resolve_events` would decide, comparing only pairs with a
    focus event: the other rows' earlier groups stand, and ``rows`` must hold
    every event that shares a block with a focus event, and their groups.
    """
    facts = {r.id: facts_of(r, clusters, specific) for r in sorted(rows, key=_written)}
    found = _Clusters(facts)
    rules: dict[int, str] = {}
    for event, (rep, why) in previous.items():
        if event in facts and rep in facts and event not in focus and rep not in focus:
            found.union(event, rep)
            rules.setdefault(event, why)
    _join_pairs(found, rules, same_name or _person_names, focus)
    return _groups(found, rules)


def _join_pairs(
    found: _Clusters, rules: dict[int, str], names: SameName, focus: set[int] | None
) -> None:
    """Join every pair of one block that is one event (only pairs with a ``focus`` event)."""
    facts = found.facts
    for ids in _blocks(facts.values()).values():
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                if focus is not None and (
                    (a not in focus and b not in focus) or found.find(a) == found.find(b)
                ):
                    continue
                if set(facts[a].row.articles) & set(facts[b].row.articles):
                    continue
                rule = same_event(facts[a], facts[b], names)
                if rule is not None and found.union(a, b):
                    rules.setdefault(a, rule)
                    rules.setdefault(b, rule)


def _groups(found: _Clusters, rules: dict[int, str]) -> dict[int, tuple[int, str]]:
    groups: dict[int, tuple[int, str]] = {}
    for group in (sorted(m) for m in found.members.values() if len(m) > 1):
        rule = next((rules[m] for m in group if m in rules), "merged")
        groups.update({member: (group[0], rule) for member in group})
    return groups


def describe(groups: dict[int, tuple[int, str]]) -> dict[str, Any]:
    """Summarize event clusters: how many, how many events in them, by rule."""
    by_rule: dict[str, int] = defaultdict(int)
    reps = set()
    for _, (rep, rule) in groups.items():
        if rep not in reps:
            reps.add(rep)
            by_rule[rule] += 1
    return {"clusters": len(reps), "events": len(groups), "by_rule": dict(by_rule)}
