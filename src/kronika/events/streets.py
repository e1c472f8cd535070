"""A named street, road, square or market inside a town: the most specific place of an act
told there ("near a checkpoint on Sariab Road in Quetta", "at the Chorsu market in
Tashkent"). The place keeps the town's whereabouts under the street's name.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Span, Token

from ..model import Place
from .addresses import NAME_PARTICLES
from .elsewhere import elsewhere

#: Words for a named stretch or spot of a town.
_KINDS = frozenset("road street avenue boulevard lane square market bazaar highway".split())
#: A name written with a hyphen after its article or kinship word: "Al-Farabi", "Ibn-Sina".
_ONE_NAME = re.compile(rf"(?:{NAME_PARTICLES}|an|at|ben)-", re.IGNORECASE)
#: Two capitalized names joined by a hyphen: the towns a road runs between.
_BETWEEN = re.compile(r"[A-Z]\w+-[A-Z]\w+\s")
#: Prepositions a street is told after: "on Sariab Road", "at the Chorsu market".
_AT = frozenset("on at in near along outside".split())


def street_place(sent: Span, trigger: Token, lo: int, hi: int, town: Place | None) -> Place | None:
    """The named street or market the act at ``trigger`` happened on, as a place within
    ``town`` (its coordinates kept), or None when the sentence names none for it."""
    for tok in sent:
        if tok.lemma_.lower() not in _KINDS or not lo <= tok.idx < hi:
            continue
        if tok.dep_ != "pobj" or tok.head.lower_ not in _AT:
            continue
        words = _named_by(tok)
        if not words:
            continue
        span = sent.doc[words[0].i : tok.i + 1]
        if elsewhere(span, sent, trigger, None):
            continue
        name = span.text
        # "the Kabul-Kandahar highway": a road between two towns (not "Al-Farabi Avenue",
        # nor "the Jalal-Abad road", named after one town)
        between = tok.lemma_.lower() in ("road", "highway") and _BETWEEN.match(name) is not None
        if between and not (_ONE_NAME.match(name) or _a_town(name.split()[0])):
            # the road, unless a town along it is told ("on the Quetta-Karachi highway near
            # Khuzdar": the town is nearer the spot)
            if town is not None and town.name not in name:
                continue
            return Place(name=name, country=town.country if town is not None else None)
        if town is None:
            return Place(name=name)
        if town.name in name:
            return None  # "the Kabul market": named after the town, which says as much
        return replace(town, name=name)
    return None


def _a_town(name: str) -> bool:
    """Whether the gazetteer knows ``name``, hyphen and all, as one place ("Jalal-Abad")."""
    from ..normalize.places import resolve_place

    return resolve_place(name) is not None


def _named_by(kind: Token) -> list[Token]:
    """The capitalized words that name a street before its kind word ("Maka al-Mukarama"
    in "Maka al-Mukarama Road"), or [] for an unnamed one ("the main road")."""
    run = [
        t
        for t in kind.lefts
        if t.dep_ in ("compound", "amod") and t.pos_ == "PROPN" and t.text[:1].isupper()
    ]
    if not run or run[-1].i != kind.i - 1:
        return []
    start = run[0].i
    doc = kind.doc
    # ("the Maiduguri-Damboa road": the towns a road runs between, joined by a hyphen)
    while (
        start >= 2
        and doc[start - 1].text == "-"
        and not doc[start - 2].whitespace_
        and not doc[start - 1].whitespace_
        and doc[start - 2].text[:1].isupper()
    ):
        start -= 2
    return list(doc[start : kind.i])
