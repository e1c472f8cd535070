"""Corpus-level views over resolved events: case histories, bans and compared figures.

Each reads through ``query.py`` (so merged events, rejections and edits apply)
and returns JSON-ready dicts for the CLI, the API and export.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files
from typing import Any

from sqlalchemy import Connection

from ..errors import NotFound
from ..yamlfile import load_yaml
from . import overlay, query
from .compare import about_words, compare_claims

__all__ = ["about_words", "case_history", "compare_claims", "country_of_authority", "list_bans"]

#: Event type → the legal stage it is in a person's case history.
STAGES = {
    "ARREST": "arrest",
    "EXTRADITION": "extradition",
    "SENTENCE": "sentence",
    "APPEAL": "appeal",
    "RELEASE": "release",
    "ESCAPE": "escape",
    "ATTACK": "attack / death",
    "JOIN": "joined",
    "BAN": "ban",
}
#: Order of stages on the same date (an arrest comes before the sentence it leads to).
_ORDER = {
    s: i
    for i, s in enumerate(
        (
            "joined",
            "arrest",
            "extradition",
            "sentence",
            "appeal",
            "release",
            "escape",
            "attack / death",
            "ban",
        )
    )
}


def case_history(conn: Connection, name: str) -> dict[str, Any]:
    """Return a person's legal stages across articles, ordered by date, each with sources."""
    ids = overlay.entity_members(conn, query._entity_ids(conn, name))
    if not ids:
        raise NotFound(f"no entity named {name!r}; try `kronika entities --name ...`")
    person = query.get_entity(conn, ids[0])
    stages = []
    for event in query.list_events(conn, entity=name):
        stage = STAGES.get(event["type"], event["type"].lower())
        args = event["args"]
        detail = {
            k: args[k]
            for k in (
                "charges",
                "articles",
                "term_years",
                "life",
                "court",
                "authority",
                "from_country",
                "to_country",
            )
            if k in args
        }
        stages.append(
            {
                "stage": stage,
                "date": event["date"],
                "event": event["id"],
                "type": event["type"],
                "detail": detail,
                "disagreements": event.get("disagreements", {}),
                "sources": [
                    {
                        "article_id": s["article_id"],
                        "outlet": s["outlet"],
                        "evidence": s["evidence"],
                    }
                    for s in event["sources"]
                ],
            }
        )
    stages.sort(key=lambda s: (s["date"] is None, s["date"] or "", _ORDER.get(s["stage"], 99)))
    return {
        "person": person["name"],
        "id": person["id"],
        "aliases": person["aliases"],
        "stages": stages,
    }


def list_bans(conn: Connection) -> list[dict[str, Any]]:
    """Return each banned or designated organization: where, by whom, since when, sources."""
    bans: dict[str, dict[str, Any]] = {}
    for event in query.list_events(conn, type="BAN"):
        orgs = event["args"].get("organization") or []
        for org in orgs if isinstance(orgs, list) else [orgs]:
            name = _display_name(conn, str(org))
            ban = bans.setdefault(
                name,
                {
                    "organization": name,
                    "designation": set(),
                    "authority": set(),
                    "country": set(),
                    "since": None,
                    "events": [],
                    "sources": [],
                },
            )
            args, place = event["args"], event.get("location") or {}
            authority = args.get("authority")
            country = country_of_authority(str(authority)) if authority else None
            for key, value in (
                ("designation", args.get("designation")),
                ("authority", authority),
                ("country", country or place.get("country")),
            ):
                if value:
                    ban[key].add(str(value))
            if event["date"] and (ban["since"] is None or event["date"] < ban["since"]):
                ban["since"] = event["date"]
            ban["events"].append(event["id"])
            ban["sources"].extend(s["article_id"] for s in event["sources"])
    return [
        {
            **b,
            **{k: sorted(b[k]) for k in ("designation", "authority", "country")},
            "sources": sorted(set(b["sources"])),
        }
        for b in sorted(bans.values(), key=lambda b: (b["since"] or "9999", b["organization"]))
    ]


@cache
def _demonyms() -> dict[str, str]:
    text = (files("kronika") / "data" / "lexicons" / "demonyms.yaml").read_text(encoding="utf-8")
    return {str(k).casefold(): str(v) for k, v in (load_yaml(text) or {}).items()}


def country_of_authority(authority: str) -> str | None:
    """Return the country an authority belongs to, from place names or nationality words in it.

    ``"Supreme Court of Tajikistan"`` → Tajikistan, ``"Dushanbe city court"`` →
    Tajikistan, ``"Tajik Interior Ministry"`` → Tajikistan. Only capitalized
    words that *are* a known place's name count (not places the gazetteer
    merely lists under another name), and several countries give None.
    """
    from ..normalize.places import resolve_place  # the gazetteer: load only when asked

    words = re.findall(r"[^\W\d_][\w'-]*", authority)
    found: set[str] = set()
    for size in (3, 2, 1):
        for start in range(len(words) - size + 1):
            gram = words[start : start + size]
            if not all(w[0].isupper() for w in gram):
                continue
            text = " ".join(gram)
            demonym = _demonyms().get(text.casefold())
            if demonym is not None:
                found.add(demonym)
                continue
            place = resolve_place(text) if len(text) > 3 else None
            if place is not None and place.country and place.name.casefold() == text.casefold():
                found.add(place.country)
    return found.pop() if len(found) == 1 else None


def _display_name(conn: Connection, name: str) -> str:
    ids = query._entity_ids(conn, name)
    if not ids:
        return name
    from .resolved import cluster_of

    return str(query.get_entity(conn, cluster_of(conn, ids[0]))["name"])
