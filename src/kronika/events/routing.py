"""Parse each article with its language's pipeline, then extract its events.

English goes through spaCy (:func:`kronika.nlp.build.build_nlp`), Russian through
natasha (:mod:`kronika.nlp.russian`, loaded on the first Russian article); both give
spaCy Docs, so one extractor serves both. A Russian article's names are then put in
the nominative, with the forms the text uses kept as aliases.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from ..model import Article, ArticleResult
from ..nlp.build import build_nlp
from ..nlp.language import pipeline_language
from ..resolve.nominative import in_nominative
from ..settings import Settings
from .extract import extract_article


def parse_articles(articles: Sequence[Article], settings: Settings) -> list[Doc]:
    """One Doc per article, in order, each parsed by its language's pipeline."""
    languages = [pipeline_language(a.language) for a in articles]
    english = [a.text for a, lang in zip(articles, languages, strict=True) if lang == "en"]
    parsed_en = iter(build_nlp(settings).pipe(english)) if english else iter(())
    russian = [a.text for a, lang in zip(articles, languages, strict=True) if lang == "ru"]
    parsed_ru = iter(_parse_russian(russian)) if russian else iter(())
    return [next(parsed_en) if lang == "en" else next(parsed_ru) for lang in languages]


def _parse_russian(texts: list[str]) -> list[Doc]:
    from ..nlp.russian import parse_russian  # natasha loads only when a Russian article comes

    return list(parse_russian(texts))


def analyse_articles(articles: Sequence[Article], settings: Settings) -> list[ArticleResult]:
    """Entities, events and claims of each article, in order."""
    results = []
    for article, doc in zip(articles, parse_articles(articles, settings), strict=True):
        result = extract_article(doc, article, settings)
        if doc.lang_ != "en":
            from ..nlp.russian import NORMAL_FORMS

            result = in_nominative(result, doc.user_data.get(NORMAL_FORMS) or {})
        results.append(result)
    return results
