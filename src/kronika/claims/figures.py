"""Figures someone asserts: quantity, what is counted, and the claimant.

A figure is a cardinal number (or a percentage) counting people, casualties,
members or the like (``counted_nouns`` in ``data/lexicons/claims.yaml``) that
is not already an argument of an event told in the same sentence. The
claimant is the subject of a claim verb in the sentence ("the Interior
Ministry told", "experts estimate", "according to Dushanbe"), or None when
the article gives the figure as fact. Ranges take their upper bound.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from ..events.spans import doc_ents, doc_sents, doc_text, normalizer
from ..model import Claim, Event, Evidence
from ..resolve.mentions import MentionIndex, clean_name
from .stance import lexicon

_SKIP_ENTS = frozenset({"DATE", "TIME", "MONEY", "ORDINAL", "QUANTITY"})


def find_claims(doc: Doc, mentions: MentionIndex, events: Iterable[Event]) -> list[Claim]:
    """Return the figures asserted in ``doc`` that are not event arguments."""
    parse = normalizer("kronika.number.v1")
    if parse is None:
        return []
    cues = lexicon("claims")
    verbs, nouns = set(cues["claim_verbs"]), {n.lower() for n in cues["counted_nouns"]}
    used: list[tuple[int, int, set[float]]] = []
    for event in events:
        values = {
            float(v)
            for k, v in event.args.items()
            if k in ("count", "killed", "wounded")
            and isinstance(v, int | float)
            and not isinstance(v, bool)
        }
        used.extend((ev.start, ev.end, values) for ev in event.evidence)
    claims = []
    for sent in doc_sents(doc):
        taken = {
            v
            for start, end, values in used
            if start < sent.end_char and sent.start_char < end
            for v in values
        }
        for number in _numbers(sent):
            # a title restates the body; "17 killed, including 15 militants": parts of a total
            if _in_title(number) or any(a.lower_ == "including" for a in number.ancestors):
                continue
            noun = _counted(number)
            # "ten of the party leaders" counts a part of a known group: still a figure
            # "ten of the party leaders" counts part of a known group: still a figure;
            # "three of the four men" recounts people the story already counted
            partitive = noun is not None and number.dep_ != "nummod" and noun.head.lower_ == "of"
            if noun is None or not _countable(noun, nouns):
                continue
            if _anaphoric(noun) and (not partitive or noun.lemma_ in _PEOPLE):
                continue
            if taken and _casualty_object(noun):
                continue  # a part of an event's toll ("killed five civilians and three police")
            quantity = _quantity(number, parse)
            if quantity is None or quantity in taken or quantity < 2 and noun.tag_ != "NNS":
                continue
            about = _about(noun, number)
            if not about.strip():
                continue
            claims.append(
                Claim(
                    quantity=quantity,
                    about=about,
                    evidence=(Evidence(sent.text, sent.start_char, sent.end_char),),
                    claimant=_claimant(sent, verbs, mentions),
                )
            )
    return claims


_PEOPLE = frozenset({"man", "men", "people", "person", "woman", "women"})


def _casualty_object(noun: Token) -> bool:
    """Whether ``noun`` (or the list it belongs to) is what a kill/wound verb acted on."""
    token = noun
    while token.dep_ == "conj":
        token = token.head
    return token.head.lemma_ in ("kill", "wound", "injure", "shoot") and token.dep_ in (
        "dobj",
        "nsubjpass",
    )


def _countable(noun: Token, nouns: set[str]) -> bool:
    """A noun whose count is a figure worth keeping: people, deaths, members, mosques ..."""
    if noun.lower_ == "them":
        return True  # "300 of them were killed": what they are is said before
    return noun.lemma_.lower() in nouns or noun.lower_ in nouns


def _anaphoric(noun: Token) -> bool:
    """ "the men", "those convicts", "Qosimov's students": people counted before, not a figure."""
    return any(
        (c.dep_ == "det" and c.lower_ in ("the", "those", "these")) or c.dep_ == "poss"
        for c in noun.children
    )


def _in_title(token: Token) -> bool:
    """Whether ``token`` sits on a line without closing punctuation (a title or dateline)."""
    text = doc_text(token.doc)
    start = text.rfind("\n", 0, token.idx) + 1
    end = text.find("\n", token.idx)
    line = text[start : end if end >= 0 else len(text)].rstrip()
    return bool(line) and line[-1] not in ".!?\"”'"


def _numbers(sent: Span) -> list[Token]:
    return [
        t
        for t in sent
        if t.like_num
        and t.ent_type_ not in _SKIP_ENTS
        and not (t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ in ("year", "years", "-year"))
        and t.dep_ != "quantmod"
    ]


def _counted(number: Token) -> Token | None:
    """The noun a number counts: its head ("1,141 nationals") or "of" object ("60% of them")."""
    head = number.head
    if head.lower_ in ("%", "percent"):
        # "60% of all fighters": the percentage counts the "of" object
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                return next((c for c in child.children if c.dep_ == "pobj"), None)
        if head.head.pos_ in ("NOUN", "PROPN") and head.dep_ != "pobj":
            return head.head
        return None
    if number.dep_ == "nummod":
        return number.head
    for child in number.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _quantity(number: Token, parse: object) -> float | None:
    values = [number] + [
        c for c in number.children if c.like_num and c.dep_ in ("quantmod", "compound")
    ]
    best: float | None = None
    for tok in values:
        text = re.sub(
            r"^([\d.,]+)(m|bn)$",
            lambda m: m.group(1) + (" million" if m.group(2) == "m" else " billion"),
            tok.text,
        )
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if nxt is not None and nxt.lower_ in ("million", "thousand", "m"):
            text = f"{text} {nxt.text}"
        for part in text.replace("–", "-").split("-"):
            value = parse(part) if callable(parse) else None
            if isinstance(value, int | float) and (best is None or value > best):
                best = float(value)
    return best


def _about(noun: Token, number: Token) -> str:
    words = [
        t
        for t in noun.subtree
        if t.dep_ not in ("relcl",) and t != number and t.dep_ != "quantmod" and not t.is_punct
    ]
    head = noun.head if noun.dep_ in ("nsubj", "nsubjpass") else None
    text = " ".join(t.text for t in sorted(words, key=lambda t: t.i)[:12])
    if head is not None and head.pos_ == "VERB":
        rest = [t for t in head.subtree if t.i > head.i and t.dep_ not in ("punct", "cc")][:8]
        text = f"{text} {head.text} {' '.join(t.text for t in rest)}".strip()
    return text


def _claimant(sent: Span, verbs: set[str], mentions: MentionIndex) -> str | None:
    for tok in sent:
        if (
            tok.lower_ == "according"
            and tok.i + 2 < len(tok.doc)
            and tok.doc[tok.i + 1].lower_ == "to"
        ):
            obj = next((c for c in tok.doc[tok.i + 1].children if c.dep_ == "pobj"), None)
            if obj is not None:
                return _phrase(obj, mentions)
        if tok.lemma_ in verbs and tok.pos_ == "VERB":
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.pos_ != "PRON":
                return _phrase(subj, mentions)
    return None


def _phrase(token: Token, mentions: MentionIndex) -> str:
    if token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        for ent in doc_ents(token.doc):
            if ent.start <= token.i < ent.end:
                return mentions.name_at(ent.start_char) or clean_name(ent.text)
    words = [t for t in token.subtree if t.dep_ not in ("det", "punct", "relcl")]
    return clean_name(" ".join(t.text for t in words))
