"""The JSON API under ``/api``: one thin route per view, plus the token-protected review write.

Each route calls the function in ``views.py`` that its HTML page renders,
so a page and its JSON twin can never disagree.
"""

from __future__ import annotations

import csv
import io
import json
import secrets
from collections.abc import Iterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Header, HTTPException, Query, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel

from ..errors import StoreError
from ..store.store import Store
from . import graph as network
from . import queries, views
from . import review as review_writes
from .queries import REVIEW_STATES, EventFilter

router = APIRouter(prefix="/api", tags=["api"])

Limit = Annotated[int, Query(ge=1, le=1000, description="Rows per page.")]
Offset = Annotated[int, Query(ge=0, description="Rows to skip.")]
SORT_KEYS = ("date", "-date", "type", "-type", "confidence", "-confidence")


def get_store(request: Request) -> Store:
    """Return the app's store (a dependency)."""
    store: Store = request.app.state.store
    return store


StoreDep = Annotated[Store, Depends(get_store)]


def event_filter(
    type: Annotated[str | None, Query(description="Event type, e.g. SENTENCE.")] = None,
    since: Annotated[str | None, Query(description="On or after this ISO date.")] = None,
    until: Annotated[str | None, Query(description="On or before this ISO date.")] = None,
    place: Annotated[str | None, Query(description="Part of a place, region or country.")] = None,
    entity: Annotated[str | None, Query(description="Entity id (ent3), name or alias.")] = None,
    outlet: Annotated[str | None, Query(description="Part of a reporting outlet's name.")] = None,
    min_confidence: Annotated[str | None, Query(description="A number from 0 to 1.")] = None,
    max_confidence: Annotated[str | None, Query(description="A number from 0 to 1.")] = None,
    review: Annotated[
        str | None,
        Query(description=f"One of {', '.join(REVIEW_STATES)}; rejected events show only then."),
    ] = None,
    sort: Annotated[str | None, Query(description=f"One of {', '.join(SORT_KEYS)}.")] = None,
) -> EventFilter:
    """Read the events filters from the query string; empty values (from a form) do not filter."""
    if review and review not in REVIEW_STATES:
        raise HTTPException(400, f"review: {review!r} is not one of {', '.join(REVIEW_STATES)}")
    if sort and sort not in SORT_KEYS:
        raise HTTPException(400, f"sort: {sort!r} is not one of {', '.join(SORT_KEYS)}")
    return EventFilter(
        type=type or None,
        since=since or None,
        until=until or None,
        place=place or None,
        entity=entity or None,
        outlet=outlet or None,
        min_confidence=_confidence("min_confidence", min_confidence),
        max_confidence=_confidence("max_confidence", max_confidence),
        review=review or None,
        sort=sort or "date",
    )


def _confidence(name: str, value: str | None) -> float | None:
    if not value:
        return None
    try:
        number = float(value)
    except ValueError:
        raise HTTPException(400, f"{name}: {value!r} is not a number from 0 to 1") from None
    if not 0 <= number <= 1:
        raise HTTPException(400, f"{name}: {value!r} is not a number from 0 to 1")
    return number


Filter = Annotated[EventFilter, Depends(event_filter)]


def require_token(
    request: Request,
    x_kronika_token: Annotated[str | None, Header(description="The token serve printed.")] = None,
) -> None:
    """Refuse a write without the token (401) or with a wrong one (403)."""
    if not x_kronika_token:
        raise HTTPException(401, "this request writes: send the token as X-Kronika-Token")
    if not secrets.compare_digest(x_kronika_token.encode(), request.app.state.token.encode()):
        raise HTTPException(403, "wrong X-Kronika-Token")


@router.get("/overview")
def overview(store: StoreDep) -> dict[str, Any]:
    """Counts, events per month by type, latest events, most-mentioned people and groups."""
    return views.overview(store)


@router.get("/search")
def search(
    store: StoreDep, q: str = "", limit: Limit = 20, language: str | None = None
) -> dict[str, Any]:
    """Full-text search across articles, entities and events (articles in ``language`` only)."""
    return views.search(store, q, limit, language or None)


