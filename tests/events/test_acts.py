"""Attack targets through the real model, in every frame of the act."""

from __future__ import annotations

from typing import Any

import pytest

from kronika.events.extract import extract_article
from kronika.model import Article, Event
from kronika.settings import Settings

pytestmark = pytest.mark.model


def _attacks(nlp: Any, text: str) -> list[Event]:
    article = Article(external_id="t", input_hash="", part=0, text=text, published="2020-05-02")
    return [e for e in extract_article(nlp(text), article, Settings()).events if e.type == "ATTACK"]


@pytest.mark.parametrize(
    "text,target",
    [
        ("Gunmen attacked a police checkpoint near Gao.", "police checkpoint"),
        ("A police checkpoint near Gao was attacked on Sunday.", "police checkpoint"),
        ("Assailants detonated an explosive device at a market in Zhob.", "market"),
        ("Gunmen opened fire on a minibus near Mastung.", "minibus"),
        # a vehicle set off is the means; one ambushed is what was struck
        ("A bomber detonated an explosives-laden vehicle at an army base in Diffa.", "army base"),
        ("Gunmen attacked a police van in Quetta, killing four officers.", "police van"),
        ("A car bomb exploded outside a courthouse in Baidoa.", "courthouse"),
        ("The bombing of a bus station in Osh killed four people.", "bus station"),
        ("In May, militants carried out attacks that killed four farmers.", "farmers"),
    ],
)
def test_the_target_is_read_in_every_frame(nlp: Any, text: str, target: str) -> None:
    assert any(e.args.get("target") == target for e in _attacks(nlp, text)), _attacks(nlp, text)


@pytest.mark.parametrize(
    "text,facility",
    [
        # words written together stay together
        (
            "Three inmates escaped from a pre-trial detention centre in Osh.",
            "pre-trial detention centre in Osh",
        ),
        (
            "Three inmates escaped from Tajikistan's main prison on Monday.",
            "Tajikistan's main prison",
        ),
    ],
)
def test_the_facility_keeps_the_words_as_written(nlp: Any, text: str, facility: str) -> None:
    article = Article(external_id="t", input_hash="", part=0, text=text, published="2020-05-02")
    events = extract_article(nlp(text), article, Settings()).events
    (escape,) = [e for e in events if e.type == "ESCAPE"]
    assert escape.args["facility"] == facility


def test_a_number_of_victims_is_no_target(nlp: Any) -> None:
    (attack,) = _attacks(nlp, "Two of the hostages were shot dead near Gao on Sunday.")
    assert attack.args.get("killed") == 2
    assert attack.args.get("target") != "Two"
