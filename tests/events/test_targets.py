"""Conjoined targets of one attack noun become one event each."""

from __future__ import annotations

from typing import Any

import pytest

from kronika.events.extract import extract_article
from kronika.model import Article
from kronika.settings import Settings


def _attacks(nlp: Any, text: str) -> list[tuple[Any, Any]]:
    article = Article(external_id="t", input_hash="", part=0, text=text, published="2020-01-01")
    result = extract_article(nlp(text), article, Settings())
    return sorted(
        (e.args.get("target"), e.location.name if e.location else None)
        for e in result.events
        if e.type == "ATTACK"
    )


@pytest.mark.model
def test_two_conjoined_targets_make_two_attacks_with_their_own_places(nlp: Any) -> None:
    text = (
        "Prosecutors said the gunmen carried out attacks on a police station in Vahdat "
        "and on army posts along the Afghan border in 2012."
    )
    found = _attacks(nlp, text)
    assert len(found) == 2
    assert found[1][1] == "Vahdat" and "police station" in found[1][0]
    assert "army posts" in found[0][0] and found[0][1] is None


@pytest.mark.model
def test_where_a_blast_went_off_is_no_part_of_what_it_hit(nlp: Any) -> None:
    text = "Car bombs exploded outside government buildings in Tashkent on Tuesday."
    assert _attacks(nlp, text) == [("government buildings", "Tashkent")]


@pytest.mark.model
def test_one_target_stays_one_attack(nlp: Any) -> None:
    text = "Militants launched an attack on a checkpoint in Khorog in 2014."
    assert len(_attacks(nlp, text)) == 1


@pytest.mark.model
def test_conjoined_years_make_one_attack_each(nlp: Any) -> None:
    text = (
        "Officials named the Northern Legion, a group that the government held responsible "
        "for bombings in 2013 and 2014."
    )
    article = Article(external_id="t", input_hash="", part=0, text=text, published="2020-01-01")
    result = extract_article(nlp(text), article, Settings())
    attacks = [e for e in result.events if e.type == "ATTACK"]
    assert sorted(str(e.date) for e in attacks) == ["2013", "2014"]
    assert all(e.args.get("perpetrator") == ["Northern Legion"] for e in attacks)


def _bans(nlp: Any, text: str) -> list[tuple[str | None, str | None]]:
    article = Article(external_id="t", input_hash="", part=0, text=text, published="2020-01-01")
    result = extract_article(nlp(text), article, Settings())
    return sorted(
        (e.location.name if e.location else None, e.date) for e in result.events if e.type == "BAN"
    )


@pytest.mark.model
@pytest.mark.parametrize(
    "text,places",
    [
        (
            "Hizb ut-Tahrir, which is banned in Russia, Kazakhstan and Kyrgyzstan, says it is "
            "peaceful.",
            [("Kazakhstan", None), ("Kyrgyzstan", None), ("Russia", None)],
        ),
        (
            "The Eurasian Front, which is banned across Central Asia and Russia, says it is "
            "peaceful.",
            [("Central Asia", None), ("Russia", None)],
        ),
        # one place: one ban
        ("Uzbekistan banned the Islamic Jihad Union in 2004.", [("Uzbekistan", "2004")]),
    ],
)
def test_a_ban_in_a_list_of_states_is_one_ban_per_state(
    nlp: Any, text: str, places: list[tuple[str, str | None]]
) -> None:
    # "is banned": a standing state, not the article's news, so no date of its own
    assert _bans(nlp, text) == places


@pytest.mark.model
def test_two_verbs_share_the_one_object_they_struck(nlp: Any) -> None:
    text = "Unknown assailants shot and killed a local imam outside his home in Khasavyurt."
    assert _attacks(nlp, text) == [("local imam", "Khasavyurt")]


@pytest.mark.model
@pytest.mark.parametrize(
    "text,target",
    [
        # a count the parser hangs on the victims as part of a name is no part of them
        ("Thirty villagers were killed by Boko Haram in Borno state on Sunday.", "villagers"),
        # "it" is the thing the sentence named before it, the time of day aside
        (
            "The militants reached the checkpoint near Isfara at dawn and attacked it.",
            "checkpoint",
        ),
    ],
)
def test_what_was_hit_is_told_without_counts_or_pronouns(nlp: Any, text: str, target: str) -> None:
    assert [t for t, _ in _attacks(nlp, text)] == [target]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a weapon's toll: the victims told, or the site where they were only counted
        ("A bomb killed six people at a mosque in Peshawar on Friday.", ("mosque", "Peshawar")),
        ("A bomb killed four soldiers near Gao on Friday.", ("soldiers", "Gao")),
        # a title's place and site, hung on the verb of the act's noun
        ("Bomb Kills Six At Peshawar Mosque", ("Peshawar Mosque", "Peshawar")),
        # the one named beside what he was; words written together stay together
        (
            "A drone strike killed the group's spokesman, Ali Dhere, near Jilib.",
            ("Ali Dhere", "Jilib"),
        ),
        (
            "Gunmen attacked a pro-government militia post in Kunduz.",
            ("pro-government militia post", "Kunduz"),
        ),
    ],
)
def test_a_weapon_s_toll_names_its_target_and_place(
    nlp: Any, text: str, expected: tuple[str, str]
) -> None:
    assert _attacks(nlp, text) == [expected]
