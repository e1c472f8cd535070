"""Reads: the exact JSON shapes, ids, filters, paging and NotFound."""

from __future__ import annotations

import json

import pytest

from kronika.errors import NotFound
from kronika.store.query import parse_id

ARTICLE_KEYS = ["id", "external_id", "title", "outlet", "published", "language", "url", "chars"]
ENTITY_KEYS = ["id", "type", "name", "aliases", "mentions"]
EVENT_KEYS = ["id", "type", "date", "location", "args", "sources", "confidence", "flags", "markers"]
CLAIM_KEYS = ["id", "quantity", "about", "claimant", "contested", "sources", "markers"]
SOURCE_KEYS = ["article_id", "external_id", "outlet", "published", "evidence", "start", "end"]
PLACE_KEYS = ["name", "country", "admin1", "lat", "lon"]


@pytest.fixture
def filled(any_store, make_input_result):
    any_store.write_input(make_input_result("herald-1"))
    any_store.write_input(
        make_input_result("herald-2", suffix=" Appeal due.", published="2021-05-01", title=None)
    )
    return any_store


def test_articles_shape(filled):
    articles = filled.articles()
    assert [list(a) for a in articles] == [ARTICLE_KEYS, ARTICLE_KEYS]
    first = articles[0]
    assert first["id"] == "art1"
    assert first["external_id"] == "herald-1"
    assert first["outlet"] == "Example Herald"
    assert first["published"] == "2021-03-04"
    assert first["url"] == "https://example.org/nazarov"
    assert first["chars"] == len(filled.get("art1")["text"])
    assert articles[1]["title"] is None
    json.dumps(articles)


def test_entities_shape_and_order(filled):
    found = filled.entities()
    assert all(list(e) == ENTITY_KEYS for e in found)
    assert found[0] == {
        "id": found[0]["id"],
        "type": "PERSON",
        "name": "Farrukh Nazarov",
        "aliases": ["Nazarov"],
        "mentions": 4,
    }
    counts = [e["mentions"] for e in found]
    assert counts == sorted(counts, reverse=True)
    assert found[0]["id"].startswith("ent")


def test_event_shape(filled):
    sentence = filled.events(type="SENTENCE")[0]
    assert list(sentence) == EVENT_KEYS
    assert sentence["id"] == "evt1"
    assert sentence["args"] == {
        "defendant": ["Farrukh Nazarov"],
        "court": "Sughd regional court",
        "term_years": 9,
    }
    assert sentence["date"] == "2021-03-03"
    assert sentence["location"] is None
    assert sentence["confidence"] == 0.9
    assert sentence["flags"] == ["contested"] and sentence["markers"] == ["denied"]
    [source] = sentence["sources"]
    assert list(source) == SOURCE_KEYS
    assert source["article_id"] == "art1"
    assert source["outlet"] == "Example Herald"
    assert source["evidence"].startswith("The Sughd regional court sentenced")
    arrest = filled.events(type="arrest")[0]
    assert list(arrest["location"]) == PLACE_KEYS
    assert arrest["location"]["name"] == "Khujand"
    assert arrest["location"]["lat"] == 40.28
    json.dumps(filled.events())


def test_claim_shape(filled):
    claim = filled.claims()[0]
    assert list(claim) == CLAIM_KEYS
    assert claim["id"] == "clm1"
    assert claim["quantity"] == 312 and isinstance(claim["quantity"], int)
    assert claim["about"] == "people questioned in the case"
    assert claim["claimant"] == "prosecutor's office"
    assert claim["contested"] is False
    assert [list(s) for s in claim["sources"]] == [SOURCE_KEYS]


@pytest.mark.parametrize(
    "id,kind,extra",
    [
        ("art1", "article", ["text"]),
        ("ent1", "entity", ["place", "mention_list", "events"]),
        ("evt2", "event", []),
        ("clm2", "claim", []),
    ],
)
def test_get_dispatches_on_prefix(filled, id, kind, extra):
    found = filled.get(id)
    base = {
        "article": ARTICLE_KEYS,
        "entity": ENTITY_KEYS,
        "event": EVENT_KEYS,
        "claim": CLAIM_KEYS,
    }[kind]
    assert list(found) == base + extra
    assert found["id"] == id


