"""Corpus-level views over resolved events: case histories, bans and compared figures.

Each reads through ``query.py`` (so merged events, rejections and edits apply)
and returns JSON-ready dicts for the CLI, the API and export.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from sqlalchemy import Connection

from ..errors import NotFound
from . import overlay, query

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
_STOP = frozenset(
    "a an the of in and to for who which that had have has were was been from as at by on "
    "over about some more than least nearly almost around".split()
)


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
            for key, value in (
                ("designation", args.get("designation")),
                ("authority", args.get("authority")),
                ("country", place.get("country")),
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


def _display_name(conn: Connection, name: str) -> str:
    ids = query._entity_ids(conn, name)
    if not ids:
        return name
    from .resolved import cluster_of

    return str(query.get_entity(conn, cluster_of(conn, ids[0]))["name"])


def about_words(about: str) -> frozenset[str]:
    """Return the content words of a claim's ``about`` (stop words out, plurals folded)."""
    words = re.findall(r"[a-z0-9]+", about.lower())
    return frozenset(
        w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words if w not in _STOP
    )


def compare_claims(conn: Connection, min_overlap: float = 0.5) -> list[dict[str, Any]]:
    """Group claims about the same thing (content words overlap ≥ ``min_overlap``, Jaccard)."""
    found = query.list_claims(conn)
    words = [about_words(c["about"]) for c in found]
    parent = list(range(len(found)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    by_word: dict[str, list[int]] = defaultdict(list)
    for i, ws in enumerate(words):
        for w in ws:
            by_word[w].append(i)
    for ids in by_word.values():  # blocking: only claims sharing a content word are compared
        for n, i in enumerate(ids):
            for j in ids[n + 1 :]:
                union = words[i] | words[j]
                if union and len(words[i] & words[j]) / len(union) >= min_overlap:
                    parent[root(j)] = root(i)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(found)):
        groups[root(i)].append(i)
    result = []
    for members in groups.values():
        claims = [found[i] for i in members]
        values = sorted({c["quantity"] for c in claims})
        result.append(
            {
                "about": claims[0]["about"],
                "values": values,
                "disagree": len(values) > 1,
                "claims": [
                    {
                        "id": c["id"],
                        "quantity": c["quantity"],
                        "claimant": c["claimant"],
                        "about": c["about"],
                        "sources": [s["article_id"] for s in c["sources"]],
                    }
                    for c in claims
                ],
            }
        )
    result.sort(key=lambda g: (-len(g["claims"]), g["about"]))
    return result
