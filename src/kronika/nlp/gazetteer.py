"""Domain gazetteers: places, organizations, people and alias groups read from YAML.

A domain is a folder of YAML files (``data/domains/<name>/`` or a user's
``domain_dirs``). Each file holds any of four top-level lists: ``places``,
``organizations``, ``people`` and ``aliases``. :func:`load_gazetteer` reads and
validates them; :meth:`Gazetteer.ruler_patterns` turns them into spaCy
EntityRuler patterns and :meth:`Gazetteer.canonical` maps any known alias to
its curated name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from anyascii import anyascii

from ..errors import ConfigError, RuleError
from ..settings import Settings
from ..yamlfile import load_yaml

#: Place kinds and the spaCy entity label each gets.
PLACE_LABELS: dict[str, str] = {
    "country": "GPE",
    "region": "GPE",
    "city": "GPE",
    "district": "GPE",
    "village": "GPE",
    "facility": "FAC",
    "feature": "LOC",
}
#: Entity types accepted by :meth:`Gazetteer.canonical`, mapped to the index they use.
_TYPE_INDEX = {"PERSON": "PERSON", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "FAC": "LOC"}
_SECTIONS = ("places", "organizations", "people", "aliases")


@lru_cache(maxsize=1 << 16)  # called for every candidate name in every article
def name_key(text: str) -> str:
    """Return the matching key of a name: ASCII, lower case, punctuation and "the" dropped."""
    ascii_text = anyascii(text).lower()
    ascii_text = re.sub(r"['`\u2019\u02bc\u02bb]", "", ascii_text)
    ascii_text = re.sub(r"[^a-z0-9]+", " ", ascii_text).strip()
    return re.sub(r"^the ", "", ascii_text)


@dataclass(frozen=True, slots=True)
class GazPlace:
    """A curated place: canonical name, kind, country, region and coordinates."""

    name: str
    kind: str
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    variants: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class GazOrganization:
    """A curated organization with its aliases, acronyms and spelling variants."""

    name: str
    kind: str = ""
    country: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class GazPerson:
    """A public figure with spelling variants and a short description of the role."""

    name: str
    role: str = ""
    variants: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AliasGroup:
    """A curated group of names for one entity (``type`` is PERSON, ORG or LOC)."""

    canonical: str
    type: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, eq=False)
class Gazetteer:
    """Everything one or more domains know: places, organizations, people and aliases.

    Compared and hashed by identity, so it can key caches (see ``resolve_place``).
    """

    places: tuple[GazPlace, ...] = ()
    organizations: tuple[GazOrganization, ...] = ()
    people: tuple[GazPerson, ...] = ()
    aliases: tuple[AliasGroup, ...] = ()
    _index: dict[str, dict[str, str]] = field(default_factory=dict, repr=False)
    _places: dict[str, GazPlace] = field(default_factory=dict, repr=False)
    _people: dict[str, GazPerson] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        index: dict[str, dict[str, str]] = {"PERSON": {}, "ORG": {}, "LOC": {}}
        by_key: dict[str, GazPlace] = {}
        # later entries win, so a user's domain_dirs can correct a built-in entry
        for place in self.places:
            for form in (place.name, *place.variants):
                index["LOC"][name_key(form)] = place.name
                by_key[name_key(form)] = place
        for org in self.organizations:
            for form in (org.name, *org.aliases):
                index["ORG"][name_key(form)] = org.name
        for person in self.people:
            for form in (person.name, *person.variants):
                index["PERSON"][name_key(form)] = person.name
        for group in self.aliases:
            kind = _TYPE_INDEX[group.type]
            target = index[kind].get(name_key(group.canonical), group.canonical)
            for form in (group.canonical, *group.aliases):
                index[kind][name_key(form)] = target
        self._index.update(index)
        self._places.update(by_key)
        self._people.update((person.name, person) for person in self.people)

    def canonical(self, name: str, type: str) -> str | None:
        """Return the curated name for ``name`` (any alias or variant) of entity ``type``.

        ``type`` is PERSON, ORG, LOC (GPE and FAC count as LOC). Unknown names give None.
        """
        kind = _TYPE_INDEX.get(type.upper())
        if kind is None:
            return None
        return self._index[kind].get(name_key(name))

    def person(self, name: str) -> GazPerson | None:
        """Return the public figure called ``name`` (any variant), or None."""
        canonical = self.canonical(name, "PERSON")
        return self._people.get(canonical) if canonical else None

    def place(self, name: str) -> GazPlace | None:
        """Return the curated place called ``name`` (any variant), or None."""
        return self._places.get(name_key(name))

    def organizations_of_kind(self, kind: str) -> frozenset[str]:
        """Canonical names of the organizations of ``kind`` ("militant group", "court", ...)."""
        return _kind_names(self, kind)

    def ruler_patterns(self) -> list[dict[str, Any]]:
        """Return spaCy EntityRuler patterns (GPE/FAC/LOC, ORG, PERSON; ``id`` = canonical)."""
        patterns: list[dict[str, Any]] = []
        for place in self.places:
            label = PLACE_LABELS[place.kind]
            patterns.extend(_patterns(label, place.name, (place.name, *place.variants)))
        for org in self.organizations:
            patterns.extend(_patterns("ORG", org.name, (org.name, *org.aliases)))
        for person in self.people:
            patterns.extend(_patterns("PERSON", person.name, (person.name, *person.variants)))
        for group in self.aliases:
            label = "GPE" if group.type == "LOC" else group.type
            names = (group.canonical, *group.aliases)
            patterns.extend(
                _patterns(
                    label, self.canonical(group.canonical, group.type) or group.canonical, names
                )
            )
        return _unique(patterns)


@lru_cache(maxsize=64)
def _kind_names(gazetteer: Gazetteer, kind: str) -> frozenset[str]:
    return frozenset(org.name for org in gazetteer.organizations if org.kind == kind)


def _patterns(label: str, ident: str, forms: Iterable[str]) -> Iterator[dict[str, Any]]:
    for form in forms:
        if form.isupper() and len(form) <= 3:
            # Short acronyms ("IS", "IMU") only as an exact upper-case token that does
            # not open a sentence, so "Is it..." and headline capitals stay untouched.
            yield {"label": label, "id": ident, "pattern": [{"ORTH": form, "IS_SENT_START": False}]}
            continue
        yield {"label": label, "id": ident, "pattern": form}
        words = _WORD_BREAK.split(form)
        # Multi-word names also match in other capitalisations ("Islamic state"); a name
        # written with hyphens also matches with spaces ("Jaish e Mohammed") and one
        # written with spaces with hyphens ("Hizb-ut-Tahrir")
        if len(words) > 1 and all(w.isalpha() for w in words):
            spaced = [{"LOWER": w.lower()} for w in words]
            yield {"label": label, "id": ident, "pattern": spaced}
            joined: list[dict[str, Any]] = []
            for word in spaced:
                joined.extend([{"LOWER": "-"}, word] if joined else [word])
            if "-" in form or len(words) > 2:
                yield {"label": label, "id": ident, "pattern": joined}
            # ("Al-Qaida in the Islamic Maghreb" for "al-Qaida in ...": hyphens kept where the
            # name has them, in any capitalisation)
            as_written = [
                {"LOWER": w.lower()} for w in _WORD_BREAK_KEPT.split(form) if w and not w.isspace()
            ]
            if "-" in form and " " in form and as_written not in (spaced, joined):
                yield {"label": label, "id": ident, "pattern": as_written}


#: Where a name's words part: spaces, or a hyphen between letters ("al-Shabaab").
_WORD_BREAK = re.compile(r"\s+|(?<=[^\W\d_])-(?=[^\W\d_])")
#: The same, keeping a hyphen as a word of its own, as the tokenizer splits it.
_WORD_BREAK_KEPT = re.compile(r"\s+|(?<=[^\W\d_])(-)(?=[^\W\d_])")


def _unique(patterns: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[str] = set()
    out = []
    for pattern in patterns:
        key = repr((pattern["label"], pattern["pattern"]))
        if key not in seen:
            seen.add(key)
            out.append(pattern)
    return out


# --- loading and validation -------------------------------------------------------------


class _Reader:
    """Validates one YAML file's entries, naming the file and key path in every error."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, where: str, problem: str, fix: str) -> RuleError:
        return RuleError(f"{self.source}: {where}: {problem}. {fix}")

    def entries(
        self, data: Mapping[str, Any], section: str
    ) -> Iterator[tuple[str, dict[str, Any]]]:
        items = data.get(section) or []
        if not isinstance(items, list):
            raise self.fail(
                section,
                f"must be a list, got {type(items).__name__}",
                "Write one '- name: ...' item per entry.",
            )
        for i, item in enumerate(items):
            where = f"{section}[{i}]"
            if not isinstance(item, dict):
                raise self.fail(where, "must be a mapping", "Write 'name: ...' and other keys.")
            yield where, item

    def text(self, item: Mapping[str, Any], where: str, key: str, required: bool = False) -> Any:
        value = item.get(key)
        if value is None:
            if required:
                raise self.fail(f"{where}.{key}", "is missing", f"Add a '{key}:' string.")
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(
                f"{where}.{key}", f"must be a non-empty string, got {value!r}", "Quote the value."
            )
        return value.strip()

    def names(self, item: Mapping[str, Any], where: str, key: str) -> tuple[str, ...]:
        value = item.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise self.fail(
                f"{where}.{key}",
                f"must be a list of strings, got {value!r}",
                "Write it as [Name, Other name].",
            )
        return tuple(v.strip() for v in value)

    def coordinate(self, item: Mapping[str, Any], where: str, key: str, bound: float) -> Any:
        value = item.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float) or abs(value) > bound:
            raise self.fail(
                f"{where}.{key}",
                f"must be a number between -{bound} and {bound}, got {value!r}",
                "Give decimal degrees, e.g. 38.56.",
            )
        return float(value)

    def known_keys(self, item: Mapping[str, Any], where: str, keys: set[str]) -> None:
        unknown = sorted(set(item) - keys)
        if unknown:
            raise self.fail(
                f"{where}.{unknown[0]}",
                "is not a known key",
                f"Use one of: {', '.join(sorted(keys))}.",
            )


