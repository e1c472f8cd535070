"""Russian numbers and prison terms in any case."""

from __future__ import annotations

import pytest

from kronika.normalize.numbers import Term
from kronika.normalize.numbers_ru import parse_number_ru, parse_terms_ru


@pytest.mark.parametrize(
    "text,value",
    [("шестерых", 6), ("двадцати пяти", 25), ("трем", 3), ("100", 100), ("пятеро", 5),
     ("сто двадцать", 120), ("полтора", 1.5), ("задержанных", None),
     # digits grouped by thousands with a space
     ("1 200", 1200), ("12 500", 12500), ("2 тысячи 300", 2300)],
)  # fmt: skip
def test_parse_number_ru(text: str, value: float | None) -> None:
    assert parse_number_ru(text) == value


@pytest.mark.parametrize(
    "text,terms",
    [
        ("приговорили к шести годам лишения свободы", [Term(6)]),
        ("к трех с половиной годам колонии", [Term(3.5)]),
        ("к 3 годам и 1 месяцу лишения свободы", [Term(3.08)]),
        # months told right after the years, with no "и"
        ("на срок 7 лет 6 месяцев", [Term(7.5)]),
        ("к восьми годам трём месяцам колонии", [Term(8.25)]),
        # (but not months told apart, after a comma)
        ("к 4 годам колонии, 3 месяца спустя", [Term(4)]),
        ("на сроки от 14 до 28 лет", [Term(28, 14)]),
        ("к пожизненному лишению свободы", [Term(None, life=True)]),
        ("на полтора года", [Term(1.5)]),
        ("в 2015 году партию запретили", []),
        ("за последние пять лет", []),
    ],
)
def test_parse_terms_ru(text: str, terms: list[Term]) -> None:
    assert parse_terms_ru(text) == terms


@pytest.mark.parametrize("text,value", [("сотни", 100), ("двух сотен", 200), ("трех тысяч", 3000)])
def test_counting_nouns(text: str, value: int) -> None:
    assert parse_number_ru(text) == value
