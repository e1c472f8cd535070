from __future__ import annotations

import pytest

from kronika.normalize.dates import find_dates, normalize_date


@pytest.mark.parametrize(
    "text,iso",
    [
        ("December 1, 2016", "2016-12-01"),
        ("October 9, 2014", "2014-10-09"),
        ("08/23/2010", "2010-08-23"),
        ("28 September 2017", "2017-09-28"),
        ("10 Dec 2016", "2016-12-10"),
        ("Sept. 5, 2015", "2015-09-05"),
        ("Dec. 1st 2016", "2016-12-01"),
        ("2016-12-01", "2016-12-01"),
        ("March 2016", "2016-03"),
        ("in 2014", "2014"),
        ("late 2015", "2015"),
        ("mid-2014", "2014"),
        # dotted dates are day first, wherever they are written
        ("03.04.2016", "2016-04-03"),
        ("7.11.2019", "2019-11-07"),
        # a count the model ran into the year's span is no month
        ("2009 five", "2009"),
        ("in 2014 three", "2014"),
        ("the year 2009 five", "2009"),
    ],
)
def test_normalize_date_keeps_the_precision_of_absolute_dates(text: str, iso: str) -> None:
    assert normalize_date(text) == iso


@pytest.mark.parametrize(
    "text,reference,iso",
    [
        ("on December 1", "2016-12", "2016-12-01"),
        ("on December 10", "2016-12-05", "2016-12-10"),
        ("on December 28", "2017-01-09", "2016-12-28"),
        ("in January this year", "2017-01-09", "2017-01"),
        ("in January", "2017-01-09", "2017-01"),
        ("in May last year", "2017-01-09", "2016-05"),
        ("last week", "2016-12-14", "2016-12-07"),
        ("on Sunday", "2016-12-14", "2016-12-11"),
        # the day itself when written on it, but "last Wednesday" is a week back
        ("on Wednesday", "2016-12-14", "2016-12-14"),
        ("last Wednesday", "2016-12-14", "2016-12-07"),
        ("last Tuesday", "2016-12-14", "2016-12-13"),
        # the weekend before the report: its Saturday
        ("over the weekend", "2016-12-14", "2016-12-10"),
        ("the weekend", "2016-12-12", "2016-12-10"),
        ("yesterday", "2016-12-14", "2016-12-13"),
        ("two weeks ago", "2016-12-14", "2016-11-30"),
        ("three years ago", "2016-12-14", "2013"),
        ("last month", "2017-01-09", "2016-12"),
        ("earlier this month", "2017-01", "2017-01"),
        ("last year", "2016", "2015"),
        # a possessive date: "last year's pardon", "Sunday's bombing"
        ("last year's", "2017-06-17", "2016"),
        ("Sunday’s", "2016-12-14", "2016-12-11"),
        ("Last summer", "2016-12-14", "2016"),
        ("last summer", "2017-03-01", "2016"),
    ],
)
def test_normalize_date_resolves_against_reference(text: str, reference: str, iso: str) -> None:
    assert normalize_date(text, reference) == iso


@pytest.mark.parametrize(
    "text,reference,iso",
    [
        ("last week", "2016-12", "2016-12"),
        ("yesterday", "2016", "2016"),
        ("on Sunday", "2016-12", "2016-12"),
    ],
)
def test_normalize_date_is_no_more_precise_than_reference(
    text: str, reference: str, iso: str
) -> None:
    assert normalize_date(text, reference) == iso


@pytest.mark.parametrize(
    "text,reference",
    [
        ("December 1", None),
        ("last week", None),
        ("on Sunday", None),
        ("Group 24", "2016-12"),
        ("the same day", "2016-12-01"),
        ("", "2016-12-01"),
        ("December 1", "not a date"),
    ],
)
def test_normalize_date_gives_none_when_unresolvable(text: str, reference: str | None) -> None:
    assert normalize_date(text, reference) is None


def test_find_dates_returns_spans_and_iso_dates() -> None:
    text = "On Sunday police said that on December 1 the court met. In March 2015 he left."
    found = find_dates(text, "2016-12-14")
    assert [(text[s:e], iso) for s, e, iso in found] == [
        ("Sunday", "2016-12-11"),
        ("December 1", "2016-12-01"),
        ("March 2015", "2015-03"),
    ]


