"""What each page shows, as JSON-ready dicts: the one function behind a page and its JSON twin.

Pages render these dicts with templates; the API returns them as they are. Each is
reused until the store is next written to (see ``Store.cached``).
Text that will be highlighted is returned as plain strings with ``[start,
end]`` offsets or as segment lists: escaping is the template's job, never
done here, and never skipped there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..errors import NotFound
from ..store.query import parse_id
from ..store.store import Store
from . import graph as network
from . import queries
from .queries import EventFilter

#: Event types that are stages of a legal case, in the order a case runs.
LEGAL_STAGES = ("ARREST", "EXTRADITION", "SENTENCE", "APPEAL", "RELEASE")
# Share of content words two "about" phrases must have in common (see claims()).
_SAME_ABOUT = 0.25
# Words that say nothing about what a figure counts.
_STOP = frozenset(
    "the and for that who which with from into than have has had been were was are this "
    "their them they more most over some such since about after before between people "
    "said says told".split()
)


def overview(store: Store) -> dict[str, Any]:
    """Counts, events per month by type, latest events and most-mentioned people and groups."""
    return store.cached(("overview",), lambda: _overview(store))


def _overview(store: Store) -> dict[str, Any]:
    """Counts, events per month by type, latest events and most-mentioned people and groups."""
    return {
        "summary": store.cached(("summary",), store.summary),
        "per_month": queries.events_per_month(store),
        "latest": queries.latest_events(store, 10),
        "people": network.top_entities(store, "PERSON", 10),
        "groups": network.top_entities(store, "ORG", 10),
    }


def search(store: Store, q: str, limit: int = 20, language: str | None = None) -> dict[str, Any]:
    """Full-text hits across articles, entities and events for ``q``."""
    return store.cached(("search", q, limit, language), lambda: _search(store, q, limit, language))


def _search(store: Store, q: str, limit: int = 20, language: str | None = None) -> dict[str, Any]:
    """Full-text hits across articles, entities and events for ``q``."""
    q = q.strip()
    if not q:
        return {"q": q, "articles": [], "entities": [], "events": []}
    found = queries.search_events(store, q, limit)
    for event in found:
        for source in event["sources"]:
            source["highlights"] = word_spans(source["evidence"], q)
    return {
        "q": q,
        "articles": store.search(q, limit, language),
        "entities": store.entities(q=q, limit=limit),
        "events": found,
    }


def word_spans(text: str, q: str) -> list[list[int]]:
    """Return the ``[start, end]`` spans of each word of ``q`` in ``text`` (case-insensitive)."""
    lowered = text.lower()
    spans: list[list[int]] = []
    for word in {w for w in q.lower().split() if w}:
        start = lowered.find(word)
        while start != -1:
            spans.append([start, start + len(word)])
            start = lowered.find(word, start + len(word))
    spans.sort()
    merged: list[list[int]] = []
    for span in spans:
        if merged and span[0] <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], span[1])
        else:
            merged.append(span)
    return merged


def events_table(store: Store, f: EventFilter, limit: int, offset: int) -> dict[str, Any]:
    """One page of the filtered, sorted events table with the total count."""
    key = ("events_table", f, limit, offset)
    return store.cached(key, lambda: _events_table(store, f, limit, offset))


def _events_table(store: Store, f: EventFilter, limit: int, offset: int) -> dict[str, Any]:
    """One page of the filtered, sorted events table with the total count."""
    total, rows = queries.find_events(store, f, limit=limit, offset=offset)
    return {"total": total, "limit": limit, "offset": offset, "events": rows}


def event(store: Store, event_id: str) -> dict[str, Any]:
    """An event with every source's paragraph, its participants and disagreeing events."""
    return store.cached(("event", event_id), lambda: _event(store, event_id))


