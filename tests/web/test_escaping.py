"""An article holding markup and javascript: links is shown inert everywhere."""

from __future__ import annotations

import pytest

RAW = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '<a href="javascript:')


def _hostile(client) -> dict:
    rows = client.get("/api/articles", params={"limit": 1000}).json()["articles"]
    article = next(a for a in rows if a["external_id"] == "hostile-1")
    events = client.get("/api/events", params={"outlet": "Evil", "limit": 100}).json()["events"]
    people = client.get("/api/entities", params={"q": "Karimov"}).json()["entities"]
    return {"article": article["id"], "events": [e["id"] for e in events], "people": people}


def _pages(client) -> list[str]:
    found = _hostile(client)
    assert found["events"], "the pipeline found no event in the hostile article"
    pages = [
        "/",
        "/search?q=alert",
        "/search?q=Karimov",
        "/events",
        "/events?outlet=Evil",
        "/articles",
        "/claims",
        "/review",
        f"/article/{found['article']}",
        *(f"/event/{e}" for e in found["events"]),
        *(f"/entity/{p['id']}" for p in found["people"]),
        "/search?q=%3Cscript%3Ealert(1)%3C/script%3E",
        "/events?place=%3Cimg%20src=x%20onerror=alert(1)%3E",
    ]
    return pages


def test_escaping_hostile_text_is_inert_in_every_page(client):
    for path in _pages(client):
        response = client.get(path)
        assert response.status_code == 200, path
        for raw in RAW:
            assert raw not in response.text, (path, raw)
        assert 'href="javascript:' not in response.text.lower(), path


def test_escaping_hostile_text_is_shown_as_text(client):
    article = _hostile(client)["article"]
    html = client.get(f"/article/{article}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Evil &lt;img src=x onerror=alert(1)&gt; Wire" in html
    assert "javascript:alert(1)" in html  # shown as text, never as a link


def test_escaping_snippet_marks_only_the_match(client):
    html = client.get("/search", params={"q": "alert"}).text
    assert "<mark>alert</mark>" in html
    assert "&lt;script&gt;<mark>alert</mark>(1)&lt;/script&gt;" in html


def test_escaping_json_keeps_the_raw_text_as_data(client):
    article = _hostile(client)["article"]
    response = client.get(f"/api/articles/{article}")
    assert response.headers["content-type"] == "application/json"
    assert "<script>alert(1)</script>" in response.json()["article"]["text"]


@pytest.mark.parametrize("path", ["/", "/events", "/api/events", "/api/docs"])
def test_escaping_content_security_policy_forbids_inline_scripts(client, path):
    policy = client.get(path).headers["content-security-policy"]
    assert "script-src 'self'" in policy
    assert "object-src 'none'" in policy
    if path != "/api/docs":
        assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
