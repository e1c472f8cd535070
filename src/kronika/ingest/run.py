"""Drive an ingest: inputs → engine → store, with a report of what happened."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING

from ..model import InputResult, RawInput, Skip
from ..registry import resolve
from ..settings import Settings
from .sources import iter_inputs

if TYPE_CHECKING:
    from ..engine.base import Engine
    from ..store.store import Store

#: Called once per input as it is stored, skipped or found unchanged.
ProgressFn = Callable[[str], None]


@dataclass
class IngestReport:
    """What one ingest run did: counts, and every skip with its reason."""

    inputs: int = 0
    stored: int = 0
    unchanged: int = 0
    articles: int = 0
    events: int = 0
    claims: int = 0
    skips: list[Skip] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        """True when any input or article was skipped."""
        return bool(self.skips)

    def summary(self) -> str:
        """One line, e.g. ``"12 inputs: 10 new (...), 1 unchanged, 1 skipped (1 empty file)"``."""
        line = (
            f"{self.inputs:,} inputs: {self.stored:,} new ({self.articles:,} articles, "
            f"{self.events:,} events, {self.claims:,} claims), {self.unchanged:,} unchanged"
        )
        if self.skips:
            reasons = Counter(_reason_kind(s.reason) for s in self.skips)
            detail = "; ".join(f"{n} {why}" for why, n in reasons.most_common())
            line += f", {len(self.skips):,} skipped ({detail})"
        return line

    def as_dict(self) -> dict[str, object]:
        """Return the report as JSON-ready data."""
        return {
            "inputs": self.inputs,
            "stored": self.stored,
            "unchanged": self.unchanged,
            "articles": self.articles,
            "events": self.events,
            "claims": self.claims,
            "skipped": [
                {"source": s.source, "stage": s.stage, "reason": s.reason} for s in self.skips
            ],
        }


def _reason_kind(reason: str) -> str:
    # "line 3: invalid JSON: Expecting value" → "invalid JSON"; "no 'x' column; ..." → first clause
    for part in reason.split(":"):
        part = part.split(";")[0].strip()
        if part and part.split()[0] not in {"line", "row"}:
            return part
    return reason


def make_engine(settings: Settings) -> Engine:
    """Build the engine named by ``settings.engine`` (``local`` or ``ray``)."""
    cls = resolve("engines", settings.engine)
    if settings.engine == "ray":
        # Ray starts and its workers load while this process reads the inputs
        engine: Engine = cls(
            address=settings.ray_address, workers=settings.workers, warm=warm_up, settings=settings
        )
    else:
        engine = cls(workers=settings.workers, warm=warm_up)
    return engine


def run_batch(batch: list[RawInput], settings: Settings) -> list[InputResult]:
    """Run the pipeline over ``batch`` (:func:`kronika.pipeline.process_batch`).

    The pipeline, and spaCy with it, is imported by the process that runs the
    batch: when workers do the parsing, the writing process never loads it and
    the workers start sooner.
    """
    from ..pipeline import process_batch

    return process_batch(batch, settings)


def warm_up(settings: Settings) -> None:
    """Pay a worker's one-time loads before its first batch (:func:`kronika.pipeline.warm_up`)."""
    from ..pipeline import warm_up as warm_pipeline

    warm_pipeline(settings)


def batched(
    items: Iterable[RawInput], size: int, chars: int | None = None
) -> Iterator[list[RawInput]]:
    """Yield lists of at most ``size`` items, each closed once it holds ``chars`` characters.

    Sizing by characters, not only by count, gives workers batches of even
    work (one long report weighs as much as many briefs) and bounds the text
    in flight.
    """
    if chars is None:
        it = iter(items)
        while batch := list(islice(it, max(1, size))):
            yield batch
        return
    current: list[RawInput] = []
    held = 0
    for item in items:
        current.append(item)
        held += len(item.body)
        if len(current) >= size or held >= chars:
            yield current
            current, held = [], 0
    if current:
        yield current


def ingest_paths(
    paths: Sequence[str],
    settings: Settings,
    store: Store,
    *,
    engine: Engine | None = None,
    progress: ProgressFn | None = None,
) -> IngestReport:
    """Read ``paths``, run the pipeline on every input not yet stored, and store the results.

    Each batch's inputs are written in one transaction, so a killed run leaves
    the store consistent and a re-run finishes the job without duplicates.
    Batches close at ``settings.batch_chars`` characters (or ``batch_size``
    inputs), so workers get even shares and memory is bounded by the batch.
    """
    report = IngestReport()
    tick = progress or (lambda _source: None)

    def fresh() -> Iterator[RawInput]:
        for item in iter_inputs(paths, settings):
            if isinstance(item, Skip):
                store.write_skip(item)
                report.skips.append(item)
                tick(item.source)
                continue
            report.inputs += 1
            if store.has_input(item.content_hash):
                report.unchanged += 1
                tick(item.source)
                continue
            yield item

    own_engine = engine is None
    runner = engine if engine is not None else make_engine(settings)
    try:
        batches = batched(fresh(), settings.batch_size, settings.batch_chars)
        for results in runner.run(run_batch, batches, settings):
            # one transaction per batch: a commit per input costs more than its rows
            for result, written in zip(results, store.write_inputs(results), strict=True):
                _record(result, written, report)
                tick(result.raw.source)
    finally:
        if own_engine:
            runner.close()
    from ..resolve.corpus import resolve_corpus  # cross-article merging of what is new

    # always: a run killed after its last write left resolution undone; a no-op when current
    resolve_corpus(store, settings)
    return report


def _record(result: InputResult, written: bool, report: IngestReport) -> None:
    if result.skip is not None:
        report.skips.append(result.skip)
    elif written:
        report.stored += 1
        report.articles += len(result.articles)
        report.events += sum(len(a.events) for a in result.articles)
        report.claims += sum(len(a.claims) for a in result.articles)
    else:
        report.unchanged += 1


#: The CLI's name for :func:`ingest_paths`.
ingest = ingest_paths
