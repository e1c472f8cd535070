"""Per-doc views that extraction reads many times, each built once and kept in ``Doc.user_data``.

Also the registered-normalizer lookup and the blank-line block of a trigger.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Callable
from functools import cache
from typing import Any

from spacy.tokens import Doc, Span, Token

from .. import registry

logger = logging.getLogger(__name__)


def doc_text(doc: Doc) -> str:
    """The doc's text, built once: ``Doc.text`` joins every token on each access."""
    text = doc.user_data.get("kronika.text")
    if not isinstance(text, str):
        text = doc.user_data["kronika.text"] = doc.text
    return text


def as_written(words: list[Token]) -> str:
    """The words (in text order) joined as the text writes them: words written together
    stay together ("al-Shabaab", "Kyrgyzstan's"), a gap left by words taken out is a space."""
    return "".join(
        t.text + (t.whitespace_ if i + 1 < len(words) and words[i + 1].i == t.i + 1 else " ")
        for i, t in enumerate(words)
    ).strip()


def sent_of(token: Token) -> Span:
    """The sentence of ``token``, from an index built once per doc (``Token.sent`` scans)."""
    doc = token.doc
    index = doc.user_data.get("kronika.sent_index")
    if not isinstance(index, list):
        sents = _glued(list(doc.sents))
        index = [0] * len(doc)
        for n, sent in enumerate(sents):
            index[sent.start : sent.end] = [n] * (sent.end - sent.start)
        doc.user_data["kronika.sents"] = sents
        doc.user_data["kronika.sent_index"] = index
    sents_list: list[Span] = doc.user_data["kronika.sents"]
    position: int = index[token.i]
    return sents_list[position]


#: Tokens no sentence opens with, whatever the parser says.
_NEVER_FIRST = frozenset({",", ";", ")", "]"})


def _glued(sents: list[Span]) -> list[Span]:
    """The parser's sentences, one that opens on a comma or a closing bracket told with the
    one before it ("- Late on Sunday (12 May), unidentified gunmen shot dead ...")."""
    out: list[Span] = []
    for sent in sents:
        if out and sent[0].text in _NEVER_FIRST and "\n" not in out[-1].text:
            out[-1] = sent.doc[out[-1].start : sent.end]
        else:
            out.append(sent)
    return out


def sent_number(sent: Span) -> int:
    """The position of ``sent`` in :func:`doc_sents`, from the index built once per doc."""
    sent_of(sent[0])
    index: list[int] = sent.doc.user_data["kronika.sent_index"]
    return index[sent.start]


def doc_sents(doc: Doc) -> list[Span]:
    """The doc's sentences, found once."""
    if doc and "kronika.sents" not in doc.user_data:
        sent_of(doc[0])
    sents: list[Span] = doc.user_data.get("kronika.sents", [])
    return sents


def doc_ents(doc: Doc) -> list[Span]:
    """The doc's entities, built once (``Doc.ents`` makes new spans on each access)."""
    ents = doc.user_data.get("kronika.ents")
    if not isinstance(ents, list):
        ents = doc.user_data["kronika.ents"] = list(doc.ents)
    return ents


def sent_ents(sent: Span) -> list[Span]:
    """The entities inside ``sent`` (found by bisection: long articles have thousands)."""
    ents = doc_ents(sent.doc)
    starts = sent.doc.user_data.get("kronika.ent_starts")
    if not isinstance(starts, list) or len(starts) != len(ents):
        starts = sent.doc.user_data["kronika.ent_starts"] = [e.start for e in ents]
    lo = bisect.bisect_left(starts, sent.start)
    hi = bisect.bisect_left(starts, sent.end)
    return [e for e in ents[lo:hi] if e.end <= sent.end]


def doc_chunks(doc: Doc) -> list[Span]:
    """The doc's noun chunks, found once (``Span.noun_chunks`` walks the whole doc each time)."""
    chunks = doc.user_data.get("kronika.chunks")
    if not isinstance(chunks, list):
        chunks = doc.user_data["kronika.chunks"] = list(doc.noun_chunks)
    return chunks


