"""Figures compared and bans: which claims are about one thing, where an authority sits."""

from __future__ import annotations

from typing import Any

import pytest

from kronika.model import Article, ArticleResult, Entity, Event, Evidence, InputResult, RawInput
from kronika.store.compare import counted_kind, same_subject
from kronika.store.dossiers import country_of_authority


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (
            "Tajik nationals who had gone to fight in Syria and Iraq",
            "Tajik citizens fighting in Syria and Iraq",
            True,
        ),
        ("Tajik ISIS fighters before 2015", "Tajik ISIS fighters now", True),
        ("men", "men", False),  # a bare subject says too little
        ("people", "men", False),
        ("Tajik fighters in Syria and Iraq", "Tajik fighters killed in Syria and Iraq", False),
        (
            "IRPT members living in Europe",
            "IRPT members in Europe who received political asylum",
            False,
        ),
        (
            "militants detained in Khujand",
            "people detained in Khujand",
            False,
        ),  # other things counted
    ],
)
def test_same_subject(a: str, b: str, same: bool) -> None:
    assert same_subject(a, b) is same
    assert same_subject(b, a) is same


@pytest.mark.parametrize(
    ("about", "kind"),
    [
        ("Tajik citizens fighting in Syria", "people"),
        ("Tajik fighters killed in Syria", "deaths"),
        ("IRPT members in Europe", "members"),
        ("beards", None),
    ],
)
def test_counted_kind(about: str, kind: str | None) -> None:
    assert counted_kind(about) == kind


@pytest.mark.parametrize(
    ("authority", "country"),
    [
        ("Supreme Court of Tajikistan", "Tajikistan"),
        ("Khatlon regional court", "Tajikistan"),
        ("Tajik Interior Ministry", "Tajikistan"),
        ("Almaty Appeals Court", "Kazakhstan"),
        ("Ministry of Justice of Russia", "Russia"),
        ("Supreme Court", None),
        ("Court of Of", None),  # a lower-case-word place is no place
        ("Supreme Court of Tajikistan and Russia", None),  # two countries: unknown
    ],
)
def test_country_of_authority(authority: str, country: str | None) -> None:
    assert country_of_authority(authority) == country


def test_bans_take_the_country_from_the_authority(any_store: Any) -> None:
    text = "The Supreme Court of Tajikistan banned Group 24 as extremist in October 2014."
    raw = RawInput(source="tests", external_id="ban", body=text)
    article = Article(external_id="ban", input_hash=raw.content_hash, part=0, text=text)
    ban = Event(
        "BAN",
        {"organization": ["Group 24"], "authority": "Supreme Court of Tajikistan"},
        (Evidence(text, 0, len(text)),),
        date="2014-10",
    )
    entities = (Entity("Group 24", "ORG"),)
    any_store.write_input(
        InputResult(raw=raw, articles=(ArticleResult(article, entities, (ban,)),))
    )
    (found,) = any_store.bans()
    assert found["organization"] == "Group 24" and found["country"] == ["Tajikistan"]