def _event(store: Store, event_id: str) -> dict[str, Any]:
    """An event with every source's paragraph, its participants and disagreeing events."""
    item = queries.get_event(store, event_id)
    texts: dict[str, str] = {}
    contexts = []
    for source in item["sources"]:
        if source["article_id"] not in texts:
            texts[source["article_id"]] = store.get(source["article_id"])["text"]
        contexts.append(paragraph(texts[source["article_id"]], source["start"], source["end"]))
    related = queries.related_events(store, event_id)
    return {
        "event": item,
        "contexts": contexts,
        "participants": queries.participants(store, [item["id"]]).get(item["id"], []),
        "related": related,
        "comparison": compare([item, *related]),
    }


def paragraph(text: str, start: int, end: int) -> dict[str, str]:
    """Split the paragraph around ``text[start:end]`` into before, evidence and after."""
    begin = text.rfind("\n", 0, start) + 1
    stop = text.find("\n", end)
    stop = len(text) if stop == -1 else stop
    return {"before": text[begin:start], "evidence": text[start:end], "after": text[end:stop]}


def compare(items: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return one row per field with each event's value, and whether the values disagree."""
    if len(items) < 2:
        return []
    fields = ["date", "location"] + sorted({k for e in items for k in e["args"]})
    rows = []
    for name in fields:
        values = [_value(e, name) for e in items]
        known = {repr(v) for v in values if v not in (None, "", [])}
        rows.append({"field": name, "values": values, "differs": len(known) > 1})
    return rows


def _value(item: dict[str, Any], name: str) -> Any:
    if name == "date":
        return item["date"]
    if name == "location":
        return (item["location"] or {}).get("name")
    return item["args"].get(name)


def entity(store: Store, entity_id: str, limit: int = 200) -> dict[str, Any]:
    """An entity: aliases, case history, affiliations, co-occurring entities and a small graph."""
    return store.cached(("entity", entity_id, limit), lambda: _entity(store, entity_id, limit))


def _entity(store: Store, entity_id: str, limit: int = 200) -> dict[str, Any]:
    """An entity: aliases, case history, affiliations, co-occurring entities and a small graph.

    At most ``limit`` of its events are listed (``events_total`` counts them all).
    """
    item = queries.get_entity(store, entity_id)
    total, found = queries.find_events(store, EventFilter(entity=item["id"]), limit=limit)
    roles = queries.participants(store, [e["id"] for e in found])
    for ev in found:
        ev["roles"] = sorted({p["role"] for p in roles.get(ev["id"], []) if p["id"] == item["id"]})
    stages = [e for e in found if e["type"] in LEGAL_STAGES]
    stages.sort(key=lambda e: (e["date"] or "9999", LEGAL_STAGES.index(e["type"])))
    affiliations = [
        {"event": ev, "with": [p for p in roles.get(ev["id"], []) if p["id"] != item["id"]]}
        for ev in found
        if ev["type"] in ("JOIN", "BAN")
    ]
    nearby = network.co_occurring(store, int(item["id"][3:]))
    nodes = [{"id": item["id"], "type": item["type"], "name": item["name"], "mentions": 0}]
    nodes += [{"id": n["id"], "type": n["type"], "name": n["name"], "mentions": 0} for n in nearby]
    edges = [
        {"source": item["id"], "target": n["id"], "kind": "co-occurrence", "weight": n["articles"]}
        for n in nearby
    ]
    return {
        "entity": {**item, "events": found, "events_total": total},
        "scripts": by_script([item["name"], *item.get("aliases", [])]),
        "case_history": stages,
        "affiliations": affiliations,
        "co_occurring": nearby,
        "graph": {"nodes": nodes, "edges": edges},
    }


def by_script(names: list[str]) -> dict[str, list[str]]:
    """An entity's names grouped by writing system ("Latin", "Cyrillic"), when it has two."""
    groups: dict[str, list[str]] = {}
    for name in dict.fromkeys(names):
        script = "Cyrillic" if re.search(r"[\u0400-\u04FF]", name) else "Latin"
        groups.setdefault(script, []).append(name)
    return groups if len(groups) > 1 else {}


def article(store: Store, article_id: str) -> dict[str, Any]:
    """An article's text cut into segments marked with mentions and event evidence."""
    return store.cached(("article", article_id), lambda: _article(store, article_id))


def _article(store: Store, article_id: str) -> dict[str, Any]:
    """An article's text cut into segments marked with mentions and event evidence."""
    kind, number = parse_id(article_id)
    if kind != "article":
        raise NotFound(f"{article_id!r} is not an article id: article ids look like art12")
    item = store.get(article_id)
    spans = queries.article_spans(store, number)
    return {
        "article": item,
        "mentions": spans["mentions"],
        "evidence": spans["evidence"],
        "segments": segments(item["text"], spans["mentions"], spans["evidence"]),
    }


def segments(
    text: str, found: Sequence[dict[str, Any]], evidence: Sequence[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Cut ``text`` at every span boundary; each piece names its mention and its events."""
    cuts = {0, len(text)}
    for span in (*found, *evidence):
        cuts.update((max(0, min(span["start"], len(text))), max(0, min(span["end"], len(text)))))
    points = sorted(cuts)
    pieces = []
    for begin, end in zip(points, points[1:], strict=False):
        if begin == end:
            continue
        mention = next((m for m in found if m["start"] <= begin and end <= m["end"]), None)
        events = [e for e in evidence if e["start"] <= begin and end <= e["end"]]
        pieces.append({"text": text[begin:end], "mention": mention, "events": events})
    return pieces


def claims(store: Store, limit: int = 1000) -> dict[str, Any]:
    """Claims grouped by what they count, so different figures stand side by side."""
    return store.cached(("claims", limit), lambda: _claims(store, limit))


def _claims(store: Store, limit: int = 1000) -> dict[str, Any]:
    """Claims grouped by what they count, so different figures stand side by side.

    Two claims count the same thing when their ``about`` phrases share at least two
    content words (compared by their first five letters, so "Tajiks" meets "Tajik"
    and "travelled" meets "travel") and a quarter of all their content words.
    """
    groups: list[dict[str, Any]] = []
    for claim in store.claims(limit=limit):
        stems = _stems(claim["about"])
        for group in groups:
            shared = len(stems & group["stems"])
            if shared >= 2 and shared / len(stems | group["stems"]) >= _SAME_ABOUT:
                group["claims"].append(claim)
                break
        else:
            groups.append({"stems": stems, "about": claim["about"], "claims": [claim]})
    for group in groups:
        group["disagree"] = len({c["quantity"] for c in group["claims"]}) > 1
        del group["stems"]
    groups.sort(key=lambda g: (-len(g["claims"]), g["about"]))
    return {"groups": groups}


def _stems(phrase: str) -> set[str]:
    words = re.findall(r"[^\W\d_]+", phrase.lower())
    return {w[:5] for w in words if len(w) > 2 and w not in _STOP}


def review_queue(store: Store, limit: int, offset: int) -> dict[str, Any]:
    """Unreviewed events, lowest confidence first."""
    key = ("review_queue", limit, offset)
    return store.cached(key, lambda: _review_queue(store, limit, offset))


def _review_queue(store: Store, limit: int, offset: int) -> dict[str, Any]:
    """Unreviewed events, lowest confidence first."""
    f = EventFilter(review="unreviewed", sort="confidence")
    total, rows = queries.find_events(store, f, limit=limit, offset=offset)
    return {"total": total, "limit": limit, "offset": offset, "events": rows}


def map_points(store: Store, f: EventFilter, limit: int = 5000) -> dict[str, Any]:
    """Geocoded events matching ``f`` as points (at most ``limit``)."""
    return store.cached(("map_points", f, limit), lambda: _map_points(store, f, limit))


def _map_points(store: Store, f: EventFilter, limit: int = 5000) -> dict[str, Any]:
    """Geocoded events matching ``f`` as points (at most ``limit``)."""
    total, rows = queries.find_points(store, f, limit)
    points = []
    for row in rows:
        if row.lat is None or row.lon is None:
            continue
        points.append(
            {
                "id": f"evt{row.id}",
                "type": row.type,
                "date": row.date,
                "place": row.place,
                "country": row.country,
                "lat": row.lat,
                "lon": row.lon,
                "confidence": row.confidence,
            }
        )
    return {"total": total, "points": points}
