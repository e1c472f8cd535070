"""Russian date phrases against the article's date."""

from __future__ import annotations

import pytest

from kronika.normalize.dates import normalize_date
from kronika.normalize.dates_ru import find_date_phrases


@pytest.mark.parametrize(
    "text,iso",
    [
        ("13 февраля 2025 года", "2025-02-13"),
        ("в декабре прошлого года", "2018-12"),
        ("в 2015 году", "2015"),
        ("вчера", "2019-04-09"),
        ("в пятницу", "2019-04-05"),
        ("18 января", "2019-01-18"),
        ("апреле", "2019-04"),
        ("в июле", "2018-07"),
        ("в прошлом году", "2018"),
        ("05.03.2017 г.", "2017-03-05"),
        # a year told short, its noun left out
        ("в 2016-м", "2016"),
        # the night that ends on that morning (2019-04-10 is a Wednesday)
        ("в ночь на понедельник", "2019-04-08"),
        # a day without its year more than a week after the article is last year's
        ("в ночь на 12 мая", "2018-05-12"),
        ("12 апреля", "2019-04-12"),
    ],
)
def test_normalize_russian_dates(text: str, iso: str) -> None:
    assert normalize_date(text, "2019-04-10") == iso


def test_relative_phrase_without_a_reference_is_unknown() -> None:
    assert normalize_date("вчера", None) is None


def test_find_date_phrases() -> None:
    text = "Его задержали в декабре прошлого года, а 2 июня суд вынес приговор."
    found = [text[a:b] for a, b in find_date_phrases(text)]
    assert found == ["декабре прошлого года", "2 июня"]


@pytest.mark.parametrize(
    "text,iso",
    [("в минувшую пятницу", "2019-04-05"), ("в мае минувшего года", "2018-05")],
)
def test_last_weeks_and_years(text: str, iso: str) -> None:
    assert normalize_date(text, "2019-04-10") == iso


def test_a_weekday_after_na_is_only_a_night_s() -> None:
    text = "Заседание перенесли на понедельник, а в ночь на вторник задержали двоих."
    found = [text[a:b] for a, b in find_date_phrases(text)]
    assert found == ["вторник"]
