"""The pipeline: the order of the stages, and nothing else.

``process_batch`` is a top-level, pure function over plain dataclasses, so the
local and Ray engines can ship it to worker processes as it is. Each worker
builds its spaCy pipeline once (``build_nlp`` caches it per process).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING

from .errors import ArticleSkipped, InputError
from .events.extract import extract_article
from .events.routing import finish, parse_russian
from .ingest.formats import read_document
from .ingest.sources import iter_inputs
from .model import Article, ArticleResult, InputResult, RawInput, Skip
from .nlp.build import build_nlp
from .nlp.language import pipeline_language
from .settings import Settings
from .text.chunks import join_results, split_text
from .text.split import split_document

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

logger = logging.getLogger(__name__)

#: Longest text parsed as one Doc; a longer article is parsed in pieces, so the
#: parser's memory is bounded by this, not by the largest input.
PIECE_CHARS = 100_000
#: Characters handed to the parser at once (its memory grows with the texts in flight).
PARSE_CHARS = 200_000


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
    """Pay a worker's one-time cost before its first batch: building the pipeline.

    The fallback place index is not loaded here: it is cached on disk and loads
    in about 0.1 s at the first place the gazetteer does not know.
    """
    build_nlp(settings)


def process_batch(batch: list[RawInput], settings: Settings) -> list[InputResult]:
    """Run every stage over ``batch``; an input that fails is recorded as skipped, never raised."""
    nlp = build_nlp(settings)
    prepared = [(raw, _prepare(raw)) for raw in batch]
    articles = [a for _, arts in prepared if isinstance(arts, list) for a in arts]
    analysed = analyse(nlp, articles, settings)
    return [_result(raw, arts, analysed) for raw, arts in prepared]


def analyse(
    nlp: Language, articles: list[Article], settings: Settings, limit: int = PIECE_CHARS
) -> dict[int, ArticleResult | ArticleSkipped]:
    """Parse and extract ``articles``; return each one's result (or why it failed) by ``id``.

    An article longer than ``limit`` (or the parser's ``max_length``) is parsed
    in pieces cut at paragraph boundaries, and the pieces' spans are moved back
    to the article's offsets.
    """
    limit = min(limit, nlp.max_length)
    pieces = [
        (a, off, replace(a, text=t)) for a in articles for off, t in split_text(a.text, limit)
    ]
    parts: dict[int, list[tuple[int, ArticleResult]]] = defaultdict(list)
    failed: dict[int, ArticleSkipped] = {}
    texts = [(pipeline_language(piece.language), piece.text) for _, _, piece in pieces]
    docs = _parse(nlp, texts, settings)
    for (article, offset, piece), doc in zip(pieces, docs, strict=True):
        if id(article) in failed:
            continue
        if isinstance(doc, Exception):
            failed[id(article)] = _internal("nlp", article, doc)
            continue
        try:
            result = finish(extract_article(doc, piece, settings), doc, settings)
            parts[id(article)].append((offset, result))
        except Exception as err:  # a bug on one article must not cost the others their results
            failed[id(article)] = _internal("extract", article, err)
    analysed: dict[int, ArticleResult | ArticleSkipped] = dict(failed)
    for article in articles:
        if id(article) not in failed:
            found = parts[id(article)]
            one = len(found) == 1 and found[0][0] == 0
            analysed[id(article)] = found[0][1] if one else join_results(article, found)
    return analysed


def _parse(
    nlp: Language, texts: list[tuple[str, str]], settings: Settings
) -> Iterator[Doc | Exception]:
    """Yield the parse of each (language, text), in order, or the exception parsing it raised.

    Texts go to the parser in groups of about :data:`PARSE_CHARS` characters, so
    only that much is parsed and held at once, however long an input is. English
    goes to spaCy; Russian to natasha, loaded only when a Russian text comes.
    """
    parse_ru = partial(parse_russian, settings=settings)
    for group in _groups(texts, PARSE_CHARS):
        english = iter(_parse_english(nlp, [t for lang, t in group if lang == "en"]))
        russian = [t for lang, t in group if lang == "ru"]
        parsed_ru = iter(_parse_each(parse_ru, russian)) if russian else iter(())
        for lang, _ in group:
            yield next(english) if lang == "en" else next(parsed_ru)


def _parse_english(nlp: Language, group: list[str]) -> Iterator[Doc | Exception]:
    done = 0
    try:
        for doc in nlp.pipe(group, batch_size=max(1, len(group))):
            yield doc
            done += 1
    except Exception:  # one text broke the group: parse the rest one by one to isolate it
        for text in group[done:]:
            try:
                yield nlp(text)
            except Exception as err:
                yield err


def _parse_each(
    parse: Callable[[list[str]], list[Doc]], texts: list[str]
) -> Iterator[Doc | Exception]:
    try:
        yield from parse(texts)
    except Exception:  # isolate the text that broke the group
        for text in texts:
            try:
                yield parse([text])[0]
            except Exception as err:
                yield err


def _groups(texts: list[tuple[str, str]], budget: int) -> Iterator[list[tuple[str, str]]]:
    group: list[tuple[str, str]] = []
    size = 0
    for item in texts:
        if group and size + len(item[1]) > budget:
            yield group
            group, size = [], 0
        group.append(item)
        size += len(item[1])
    if group:
        yield group


def _internal(stage: str, article: Article, err: Exception) -> ArticleSkipped:
    logger.debug("%s failed on %s part %d", stage, article.source, article.part, exc_info=err)
    return ArticleSkipped(stage, f"internal error: {type(err).__name__}: {err}"[:300])


def _prepare(raw: RawInput) -> list[Article] | Skip:
    try:
        return prepare(raw)
    except ArticleSkipped as skip:
        return _skip(raw, skip)
    except InputError as err:  # e.g. no reader for the format
        return _skip(raw, ArticleSkipped("read", err.reason))
    except Exception as err:  # a reader's bug on one page must not end the run for the others
        logger.debug("reading %s failed", raw.source, exc_info=err)
        return _skip(raw, ArticleSkipped("read", f"internal error: {type(err).__name__}: {err}"))


def _result(
    raw: RawInput,
    arts: list[Article] | Skip,
    analysed: dict[int, ArticleResult | ArticleSkipped],
) -> InputResult:
    if isinstance(arts, Skip):
        return InputResult(raw=raw, skip=arts)
    found: list[ArticleResult] = []
    for article in arts:
        one = analysed[id(article)]
        if isinstance(one, ArticleSkipped):  # one failed article: the input is named as skipped
            return InputResult(raw=raw, skip=_skip(raw, one))
        found.append(one)
    return InputResult(raw=raw, articles=tuple(found))


def _skip(raw: RawInput, err: ArticleSkipped) -> Skip:
    return Skip(
        source=raw.source,
        stage=err.stage,
        reason=err.reason,
        external_id=raw.external_id,
        input_hash=raw.content_hash,
    )
