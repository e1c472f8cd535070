"""Measure event merging on an evaluation set: pairwise precision and recall.

The evaluation set's articles are ingested into a fresh store (as ``kronika
evaluate`` reads them: the gold's ``published`` and ``url`` as metadata), the
corpus is resolved, and each stored event is matched to a gold event of its
document (the evaluation's matching rule). A pair of gold events from two
documents is *the same real-world event* when

* they have one type, agree on the date at the precision both give, and share
  a core participant (FORMAT.md's bold argument) after alias resolution; or
* they name no core participant, happened in the same place and month, or in
  the same place and year with a shared named participant (a perpetrator, a
  target who is one person).

A predicted pair is *merged* when its two events ended up in one cluster.
Precision is over merged pairs whose events both match gold events; recall is
over gold pairs whose events were both extracted (``recall_extracted``) and
over all gold pairs (``recall_end_to_end``).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from sqlalchemy import select

from ..evaluate.gold import GoldDoc, GoldEvent, gold_input, read_gold
from ..evaluate.match import CORE_ROLES, NameIndex, match_events
from ..model import ArgValue, InputResult
from ..settings import Settings
from ..store.schema import articles, event_clusters, event_sources, events
from ..store.store import Store, open_store
from ..store.write import fingerprint
from .aliases import load_aliases
from .corpus import resolve_corpus
from .merging import date_precision
from .names import compare_names

#: A gold event by (document, index in the document's list).
GoldKey = tuple[str, int]
#: Inputs sent to the pipeline at once.
_BATCH = 8


@dataclass(slots=True)
class MergeReport:
    """Pair counts of event merging against the gold, with the pairs themselves."""

    tp: int = 0
    fp: int = 0
    fn_extracted: int = 0
    gold_pairs: int = 0
    unjudged: int = 0
    correct: list[tuple[GoldKey, GoldKey]] = field(default_factory=list)
    false_merges: list[tuple[GoldKey, GoldKey]] = field(default_factory=list)
    missed: list[tuple[GoldKey, GoldKey]] = field(default_factory=list)
    unextracted: list[tuple[GoldKey, GoldKey]] = field(default_factory=list)
    unjudged_pairs: list[tuple[int, int]] = field(default_factory=list)
    labels: dict[int, str] = field(default_factory=dict)

    @property
    def precision(self) -> float:
        """Merged pairs that are one gold event / merged pairs (1.0 when none merged)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall_extracted(self) -> float:
        """Merged gold pairs / gold pairs whose two events were both extracted."""
        return self.tp / (self.tp + self.fn_extracted) if self.tp + self.fn_extracted else 1.0

    @property
    def recall_end_to_end(self) -> float:
        """Merged gold pairs / all gold pairs (missed extraction counts as a missed merge)."""
        return self.tp / self.gold_pairs if self.gold_pairs else 1.0

    def as_dict(self) -> dict[str, Any]:
        """Return the figures as JSON-ready data."""
        return {
            "precision": round(self.precision, 4),
            "recall_extracted": round(self.recall_extracted, 4),
            "recall_end_to_end": round(self.recall_end_to_end, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn_extracted": self.fn_extracted,
            "gold_pairs": self.gold_pairs,
            "unjudged_merges": self.unjudged,
        }


def _names(value: ArgValue | None) -> list[str]:
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return [value] if isinstance(value, str) else []


def _entity_type(doc: GoldDoc, name: str) -> str:
    folded = name.casefold()
    for ent in doc.entities:
        if folded in {f.casefold() for f in (ent.name, *ent.aliases)}:
            return ent.type
    return "PERSON"


def gold_same(
    a: tuple[GoldDoc, GoldEvent], b: tuple[GoldDoc, GoldEvent], same: Callable[..., bool]
) -> bool:
    """Decide whether two gold events of different documents are one real-world event."""
    (doc_a, ev_a), (_, ev_b) = a, b
    if ev_a.type != ev_b.type:
        return False
    precision = date_precision(ev_a.date, ev_b.date)
    if precision is None:
        return False
    core = CORE_ROLES.get(ev_a.type)
    core_a, core_b = _names(ev_a.args.get(core or "")), _names(ev_b.args.get(core or ""))
    if core_a and core_b:
        return any(same(x, y, _entity_type(doc_a, x)) for x in core_a for y in core_b)
    if not (ev_a.location and ev_b.location) or precision == "unknown":
        return False
    if not same(ev_a.location, ev_b.location, "LOC"):
        return False
    if precision in ("day", "month"):
        return True
    named_a = [n for r in ("perpetrator", "target") for n in _names(ev_a.args.get(r))]
    named_b = [n for r in ("perpetrator", "target") for n in _names(ev_b.args.get(r))]
    return any(
        same(x, y, _entity_type(doc_a, x)) or same(x, y, "PERSON") for x in named_a for y in named_b
    )


def _ingest(docs: list[GoldDoc], settings: Settings, store: Store) -> list[InputResult]:
    from ..pipeline import process_batch  # loads spaCy: only when really measuring

    results: list[InputResult] = []
    for start in range(0, len(docs), _BATCH):
        batch = [gold_input(d) for d in docs[start : start + _BATCH]]
        for result in process_batch(batch, settings):
            store.write_input(result)
            results.append(result)
    return results


def _stored_ids(store: Store) -> tuple[dict[str, int], dict[int, int], dict[int, str]]:
    """Return event fingerprint → id, event → cluster, and a one-line label of each event."""
    with store.engine.connect() as conn:
        rows = conn.execute(select(events)).all()
        clusters = {r.event_id: r.cluster_id for r in conn.execute(select(event_clusters))}
        docs = {
            r.event_id: r.external_id
            for r in conn.execute(
                select(event_sources.c.event_id, articles.c.external_id).join(
                    articles, articles.c.id == event_sources.c.article_id
                )
            )
        }
    labels = {
        r.id: f"{docs.get(r.id)} {r.type} {r.date} {(r.location or {}).get('name')} {r.args}"[:110]
        for r in rows
    }
    return {r.fingerprint: r.id for r in rows}, clusters, labels


def measure_merging(path: str | Path, settings: Settings) -> MergeReport:
    """Ingest the evaluation set in ``path`` into a fresh store, resolve it, score the merges."""
    docs = read_gold(path)
    with tempfile.TemporaryDirectory() as tmp, open_store(str(Path(tmp) / "merge.db")) as store:
        results = _ingest(docs, settings, store)
        resolve_corpus(store, settings, force=True)
        by_print, clusters, labels = _stored_ids(store)
    matched: dict[int, GoldKey] = {}  # stored event id → the gold event it matches
    for doc, result in zip(docs, results, strict=True):
        predicted = [(a, e) for a in result.articles for e in a.events]
        entities = [e for a in result.articles for e in a.entities]
        matching = match_events(
            doc.events, [e for _, e in predicted], NameIndex(doc.entities, entities)
        )
        for gold_event, event in matching.pairs:
            article = next(a for a, e in predicted if e is event)
            origin = (result.raw.content_hash, article.article.part)
            spans = [[s.start, s.end] for s in event.evidence]
            stored = by_print.get(fingerprint(*origin, event.type, spans, event.args))
            index = next(i for i, g in enumerate(doc.events) if g is gold_event)
            if stored is not None:
                matched[stored] = (doc.doc_id, index)
    report = score_merges(docs, matched, clusters, settings)
    report.labels = {e: labels[e] for pair in report.unjudged_pairs for e in pair}
    return report


def score_merges(
    docs: list[GoldDoc], matched: dict[int, GoldKey], clusters: dict[int, int], settings: Settings
) -> MergeReport:
    """Count merged / same pairs given event → gold matches and event → cluster."""
    canonical = load_aliases(settings).canonical

    def same(x: str, y: str, type: str) -> bool:
        return compare_names(x, y, type, canonical).same

    by_id = {d.doc_id: d for d in docs}
    report = MergeReport()
    gold_keys = [(d.doc_id, i) for d in docs for i in range(len(d.events))]
    truth: set[tuple[GoldKey, GoldKey]] = set()
    for ka, kb in combinations(gold_keys, 2):
        if ka[0] == kb[0]:
            continue
        da, db = by_id[ka[0]], by_id[kb[0]]
        if gold_same((da, da.events[ka[1]]), (db, db.events[kb[1]]), same):
            truth.add((min(ka, kb), max(ka, kb)))
    report.gold_pairs = len(truth)
    extracted = set(matched.values())
    merged: set[tuple[GoldKey, GoldKey]] = set()
    members: dict[int, list[int]] = {}
    for event, cluster in clusters.items():
        members.setdefault(cluster, []).append(event)
    for group in members.values():
        for ea, eb in combinations(sorted(group), 2):
            ga, gb = matched.get(ea), matched.get(eb)
            if ga is None or gb is None:
                report.unjudged += 1
                report.unjudged_pairs.append((ea, eb))
                continue
            pair = (min(ga, gb), max(ga, gb))
            merged.add(pair)
    for pair in sorted(merged):
        if pair in truth:
            report.tp += 1
            report.correct.append(pair)
        else:
            report.fp += 1
            report.false_merges.append(pair)
    for pair in sorted(truth - merged):
        if pair[0] in extracted and pair[1] in extracted:
            report.fn_extracted += 1
            report.missed.append(pair)
        else:
            report.unextracted.append(pair)
    return report


def describe_pair(docs: list[GoldDoc], pair: tuple[GoldKey, GoldKey]) -> str:
    """Return one line naming the two gold events of ``pair``."""
    by_id = {d.doc_id: d for d in docs}
    parts = []
    for doc_id, index in pair:
        ev = by_id[doc_id].events[index]
        parts.append(f"{doc_id} {ev.type} {ev.date} {ev.location} {ev.args}"[:110])
    return "  ~  ".join(parts)
