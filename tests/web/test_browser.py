"""The web UI in real headless Chromium: every page renders, the story of one case can be followed.

Screenshots of each page go to artifacts/screenshots/ (gitignored).
"""

from __future__ import annotations

import json
import re
import urllib.request
from pathlib import Path

import pytest
from tests.conftest import REPO, WEB_TOKEN

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect

# Resolution may name him in either transliteration.
MIRZOYEV = re.compile(r"Umar Mirzoy?ev")
SHOTS = REPO / "artifacts" / "screenshots"

# Counts canvas pixels that are not fully transparent: a blank canvas has none.
PAINTED_PIXELS = """(canvas) => {
  const ctx = canvas.getContext('2d');
  const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
  let n = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
  return n;
}"""


@pytest.fixture
def page(browser, live_server):
    """A fresh page that records console errors and uncaught exceptions."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=live_server)
    opened = context.new_page()
    opened.errors = []
    opened.on("pageerror", lambda exc: opened.errors.append(str(exc)))
    opened.on(
        "console", lambda msg: opened.errors.append(msg.text) if msg.type == "error" else None
    )
    yield opened
    context.close()


def _shot(page, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000
    return path


def _api(live_server: str, path: str) -> dict:
    with urllib.request.urlopen(live_server + path, timeout=10) as response:
        return json.load(response)


def test_browser_overview_draws_the_chart(page, live_server):
    page.goto("/")
    canvas = page.locator("#per-month-chart[data-rendered=true]")
    canvas.wait_for(timeout=10_000)
    assert canvas.evaluate(PAINTED_PIXELS) > 2_000
    months = {row["month"] for row in _api(live_server, "/api/overview")["per_month"]}
    assert months
    assert page.locator("ol.top-list li a").count() >= 10
    _shot(page, "01-overview")
    assert page.errors == []


def test_browser_filter_events_then_follow_a_person(page):
    page.goto("/events")
    page.select_option("select[name=type]", "SENTENCE")
    page.fill("input[name=entity]", "Umar Mirzoyev")
    page.click("#event-filters button")
    page.wait_for_url("**/events?*type=SENTENCE*")
    rows = page.locator("#events-table tr[data-event]")
    assert rows.count() >= 1
    assert set(rows.locator(".tag").all_inner_texts()) == {"SENTENCE"}
    _shot(page, "02-events-filtered")

    rows.first.locator("a").first.click()
    page.wait_for_url("**/event/evt*")
    assert page.locator("h1 .tag").inner_text() == "SENTENCE"
    assert page.locator("article.source mark.evidence").first.inner_text().strip()
    _shot(page, "03-event")

    page.locator("ul.participants a", has_text=MIRZOYEV).first.click()
    page.wait_for_url("**/entity/ent*")
    assert MIRZOYEV.match(page.locator("h1.entity-name").inner_text())
    assert page.locator("ol.timeline li").count() >= 1
    page.locator("#ego-graph[data-rendered=true]").wait_for(timeout=10_000)
    _shot(page, "04-person")
    assert page.errors == []


def test_browser_article_highlights_mentions_and_evidence(page, live_server):
    articles = _api(live_server, "/api/articles?limit=1000")["articles"]
    hostile = next(a for a in articles if a["external_id"] == "hostile-1")
    page.goto(f"/article/{hostile['id']}")
    assert page.locator(".article-text a.ent").count() >= 3
    assert page.locator(".article-text mark.evidence").count() >= 2
    # The article's markup is text: no element it names exists in the page.
    assert page.locator(".article-text script, .article-text img").count() == 0
    assert "<script>alert(1)</script>" in page.locator(".article-text").inner_text()
    _shot(page, "05-article")
    assert page.errors == []


def test_browser_map_draws_borders_and_markers(page, live_server):
    page.goto("/map")
    box = page.locator("#map[data-rendered=true]")
    box.wait_for(timeout=15_000)
    expected = len(_api(live_server, "/api/map")["points"])
    assert expected > 0
    assert int(box.get_attribute("data-points")) == expected
    assert page.locator(".leaflet-overlay-pane path").count() > 100  # country borders
    shown = page.locator(".leaflet-marker-pane .leaflet-marker-icon")
    assert 0 < shown.count() <= expected  # clusters stand for several markers
    clustered = page.locator(".marker-cluster span").all_inner_texts()
    singles = shown.count() - len(clustered)
    assert sum(int(n) for n in clustered) + singles == expected
    _shot(page, "06-map")
    assert page.errors == []


def test_browser_network_draws_every_node(page, live_server):
    page.goto("/network")
    box = page.locator("#network[data-rendered=true]")
    box.wait_for(timeout=15_000)
    graph = _api(live_server, "/api/graph")
    assert int(box.get_attribute("data-nodes")) == len(graph["nodes"]) > 10
    assert int(box.get_attribute("data-edges")) == len(graph["edges"]) > 0
    assert page.evaluate("window.kronikaGraph.nodes().length") == len(graph["nodes"])
    painted = page.locator("#network canvas").evaluate_all(
        f"(cs) => cs.map({PAINTED_PIXELS}).reduce((a, b) => a + b, 0)"
    )
    assert painted > 1_000
    _shot(page, "07-network")
    assert page.errors == []


def test_browser_review_needs_the_token(page, live_server):
    page.goto("/review")
    first = page.locator("#review-table tr[data-event]").first
    event_id = first.get_attribute("data-event")

    page.fill("#token", "not-the-token")
    first.locator("button[data-action=confirm]").click()
    expect(first.locator(".result")).to_have_text(re.compile(r"^403"))
    page.errors.clear()  # the refused request is logged by the browser as a 403

    page.fill("#token", WEB_TOKEN)
    first.locator("button[data-action=confirm]").click()
    expect(first.locator(".result")).to_have_text("confirmed")
    _shot(page, "08-review")
    state = _api(live_server, f"/api/events/{event_id}")["event"]["review"]["state"]
    assert state == "confirmed"


def test_browser_search_and_claims_render(page):
    page.goto("/search?q=Mirzoyev")
    assert page.locator("blockquote.snippet mark").count() >= 1
    _shot(page, "09-search")
    page.goto("/claims")
    assert page.locator("section.claim-group").count() >= 1
    _shot(page, "10-claims")
    assert page.errors == []
