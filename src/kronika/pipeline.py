"""The pipeline: the order of the stages, and nothing else.

``process_batch`` is a top-level, pure function over plain dataclasses, so the
local and Ray engines can ship it to worker processes as it is. Each worker
builds its spaCy pipeline once (``build_nlp`` caches it per process).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from .errors import ArticleSkipped
from .events.routing import analyse_articles
from .ingest.formats import read_document
from .ingest.sources import iter_inputs
from .model import Article, InputResult, RawInput, Skip
from .nlp.build import build_nlp
from .normalize.places import preload
from .settings import Settings
from .text.split import split_document


def prepare(raw: RawInput) -> list[Article]:
    """Read, clean and split one input into its articles (no NLP)."""
    return split_document(read_document(raw))


def process(paths: Sequence[str], settings: Settings) -> Iterator[InputResult | Skip]:
    """Run the pipeline over ``paths`` without storing anything; yield each input's result."""
    batch: list[RawInput] = []
    for item in iter_inputs(paths, settings):
        if isinstance(item, Skip):
            yield item
            continue
        batch.append(item)
        if len(batch) >= settings.batch_size:
            yield from process_batch(batch, settings)
            batch = []
    if batch:
        yield from process_batch(batch, settings)


def warm_up(settings: Settings) -> None:
    """Pay a worker's one-time costs before its first batch: the pipeline and the place index."""
    build_nlp(settings)
    preload()


def process_batch(batch: list[RawInput], settings: Settings) -> list[InputResult]:
    """Run every stage over ``batch``; a skipped input is recorded, never raised."""
    prepared: list[tuple[RawInput, list[Article] | Skip]] = []
    for raw in batch:
        try:
            prepared.append((raw, prepare(raw)))
        except ArticleSkipped as skip:
            prepared.append((raw, _skip(raw, skip)))
    articles = [a for _, arts in prepared if isinstance(arts, list) for a in arts]
    found = analyse_articles(articles, settings)
    analysed = {id(a): result for a, result in zip(articles, found, strict=True)}
    results = []
    for raw, arts in prepared:
        if isinstance(arts, Skip):
            results.append(InputResult(raw=raw, skip=arts))
        else:
            results.append(InputResult(raw=raw, articles=tuple(analysed[id(a)] for a in arts)))
    return results


def _skip(raw: RawInput, err: ArticleSkipped) -> Skip:
    return Skip(
        source=raw.source,
        stage=err.stage,
        reason=err.reason,
        external_id=raw.external_id,
        input_hash=raw.content_hash,
    )