def test_find_dates_skips_relative_phrases_without_reference() -> None:
    text = "He was detained last week, on 10 Dec 2016."
    found = find_dates(text)
    assert [(text[s:e], iso) for s, e, iso in found] == [("10 Dec 2016", "2016-12-10")]


@pytest.mark.parametrize(
    "text,iso",
    [
        # a stretch of time is dated by what its two ends share
        ("between May and July", "2022"),
        ("from March to May 2019", "2019"),
        ("between June 5 and June 9, 2016", "2016-06"),
        ("between 2014 and 2016", None),
    ],
)
def test_normalize_date_reads_a_stretch_by_what_its_ends_share(text: str, iso: str | None) -> None:
    assert normalize_date(text, "2022-10-01") == iso


def test_a_yearless_date_after_publication_is_last_year_s() -> None:
    # news reports the past: July, told in mid-June, was last July
    assert normalize_date("in July", "2021-06-15") == "2020-07"
    assert normalize_date("on July 1", "2021-06-15") == "2020-07-01"
    # a few days' slack for a late or approximate publication date
    assert normalize_date("on June 18", "2021-06-15") == "2021-06-18"


@pytest.mark.parametrize(
    "phrase,reference",
    [
        ("march 5, 2019", None),
        ("5 march 2019", "2021-06-15"),
        ("sept. 30", "2021-06-15"),
        ("december 24", "2021-06-15"),  # after the reference: the year before
        ("june 20", "2021-06-15"),  # a few days after: the same year
        ("feb 28", "2019-01-03"),
        ("november", "2020-12"),
        ("may 2014", None),
        ("21st august", "2018"),
    ],
)
def test_plain_dates_read_without_dateparser_as_dateparser_reads_them(
    phrase: str, reference: str | None
) -> None:
    from datetime import datetime

    from kronika.normalize import dates

    ref = dates._parse_ref(reference)
    quick = dates._plain_date(phrase, ref)
    assert quick is not None
    base = ref.end() if ref is not None else datetime(2000, 12, 31).date()
    data = dates._parser(datetime(base.year, base.month, base.day)).get_date_data(phrase)  # type: ignore[attr-defined]
    found = data.date_obj
    if reference is not None and not dates._HAS_YEAR.search(phrase):
        if found.date() > ref.end() + dates._FUTURE_SLACK:  # type: ignore[union-attr]
            found = found.replace(year=found.year - 1)
    expected = found.date().isoformat() if data.period == "day" else f"{found:%Y-%m}"
    assert quick == expected


def test_a_dotted_date_that_is_no_day_is_not_read() -> None:
    assert normalize_date("31.02.2016") != "2016-02-31"


@pytest.mark.parametrize(
    ("text", "reference", "iso"),
    [
        # month first, as American usage writes it, where the report's date allows
        ("03/02/2016", "2016-06-01", "2016-03-02"),
        ("03/14/2011", "2011-03-20", "2011-03-14"),
        # no fourteenth month: day first
        ("14/03/2011", None, "2011-03-14"),
        # month first would be after the report: the day comes first
        ("06/01/2018", "2018-01-08", "2018-01-06"),
        ("11/04/2020", "2020-04-12", "2020-04-11"),
    ],
)
def test_a_slashed_date_is_read_in_the_order_the_report_allows(
    text: str, reference: str | None, iso: str
) -> None:
    assert normalize_date(text, reference) == iso


@pytest.mark.parametrize(
    ("phrase", "iso"),
    [
        ("14-15 March", "2023-03-14"),
        ("14 to 15 March", "2023-03-14"),
        ("on the night of 14 to 15 March", "2023-03-14"),
        ("March 14-15", "2023-03-14"),
        ("between 14 and 15 March", "2023-03-14"),
        # (not "15" read as the year 2015)
        ("14-15 March 2019", "2019-03-14"),
        ("March 14-15, 2019", "2019-03-14"),
    ],
)
def test_days_of_one_month_told_as_a_span_date_from_the_first(phrase: str, iso: str) -> None:
    assert normalize_date(phrase, "2023-10-12") == iso
