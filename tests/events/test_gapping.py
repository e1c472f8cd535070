"""One verdict told for several people with the verb said once, through the real model."""

from __future__ import annotations

from typing import Any

import pytest
from tests.helpers import events_of

from kronika.events.extract import extract_article
from kronika.model import Article
from kronika.settings import Settings

pytestmark = pytest.mark.model


def _sentences(nlp: Any, text: str) -> list[tuple[tuple[str, ...], Any]]:
    article = Article(external_id="t", input_hash="", part=0, text=text, published="2020-01-01")
    result = extract_article(nlp(text), article, Settings())
    return sorted(
        (tuple(e.args.get("defendant") or ()), e.args.get("term_years") or e.args.get("life"))
        for e in result.events
        if e.type == "SENTENCE"
    )


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Another defendant, Nodir Alimov, was sentenced to 22 years, and Farrukh Saidov "
            "and Bakhrom Ergashev to 19 years in a maximum security colony.",
            [(("Farrukh Saidov", "Bakhrom Ergashev"), 19), (("Nodir Alimov",), 22)],
        ),
        (
            "The court sentenced Rustam Nazarov to 12 years and Oybek Karimov to nine years.",
            [(("Oybek Karimov",), 9), (("Rustam Nazarov",), 12)],
        ),
        (
            "The judge sentenced Abror Azimov to life and Akram Azimov to 28 years.",
            [(("Abror Azimov",), True), (("Akram Azimov",), 28)],
        ),
    ],
)
def test_each_group_gets_its_own_term(nlp: Any, text: str, expected: list[Any]) -> None:
    assert _sentences(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # one range for everyone
        "Eleven men, including Nodir Alimov and Farrukh Saidov, were sentenced to between "
        "9 and 25 years.",
        # one term, one group
        "Nodir Alimov and Farrukh Saidov were sentenced to 12 years each.",
    ],
)
def test_one_term_or_a_range_stays_one_event(nlp: Any, text: str) -> None:
    assert len(_sentences(nlp, text)) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the unit said once
        (
            "Bobur Aliev was sentenced to nine years and Anvar Aliev to seven.",
            [(("Anvar Aliev",), 7), (("Bobur Aliev",), 9)],
        ),
        (
            "Bobur Aliev was jailed for nine years and his brother Anvar Aliev for seven.",
            [(("Anvar Aliev",), 7), (("Bobur Aliev",), 9)],
        ),
        (
            "Bobur Aliev was sentenced to 18 months and Anvar Aliev to 12.",
            [(("Anvar Aliev",), 1.0), (("Bobur Aliev",), 1.5)],
        ),
        # a number after "for" that gives nobody a term
        (
            "Bobur Aliev was sentenced to nine years in a trial that lasted for two.",
            [(("Bobur Aliev",), 9)],
        ),
    ],
)
def test_a_term_told_without_its_unit_is_the_next_groups(
    nlp: Any, text: str, expected: list[Any]
) -> None:
    assert _sentences(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the verdict told for both, then each one's term, the second with no unit, names
        # the model took for a date or for nothing
        (
            "The Khatlon regional court sentenced Firdavs Nazarov and Umed Sharipov on "
            "March 13. Nazarov was handed nine years in prison and Sharipov eight years.",
            [(("Firdavs Nazarov",), 9), (("Umed Sharipov",), 8)],
        ),
        (
            "A judge in Karaganda convicted Ruslan Bekov and Daniyar Omarov on Friday. "
            "Bekov received six years, and Omarov four.",
            [(("Daniyar Omarov",), 4), (("Ruslan Bekov",), 6)],
        ),
        # three terms, the last without its unit
        (
            "Sardor Mirzaev got nine years, Alisher Qodirov eight years and Jamol Rasulov six.",
            [(("Alisher Qodirov",), 8), (("Jamol Rasulov",), 6), (("Sardor Mirzaev",), 9)],
        ),
        # a day after the last term is no term of its own
        (
            "Firdavs Nazarov got nine years and Umed Sharipov eight years on March 13.",
            [(("Firdavs Nazarov",), 9), (("Umed Sharipov",), 8)],
        ),
        # the first one given a term lost by the parse of a long list
        (
            "Botir Nazarov received seven years' imprisonment, Ilyos Qodirov and Sanjar "
            "Aliev five years each, and Rustam Tursunov two years.",
            [
                (("Botir Nazarov",), 7),
                (("Ilyos Qodirov", "Sanjar Aliev"), 5),
                (("Rustam Tursunov",), 2),
            ],
        ),
        # "jailed A for seven years and B for five", the verb read as an adjective
        (
            "A court in Osh jailed Bakyt Toktorov for seven years and Nurlan Asanov for five "
            "years.",
            [(("Bakyt Toktorov",), 7), (("Nurlan Asanov",), 5)],
        ),
    ],
)
def test_terms_told_after_the_verdict_are_each_their_own(
    nlp: Any, text: str, expected: list[Any]
) -> None:
    assert _sentences(nlp, text) == expected


def test_the_verdict_told_for_both_lends_each_term_its_day_and_court(nlp: Any) -> None:
    text = (
        "The Khatlon regional court sentenced Firdavs Nazarov and Umed Sharipov on March 13. "
        "Nazarov was handed nine years in prison and Sharipov eight years."
    )
    events = events_of(nlp, text, "2023-03-15")
    assert {(e.date, e.args.get("court")) for e in events} == {
        ("2023-03-13", "Khatlon regional court")
    }


def test_one_term_for_one_of_two_leaves_the_other_in_the_verdict(nlp: Any) -> None:
    text = (
        "The Khatlon regional court sentenced Firdavs Nazarov and Umed Sharipov on March 13. "
        "Nazarov was given nine years in prison."
    )
    assert _sentences(nlp, text) == [(("Firdavs Nazarov",), 9), (("Umed Sharipov",), None)]


def test_a_headline_over_the_terms_is_the_verdict_not_one_of_them(nlp: Any) -> None:
    text = (
        "Two Kyrgyz Men Jailed For Links To Banned Movement\n\n"
        "A court in Osh has sentenced two men to prison for membership in a banned "
        "movement. Relatives of Ruslan Bekov and Daniyar Omarov said on May 4 that the "
        "Osh city court had convicted the two men a day earlier. Bekov was given six years "
        "in prison and Omarov five years."
    )
    events = events_of(nlp, text, "2023-05-05")
    verdicts = sorted(
        (tuple(e.args.get("defendant") or ()), e.args.get("term_years"), e.date)
        for e in events
        if e.type == "SENTENCE"
    )
    assert verdicts == [
        (("Daniyar Omarov",), 5, "2023-05-03"),
        (("Ruslan Bekov",), 6, "2023-05-03"),
    ]
    # no charge runs on past the headline's line
    assert all("\n" not in c for e in events for c in e.args.get("charges") or ())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the subject given by the parser to a clause set inside the sentence
        (
            "Rustam Aliev, Sardor Bekov and Timur Osmanov, the youngest of whom is 24, were "
            "each sentenced to 11 years.",
            [(("Rustam Aliev", "Sardor Bekov", "Timur Osmanov"), 11)],
        ),
        # a source who says so is not the one sentenced
        (
            "Ms. Gulnara Saidova, the head of a rights group, says Anvar Tursunov, leader of "
            "the youth movement, has been sentenced to 13 years in prison.",
            [(("Anvar Tursunov",), 13)],
        ),
    ],
)
def test_names_opening_the_sentence_are_the_ones_sentenced(
    nlp: Any, text: str, expected: list[Any]
) -> None:
    assert _sentences(nlp, text) == expected
