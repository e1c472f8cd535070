"""Figures compared: claims about the same counted thing, grouped so disagreement shows.

Two claims are about the same thing when they count the same kind of thing
(people, fighters, deaths, members ... from ``data/lexicons/counted.yaml``) and
their ``about`` phrases share at least :data:`MIN_SHARED` content words besides
the counted word, overlapping by half or more (Jaccard). A bare subject
("men", "people") is never grouped: it says too little to tell two figures
are about one thing.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache
from importlib.resources import files
from typing import Any

from sqlalchemy import Connection

from ..yamlfile import load_yaml
from . import query

#: Content words two ``about`` phrases must share, besides the counted word.
MIN_SHARED = 2
#: Share of all content words two ``about`` phrases must have in common.
MIN_OVERLAP = 0.5
_STOP = frozenset(
    "a an the of in and to for who which that had have has were was been from as at by on "
    "over about some more than least nearly almost around is are be this these those their "
    "they them it its now currently estimated".split()
)
_KIND_MARK = "#"


@cache
def counted_kinds() -> dict[str, str]:
    """Return counted word → its kind (``"fighters"`` → fighters, ``"citizens"`` → people)."""
    text = (files("kronika") / "data" / "lexicons" / "counted.yaml").read_text(encoding="utf-8")
    kinds: dict[str, str] = {}
    for kind, words in (load_yaml(text) or {}).items():
        for word in (str(w).lower() for w in words):
            kinds[word] = kinds[word + "s"] = str(kind)
    return kinds


def _fold(word: str) -> str:
    """Fold plurals and -ing/-ed forms so "fighting" meets "fight" and "members" "member"."""
    for suffix in ("ing", "ed"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


def about_words(about: str) -> frozenset[str]:
    """Return the folded content words of a claim's ``about`` (the counted word as its kind)."""
    kinds = counted_kinds()
    words = set()
    for raw in re.findall(r"[a-z0-9]+", about.lower()):
        if raw in _STOP:
            continue
        kind = kinds.get(raw)
        words.add(_KIND_MARK + kind if kind else _fold(raw))
    return frozenset(words)


def counted_kind(about: str) -> str | None:
    """Return the kind of thing a claim counts: deaths when any word says killed, else the
    first counted word's kind, or None ("fighters killed in Syria" counts deaths)."""
    kinds = counted_kinds()
    found = [kinds[w] for w in re.findall(r"[a-z0-9]+", about.lower()) if w in kinds]
    return "deaths" if "deaths" in found else found[0] if found else None


def same_subject(a: str, b: str) -> bool:
    """True when two ``about`` phrases count the same kind of thing and share enough words."""
    kind = counted_kind(a)
    if kind != counted_kind(b):
        return False
    wa, wb = about_words(a), about_words(b)
    shared = {w for w in wa & wb if not w.startswith(_KIND_MARK)}
    return len(shared) >= MIN_SHARED and len(wa & wb) / len(wa | wb) >= MIN_OVERLAP


def compare_claims(conn: Connection) -> list[dict[str, Any]]:
    """Group claims about the same thing; each group lists its values and who claims them."""
    found = query.list_claims(conn)
    parent = list(range(len(found)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    by_word: dict[str, list[int]] = defaultdict(list)
    for i, claim in enumerate(found):
        for w in about_words(claim["about"]):
            if not w.startswith(_KIND_MARK):
                by_word[w].append(i)
    for ids in by_word.values():  # blocking: only claims sharing a content word are compared
        for n, i in enumerate(ids):
            for j in ids[n + 1 :]:
                if root(i) != root(j) and same_subject(found[i]["about"], found[j]["about"]):
                    parent[root(j)] = root(i)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(found)):
        groups[root(i)].append(i)
    result = [_group([found[i] for i in members]) for members in groups.values()]
    result.sort(key=lambda g: (-len(g["claims"]), g["about"]))
    return result


def _group(claims: list[dict[str, Any]]) -> dict[str, Any]:
    values = sorted({c["quantity"] for c in claims})
    return {
        "about": claims[0]["about"],
        "counted": counted_kind(claims[0]["about"]),
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
