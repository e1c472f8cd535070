"""Turn a parsed article into entities, events and claims."""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import Article, ArticleResult, Entity, Mention
from ..settings import Settings

_LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "NORP": None}


def extract_article(doc: Doc, article: Article, settings: Settings) -> ArticleResult:
    """Return the entities, events and claims found in ``doc`` (the parse of ``article.text``)."""
    found: dict[tuple[str, str], list[Mention]] = {}
    for ent in doc.ents:
        kind = _LABELS.get(ent.label_)
        if kind is None:
            continue
        mention = Mention(ent.text, ent.start_char, ent.end_char)
        found.setdefault((kind, ent.text), []).append(mention)
    entities = tuple(
        Entity(name=name, type=kind, mentions=tuple(ms)) for (kind, name), ms in found.items()
    )
    return ArticleResult(article=article, entities=entities)
