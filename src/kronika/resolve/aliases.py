"""Curated alias tables: the domain gazetteers' names plus aliases people add by hand.

The curated groups live in ``data/domains/<domain>/`` (``people.yaml``,
``organizations.yaml``, ``aliases.yaml``) and are read by
:func:`kronika.nlp.gazetteer.load_gazetteer`; this module turns them, with any
aliases added through ``kronika entities alias``, into the ``canonical``
function the name scorer consults first.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..nlp.gazetteer import Gazetteer, load_gazetteer, name_key
from ..settings import Settings
from .names import translit_key

_KINDS = {"PERSON": "PERSON", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "FAC": "LOC"}


@dataclass(frozen=True, eq=False)
class AliasTable:
    """Maps any known alias of an entity type to its curated (or hand-given) name."""

    gazetteer: Gazetteer | None = None
    extra: dict[tuple[str, str], str] = field(default_factory=dict)

    def canonical(self, name: str, type: str) -> str | None:
        """Return the curated name of ``name`` for entity ``type``, or None when unknown."""
        kind = _KINDS.get(type.upper(), type.upper())
        found = self.extra.get((kind, translit_key(name, person=False)))
        if found is not None:
            return found
        if self.gazetteer is None:
            return None
        return self.gazetteer.canonical(name, kind)

    def with_aliases(self, groups: Iterable[tuple[str, str, str]]) -> AliasTable:
        """Return a table that also knows ``(type, alias, canonical)`` groups."""
        extra = dict(self.extra)
        for type, alias, canonical in groups:
            kind = _KINDS.get(type.upper(), type.upper())
            target = self.canonical(canonical, kind) or canonical
            extra[(kind, translit_key(alias, person=False))] = target
            extra[(kind, translit_key(canonical, person=False))] = target
        return AliasTable(self.gazetteer, extra)


def load_aliases(settings: Settings) -> AliasTable:
    """Return the alias table of the configured domains."""
    return AliasTable(load_gazetteer(settings))


__all__ = ["AliasTable", "load_aliases", "name_key"]