_PLACE_KEYS = {"name", "kind", "country", "admin1", "lat", "lon", "variants"}
_ORG_KEYS = {"name", "kind", "country", "aliases"}
_PERSON_KEYS = {"name", "role", "variants"}
_ALIAS_KEYS = {"canonical", "type", "aliases"}


def _read_places(reader: _Reader, data: Mapping[str, Any]) -> Iterator[GazPlace]:
    for where, item in reader.entries(data, "places"):
        reader.known_keys(item, where, _PLACE_KEYS)
        name = reader.text(item, where, "name", required=True)
        kind = reader.text(item, where, "kind", required=True)
        if kind not in PLACE_LABELS:
            raise reader.fail(
                f"{where}.kind", f"unknown kind {kind!r}", f"Use one of: {', '.join(PLACE_LABELS)}."
            )
        admin1 = reader.text(item, where, "admin1")
        if kind == "region" and admin1 is None:
            admin1 = name
        yield GazPlace(
            name=name,
            kind=kind,
            country=reader.text(item, where, "country") or (name if kind == "country" else None),
            admin1=admin1,
            lat=reader.coordinate(item, where, "lat", 90.0),
            lon=reader.coordinate(item, where, "lon", 180.0),
            variants=reader.names(item, where, "variants"),
        )


