"""Verdicts told in Russian: the terms given, the charges, the law articles.

"Суд признал X виновным в организации экстремистского сообщества и приговорил его к 7
годам": charges are read after "в" on "виновным", "обвинение" and the like, after "за"
on the verdict, and from a law article told with what it punishes.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from ..model import ArgValue
from ..normalize.numbers_ru import lemma, parse_terms_ru
from .fillers import FillContext
from .fillers_ru import CLAUSES, case_of, phrase_tokens
from .legal import described_articles, term_bound
from .spec import RoleSpec

#: Words a charge is told after: "виновным в", "по обвинению в", "по делу о".
_CHARGE_HEADS = frozenset(
    {"обвинение", "обвинять", "обвинить", "виновный", "обвиняемый", "подозрение",
     "подозревать", "дело", "признать"}
)  # fmt: skip
#: Nouns after "за" that give a time, not a charge ("за тот же период").
_NOT_CHARGES = frozenset({"период", "время", "год", "месяц", "неделя", "день", "срок"})
_ARTICLE = re.compile(r"(?:стать[яеиюёй]\w*|ст\.)\s+((?:\d+(?:[.-]\d+)?(?:\s*(?:,|и)\s*)?)+)")

_ADDED_PUNISHMENT = re.compile(
    r"\bс\s+(?:последующим\s+)?ограничением\s+свободы\s+(?:на\s+срок\s+)?[^,;.]*", re.I
)


def fill_term(ctx: FillContext, role: RoleSpec) -> ArgValue | None:
    """Prison terms in the sentence: ``term_years``, ``term_min_years``, ``life``."""
    # "..., с ограничением свободы на срок 1 год": a punishment added after the term
    terms = parse_terms_ru(_ADDED_PUNISHMENT.sub("", ctx.sent.text))
    if role.name == "life":
        return True if any(t.life for t in terms) else None
    values = [v for t in terms for v in (t.years, t.min_years) if v is not None]
    return term_bound(role.name, values)


def fill_charges(ctx: FillContext, role: RoleSpec) -> ArgValue | None:
    """Charges: "за попытку госпереворота", "виновным в организации", "по обвинению в"."""
    phrases = described_articles(ctx.sent.text, _DESCRIBED_ARTICLE, _NO_DESCRIPTION)
    for tok in ctx.sent:
        prep = case_of(tok)
        head = tok.head
        by_charge = prep == "в" and (
            head.lemma_ in _CHARGE_HEADS or lemma(head.text) in _CHARGE_HEADS
        )
        by_reason = prep == "за" and head == ctx.trigger and tok.pos_ == "NOUN"
        if not (by_charge or by_reason) or tok.ent_type_ or tok.lemma_ in _NOT_CHARGES:
            continue
        for part in _conjuncts(tok):
            text = _charge_text(part)
            if _ANY_CRIME.match(text):
                continue  # "в совершении преступления, предусмотренного ...": see the article
            if text and text not in phrases:
                phrases.append(text)
    return phrases or None


#: "по ч. 2 ст. 205.5 УК РФ (участие в деятельности террористической организации)": an
#: article told with what it punishes.
_DESCRIBED_ARTICLE = re.compile(
    r"(?:стать[яеиюёй]\w*|ст\.)\s*\d[\d.-]*(?:\s+(?:УК|Уголовного)[^()]{0,40}?)?\s*\(([^()]{8,150})\)"
)
#: What a parenthesis after an article says when it does not say what it punishes.
_NO_DESCRIPTION = re.compile(r"(?:ч\.|част|п\.|пункт|\d|г\.)", re.I)
#: A crime told by no name of its own: "в совершении преступления", "тяжких преступлений".
_ANY_CRIME = re.compile(r"^(?:совершени\w*\s+)?(?:[\w-]+\s+){0,2}преступлени\w*\b", re.I)


def _conjuncts(token: Token) -> list[Token]:
    return [token, *[c for c in token.children if c.dep_ == "conj" and c.pos_ == "NOUN"]]


def _charge_text(token: Token) -> str:
    tokens = [token]
    for child in token.children:
        if child.dep_ in ("conj", "punct", "case", "cc") or child.dep_ in CLAUSES:
            continue
        tokens.extend(phrase_tokens(child))
    lo = min(t.i for t in tokens)
    hi = max(t.i for t in tokens)
    doc = token.doc
    text = doc[lo : hi + 1].text
    if text.count("«") > text.count("»") and hi + 1 < len(doc) and doc[hi + 1].text == "»":
        hi += 1  # "в организации «Хизб ут-Тахрир»": the name's closing quote
    return doc[lo : hi + 1].text.strip(" ,.;\n\t")


def fill_law_articles(ctx: FillContext, role: RoleSpec) -> ArgValue | None:
    """Law article numbers: "по статье 279", "статьи 307 и 310"."""
    found: list[str] = []
    for match in _ARTICLE.finditer(ctx.sent.text):
        found.extend(n for n in re.findall(r"\d+(?:[.-]\d+)?", match.group(1)) if n not in found)
    return found or None