@router.get("/events")
def events(store: StoreDep, f: Filter, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Events matching the filters, sorted and paged, with the total count."""
    return views.events_table(store, f, limit, offset)


#: Columns of the CSV download, in order.
CSV_COLUMNS = (
    "id",
    "type",
    "date",
    "place",
    "country",
    "lat",
    "lon",
    "confidence",
    "review",
    "outlets",
    "args",
    "evidence",
)


@router.get("/events.csv")
def events_csv(store: StoreDep, f: Filter) -> StreamingResponse:
    """Every event matching the filters (no paging), as CSV."""
    _, rows = queries.find_events(store, f, limit=None)
    headers = {"Content-Disposition": 'attachment; filename="kronika-events.csv"'}
    return StreamingResponse(_csv(rows), media_type="text/csv; charset=utf-8", headers=headers)


def _csv(rows: list[dict[str, Any]]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for e in rows:
        loc = e["location"] or {}
        writer.writerow(
            [
                e["id"],
                e["type"],
                e["date"] or "",
                loc.get("name") or "",
                loc.get("country") or "",
                loc.get("lat") or "",
                loc.get("lon") or "",
                e["confidence"],
                e["review"]["state"],
                "; ".join(dict.fromkeys(s["outlet"] or "" for s in e["sources"])),
                json.dumps(e["args"], ensure_ascii=False),
                " | ".join(s["evidence"] for s in e["sources"]),
            ]
        )
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()


@router.get("/events/{event_id}")
def event(store: StoreDep, event_id: str) -> dict[str, Any]:
    """One event: sources with their paragraphs, participants, related events compared."""
    return views.event(store, event_id)


@router.get("/entities")
def entities(
    store: StoreDep,
    type: str | None = None,
    q: str | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Entities, most mentioned first, optionally of one type or matching ``q``."""
    key = ("entities", type or None, q or None, limit, offset)
    rows = store.cached(
        key, lambda: store.entities(type=type or None, q=q or None, limit=limit, offset=offset)
    )
    return {"limit": limit, "offset": offset, "entities": rows}


@router.get("/entities/{entity_id}")
def entity(store: StoreDep, entity_id: str) -> dict[str, Any]:
    """One person, group or place: aliases, case history, affiliations, co-occurrences."""
    return views.entity(store, entity_id)


@router.get("/articles")
def articles(
    store: StoreDep, limit: Limit = 50, offset: Offset = 0, language: str | None = None
) -> dict[str, Any]:
    """Articles in the order they were stored."""
    rows = store.articles(limit, offset, language or None)
    return {"limit": limit, "offset": offset, "language": language, "articles": rows}


@router.get("/articles/{article_id}")
def article(store: StoreDep, article_id: str) -> dict[str, Any]:
    """One article with its mentions and event evidence spans."""
    return views.article(store, article_id)


@router.get("/claims")
def claims(store: StoreDep) -> dict[str, Any]:
    """Claims grouped by what they count, with their claimants."""
    return views.claims(store)


@router.get("/map")
def map_points(
    store: StoreDep, f: Filter, limit: Annotated[int, Query(ge=1, le=20000)] = 5000
) -> dict[str, Any]:
    """Geocoded events matching the filters, as points."""
    return views.map_points(store, f, limit)


@router.get("/graph")
def graph(
    store: StoreDep,
    types: Annotated[list[str], Query(description="Entity types to show.")] = [],  # noqa: B006
    since: str | None = None,
    until: str | None = None,
    limit: Annotated[int, Query(ge=1, le=1000, description="Most-mentioned entities.")] = 60,
) -> dict[str, Any]:
    """The network: most-mentioned entities, co-occurrence and affiliation edges."""
    return network.graph(store, [t for t in types if t], since or None, until or None, limit)


@router.get("/review")
def review_queue(store: StoreDep, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Unreviewed events, lowest confidence first."""
    return views.review_queue(store, limit, offset)


class ReviewAction(BaseModel):
    """A reviewer's decision on one event."""

    action: Literal["confirm", "reject", "edit", "merge"]
    field: str | None = None
    value: Any = None
    author: str = "web"


@router.post("/events/{event_id}/review", dependencies=[Depends(require_token)])
def review(store: StoreDep, event_id: str, body: ReviewAction) -> dict[str, Any]:
    """Record a confirm, reject, edit or merge of an event (needs X-Kronika-Token)."""
    try:
        updated = review_writes.record_review(
            store, event_id, body.action, body.field, body.value, body.author
        )
    except StoreError as err:  # a bad action or field is the client's mistake here
        raise HTTPException(400, str(err)) from None
    return {"ok": True, "event": updated}