def _read_organizations(reader: _Reader, data: Mapping[str, Any]) -> Iterator[GazOrganization]:
    for where, item in reader.entries(data, "organizations"):
        reader.known_keys(item, where, _ORG_KEYS)
        yield GazOrganization(
            name=reader.text(item, where, "name", required=True),
            kind=reader.text(item, where, "kind") or "",
            country=reader.text(item, where, "country"),
            aliases=reader.names(item, where, "aliases"),
        )


def _read_people(reader: _Reader, data: Mapping[str, Any]) -> Iterator[GazPerson]:
    for where, item in reader.entries(data, "people"):
        reader.known_keys(item, where, _PERSON_KEYS)
        yield GazPerson(
            name=reader.text(item, where, "name", required=True),
            role=reader.text(item, where, "role") or "",
            variants=reader.names(item, where, "variants"),
        )


def _read_aliases(reader: _Reader, data: Mapping[str, Any]) -> Iterator[AliasGroup]:
    for where, item in reader.entries(data, "aliases"):
        reader.known_keys(item, where, _ALIAS_KEYS)
        kind = reader.text(item, where, "type", required=True)
        if kind not in ("PERSON", "ORG", "LOC"):
            raise reader.fail(f"{where}.type", f"unknown type {kind!r}", "Use PERSON, ORG or LOC.")
        yield AliasGroup(
            canonical=reader.text(item, where, "canonical", required=True),
            type=kind,
            aliases=reader.names(item, where, "aliases"),
        )


