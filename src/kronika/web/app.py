"""The web application factory: ``create_app(settings, store) -> FastAPI``.

One app per call (tests build one per fixture). It mounts the JSON API under
``/api`` and the HTML pages at ``/``, serves the vendored front-end files,
registers the Jinja filters that format values for templates, sets a strict
Content-Security-Policy, and turns every error into one shape:
``{"ok": false, "error": "...", "status": N}`` (an HTML page outside ``/api``).
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import KronikaError
from ..settings import Settings
from ..store.store import Store

HERE = Path(__file__).parent
# No inline scripts anywhere: even if some text escaped escaping, it could not run.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
# Swagger UI boots from an inline script, so only its page gets that allowance.
DOCS_CSP = CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")


def create_app(settings: Settings, store: Store) -> FastAPI:
    """Build the web app over ``store``; writes need ``settings.token`` (generated if empty)."""
    from . import api, pages  # routes import this module's helpers

    app = FastAPI(
        title="kronika",
        summary="A sourced knowledge base of political violence and repression.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.settings = settings
    app.state.store = store
    # Never leave writes open: with no configured token, nobody can write until serve prints one.
    app.state.token = settings.token or secrets.token_urlsafe(24)
    app.state.templates = _templates()
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    @app.get("/api/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/api/openapi.json",
            title="kronika API",
            swagger_js_url="/static/vendor/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui.css",
            swagger_favicon_url="/static/vendor/favicon-32x32.png",
        )

    app.add_exception_handler(KronikaError, _handle)
    app.add_exception_handler(StarletteHTTPException, _handle)
    app.add_exception_handler(RequestValidationError, _handle)
    app.middleware("http")(_security_headers)
    return app


def with_token(settings: Settings) -> Settings:
    """Return ``settings`` with a random write token when none is configured."""
    return settings if settings.token else settings.with_(token=secrets.token_urlsafe(24))


def serve(settings: Settings, store: Store) -> None:
    """Run the app with uvicorn on ``settings.host``:``settings.port`` until interrupted."""
    import uvicorn

    uvicorn.run(
        create_app(settings, store), host=settings.host, port=settings.port, log_level="warning"
    )


async def _security_headers(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    response = await call_next(request)
    response.headers["Content-Security-Policy"] = (
        DOCS_CSP if request.url.path == "/api/docs" else CSP
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


def error_body(exc: Exception) -> tuple[int, str]:
    """Return the HTTP status and message for any error the app reports."""
    if isinstance(exc, KronikaError):
        return exc.status, str(exc)
    if isinstance(exc, StarletteHTTPException):
        return exc.status_code, str(exc.detail)
    if isinstance(exc, RequestValidationError):
        problems = [
            f"{'.'.join(str(p) for p in e['loc'] if p not in ('query', 'body'))}: {e['msg']}"
            for e in exc.errors()
        ]
        return 400, "invalid request: " + "; ".join(problems)
    return 500, "internal error"


async def _handle(request: Request, exc: Exception) -> Response:
    status, message = error_body(exc)
    headers = getattr(exc, "headers", None)
    if request.url.path.startswith("/api"):
        body = {"ok": False, "error": message, "status": status}
        return JSONResponse(body, status_code=status, headers=headers)
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(
        request, "error.html", {"status": status, "error": message}, status_code=status
    )


# -- Jinja filters: formatting lives here, templates only call them ----------------------


def _templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=HERE / "templates")
    env = templates.env
    env.autoescape = True
    env.filters.update(
        highlight=highlight,
        value=format_value,
        place=format_place,
        confidence=format_confidence,
        number=format_number,
        pretty_json=lambda v: json.dumps(v, ensure_ascii=False, indent=2),
    )
    env.globals["nav"] = NAV
    return templates


NAV = (
    ("/", "Overview"),
    ("/search", "Search"),
    ("/events", "Events"),
    ("/entities", "People & groups"),
    ("/articles", "Articles"),
    ("/claims", "Claims"),
    ("/map", "Map"),
    ("/network", "Network"),
    ("/review", "Review"),
)


def highlight(text: str | None, spans: Sequence[Sequence[int]] | None) -> Markup:
    """Escape ``text`` and wrap each ``[start, end]`` span in ``<mark>``."""
    text = text or ""
    out: list[str] = []
    at = 0
    for start, end in sorted((int(s), int(e)) for s, e in spans or ()):
        start, end = max(start, at), min(end, len(text))
        if start >= end:
            continue
        out.append(str(escape(text[at:start])))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        at = end
    out.append(str(escape(text[at:])))
    return Markup("".join(out))


def format_value(value: Any) -> str:
    """Format an argument value for a table cell: lists joined, numbers without ``.0``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return "; ".join(format_value(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {format_value(v)}" for k, v in value.items() if v is not None)
    if isinstance(value, float):
        return format_number(value)
    return str(value)


def format_place(location: dict[str, Any] | None) -> str:
    """Format a location as ``"Qubodiyon, Khatlon, Tajikistan"``."""
    if not location:
        return ""
    parts = [location.get("name"), location.get("admin1"), location.get("country")]
    seen: list[str] = []
    for part in parts:
        if part and part not in seen:
            seen.append(str(part))
    return ", ".join(seen)


def format_confidence(value: float | None) -> str:
    """Format a confidence as two decimals."""
    return "" if value is None else f"{value:.2f}"


def format_number(value: float | int | None) -> str:
    """Format a number with thousands separators and no trailing ``.0``."""
    if value is None:
        return ""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")
