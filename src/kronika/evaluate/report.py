"""Run the pipeline over an evaluation set and report precision, recall and F1.

``evaluate_dir`` is what ``kronika evaluate DIR`` calls; ``format_report`` prints
the per-type table and ``format_errors`` lists each missed and each spurious
event, which is how the next rule to write is found.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..model import Claim, Entity, Event
from ..settings import Settings
from .gold import GoldDoc, GoldEvent, gold_input, read_gold
from .match import (
    CORE_ROLES,
    Counts,
    NameIndex,
    match_claims,
    match_entities,
    match_events,
    pred_location,
    score_arguments,
)

#: Documents sent to the pipeline at once.
_BATCH = 8


@dataclass(frozen=True, slots=True)
class Prediction:
    """What the pipeline found in one evaluation document (all its parts together)."""

    doc_id: str
    entities: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()


@dataclass(slots=True)
class FrameCounts:
    """How a challenge frame fared: items, gold events found (tp) and missed (fn), spurious (fp)."""

    items: int = 0
    counts: Counts = field(default_factory=Counts)


@dataclass(slots=True)
class EvalReport:
    """Counts per event type, argument role, entities and claims, plus the errors."""

    events_by_type: dict[str, Counts] = field(default_factory=dict)
    args_by_role: dict[str, Counts] = field(default_factory=dict)
    entities: Counts = field(default_factory=Counts)
    claims: Counts = field(default_factory=Counts)
    claimants: Counts = field(default_factory=Counts)
    missed: list[tuple[str, GoldEvent]] = field(default_factory=list)
    spurious: list[tuple[str, Event]] = field(default_factory=list)
    documents: int = 0
    by_frame: dict[str, FrameCounts] = field(default_factory=dict)

    @property
    def events(self) -> Counts:
        """Micro-averaged event counts over all types."""
        return _total(self.events_by_type.values())

    @property
    def arguments(self) -> Counts:
        """Micro-averaged argument counts over all roles."""
        return _total(self.args_by_role.values())

    def as_dict(self) -> dict[str, Any]:
        """Return the report as the JSON shape ``kronika evaluate --json`` prints."""
        data: dict[str, Any] = {
            "events": {
                "overall": _prf(self.events),
                "by_type": {t: _full(c) for t, c in sorted(self.events_by_type.items())},
            },
            "arguments": {
                "overall": _prf(self.arguments),
                "by_role": {r: _full(c) for r, c in sorted(self.args_by_role.items())},
            },
            "entities": _full(self.entities),
            "claims": _full(self.claims),
        }
        if self.by_frame:
            data["frames"] = {
                name: {"items": f.items, **_full(f.counts)}
                for name, f in sorted(self.by_frame.items())
            }
        return data


def _total(counts: Any) -> Counts:
    total = Counts()
    for c in counts:
        total.add(c)
    return total


def _prf(c: Counts) -> dict[str, float]:
    return {"precision": round(c.precision, 4), "recall": round(c.recall, 4), "f1": round(c.f1, 4)}


def _full(c: Counts) -> dict[str, Any]:
    return {**_prf(c), "tp": c.tp, "fp": c.fp, "fn": c.fn}


def predict(
    docs: list[GoldDoc],
    settings: Settings,
    progress: Callable[[int, int], None] | None = None,
) -> list[Prediction]:
    """Run the pipeline on each document's text, gathering the results of its parts."""
    from ..events.named import relevant_entities
    from ..pipeline import process_batch  # the pipeline loads spaCy: import at use

    out: list[Prediction] = []
    for start in range(0, len(docs), _BATCH):
        chunk = docs[start : start + _BATCH]
        batch = [gold_input(d) for d in chunk]
        for doc, result in zip(chunk, process_batch(batch, settings), strict=True):
            parts = result.articles
            out.append(
                Prediction(
                    doc_id=doc.doc_id,
                    entities=tuple(
                        e for a in parts for e in relevant_entities(a.entities, a.events, a.claims)
                    ),
                    events=tuple(merge_parts([a.events for a in parts])),
                    claims=tuple(c for a in parts for c in a.claims),
                )
            )
        if progress is not None:
            progress(len(out), len(docs))
    return out


def merge_parts(parts: list[tuple[Event, ...]]) -> list[Event]:
    """One event per happening across the parts of one split document.

    A digest page split into sub-articles may tell one event in two of them. Two
    events from different parts are one when they have the same type, dates that
    agree at the precision both give, and either a shared core name (case-folded)
    or, for types without a core role, the same place. The knowledge base merges
    articles the same way; events within one part were already merged.
    """
    merged: list[tuple[int, Event]] = []
    for number, events in enumerate(parts):
        for event in events:
            for i, (other_part, other) in enumerate(merged):
                if other_part != number and _one_event(other, event):
                    merged[i] = (other_part, _union(other, event))
                    break
            else:
                merged.append((number, event))
    return [e for _, e in merged]


def _one_event(a: Event, b: Event) -> bool:
    if a.type != b.type or not _dates_agree(a.date, b.date):
        return False
    role = CORE_ROLES.get(a.type)
    if role is not None:
        names_a, names_b = a.args.get(role), b.args.get(role)
        if isinstance(names_a, list) and isinstance(names_b, list):
            folded = {str(n).casefold() for n in names_a}
            return any(str(n).casefold() in folded for n in names_b)
        return False
    place_a, place_b = a.location, b.location
    return (
        a.date is not None
        and place_a is not None
        and place_b is not None
        and place_a.name.casefold() == place_b.name.casefold()
    )


