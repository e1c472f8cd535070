"""Metadata guesses from an article's own lines: date, title, outlet, author, language."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from kronika.model import Document, RawInput
from kronika.text.metadata import (
    canonical_outlet,
    describe,
    detect_language,
    find_author,
    find_date,
    find_outlet,
    find_title,
    normalize_published,
    parse_date,
)


@pytest.mark.parametrize(
    "text,iso",
    [
        ("DUSHANBE, January 9, 2017 — A court sentenced a blogger.", "2017-01-09"),
        ("Published: 2017-01-09\n\nA court sentenced a blogger.", "2017-01-09"),
        ("28 September 2017\n\nA court sentenced a blogger.", "2017-09-28"),
        ("10 Dec 2016", "2016-12-10"),
        ("March 12, 2017", "2017-03-12"),
        ("Title line\n\nNovember 16, 2018 14:07 GMT\n\nDUSHANBE -- A court...", "2018-11-16"),
        ("Posted on Sept. 3, 2015 | 10:02\n\nBody.", "2015-09-03"),
        ("Updated: September 2017\n\nBody.", "2017-09"),
        ("Monday, 5 June 2017\n\nBody.", "2017-06-05"),
        ("09.01.2017\n\nBody.", "2017-01-09"),
    ],
)
def test_find_date_reads_date_lines(text: str, iso: str) -> None:
    assert find_date(text) == iso


@pytest.mark.parametrize(
    "text",
    [
        "The court sentenced him on December 1, 2016 to twenty years.",
        "DUSHANBE. Feb 7 (Interfax) - A court in Panj district jailed a man.",
        "Mayor 2017 campaign opens\n\nBody.",
        "February 30, 2017",
        "",
    ],
)
def test_find_date_finds_none_in_prose_or_without_a_year(text: str) -> None:
    assert find_date(text) is None


def test_find_date_only_reads_the_top() -> None:
    text = "\n\n".join(["A line of body text."] * 20 + ["March 12, 2017"])
    start = time.perf_counter()
    assert find_date(text * 200) is None
    assert time.perf_counter() - start < 0.05


@pytest.mark.parametrize(
    "value,iso",
    [
        ("2017-01-09T10:00:00Z", "2017-01-09"),
        ("Mon, 09 Jan 2017 10:00:00 +0000", "2017-01-09"),
        ("2012", "2012"),
        ("sometime in spring", "sometime in spring"),
    ],
)
def test_normalize_published_keeps_what_it_cannot_read(value: str, iso: str) -> None:
    assert normalize_published(value) == iso


@pytest.mark.parametrize("value", ["2017-13-01", "32 March 2017", "Tehran 2017"])
def test_parse_date_rejects_impossible_dates(value: str) -> None:
    assert parse_date(value) is None


@pytest.mark.parametrize(
    "text,title",
    [
        ("25 Militants Escape From Tajik Prison\n\nBody.", "25 Militants Escape From Tajik Prison"),
        (
            "\n\n“Iran warns Central Asia may be next target”\n\nBody.",
            "Iran warns Central Asia may be next target",
        ),
        ("Where did it all go wrong?\n\nBody.", "Where did it all go wrong?"),
        ("A court jailed a man for nine years on Tuesday, officials said.\n\nMore.", None),
        ("March 12, 2017\n\nBody.", None),
        ("BISHKEK (TCA) — A bomb exploded.", None),
        ("Word\n\nBody.", None),
    ],
)
def test_find_title_takes_a_title_shaped_first_line(text: str, title: str | None) -> None:
    assert find_title(text) == title


@pytest.mark.parametrize(
    "text,author",
    [
        ("Title\n\nBy Lola Nazarova\n\nBody.", "Lola Nazarova"),
        ("Title\n\nBY Frud Bezhan, RFE/RL\n\nBody.", "Frud Bezhan"),
        ("Title\n\nWritten by Anna Petrova\n\nBody.", "Anna Petrova"),
        ("Title\n\nBy the end of the year, dozens of people had been detained.", None),
    ],
)
def test_find_author_reads_bylines(text: str, author: str | None) -> None:
    assert find_author(text) == author


@pytest.mark.parametrize(
    "text,outlet",
    [
        ("Title\n\nAugust 23, 2010\n\nThe  Moscow Times\n\nDUSHANBE — Body.", "The Moscow Times"),
        ("Title\n\nBISHKEK (TCA) — A bomb exploded.", "The Times of Central Asia"),
        ("Title\n\nAKIPRESS.COM - The committee said.", "AKIpress"),
        ("Title\n\nDUSHANBE. Feb 7 (Interfax) - A court jailed a man.", "Interfax"),
        ("Title\n\nBody of the story.\n\nReuters", "Reuters"),
        ("Title\n\nTEHRAN – The ambassador said.", None),
    ],
)
def test_find_outlet_reads_datelines_and_signoffs(text: str, outlet: str | None) -> None:
    assert find_outlet(text) == outlet


@pytest.mark.parametrize(
    "name,canonical", [("RFERL", "RFE/RL"), ("aljazeera", "Al Jazeera"), ("Nobody Weekly", None)]
)
def test_canonical_outlet_reads_aliases(name: str, canonical: str | None) -> None:
    assert canonical_outlet(name) == canonical


@pytest.mark.parametrize(
    "text,language",
    [
        ("The court said that the men were members of a banned group and had been detained.", "en"),
        ("Суд приговорил активиста к семи годам лишения свободы за призывы к экстремизму.", "ru"),
        ("Ok", None),
    ],
)
def test_detect_language_names_the_language(text: str, language: str | None) -> None:
    assert detect_language(text) == language


def test_describe_keeps_record_metadata_over_guesses(test_data: Path) -> None:
    text = (test_data / "text" / "published-label-and-byline.txt").read_text()
    raw = RawInput(source="t", external_id="t", body=text)
    guessed = describe(Document(raw=raw, text=text))
    assert (guessed.published, guessed.author, guessed.language) == (
        "2017-01-09",
        "Lola Nazarova",
        "en",
    )
    given = describe(Document(raw=raw, text=text, published="2017-01-10", author="Desk"))
    assert (given.published, given.author) == ("2017-01-10", "Desk")


def test_describe_ignores_furniture_when_guessing_the_title(test_data: Path) -> None:
    text = (test_data / "text" / "furniture-connect-via-facebook.txt").read_text()
    doc = describe(Document(raw=RawInput(source="t", external_id="t", body=text), text=text))
    assert doc.title == "Court in Osh jails two men for extremism"
