"""One verdict told for several people with the verb said once, through the real model."""

from __future__ import annotations

from typing import Any

import pytest

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
