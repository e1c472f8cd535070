"""The one table of registered names: every name a rule file or setting can use.

Values are ``"module:attribute"`` strings resolved lazily by :func:`resolve`,
so importing kronika stays fast and free of side effects. Names are namespaced
and versioned like spaCy's (``"kronika.term_years.v1"``): a change of
behaviour gets a new version and the old name keeps working. Third-party
packages add names through the ``kronika.plugins`` entry-point group, whose
objects are mappings of the same shape as :data:`TABLES`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import cache
from importlib.metadata import entry_points
from typing import Any

from .errors import RuleError

NORMALIZERS: dict[str, str] = {
    "kronika.date.v1": "kronika.normalize.dates:normalize_date",
    "kronika.number.v1": "kronika.normalize.numbers:parse_number",
    "kronika.term_years.v1": "kronika.normalize.numbers:parse_term",
    "kronika.place.v1": "kronika.normalize.places:resolve_place",
}

ROLE_FILLERS: dict[str, str] = {
    "kronika.patient.v1": "kronika.events.patients:fill_patient",
    "kronika.agent.v1": "kronika.events.patients:fill_agent",
    "kronika.count.v1": "kronika.events.counts:fill_count",
    "kronika.court.v1": "kronika.events.courts:fill_court",
    "kronika.term.v1": "kronika.events.legal:fill_term",
    "kronika.charges.v1": "kronika.events.legal:fill_charges",
    "kronika.law_articles.v1": "kronika.events.legal:fill_law_articles",
    "kronika.target.v1": "kronika.events.acts:fill_object_phrase",
    "kronika.casualties.v1": "kronika.events.acts:fill_casualties",
    "kronika.casualties.v2": "kronika.events.tolls:fill_toll",
    "kronika.target.v2": "kronika.events.acts:fill_target",
    "kronika.perpetrator.v1": "kronika.events.perpetrators:fill_perpetrator",
    "kronika.designation.v1": "kronika.events.acts:fill_designation",
    "kronika.country.v1": "kronika.events.acts:fill_place_role",
    "kronika.facility.v1": "kronika.events.acts:fill_facility",
    "kronika.from_country.v1": "kronika.events.agencies:fill_from_country",
    "kronika.authority.v1": "kronika.events.agencies:fill_authority",
    # Russian rule files (data/events/ru/)
    "kronika.ru.patient.v1": "kronika.events.fillers_ru:fill_patient",
    "kronika.ru.agent.v1": "kronika.events.fillers_ru:fill_agent",
    "kronika.ru.count.v1": "kronika.events.fillers_ru:fill_count",
    "kronika.ru.court.v1": "kronika.events.fillers_ru:fill_court",
    "kronika.ru.facility.v1": "kronika.events.fillers_ru:fill_facility",
    "kronika.ru.term.v1": "kronika.events.legal_ru:fill_term",
    "kronika.ru.charges.v1": "kronika.events.legal_ru:fill_charges",
    "kronika.ru.law_articles.v1": "kronika.events.legal_ru:fill_law_articles",
    "kronika.ru.designation.v1": "kronika.events.fillers_ru:fill_designation",
    "kronika.ru.country.v1": "kronika.events.countries_ru:fill_country",
    "kronika.ru.target.v1": "kronika.events.fillers_ru:fill_target",
    "kronika.ru.casualties.v1": "kronika.events.tolls_ru:fill_casualties",
    "kronika.ru.casualties.v2": "kronika.events.tolls_ru:fill_casualties_v2",
}

READERS: dict[str, str] = {
    "text": "kronika.ingest.formats:read_text",
    "html": "kronika.ingest.formats:read_html",
}

EXPORTERS: dict[str, str] = {
    "kronika.export.csv.v1": "kronika.export.tabular:export_csv",
    "kronika.export.jsonl.v1": "kronika.export.tabular:export_jsonl",
    "kronika.export.acled.v1": "kronika.export.acled:export_acled",
    "kronika.export.graphml.v1": "kronika.export.graphml:export_graphml",
}

ENGINES: dict[str, str] = {
    "local": "kronika.engine.local:LocalEngine",
    "ray": "kronika.engine.ray:RayEngine",
}

TABLES: dict[str, dict[str, str]] = {
    "normalizers": NORMALIZERS,
    "role_fillers": ROLE_FILLERS,
    "readers": READERS,
    "exporters": EXPORTERS,
    "engines": ENGINES,
}


@cache
def _plugin_tables() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {kind: {} for kind in TABLES}
    for ep in entry_points(group="kronika.plugins"):
        tables = ep.load()
        for kind, names in tables.items():
            merged.setdefault(kind, {}).update(names)
    return merged


def names(kind: str) -> dict[str, str]:
    """Return every registered ``name → "module:attr"`` of ``kind``, plugins included."""
    if kind not in TABLES:
        raise RuleError(f"unknown registry table {kind!r}; known: {', '.join(TABLES)}")
    return {**_plugin_tables().get(kind, {}), **TABLES[kind]}


@cache
def resolve(kind: str, name: str) -> Callable[..., Any]:
    """Import and return the object registered as ``name`` in table ``kind``.

    Raises:
        RuleError: the name is not registered (the message lists the known names).
    """
    table = names(kind)
    if name not in table:
        known = ", ".join(sorted(table)) or "(none)"
        raise RuleError(f"unknown {kind[:-1].replace('_', ' ')} {name!r}; known: {known}")
    module_name, _, attr = table[name].partition(":")
    module = importlib.import_module(module_name)
    obj: Callable[..., Any] = getattr(module, attr)
    return obj
