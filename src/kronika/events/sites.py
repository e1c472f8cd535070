"""The town a site of custody or a base is named after ("broke out of Tarin Kot prison",
"the Bagram air base"), or the town told right after it ("Petobo prison in Palu").

``placing.event_place`` tries these after a settlement or an address the sentence names.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from spacy.tokens import Token

from ..model import Place
from .addresses import is_state
from .agencies import country_of_word
from .unnamed_places import SITES, cached_place

#: Words a site's name may begin with that tell its kind, not its town: "Detention Centre
#: No. 3", "the Central Prison", "Correctional Colony No. 47".
_KINDS_OF_SITE = frozenset(
    "detention correctional corrective penal remand pretrial trial investigative isolation "
    "central main city regional district national military juvenile women maximum security "
    "high strict regime labour labor reformatory temporary".split()
)


def named_site(trigger: Token, lo: int, hi: int, own: bool = False) -> Place | None:
    """The town a site is named after: "broke out of Tarin Kot prison", "the Bagram air base".

    The model often takes a one-word town before a site for a person ("the
    Sunjuwan army camp"); a longer run tagged so is a person's name. With ``own``, only
    a site of custody the act itself is told from, in or at ("freed from Jaslyk prison").
    """
    found = _site(trigger, lo, hi, own)
    return Place(name=found[1]) if found is not None else None


def own_site_place(trigger: Token, lo: int, hi: int, resolve: Callable[..., Any]) -> Place | None:
    """Where an act told from a site of custody was: the town told right after the site
    ("escaped from Petobo prison in Palu"; not a region: "Jaslyk prison in Karakalpakstan"),
    else the town the site is named after ("freed from Jaslyk prison")."""
    found = _site(trigger, lo, hi, own=True)
    if found is None:
        return None
    site, name = found
    doc = trigger.doc
    after = site.i + 2
    if after < len(doc) and doc[site.i + 1].lower_ == "in" and doc[after].idx < hi:
        town = doc[after]
        place: Place | None = cached_place(resolve, town.text) if town.pos_ == "PROPN" else None
        if place is not None and not is_state(place) and place.admin1 != place.name:
            return replace(place, name=town.text)
    named: Place | None = cached_place(resolve, name)
    return Place(name=name) if named is None else replace(named, name=name)


def _site(trigger: Token, lo: int, hi: int, own: bool) -> tuple[Token, str] | None:
    for tok in trigger.subtree:
        if tok.lemma_.lower() not in SITES or not lo <= tok.idx < hi:
            continue
        if own and not _custody_of(tok, trigger):
            continue
        # "Tarin Kot prison", "the Sunjuwan army camp": the name may modify the kind of site
        compounds = sorted(_compounds(tok), key=lambda t: t.i)
        run = [c for c in compounds if c.pos_ == "PROPN"]
        if not run or any(c.pos_ not in ("PROPN", "NOUN") for c in compounds):
            continue
        if not all(t.text[:1].isupper() for t in run):
            continue
        if compounds[-1].pos_ == "PROPN" and any(c.pos_ == "NOUN" for c in compounds):
            continue  # "the army Sunjuwan camp": no town names it
        if all(t.lower_ in _KINDS_OF_SITE for t in run):
            continue  # "Detention Centre No. 3", "Central Prison": what kind of site, not where
        name = " ".join(t.text for t in run)
        tags = {t.ent_type_ for t in run}
        # (one word the model took for a group's name may name a prison too: "Swaqa prison")
        one = {"PERSON", "ORG"} if own and not name.isupper() else {"PERSON"}
        if country_of_word(name) or not (
            tags <= {"", "GPE", "LOC", "FAC"} or (len(tags) == 1 and tags <= one and len(run) == 1)
        ):
            continue  # "Tajik prison": whose, not where
        return tok, name
    return None


def _compounds(token: Token) -> list[Token]:
    """The compound words before ``token``, and theirs: "Tarin Kot" before "prison" (and a
    name the parser took for an adjective: "the Seydi prison colony")."""
    out = []
    for child in token.lefts:
        if child.dep_ == "compound" or (child.dep_ == "amod" and child.pos_ == "PROPN"):
            out.extend([child, *_compounds(child)])
    return out


#: Sites a release or an escape is told from by their name ("freed from Jaslyk prison"; a
#: "camp" or "centre" is as often a base or an office).
_HELD_IN = frozenset("prison jail colony penitentiary facility".split())


def _custody_of(site: Token, trigger: Token) -> bool:
    """ "released from Jaslyk prison", "escaped from X jail", "held in Y colony": a site
    of custody told on the act's own verb."""
    if site.lemma_.lower() not in _HELD_IN or site.dep_ != "pobj":
        return False
    preposition = site.head
    return preposition.lower_ in ("from", "in", "at", "of") and preposition.head in (
        trigger,
        *trigger.children,
    )
