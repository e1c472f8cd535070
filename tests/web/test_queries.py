"""The web's own queries on both backends: SQLite and (when configured) PostgreSQL."""

from __future__ import annotations

import pytest
from tests.conftest import WEB_HOSTILE

from kronika.settings import Settings
from kronika.web import graph, queries, review, views
from kronika.web.queries import EventFilter


@pytest.fixture
def hostile_store(any_store):
    from kronika.ingest.run import ingest

    ingest([str(WEB_HOSTILE)], Settings(), any_store)
    return any_store


@pytest.mark.parametrize(
    "f,types",
    [
        (EventFilter(), {"SENTENCE", "ARREST"}),
        (EventFilter(type="arrest"), {"ARREST"}),
        (EventFilter(place="khujand"), {"ARREST"}),
        (EventFilter(entity="Jamshed Karimov"), {"ARREST"}),
        (EventFilter(outlet="evil", min_confidence=0.9), {"SENTENCE"}),
        (EventFilter(since="2017-03", until="2017-03"), {"SENTENCE"}),
        (EventFilter(located=True, sort="-confidence"), {"SENTENCE", "ARREST"}),
        (EventFilter(review="confirmed"), set()),
    ],
)
def test_queries_find_events_filters(hostile_store, f, types):
    total, rows = queries.find_events(hostile_store, f)
    assert total == len(rows)
    assert {e["type"] for e in rows} == types


def test_queries_review_states_round_trip(hostile_store):
    _, rows = queries.find_events(hostile_store, EventFilter(sort="confidence"))
    first, second = rows[0]["id"], rows[1]["id"]
    review.record_review(hostile_store, first, "confirm", author="t")
    review.record_review(hostile_store, second, "edit", field="date", value="2017-01")
    states = {
        state: [e["id"] for e in queries.find_events(hostile_store, EventFilter(review=state))[1]]
        for state in ("confirmed", "edited", "unreviewed")
    }
    assert states == {"confirmed": [first], "edited": [second], "unreviewed": []}
    assert queries.get_event(hostile_store, second)["date"] == "2017-01"
    review.record_review(hostile_store, second, "merge", value={"into": first})
    assert queries.get_event(hostile_store, second)["review"]["merged_into"] == first


def test_queries_points_graph_and_pages(hostile_store):
    points = views.map_points(hostile_store, EventFilter())["points"]
    assert {p["place"] for p in points} == {"Dushanbe", "Khujand"}
    network = graph.graph(hostile_store)
    assert network["nodes"] and network["edges"]
    person = next(n for n in network["nodes"] if n["name"] == "Farrukh Karimov")
    page = views.entity(hostile_store, person["id"])
    assert "SENTENCE" in [e["type"] for e in page["case_history"]]
    assert page["co_occurring"]
    article = views.article(hostile_store, page["case_history"][-1]["sources"][0]["article_id"])
    assert article["evidence"] and article["mentions"]
    assert views.search(hostile_store, "Karimov")["events"]
    assert queries.events_per_month(hostile_store)