def test_get_entity_lists_mentions_and_events(filled):
    person = filled.get("ent1")
    assert [(m["article_id"], m["text"]) for m in person["mention_list"]] == [
        ("art1", "Farrukh Nazarov"),
        ("art1", "Nazarov"),
        ("art2", "Farrukh Nazarov"),
        ("art2", "Nazarov"),
    ]
    assert [e["type"] for e in person["events"]] == ["SENTENCE", "SENTENCE"]


@pytest.mark.parametrize("bad", ["evt999", "art0", "ent42", "xyz", "evt", "", "evt-1", "EVT1"])
def test_get_unknown_id_raises_not_found(filled, bad):
    with pytest.raises(NotFound):
        filled.get(bad)


def test_not_found_is_a_key_error_with_a_clear_message(filled):
    with pytest.raises(KeyError, match="no event evt999"):
        filled.get("evt999")
    with pytest.raises(NotFound, match="ids look like art12, ent3, evt7 or clm2"):
        filled.get("banana")


@pytest.mark.parametrize(
    "value,expected",
    [
        ("art12", ("article", 12)),
        ("ent3", ("entity", 3)),
        (" evt7 ", ("event", 7)),
        ("clm2", ("claim", 2)),
    ],
)
def test_parse_id(value, expected):
    assert parse_id(value) == expected


@pytest.mark.parametrize(
    "filters,expected",
    [
        ({}, ["ARREST", "ARREST", "SENTENCE", "SENTENCE"]),
        ({"type": "SENTENCE"}, ["SENTENCE", "SENTENCE"]),
        ({"since": "2021-03-01"}, ["SENTENCE", "SENTENCE"]),
        ({"until": "2021-02"}, ["ARREST", "ARREST"]),
        ({"until": "2021-03"}, ["ARREST", "ARREST", "SENTENCE", "SENTENCE"]),
        ({"since": "2021-03-04"}, []),
        ({"entity": "Nazarov", "type": "ARREST"}, []),
        ({"limit": 1, "offset": 1}, ["ARREST"]),
    ],
)
def test_events_filters(filled, filters, expected):
    assert [e["type"] for e in filled.events(**filters)] == expected


def test_events_sorted_by_date(filled):
    dates = [e["date"] for e in filled.events()]
    assert dates == ["2021-02", "2021-02", "2021-03-03", "2021-03-03"]


@pytest.mark.parametrize(
    "filters,expected",
    [
        ({"type": "loc"}, ["Khujand"]),
        ({"q": "nazar"}, ["Farrukh Nazarov"]),
        ({"q": "COURT"}, ["Sughd regional court"]),
        ({"q": "100%_"}, []),
        ({"limit": 1}, ["Farrukh Nazarov"]),
    ],
)
def test_entities_filters(filled, filters, expected):
    assert [e["name"] for e in filled.entities(**filters)] == expected


def test_articles_and_claims_paging(filled):
    assert [a["id"] for a in filled.articles(limit=1, offset=1)] == ["art2"]
    assert [c["id"] for c in filled.claims(offset=1)] == ["clm2"]
    assert filled.claims(limit=0) == []


def test_summary_counts(filled):
    assert filled.summary() == {
        "articles": 2,
        "inputs": 2,
        "entities": {"LOC": 1, "ORG": 1, "PERSON": 1},
        "events": {"ARREST": 2, "SENTENCE": 2},
        "claims": 2,
        "skips": {},
    }


def test_events_undated_come_last(any_store, make_input_result):
    from dataclasses import replace

    result = make_input_result()
    first = result.articles[0]
    undated = replace(first.events[0], date=None)
    any_store.write_input(
        replace(result, articles=(replace(first, events=(undated,) + first.events[1:]),))
    )
    assert [e["date"] for e in any_store.events()] == ["2021-02", None]
    assert any_store.events(since="2000") == any_store.events(type="ARREST")
