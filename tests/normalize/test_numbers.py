from __future__ import annotations

import pytest

from kronika.normalize.numbers import Term, parse_number, parse_term, parse_terms, rounds_off


@pytest.mark.parametrize(
    "text,value",
    [
        ("twenty", 20),
        ("1,141", 1141),
        ("16½", 16.5),
        ("two dozen", 24),
        ("25", 25),
        ("over 1,000", 1000),
        ("a dozen", 12),
        ("five", 5),
        ("3.5", 3.5),
        ("seven-year", 7),
        ("twenty-five", 25),
        ("one hundred and twenty", 120),
        ("1.5 million", 1_500_000),
        ("at least five guards", 5),
        ("nearly 2,000", 2000),
        ("½", 0.5),
    ],
)
def test_parse_number_reads_words_and_digits(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    "text",
    [
        "hundreds",
        "dozens",
        "thousands of people",
        "a man",
        "",
        "none",
        # a scale no number counts
        "a few hundred fighters",
        "several thousand people",
    ],
)
def test_parse_number_gives_none_for_vague_or_missing_numbers(text: str) -> None:
    assert parse_number(text) is None


def test_parse_number_returns_int_when_whole() -> None:
    assert isinstance(parse_number("twenty"), int)


@pytest.mark.parametrize(
    "text,years",
    [
        ("twenty years in prison", 20),
        ("16½ years", 16.5),
        ("a seven-year term", 7),
        ("seven-year prison sentence", 7),
        ("six years and six months", 6.5),
        ("up to 28 years", 28),
        ("18 months", 1.5),
        ("one and a half years", 1.5),
        # written as one word before the noun
        ("a six-and-a-half-year prison sentence", 6.5),
        ("a 4-and-a-half-year term", 4.5),
        ("sentenced to nine years in a high-security prison", 9),
        # a number written out again in brackets, as court statements do
        ("for a term of 7 (seven) years 3 (three) months", 7.25),
    ],
)
def test_parse_term_reads_years(text: str, years: float) -> None:
    assert parse_term(text) == Term(years=years)


@pytest.mark.parametrize(
    "text",
    ["seven to 11 years", "from seven to 11 years", "between 7 and 11 years", "7-11 years"],
)
def test_parse_term_takes_upper_bound_of_range(text: str) -> None:
    assert parse_term(text) == Term(years=11, min_years=7)


@pytest.mark.parametrize(
    "text", ["life in prison", "life imprisonment", "a life sentence", "sentenced to life"]
)
def test_parse_term_marks_life(text: str) -> None:
    assert parse_term(text) == Term(years=None, life=True)


@pytest.mark.parametrize(
    "text", ["a 20-year-old man", "two years ago", "he risked his life", "no term at all"]
)
def test_parse_term_ignores_ages_spans_and_other_lives(text: str) -> None:
    assert parse_term(text) is None


@pytest.mark.parametrize(
    "text,years",
    [
        ("3½ and 3 years", [3.5, 3]),
        # the year of the verdict before "to" is no first bound of a range
        ("sentenced in 2011 to 15 years and 6 months", [15.5]),
        ("10, 12 and 15 years respectively", [10, 12, 15]),
        ("life for the two leaders and up to 28 years for eleven activists", [None, 28]),
    ],
)
def test_parse_terms_returns_each_term_in_order(text: str, years: list[float | None]) -> None:
    assert [t.years for t in parse_terms(text)] == years


@pytest.mark.parametrize(
    "text,expected",
    [
        ("7 1/2 years", [Term(years=7.5)]),
        ("8 and 1/2 years", [Term(years=8.5)]),
        ("a 4 1/2-year sentence", [Term(years=4.5)]),
        ("three years and nine months", [Term(years=3.75)]),
        ("2 years and 3 months", [Term(years=2.25)]),
        ("10 to 18 months", [Term(years=1.5, min_years=0.83)]),
        ("five years and six months and 3 1/2 years", [Term(years=5.5), Term(years=3.5)]),
    ],
)
def test_parse_terms_reads_written_fractions_and_months(text: str, expected: list[Term]) -> None:
    assert parse_terms(text) == expected


@pytest.mark.parametrize(
    "a,b,same",
    [
        (800, 812, True),  # "more than 800" and the exact count
        (812, 800, True),
        (300, 270, True),
        (1000, 1200, False),  # more than a tenth apart
        (812, 815, False),  # neither is round: two counts
        (12, 10, False),  # too small to be told in round figures
    ],
)
def test_rounds_off_pairs_a_round_count_with_the_exact_one(a: int, b: int, same: bool) -> None:
    assert rounds_off(a, b) is same
