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


@pytest.mark.parametrize(
    ("text", "date", "place", "killed", "wounded"),
    [
        # fields run together with semicolons
        (
            "Date: 03.05.2019; Location: Khorog, Gorno-Badakhshan; Attack type: a grenade was "
            "thrown into a police post; Killed: 2 (officers); Wounded: 4 (two of them passers-by)",
            "2019-05-03",
            "Khorog",
            2,
            4,
        ),
        # a toll field outweighs a count of victims singled out inside it
        (
            "11/05/2019 — Kunduz, Afghanistan — a bomb exploded at a bus stop — killed: 6 "
            "(incl. 3 students) — injured: 19 — claim: none",
            "2019-05-11",
            "Kunduz",
            6,
            19,
        ),
    ],
)
def test_a_record_s_toll_fields_count_its_act(
    nlp: Any, text: str, date: str, place: str, killed: int, wounded: int
) -> None:
    [attack] = _attacks(nlp, text)
    assert (attack.date, attack.args.get("killed"), attack.args.get("wounded")) == (
        date,
        killed,
        wounded,
    )
    assert attack.location is not None and attack.location.name == place


def test_a_wire_flag_before_the_dateline_leaves_it_a_dateline(nlp: Any) -> None:
    text = (
        "URGENT — OSH, Kyrgyzstan, May 19 (Wire) — Gunman kills a police officer in attack "
        "on a checkpoint, officials say."
    )
    [attack] = _attacks(nlp, text)
    assert attack.date == "2019-05-19"


def test_a_record_s_lines_are_sentences_of_their_own(nlp: Any) -> None:
    # the place line has no full stop; the account under it is not its sentence's
    text = (
        "Ref: SAM-2018-077\n"
        "Date: 09/03/2018 (dd/mm/yyyy)\n"
        "Location: Chaman, Qila Abdullah district, Pakistan\n"
        "Summary: Gunmen on a motorbike shot dead a customs officer near the border gate. "
        "No group claimed responsibility.\n"
        "Fatalities: 1"
    )
    [attack] = _attacks(nlp, text)
    assert attack.date == "2018-03-09"
    assert attack.location is not None and attack.location.name == "Chaman"
    assert attack.args.get("killed") == 1
    assert not attack.args.get("perpetrator")


def test_a_field_line_ends_before_the_account_under_it(nlp: Any) -> None:
    # "Date: ..." with the account on the next line, no blank line between
    text = (
        "Date: 2014-02-11\n"
        "Gunmen on a motorcycle opened fire on shoppers at a bazaar in Bannu, killing "
        "three people and wounding seven."
    )
    [attack] = _attacks(nlp, text, published="2014-02-12")
    assert attack.date == "2014-02-11"
    assert attack.location is not None and attack.location.name == "Bannu"
    assert (attack.args.get("killed"), attack.args.get("wounded")) == (3, 7)


def test_a_log_s_rows_are_dated_and_placed_by_their_own_columns(nlp: Any) -> None:
    text = (
        "Weekly incident log, Diyala (2007)\n\n"
        "2007-03-05 | Baqubah, Diyala | A roadside bomb struck a police patrol; 4 killed.\n"
        "2007-03-07 | Khalis, Diyala | Gunmen stopped a taxi and shot dead two passengers.\n"
        "2007-03-09 | Muqdadiyah | Mortar rounds hit a market, wounding 11."
    )
    found = [(a.date, a.location.name if a.location else None) for a in _attacks(nlp, text)]
    assert found == [
        ("2007-03-05", "Baqubah"),
        ("2007-03-07", "Khalis"),
        ("2007-03-09", "Muqdadiyah"),
    ]
    # the place column is no group that did it
    assert all("Diyala" not in (a.args.get("perpetrator") or []) for a in _attacks(nlp, text))
