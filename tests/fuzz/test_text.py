"""The text stages never crash on random text: cleaning, splitting and metadata guesses."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kronika.errors import ArticleSkipped
from kronika.model import Document, RawInput
from kronika.text.furniture import strip_furniture
from kronika.text.metadata import (
    describe,
    detect_language,
    find_author,
    find_date,
    find_outlet,
    find_title,
    normalize_published,
    parse_date,
)
from kronika.text.split import split_document

FUZZ = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)

#: Lines that look like what the stages look for, mixed with noise, so the fuzzing
#: reaches the date, dateline, digest-header and sign-off branches, not only "no match".
LINES = st.one_of(
    st.text(max_size=120),
    st.sampled_from([
        "", "Posted on December 1, 2016", "By Staff Reporter", "DUSHANBE (Reuters) -",
        "Weekly digest", "Connect via Facebook", "* denotes required field",
        "Published: 2016-13-45", "Reuters", "© 2016", "Date: 31 February 2015 | 10:00",
        "RFE/RL", "Post a Comment",
        "The court sentenced him to nine years in prison on charges of extremism, officials said.",
    ]),
)  # fmt: skip
TEXTS = st.one_of(st.text(max_size=3000), st.lists(LINES, max_size=40).map("\n".join))


@FUZZ
@given(text=TEXTS)
def test_strip_furniture_random_text_returns_text(text: str) -> None:
    cleaned = strip_furniture(text)
    assert isinstance(cleaned, str) and len(cleaned) <= len(text) + text.count("\n") + 1


@FUZZ
@given(text=TEXTS)
def test_split_document_random_text_gives_articles_or_a_skip(text: str) -> None:
    raw = RawInput(source="fuzz", external_id="fuzz", body=text)
    try:
        articles = split_document(describe(Document(raw=raw, text=text)))
    except ArticleSkipped as skip:
        assert (skip.stage, skip.reason) == ("split", "empty after furniture removal")
        return
    assert articles and all(a.text.strip() for a in articles)
    assert [a.part for a in articles] in ([0], list(range(1, len(articles) + 1)))


@FUZZ
@given(text=TEXTS)
def test_metadata_guesses_random_text_never_raise(text: str) -> None:
    for guess in (find_date, find_title, find_author, find_outlet, detect_language, parse_date):
        found = guess(text)
        assert found is None or isinstance(found, str)
    assert isinstance(normalize_published(text), str)


@pytest.mark.parametrize(
    "text",
    ["Date: " + "9" * 5000, "December " * 20_000, "\n".join(["By"] * 20_000), "\u202e" * 10_000],
)
def test_metadata_guesses_hostile_lines_never_raise(text: str) -> None:
    doc = describe(Document(raw=RawInput("fuzz", "fuzz", text), text=text))
    assert doc.text == text
