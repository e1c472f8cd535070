"""Incident records of labelled fields: date, place and toll, through the real model."""

from __future__ import annotations

from typing import Any

import pytest

from kronika.events.extract import extract_article
from kronika.model import Article, Event
from kronika.settings import Settings

pytestmark = pytest.mark.model


def _attacks(nlp: Any, text: str, published: str = "2019-05-20") -> list[Event]:
    article = Article(external_id="t", input_hash="", part=0, text=text, published=published)
    return [e for e in extract_article(nlp(text), article, Settings()).events if e.type == "ATTACK"]


def test_a_record_of_one_field_a_line_dates_and_places_its_act(nlp: Any) -> None:
    text = (
        "Incident: ambush on a border patrol\n"
        "When: early morning of 14 May 2019\n"
        "Where: mountain road above the village, Batken region, Kyrgyzstan\n"
        "What happened: gunmen opened fire on the patrol's truck."
    )
    [attack] = _attacks(nlp, text)
    assert attack.date == "2019-05-14"
    assert attack.location is not None and attack.location.name == "Batken region"


def test_a_record_run_together_gives_its_toll_fields(nlp: Any) -> None:
    text = (
        "Date: 03.05.2019; Location: Khorog, Gorno-Badakhshan; Attack type: a grenade was "
        "thrown into a police post; Killed: 2 (officers); Wounded: 4 (two of them passers-by)"
    )
    [attack] = _attacks(nlp, text)
    assert (attack.date, attack.args.get("killed"), attack.args.get("wounded")) == (
        "2019-05-03",
        2,
        4,
    )
    assert attack.location is not None and attack.location.name == "Khorog"


def test_a_toll_field_outweighs_a_count_of_victims_singled_out(nlp: Any) -> None:
    text = (
        "11/05/2019 — Kunduz, Afghanistan — a bomb exploded at a bus stop — killed: 6 "
        "(incl. 3 students) — injured: 19 — claim: none"
    )
    [attack] = _attacks(nlp, text)
    assert (attack.args.get("killed"), attack.args.get("wounded")) == (6, 19)
    assert attack.date == "2019-05-11"


def test_a_wire_flag_before_the_dateline_leaves_it_a_dateline(nlp: Any) -> None:
    text = (
        "URGENT — OSH, Kyrgyzstan, May 19 (Wire) — Gunman kills a police officer in attack "
        "on a checkpoint, officials say."
    )
    [attack] = _attacks(nlp, text)
    assert attack.date == "2019-05-19"
