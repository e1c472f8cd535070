"""Co-occurrence counts (``co_mentions``) and the ``located`` flag stay equal to a recount."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import delete, select, update

from kronika.store import resolved
from kronika.store.cooccurrence import month_bounds, rebuild_co_mentions
from kronika.store.migrations import migrate
from kronika.store.schema import co_mentions, entities, events, migrations_table


def _counts(store):
    with store.engine.connect() as conn:
        rows = conn.execute(select(co_mentions)).all()
    return {(r.entity_a, r.entity_b, r.month): r.articles for r in rows}


def _recounted(store):
    with store.engine.begin() as conn:
        rebuild_co_mentions(conn)
    return _counts(store)


def _from(result, source, **article):
    """``result`` as a different input (its own source) with other article fields."""
    raw = replace(result.raw, source=source, content_hash="")
    articles = tuple(
        replace(a, article=replace(a.article, input_hash=raw.content_hash, **article))
        for a in result.articles
    )
    return replace(result, raw=raw, articles=articles)


def _ids(store):
    with store.engine.connect() as conn:
        return dict(conn.execute(select(entities.c.name, entities.c.id)).all())


def test_writes_count_each_article_once_per_pair_and_month(any_store, make_input_result):
    any_store.write_input(make_input_result("a", " One."))
    any_store.write_input(_from(make_input_result("b", " Two."), "other"))
    any_store.write_input(_from(make_input_result("c", " Three."), "third", published=None))
    ids = _ids(any_store)
    pair = tuple(sorted((ids["Farrukh Nazarov"], ids["Khujand"])))
    counts = _counts(any_store)
    assert counts[(*pair, "2021-03")] == 2
    assert counts[(*pair, "")] == 1
    assert len(counts) == 6  # three pairs, two months
    assert counts == _recounted(any_store)


def test_superseded_articles_leave_the_counts(any_store, make_input_result):
    any_store.write_input(_from(make_input_result("a", " One."), "feed"))
    any_store.write_input(_from(make_input_result("b", " Two."), "other"))
    # The same source and id with new content replaces the first version.
    any_store.write_input(_from(make_input_result("a", " One, edited."), "feed"))
    assert set(_counts(any_store).values()) == {2}
    assert _counts(any_store) == _recounted(any_store)


def test_resolution_and_reextraction_recount_on_representatives(any_store, make_input_result):
    any_store.write_input(make_input_result("a", " One."))
    ids = _ids(any_store)
    person, place = ids["Farrukh Nazarov"], ids["Khujand"]
    with any_store.engine.begin() as conn:
        # Khujand merged into Farrukh Nazarov: their pair is inside one cluster now.
        resolved.save_resolution(conn, {place: person, person: person}, [], {}, "w", {})
    court = ids["Sughd regional court"]
    assert _counts(any_store) == {(min(person, court), max(person, court), "2021-03"): 1}
    any_store.write_input(_from(make_input_result("b", " Two."), "other"))
    assert _counts(any_store) == {(min(person, court), max(person, court), "2021-03"): 2}
    assert _counts(any_store) == _recounted(any_store)
    with any_store.engine.begin() as conn:
        resolved.clear_machine_rows(conn)
    assert _counts(any_store) == {}


def test_migration_fills_counts_and_located_for_stored_rows(any_store, make_input_result):
    any_store.write_input(make_input_result("a", " One."))
    expected = _counts(any_store)
    with any_store.engine.begin() as conn:
        conn.execute(delete(co_mentions))
        conn.execute(update(events).values(located=None))
        conn.execute(
            # a database from before m005 has none of the later migrations either
            delete(migrations_table).where(migrations_table.c.name >= "m005")
        )
    assert migrate(any_store.engine, any_store.label) == [
        "m005_co_occurrence",
        "m006_input_source",
        "m007_language",
        "m008_entity_blocks",
    ]
    assert _counts(any_store) == expected
    with any_store.engine.connect() as conn:
        located = dict(conn.execute(select(events.c.type, events.c.located)).all())
    assert located == {"ARREST": True, "SENTENCE": False}


def test_month_bounds_tell_when_counts_filter_exactly():
    assert month_bounds(None, None)
    assert month_bounds("2010", "2012-03")
    assert not month_bounds("2010-03-04", None)
