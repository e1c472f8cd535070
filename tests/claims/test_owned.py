"""Numbers that are an event's own or a place's size are not claims (real model)."""

from __future__ import annotations

from typing import Any

import pytest

from kronika.events.extract import extract_article
from kronika.model import Article
from kronika.settings import Settings

pytestmark = pytest.mark.model


def _quantities(nlp: Any, text: str) -> list[float]:
    article = Article(external_id="t", input_hash="", part=0, text=text, published="2020-01-01")
    return [c.quantity for c in extract_article(nlp(text), article, Settings()).claims]


@pytest.mark.parametrize(
    "text",
    [
        "A court in Osh convicted 12 men of extremism on Monday.",
        "Gunmen attacked a checkpoint near Gao. Two soldiers were killed and five were injured.",
        "Five civilians were killed and 20 wounded in a blast at a market in Kunduz.",
        "Khujand, a city of about 180,000 people, was calm on Friday.",
        "The attack on the school left nine pupils dead, the governor said.",
        "The prosecutor said the defendant has three children.",
        "Police announced the arrest of four men in Bishkek.",
        "Five militants surrendered to police in Khorog on Friday.",
        "The IRPT said he had never been one of its members.",
        "The suspect has two wives as well as nine children, the police said.",
        "The FSB announced the arrest of two suspected supporters of the group.",
        "Two of the suspects, Karim Aliev and Davron Saidov, were charged with murder.",
        "The 2005 Andijan bombings killed 12 people.",
    ],
)
def test_event_counts_tolls_and_populations_are_not_claims(nlp: Any, text: str) -> None:
    assert _quantities(nlp, text) == []


@pytest.mark.parametrize(
    "text,quantity",
    [
        ("Officials said 40 militants were killed in the fighting near the border.", 40),
        ("Around 60,000 people have been killed in the insurgency since 2009.", 60000),
        ("The ministry said 300 pardoned prisoners will be released next week.", 300),
        ("Officials said the two bombings killed 87 people in all.", 87),
        ("The minister said 300 residents of the province are fighting in Syria.", 300),
        ("Police said the attack was carried out by two suicide bombers.", 2),
    ],
)
def test_figures_about_fighters_totals_and_plans_stay_claims(
    nlp: Any, text: str, quantity: float
) -> None:
    assert quantity in _quantities(nlp, text)
