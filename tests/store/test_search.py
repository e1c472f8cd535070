"""Full-text search: hits, highlighted snippets, and queries that must not break it."""

from __future__ import annotations

from typing import Any

import pytest

from kronika.store.search import fts5_query, split_marks

HIT_KEYS = ["article_id", "external_id", "title", "language", "snippet", "highlights"]


@pytest.fixture
def searchable(any_store, make_input_result):
    any_store.write_input(make_input_result("herald-1"))
    any_store.write_input(
        make_input_result(
            "herald-2",
            suffix=" Separately, a bombing in Kulob wounded three guards.",
            title="Blast in Kulob",
        )
    )
    return any_store


@pytest.mark.parametrize(
    "query,ids",
    [
        ("Nazarov", ["art1", "art2"]),
        ("bombing Kulob", ["art2"]),
        ('"wounded three guards"', ["art2"]),
        ('"guards three wounded"', []),
        ("blast", ["art2"]),  # title only
        ("sentence", ["art1", "art2"]),  # stemmed: matches "sentenced"
        ("nobodyknowsthisword", []),
    ],
)
def test_search_finds_articles(searchable, query, ids):
    assert sorted(hit["article_id"] for hit in searchable.search(query)) == ids


def test_search_hit_shape_and_highlights(searchable):
    [hit] = searchable.search("Kulob bombing")
    assert list(hit) == HIT_KEYS
    assert hit["external_id"] == "herald-2"
    assert hit["title"] == "Blast in Kulob"
    assert "\x02" not in hit["snippet"] and "<b>" not in hit["snippet"]
    marked = [hit["snippet"][start:end] for start, end in hit["highlights"]]
    assert marked and {m.lower() for m in marked} <= {"kulob", "bombing"}


def test_search_limit(searchable):
    assert len(searchable.search("Nazarov", limit=1)) == 1


@pytest.mark.parametrize(
    "query",
    [
        '"unbalanced',
        "AND OR",
        "*",
        "NOT",
        "NEAR(",
        "title:x",
        "a\"b'c",
        "))((",
        "-",
        "",
        "   ",
        "Nazarov AND",
        "^",
        "'; DROP TABLE articles; --",
        "\x00",
        "nazarov*",
    ],
)
def test_search_hostile_queries_do_not_raise(searchable, query):
    hits = searchable.search(query)
    assert isinstance(hits, list)
    assert len(searchable.articles()) == 2


def test_search_unbalanced_quote_still_searches_the_word(searchable):
    assert [h["article_id"] for h in searchable.search('"Kulob')] == ["art2"]


@pytest.mark.parametrize(
    "query,expected",
    [
        ("Nazarov", '"Nazarov"'),
        ('"unbalanced', '"unbalanced"'),
        ("AND OR", '"AND" "OR"'),
        ("*", None),
        ("", None),
        ('"Sughd court" jailed', '"Sughd court" "jailed"'),
        ("al-Qaeda", '"al Qaeda"'),
        ("nazar*", '"nazar"*'),
        ("NEAR(a b)", '"NEAR a" "b"'),
    ],
)
def test_fts5_query_quotes_every_term(query, expected):
    assert fts5_query(query) == expected


@pytest.mark.parametrize(
    "marked,plain,highlights",
    [
        ("no marks", "no marks", []),
        ("a \x02b\x03 c \x02dd\x03", "a b c dd", [[2, 3], [6, 8]]),
        ("\x02\x03empty", "empty", []),
    ],
)
def test_split_marks(marked, plain, highlights):
    assert split_marks(marked) == (plain, highlights)


def _result(external_id: str, text: str, language: str, names: dict[str, list[str]]) -> Any:
    from kronika.model import Article, ArticleResult, Entity, InputResult, Mention, RawInput

    raw = RawInput(source="tests", external_id=external_id, body=text)
    entities = tuple(
        Entity(
            name,
            "PERSON",
            tuple(forms),
            tuple(
                Mention(f, text.index(f), text.index(f) + len(f))
                for f in [name, *forms]
                if f in text
            ),
        )  # fmt: skip
        for name, forms in names.items()
    )
    article = Article(
        external_id=external_id,
        input_hash=raw.content_hash,
        part=0,
        text=text,
        source="tests",
        title=text.split(".")[0],
        language=language,
    )
    return InputResult(raw=raw, articles=(ArticleResult(article=article, entities=entities),))


@pytest.fixture
def bilingual(any_store):
    store = any_store
    store.write_input(
        _result(
            "ru-1",
            "Суд вынес приговор. Джахонгира Муродова приговорили к пяти годам колонии.",
            "ru",
            {"Джахонгир Муродов": ["Джахонгира Муродова"]},
        )
    )
    store.write_input(
        _result(
            "en-1",
            "A court in Dushanbe jailed Jahongir Murodov for five years.",
            "en",
            {"Jahongir Murodov": []},
        )
    )
    return store


@pytest.mark.parametrize(
    "query,ids",
    [
        ("приговоры", ["art1"]),  # another form of "приговор"
        ("колония", ["art1"]),  # "колонии" in the text
        ("Муродов", ["art1", "art2"]),  # both scripts
        ("Murodov", ["art1", "art2"]),
        ("jailed", ["art2"]),
    ],
)
def test_search_russian_inflections_and_both_scripts(bilingual, query, ids):
    assert sorted(hit["article_id"] for hit in bilingual.search(query)) == ids


def test_search_and_list_by_language(bilingual):
    assert [h["article_id"] for h in bilingual.search("Murodov", language="ru")] == ["art1"]
    assert [a["id"] for a in bilingual.articles(language="en")] == ["art2"]
    assert [a["language"] for a in bilingual.articles()] == ["ru", "en"]


def test_fts5_query_expands_a_word_into_alternatives():
    expanded = fts5_query("суд Osh", lambda w: ["суда", "суду"] if w == "суд" else [])
    assert expanded == '("суд" OR "суда" OR "суду") "Osh"'