def _dates_agree(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    size = min(len(a), len(b))
    return a[:size] == b[:size]


def _union(a: Event, b: Event) -> Event:
    """``a`` with what ``b`` adds: missing args, more names, finer date, a place."""
    args = dict(a.args)
    for key, value in b.args.items():
        old = args.get(key)
        if isinstance(old, list) and isinstance(value, list):
            seen = {str(v).casefold() for v in old}
            args[key] = old + [v for v in value if str(v).casefold() not in seen]
        elif old is None or old == []:
            args[key] = value
    date = a.date if (a.date and len(a.date) >= len(b.date or "")) else b.date
    return replace(
        a,
        args=args,
        date=date,
        location=a.location or b.location,
        evidence=a.evidence + b.evidence,
        confidence=max(a.confidence, b.confidence),
    )


def score(docs: list[GoldDoc], predictions: list[Prediction]) -> EvalReport:
    """Score ``predictions`` against the gold documents (same order)."""
    report = EvalReport(documents=len(docs))
    for doc, pred in zip(docs, predictions, strict=True):
        index = NameIndex(doc.entities, pred.entities)
        matching = match_events(doc.events, pred.events, index)
        for gold_event, _ in matching.pairs:
            report.events_by_type.setdefault(gold_event.type, Counts()).tp += 1
        for gold_event in matching.missed:
            report.events_by_type.setdefault(gold_event.type, Counts()).fn += 1
            report.missed.append((doc.doc_id, gold_event))
        for event in matching.spurious:
            report.events_by_type.setdefault(event.type, Counts()).fp += 1
            report.spurious.append((doc.doc_id, event))
        if doc.frame is not None:
            frame = report.by_frame.setdefault(doc.frame, FrameCounts())
            frame.items += 1
            frame.counts.add(
                Counts(len(matching.pairs), len(matching.spurious), len(matching.missed))
            )
        for gold_event, event in matching.pairs:
            for role, counts in score_arguments(gold_event, event, index).items():
                report.args_by_role.setdefault(role, Counts()).add(counts)
        report.entities.add(match_entities(doc.entities, pred.entities))
        claims, claimants, _ = match_claims(doc.claims, pred.claims, index)
        report.claims.add(claims)
        report.claimants.add(claimants)
    return report


def evaluate_dir(
    path: str | Path,
    settings: Settings,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> EvalReport:
    """Run the pipeline over the evaluation set in ``path`` and score it.

    Args:
        path: a directory holding ``gold.jsonl`` and ``articles/``, a challenge-suite
            directory, or ``challenge`` for the suite shipped in the package.
        settings: the settings the pipeline runs with.
        progress: called with (documents done, documents in all) after each batch.
    """
    docs = read_gold(path)
    return score(docs, predict(docs, settings, progress))


def format_report(report: EvalReport) -> str:
    """Return a plain-text table: events per type, arguments per role, entities, claims."""
    lines = [f"{'':<14}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"]

    def row(label: str, c: Counts) -> None:
        lines.append(
            f"{label:<14}{c.precision:>7.3f}{c.recall:>7.3f}{c.f1:>7.3f}{c.tp:>6}{c.fp:>6}{c.fn:>6}"
        )

    lines.append("events")
    for name, counts in sorted(report.events_by_type.items()):
        row(f"  {name}", counts)
    row("  overall", report.events)
    lines.append("arguments")
    for name, counts in sorted(report.args_by_role.items()):
        row(f"  {name}", counts)
    row("  overall", report.arguments)
    row("entities", report.entities)
    row("claims", report.claims)
    row("  claimant", report.claimants)
    if report.by_frame:
        lines.append(format_frames(report))
    return "\n".join(lines)


def format_frames(report: EvalReport) -> str:
    """Return the per-frame table: items, gold events, events found, recall, spurious events."""
    lines = [f"{'frames':<14}{'items':>7}{'gold':>7}{'found':>7}{'R':>7}{'spur':>6}"]
    for name, frame in sorted(report.by_frame.items()):
        c = frame.counts
        recall = f"{c.recall:>7.3f}" if c.tp + c.fn else f"{'-':>7}"
        lines.append(f"  {name:<12}{frame.items:>7}{c.tp + c.fn:>7}{c.tp:>7}{recall}{c.fp:>6}")
    return "\n".join(lines)


def format_errors(report: EvalReport) -> str:
    """Return each missed and each spurious event with its document, args and evidence."""
    lines = []
    for doc_id, gold in report.missed:
        lines.append(
            f"MISSED   {doc_id} {gold.type} date={gold.date} loc={gold.location} {gold.args}\n"
            f"         | {gold.evidence}"
        )
    for doc_id, event in report.spurious:
        evidence = " … ".join(e.text for e in event.evidence)
        lines.append(
            f"SPURIOUS {doc_id} {event.type} date={event.date} loc={pred_location(event)} "
            f"{event.args} [{event.rule}]\n         | {evidence}"
        )
    return "\n".join(lines)
