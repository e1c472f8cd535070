"""HTML pages: each renders the same ``views`` dict its JSON twin under ``/api`` returns."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from . import queries, views
from .api import Filter, Limit, Offset, StoreDep

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

ENTITY_TYPES = ("PERSON", "ORG", "LOC")


def render(request: Request, template: str, data: dict[str, Any], twin: str) -> HTMLResponse:
    """Render ``template`` with ``data``; ``twin`` is the JSON address of the same data."""
    context = {**data, "twin": twin, "query": request.query_params}
    response: HTMLResponse = request.app.state.templates.TemplateResponse(
        request, template, context
    )
    return response


def _twin(request: Request, path: str) -> str:
    query = request.url.query
    return f"{path}?{query}" if query else path


def _page_links(request: Request, limit: int, offset: int, has_next: bool) -> dict[str, Any]:
    params = dict(request.query_params)

    def at(new_offset: int) -> str:
        return "?" + urlencode({**params, "offset": new_offset})

    return {
        "prev": at(max(0, offset - limit)) if offset > 0 else None,
        "next": at(offset + limit) if has_next else None,
    }


@router.get("/")
def overview(request: Request, store: StoreDep) -> HTMLResponse:
    """Overview: counts, per-month chart, latest events, top people and groups."""
    return render(request, "overview.html", views.overview(store), "/api/overview")


@router.get("/search")
def search(request: Request, store: StoreDep, q: str = "") -> HTMLResponse:
    """Full-text search across articles, entities and events."""
    return render(request, "search.html", views.search(store, q), _twin(request, "/api/search"))


@router.get("/events")
def events(
    request: Request, store: StoreDep, f: Filter, limit: Limit = 50, offset: Offset = 0
) -> HTMLResponse:
    """The events table with filters, sorting, paging and a CSV download."""
    data = views.events_table(store, f, limit, offset)
    params = {k: v for k, v in request.query_params.items() if k not in ("limit", "offset")}
    data.update(
        filter=f,
        pages=_page_links(request, limit, offset, offset + limit < data["total"]),
        csv="/api/events.csv" + ("?" + urlencode(params) if params else ""),
        types=sorted(store.cached(("summary",), store.summary)["events"]),
        review_states=queries.REVIEW_STATES,
    )
    return render(request, "events.html", data, _twin(request, "/api/events"))


@router.get("/event/{event_id}")
def event(request: Request, store: StoreDep, event_id: str) -> HTMLResponse:
    """One event with every source and disagreeing values side by side."""
    return render(request, "event.html", views.event(store, event_id), f"/api/events/{event_id}")


@router.get("/entities")
def entities(
    request: Request,
    store: StoreDep,
    type: str | None = None,
    q: str | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> HTMLResponse:
    """People, groups and places, most mentioned first."""
    rows = store.entities(type=type or None, q=q or None, limit=limit, offset=offset)
    data = {
        "entities": rows,
        "types": ENTITY_TYPES,
        "type": type,
        "q": q or "",
        "pages": _page_links(request, limit, offset, len(rows) == limit),
    }
    return render(request, "entities.html", data, _twin(request, "/api/entities"))


@router.get("/entity/{entity_id}")
def entity(request: Request, store: StoreDep, entity_id: str) -> HTMLResponse:
    """A person, group or place."""
    data = views.entity(store, entity_id)
    return render(request, "entity.html", data, f"/api/entities/{entity_id}")


@router.get("/articles")
def articles(
    request: Request,
    store: StoreDep,
    limit: Limit = 50,
    offset: Offset = 0,
    language: str | None = None,
) -> HTMLResponse:
    """Articles in the order they were stored (only one language's, if asked)."""
    rows = store.articles(limit, offset, language or None)
    data = {
        "articles": rows,
        "language": language or "",
        "pages": _page_links(request, limit, offset, len(rows) == limit),
    }
    return render(request, "articles.html", data, _twin(request, "/api/articles"))


@router.get("/article/{article_id}")
def article(request: Request, store: StoreDep, article_id: str) -> HTMLResponse:
    """An article's text with mentions and event evidence highlighted."""
    data = views.article(store, article_id)
    return render(request, "article.html", data, f"/api/articles/{article_id}")


@router.get("/claims")
def claims(request: Request, store: StoreDep) -> HTMLResponse:
    """Figures about the same thing side by side with their claimants."""
    return render(request, "claims.html", views.claims(store), "/api/claims")


@router.get("/map")
def map_page(request: Request, store: StoreDep, f: Filter) -> HTMLResponse:
    """Geocoded events on an offline basemap; the page fetches its points from /api/map."""
    data = {"filter": f, "types": sorted(store.summary()["events"])}
    return render(request, "map.html", data, _twin(request, "/api/map"))


@router.get("/network")
def network(request: Request) -> HTMLResponse:
    """The entity network; the page fetches it from /api/graph."""
    data = {
        "types": ENTITY_TYPES,
        "since": request.query_params.get("since", ""),
        "until": request.query_params.get("until", ""),
    }
    return render(request, "network.html", data, _twin(request, "/api/graph"))


@router.get("/review")
def review(request: Request, store: StoreDep, limit: Limit = 50, offset: Offset = 0) -> Any:
    """The review queue, lowest confidence first; actions post to the API with the token."""
    data = views.review_queue(store, limit, offset)
    data["pages"] = _page_links(request, limit, offset, offset + limit < data["total"])
    return render(request, "review.html", data, _twin(request, "/api/review"))
