"""Event dates in context: the running reference and "that year" / "N months later"."""

from __future__ import annotations

from typing import Any

import pytest

from kronika.events.dates import in_context, running_reference
from kronika.normalize.dates import normalize_date


@pytest.mark.parametrize(
    ("phrase", "published", "running", "expected"),
    [
        # the paragraph's own year wins over an earlier-year publication date
        ("March 5", "2019-02-01", "2017-01-20", "2017-03-05"),
        # a yearless month after the running month falls in its year
        ("June", None, "2016-03", "2016-06"),
        # a yearless month before the running month is the next year's
        ("February", None, "2016-11", "2017-02"),
        ("September that year", None, "2015", "2015-09"),
        ("in October of that year", "2020-05-05", "2012-01-03", "2012-10"),
        ("Four months later", None, "2016-06-02", "2016-10"),
        ("a year later", None, "2010-04", "2011-04"),
        # publication fixes a plain yearless date of its own year
        ("March 5", "2017-04-09", "2017-01-02", None),
        # words relative to publication are never taken from the story's dates
        ("last week", "2017-01-09", "2015-01-02", None),
        ("on Monday", None, "2015-01-02", None),
        # a year alone does not place a day
        ("March 5", None, "2014", None),
        # a phrase with its own year needs no context
        ("March 5, 2013", None, "2016-01-01", None),
        ("June", None, None, None),
    ],
)
def test_in_context(
    phrase: str, published: str | None, running: str | None, expected: str | None
) -> None:
    assert in_context(normalize_date, phrase, published, running) == expected


@pytest.mark.model
def test_running_reference_reads_the_latest_told_date(nlp: Any) -> None:
    text = (
        "Police detained him on May 4, 2014 in Osh. He was freed in July 2014.\n\n"
        "On March 5 he was shot dead."
    )
    doc = nlp(text)
    at = text.index("March 5")
    assert running_reference(doc, at) == "2014-07"
    assert running_reference(doc, at, same_paragraph=True) is None
    assert running_reference(doc, 0) is None


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Police raided flats in Bishkek and Osh last year. A Syrian cell was named. "
            "Militants attacked a police station in the country in 2012, officials said.",
            "Kyrgyzstan",
        ),
        ("Militants attacked a police station in the country in 2012, officials said.", None),
    ],
)
def test_event_place_reads_the_country_as_the_one_the_text_dwells_on(
    nlp: Any, text: str, expected: str | None
) -> None:
    from kronika.events.extract import extract_article
    from kronika.model import Article
    from kronika.settings import Settings

    article = Article(external_id="t", input_hash="", part=0, text=text, published="2020-01-01")
    result = extract_article(nlp(text), article, Settings())
    places = [e.location.name if e.location else None for e in result.events if e.type == "ATTACK"]
    assert places == [expected]


@pytest.mark.parametrize(
    "running,text,expected",
    [
        ("2019", "four months later", None),
        ("2019", "a year later", "2020"),
        ("2019-03", "two months later", "2019-05"),
    ],
)
def test_in_context_later_keeps_to_the_running_precision(
    running: str, text: str, expected: str | None
) -> None:
    assert in_context(normalize_date, text, None, running) == expected
