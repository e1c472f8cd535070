"""Cross-article resolution on the real store: merges, splits, events, and reprocess."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kronika.model import Article, ArticleResult, Entity, Event, Evidence, InputResult, RawInput
from kronika.resolve.corpus import correct_entity, explain, reprocess_corpus, resolve_corpus
from kronika.settings import Settings


def _result(ident: str, text: str, people: list[str], event: Event) -> InputResult:
    raw = RawInput(source="tests", external_id=ident, body=text)
    article = Article(external_id=ident, input_hash=raw.content_hash, part=0, text=text)
    entities = tuple(Entity(name, "PERSON") for name in people)
    return InputResult(raw=raw, articles=(ArticleResult(article, entities, (event,)),))


def _sentence(text: str, who: str, years: int, date: str) -> Event:
    return Event(
        "SENTENCE",
        {"defendant": [who], "term_years": years},
        (Evidence(text, 0, len(text)),),
        date=date,
    )


@pytest.fixture
def two_reports(any_store: Any) -> Any:
    """Two outlets report one verdict with different terms; a namesake is sentenced apart."""
    one = "A court sentenced Gulmurod Khalimov to 20 years on March 3."
    two = "Gulmorod Halimov was jailed for 25 years in March."
    three = "Sultonmurod Halimov was sentenced to 9 years in 2019."
    any_store.write_input(
        _result(
            "a", one, ["Gulmurod Khalimov"], _sentence(one, "Gulmurod Khalimov", 20, "2016-03-03")
        )
    )
    any_store.write_input(
        _result("b", two, ["Gulmorod Halimov"], _sentence(two, "Gulmorod Halimov", 25, "2016-03"))
    )
    any_store.write_input(
        _result(
            "c", three, ["Sultonmurod Halimov"], _sentence(three, "Sultonmurod Halimov", 9, "2019")
        )
    )
    resolve_corpus(any_store, Settings())
    return any_store


def test_resolve_corpus_merges_variants_and_keeps_namesakes_apart(two_reports: Any) -> None:
    names = {e["name"]: e["aliases"] for e in two_reports.entities(type="PERSON")}
    assert len(names) == 2 and "Sultonmurod Halimov" in names
    merged = [aliases for name, aliases in names.items() if name != "Sultonmurod Halimov"][0]
    assert {"Gulmurod Khalimov", "Gulmorod Halimov"} & set(merged)


def test_resolve_corpus_merges_event_and_keeps_disagreement(two_reports: Any) -> None:
    events = two_reports.events(type="SENTENCE")
    assert len(events) == 2
    merged = next(e for e in events if e.get("merged"))
    assert merged["corroboration"] == 2 and len(merged["sources"]) == 2
    values = {d["value"] for d in merged["disagreements"]["term_years"]}
    assert values == {20, 25}


def test_resolve_corpus_skips_unchanged_corpus(two_reports: Any) -> None:
    assert resolve_corpus(two_reports, Settings()).unchanged


def test_split_undoes_machine_merge_and_explain_says_why(two_reports: Any) -> None:
    before = explain(two_reports, Settings(), "Gulmurod Khalimov", "Gulmorod Halimov")
    assert before["same_entity"] and before["links"]
    correct_entity(
        two_reports, Settings(), "split", "Gulmurod Khalimov", "Gulmorod Halimov", author="analyst"
    )
    after = explain(two_reports, Settings(), "Gulmurod Khalimov", "Gulmorod Halimov")
    assert not after["same_entity"] and after["human"][0]["action"] == "split"
    assert len(two_reports.events(type="SENTENCE")) == 3


def test_entity_rename_and_alias_overlay(two_reports: Any) -> None:
    shown = correct_entity(
        two_reports, Settings(), "rename", "Sultonmurod Halimov", "Sultonmurod Khalimov"
    )
    assert shown["name"] == "Sultonmurod Khalimov"
    shown = correct_entity(two_reports, Settings(), "alias", "Sultonmurod Halimov", "S. Halimov")
    assert "S. Halimov" in shown["aliases"]


@pytest.mark.model
def test_reprocess_neither_loses_nor_duplicates_corrections(
    tmp_path: Path, dev_articles: Path
) -> None:
    from kronika.ingest.run import ingest
    from kronika.store.store import open_store

    settings = Settings(db=str(tmp_path / "k.db"))
    with open_store(settings.db) as store:
        ingest(
            [str(dev_articles / "seed-000.txt"), str(dev_articles / "seed-002.txt")],
            settings,
            store,
        )
        first, second = store.events()[:2]
        store.correct(first["id"], "reject", author="a")
        store.correct(second["id"], "edit", field="args.term_years", value=99, author="b")
        person = store.entities(type="PERSON")[0]
        store.correct(person["id"], "rename", value="Renamed Person", author="c")
        before = store.all_corrections()
        counts = reprocess_corpus(store, settings)
        after = store.all_corrections()
        assert counts["orphaned"] == 0 and len(after) == len(before) == 3
        assert [c["target_key"] for c in after] == [c["target_key"] for c in before]
        shown = {e["id"]: e for e in store.events()}
        edited = next(c["target"] for c in after if c["action"] == "edit")
        rejected = next(c["target"] for c in after if c["action"] == "reject")
        assert rejected not in shown
        assert any(e["args"].get("term_years") == 99 for e in shown.values()), edited
        assert any(e["name"] == "Renamed Person" for e in store.entities(type="PERSON"))
        reprocess_corpus(store, settings)
        assert len(store.all_corrections()) == 3
