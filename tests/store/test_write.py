"""Writing inputs: one transaction per input, idempotent, every fact keeps its span."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kronika.errors import StoreError
from kronika.model import ArticleResult, InputResult, RawInput, Skip


def test_write_input_stores_articles_entities_events_and_claims(any_store, make_input_result):
    result = make_input_result()
    assert any_store.write_input(result) is True
    assert any_store.has_input(result.raw.content_hash)
    assert any_store.summary() == {
        "articles": 1,
        "inputs": 1,
        "entities": {"LOC": 1, "ORG": 1, "PERSON": 1},
        "events": {"ARREST": 1, "SENTENCE": 1},
        "claims": 1,
        "skips": {},
    }


def test_write_input_twice_is_a_no_op(any_store, make_input_result):
    result = make_input_result()
    assert any_store.write_input(result) is True
    before = any_store.summary()
    assert any_store.write_input(result) is False
    assert any_store.summary() == before


def test_write_input_merges_entities_across_inputs(any_store, make_input_result):
    any_store.write_input(make_input_result("herald-1"))
    any_store.write_input(make_input_result("herald-2", suffix=" More to follow."))
    people = any_store.entities(type="PERSON")
    assert [(p["name"], p["mentions"]) for p in people] == [("Farrukh Nazarov", 4)]
    assert people[0]["aliases"] == ["Nazarov"]
    assert len(any_store.events(type="SENTENCE")) == 2


@pytest.mark.parametrize("name", ["farrukh  NAZAROV", "Farrukh Nazarov"])
def test_write_input_finds_entity_by_normalized_key(any_store, make_input_result, name):
    any_store.write_input(make_input_result())
    result = make_input_result("herald-2", suffix=" Again.")
    first = result.articles[0]
    person = replace(first.entities[0], name=name, aliases=())
    changed = replace(result, articles=(replace(first, entities=(person,)),))
    any_store.write_input(changed)
    people = any_store.entities(type="PERSON")
    assert len(people) == 1
    assert people[0]["name"] == "Farrukh Nazarov"
    expected = ["Nazarov"] if name == "Farrukh Nazarov" else ["Nazarov", name]
    assert people[0]["aliases"] == expected


def test_write_input_keeps_article_and_span_of_every_fact(any_store, make_input_result):
    any_store.write_input(make_input_result())
    text = any_store.get("art1")["text"]
    facts = any_store.events() + any_store.claims()
    sources = [source for fact in facts for source in fact["sources"]]
    assert len(sources) == 3
    for source in sources:
        assert source["article_id"] == "art1"
        assert text[source["start"] : source["end"]] == source["evidence"]
    for mention in any_store.get("ent1")["mention_list"]:
        assert text[mention["start"] : mention["end"]] == mention["text"]


def _duplicate_part(result: InputResult) -> InputResult:
    # The second article claims the same (input, part) as the first: a constraint violation.
    return replace(result, articles=(result.articles[0], result.articles[0]))


def _unstorable_arg(result: InputResult) -> InputResult:
    first = result.articles[0]
    broken = replace(first.events[1], args={"count": {object()}})  # type: ignore[dict-item]
    return replace(result, articles=(replace(first, events=(first.events[0], broken)),))


@pytest.mark.parametrize(
    "breaking,error",
    [(_duplicate_part, StoreError), (_unstorable_arg, TypeError)],
)
def test_write_input_failure_leaves_nothing(any_store, make_input_result, breaking, error):
    result = breaking(make_input_result())
    with pytest.raises(error):
        any_store.write_input(result)
    assert not any_store.has_input(result.raw.content_hash)
    summary = any_store.summary()
    assert (summary["articles"], summary["inputs"], summary["claims"]) == (0, 0, 0)
    assert summary["entities"] == {} and summary["events"] == {}
    # The same input, unbroken, can still be written afterwards.
    assert any_store.write_input(make_input_result()) is True


def test_write_input_failure_message_names_the_input(any_store, make_input_result):
    with pytest.raises(StoreError, match=r"^tests: cannot store 'herald-1': "):
        any_store.write_input(_duplicate_part(make_input_result()))


def test_write_input_with_skip_records_it_once(any_store):
    raw = RawInput(source="feed.xml", external_id="item-9", body="")
    skipped = InputResult(raw=raw, skip=Skip("feed.xml", "clean", "empty after cleaning"))
    assert any_store.write_input(skipped) is False
    assert any_store.write_input(skipped) is False
    assert not any_store.has_input(raw.content_hash)
    skips = any_store.skips()
    assert len(skips) == 1
    assert skips[0]["input_hash"] == raw.content_hash
    assert skips[0]["external_id"] == "item-9"
    assert any_store.summary()["skips"] == {"empty after cleaning": 1}


def test_write_skip_dedupes_on_source_and_reason(any_store):
    any_store.write_skip(Skip("broken.pdf", "read", "unsupported format"))
    any_store.write_skip(Skip("broken.pdf", "read", "unsupported format"))
    any_store.write_skip(Skip("other.pdf", "read", "unsupported format"))
    assert [s["source"] for s in any_store.skips()] == ["broken.pdf", "other.pdf"]
    assert set(any_store.skips()[0]) == {
        "source",
        "external_id",
        "input_hash",
        "stage",
        "reason",
        "at",
    }


def test_write_input_with_no_articles_records_the_input(any_store):
    raw = RawInput(source="tests", external_id="blank", body="nothing here")
    assert any_store.write_input(InputResult(raw=raw, articles=())) is True
    assert any_store.has_input(raw.content_hash)


def test_write_input_duplicate_event_in_one_article_is_stored_once(any_store, make_input_result):
    result = make_input_result()
    first = result.articles[0]
    doubled = replace(first, events=first.events + first.events[:1])
    any_store.write_input(replace(result, articles=(doubled,)))
    assert len(any_store.events(type="SENTENCE")) == 1


def test_write_input_links_event_arguments_to_entities(any_store, make_input_result):
    any_store.write_input(make_input_result())
    for who in ("ent1", "Farrukh Nazarov", "nazarov", "Sughd regional court"):
        assert [e["type"] for e in any_store.events(entity=who)] == ["SENTENCE"], who
    assert any_store.events(entity="Khujand") == []


def test_write_input_two_parts_of_one_input(any_store, make_input_result):
    result = make_input_result()
    first = result.articles[0]
    second = ArticleResult(article=replace(first.article, part=1, external_id="herald-1#2"))
    any_store.write_input(replace(result, articles=(first, second)))
    assert [a["external_id"] for a in any_store.articles()] == ["herald-1", "herald-1#2"]


def test_write_input_text_with_nul_keeps_spans(any_store, make_input_result):
    result = make_input_result(suffix=" Broken\x00byte.")
    any_store.write_input(result)
    text = any_store.get("art1")["text"]
    assert len(text) == len(result.articles[0].article.text)
    assert "\x00" not in text


def test_write_input_same_entity_twice_in_one_article_is_one_entity(any_store, make_input_result):
    result = make_input_result()
    first = result.articles[0]
    person = first.entities[0]
    again = replace(person, name="FARRUKH NAZAROV", aliases=("F. Nazarov",))
    twice = replace(first, entities=(*first.entities, again))
    any_store.write_input(replace(result, articles=(twice,)))
    (stored,) = any_store.entities(type="PERSON")
    assert stored["name"] == "Farrukh Nazarov"
    assert sorted(stored["aliases"]) == sorted(["Nazarov", "FARRUKH NAZAROV", "F. Nazarov"])
    assert stored["mentions"] == 2 * len(person.mentions)
