"""One error shape for every API failure: {"ok": false, "error": "...", "status": N}."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "method,path,status",
    [
        ("get", "/api/events/evt999999", 404),
        ("get", "/api/entities/ent999999", 404),
        ("get", "/api/articles/art999999", 404),
        ("get", "/api/events/nonsense", 404),
        ("get", "/api/entities/evt1", 404),
        ("get", "/api/no-such-route", 404),
        ("get", "/api/events?limit=0", 400),
        ("get", "/api/events?sort=sideways", 400),
        ("get", "/api/events?min_confidence=high", 400),
        ("post", "/api/events/evt1/review", 401),
        ("delete", "/api/events", 405),
    ],
)
def test_error_shape_is_the_same_everywhere(client, method, path, status):
    response = getattr(client, method)(path)
    assert response.status_code == status
    body = response.json()
    assert body == {"ok": False, "error": body["error"], "status": status}
    assert isinstance(body["error"], str) and body["error"]


@pytest.mark.parametrize("path", ["/event/evt999999", "/entity/ent999999", "/article/x"])
def test_error_shape_pages_render_html(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "Error 404" in response.text