def read_gazetteer(files: Iterable[Path]) -> Gazetteer:
    """Read and validate gazetteer YAML ``files`` (in order; later entries win)."""
    places: list[GazPlace] = []
    orgs: list[GazOrganization] = []
    people: list[GazPerson] = []
    aliases: list[AliasGroup] = []
    for path in files:
        reader = _Reader(str(path))
        try:
            data = load_yaml(path.read_text(encoding="utf-8")) or {}
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
            raise RuleError(f"{path}: cannot read: {err}. Fix the YAML syntax.") from None
        if not isinstance(data, dict):
            raise reader.fail(
                "(top level)", "must be a mapping", f"Start with one of: {', '.join(_SECTIONS)}."
            )
        unknown = sorted(set(data) - set(_SECTIONS))
        if unknown:
            raise reader.fail(
                unknown[0], "is not a known section", f"Use one of: {', '.join(_SECTIONS)}."
            )
        places.extend(_read_places(reader, data))
        orgs.extend(_read_organizations(reader, data))
        people.extend(_read_people(reader, data))
        aliases.extend(_read_aliases(reader, data))
    return Gazetteer(tuple(places), tuple(orgs), tuple(people), tuple(aliases))


def _domain_files(domains: tuple[str, ...], domain_dirs: tuple[str, ...]) -> list[Path]:
    root = Path(str(resources.files("kronika").joinpath("data", "domains")))
    known = sorted(p.name for p in root.iterdir() if p.is_dir())
    files: list[Path] = []
    for name in domains:
        if name not in known:
            raise ConfigError(
                f"unknown domain {name!r}; known: {', '.join(known) or '(none)'}. "
                "Fix the 'domains' setting or add the folder to 'domain_dirs'."
            )
        files.extend(sorted((root / name).glob("*.yaml")))
    for directory in domain_dirs:
        path = Path(directory)
        if not path.is_dir():
            raise ConfigError(
                f"domain_dirs: {directory!r} is not a directory. Fix the 'domain_dirs' setting."
            )
        files.extend(sorted(path.glob("*.yaml")))
    return files


@lru_cache(maxsize=16)
def _load(domains: tuple[str, ...], domain_dirs: tuple[str, ...]) -> Gazetteer:
    return read_gazetteer(_domain_files(domains, domain_dirs))


def load_gazetteer(settings: Settings) -> Gazetteer:
    """Return the gazetteer of ``settings.domains`` plus ``settings.domain_dirs`` (cached).

    Raises:
        ConfigError: an unknown domain or a missing directory.
        RuleError: an invalid YAML file (the message names file, key path and fix).
    """
    return _load(tuple(settings.domains), tuple(settings.domain_dirs))