def sent_chunks(sent: Span) -> list[Span]:
    """The noun chunks of one sentence, found once per sentence and only when asked for.

    The language's chunk iterator works on a span and gives doc-relative offsets, so
    sentences no event needs are never walked.
    """
    doc = sent.doc
    cache_: dict[int, list[Span]] = doc.user_data.setdefault("kronika.sent_chunks", {})
    chunks = cache_.get(sent.start)
    if chunks is None:
        iterator = getattr(doc, "noun_chunks_iterator", None)
        if iterator is None:
            chunks = [c for c in doc_chunks(doc) if sent.start <= c.start and c.end <= sent.end]
        else:
            chunks = [Span(doc, start, end, label=label) for start, end, label in iterator(sent)]
        cache_[sent.start] = chunks
    return chunks


@cache
def normalizer(name: str) -> Callable[..., Any] | None:
    """Return the registered normalizer ``name``, or None while its module is not installed."""
    try:
        return registry.resolve("normalizers", name)
    except (ImportError, AttributeError) as err:
        # extraction must go on without one normalizer; the gap is logged once
        logger.warning("normalizer %s unavailable: %s", name, err)
        return None


def block(sent: Span, trigger: Token) -> tuple[int, int]:
    """Char bounds of the trigger's part of the sentence, cut at blank lines.

    A title run into the first paragraph makes one "sentence" of both; dates and
    places across the blank line belong to the other part.
    """
    text = doc_text(sent.doc)
    lo = text.rfind("\n\n", sent.start_char, trigger.idx)
    hi = text.find("\n\n", trigger.idx, sent.end_char)
    return (lo + 2 if lo >= 0 else sent.start_char, hi if hi >= 0 else sent.end_char)


#: A four-digit year as news writes one: 1800-2099.
YEAR = re.compile(r"(?:1[89]|20)\d\d")


#: A dateline opening an article: "DUSHANBE --", "Ouagadougou, (AFP)", "BEIRUT (Reuters) -",
#: after a wire's flag when it has one ("FLASH — KYZYLORDA, April 16 (Wire) —").
_DATELINE = re.compile(
    r"(?:(?:FLASH|BREAKING|URGENT|UPDATED?|EXCLUSIVE|CORRECTED|ALERT|BULLETIN)\s*[:–—-]+\s*)?"
    # (a bracket with a dash or the story after it: "(AFP) -", "(Reuters) Gunmen ..."; not
    # "X, 1987 г. р., уроженец Андижана (Узбекистан), с 2008 года ...")
    r"[^\n:(]{0,60}?(?:\([^)\n]{0,80}\)(?:\s*[:–—-]|\s+(?=[A-ZА-ЯЁ])|\s*$)|--|—|–| - )"
    r"|[A-Z][A-Z.' -]{2,40}:(?=\s)"  # "PESHAWAR: Police arrested ..."
)


def dateline_end(sent: Span) -> int | None:
    """Where the dateline opening the article's body ends ("BEIRUT, May 3 (Reuters) -"),
    when ``sent`` opens with one; else None."""
    text = doc_text(sent.doc)
    prefix = _DATELINE.match(text, sent.start_char)
    if prefix is None:
        return None
    before = text[: sent.start_char]
    # the first paragraph, under at most a title line and a byline
    opens_body = before.strip() == "" or (
        before.endswith("\n") and len([ln for ln in before.splitlines() if ln.strip()]) <= 2
    )
    return prefix.end() if opens_body else None


def dateline_town(doc: Doc) -> str | None:
    """The town the article's dateline names ("KHOROG, Tajikistan, July 15 (AP) -"), as
    written, or None when no sentence near the top opens with a dateline."""
    for sent in doc_sents(doc)[:4]:
        end = dateline_end(sent)
        if end is None:
            continue
        head = doc_text(doc)[sent.start_char : end]
        town = re.split(r"[,(]|\s[-–—]|--|\s\d", head, maxsplit=1)[0].strip(" :-–—")
        return town if town[:1].isupper() and len(town.split()) <= 3 else None
    return None


def in_dateline(sent: Span, start: int, end: int) -> bool:
    """Whether chars ``start:end`` of ``sent`` name the place or outlet of the dateline
    opening the article ("BEIRUT (Reuters) -"), not a party to what it tells."""
    prefix_end = dateline_end(sent)
    if prefix_end is None or end > prefix_end:
        return False
    # the city opening it, or any name inside its brackets ("(UrduPoint / Pakistan Point News)")
    text = doc_text(sent.doc)
    return start - sent.start_char < 5 or "(" in text[sent.start_char : start]
