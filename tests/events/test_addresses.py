"""Places written as an address ("in Tangi, Kunduz province, Afghanistan"), real model."""

from __future__ import annotations

from typing import Any

import pytest

from kronika.events.extract import extract_article
from kronika.model import Article
from kronika.settings import Settings

pytestmark = pytest.mark.model


def _places(nlp: Any, text: str, kind: str) -> list[str | None]:
    article = Article(external_id="t", input_hash="", part=0, text=text, published="2020-01-01")
    result = extract_article(nlp(text), article, Settings())
    return [e.location.name if e.location else None for e in result.events if e.type == kind]


@pytest.mark.parametrize(
    "text,kind,place",
    [
        # the town heads the address, whatever the model tags it as
        (
            "Gunmen ambushed a truck in Dori, Seno province, Burkina Faso, killing two drivers.",
            "ATTACK",
            "Dori",
        ),
        ("Militants set fire to a school in Tangi, Kunduz province.", "ATTACK", "Tangi"),
        # a region heading the address; an address in the clause joined to the act's
        (
            "Militants attacked a military checkpoint in Tillaberi region, Niger, on Sunday.",
            "ATTACK",
            "Tillaberi region",
        ),
        (
            "Unknown assailants abducted two aid workers and killed their driver in Ménaka, Mali.",
            "ATTACK",
            "Ménaka",
        ),
        (
            "A court in Isfara, Sughd region, Tajikistan, sentenced Rustam Nazarov to nine years.",
            "SENTENCE",
            "Isfara",
        ),
        # an address of four places; names with a lower-case particle; a full stop after it
        (
            "Assailants ambushed a convoy near Sibi, Kachhi district, Balochistan, Pakistan, "
            "killing four soldiers.",
            "ATTACK",
            "Sibi",
        ),
        (
            "Gunmen stormed a checkpoint in al-Mayadin, Deir ez-Zor governorate, Syria. Two "
            "guards died.",
            "ATTACK",
            "al-Mayadin",
        ),
        # a region the gazetteer knows as such ends the address
        ("Gunmen attacked a police post in Konibodom, Sughd, on Monday.", "ATTACK", "Konibodom"),
        # the act told by its subject ("a car bomb exploded"); a place told of what was hit
        (
            "A car bomb exploded in a crowded square in Manbij, Aleppo governorate, Syria, "
            "killing nine people.",
            "ATTACK",
            "Manbij",
        ),
        (
            "Militants fired rockets at a polling station set up in a school in Nijrab, Kapisa "
            "province, Afghanistan, wounding three workers.",
            "ATTACK",
            "Nijrab",
        ),
        # a town told as the capital of its region; a part of a town told as the town's
        (
            "A suicide attacker detonated explosives inside a shop in Sheberghan, the capital "
            "of Jowzjan province, on Friday, killing 11 people.",
            "ATTACK",
            "Sheberghan",
        ),
        (
            "A suicide bomber rammed a motorcycle into a police van in Quetta's Satellite Town "
            "neighbourhood on Tuesday, killing six policemen.",
            "ATTACK",
            "Satellite Town",
        ),
        # an incident item headed by its date and its place, set off by bars
        (
            "2010-06-12 | Cheryomushki district, Osh, Kyrgyzstan | Unidentified gunmen opened "
            "fire on a police checkpoint, killing two officers.",
            "ATTACK",
            "Cheryomushki district",
        ),
        # an address in another clause places that clause's act, not this one
        (
            "Olim Sattorov was abducted in Kyiv, Ukraine, and flown to Dushanbe, where he was "
            "sentenced to 12 years.",
            "SENTENCE",
            "Dushanbe",
        ),
    ],
)
def test_the_first_place_of_an_address_is_where_it_happened(
    nlp: Any, text: str, kind: str, place: str
) -> None:
    assert _places(nlp, text, kind) == [place]


def test_a_list_of_states_is_no_address(nlp: Any) -> None:
    text = "Hizb ut-Tahrir is banned in Russia, Uzbekistan and Tajikistan."
    assert "Russia" in _places(nlp, text, "BAN")
    assert all(p in ("Russia", "Uzbekistan", "Tajikistan") for p in _places(nlp, text, "BAN"))


@pytest.mark.parametrize(
    "text,kind,place",
    [
        (
            "The bomb went off at a church in Sulu province's Jolo town, killing 20 worshippers.",
            "ATTACK",
            "Jolo",
        ),
        (
            "A roadside bomb killed four soldiers in Afghanistan's southern Helmand province.",
            "ATTACK",
            "Helmand province",
        ),
        (
            "Police detained a preacher in Kyrgyzstan's northern Chui region.",
            "ARREST",
            "Chui region",
        ),
        # the owner is a person: no place is named
        ("Gunmen attacked a checkpoint in Karimov's home town, killing two.", "ATTACK", None),
    ],
)
def test_a_place_told_as_its_state_s_or_region_s_is_the_inner_place(
    nlp: Any, text: str, kind: str, place: str | None
) -> None:
    assert _places(nlp, text, kind) == [place]


@pytest.mark.parametrize(
    "text,place",
    [
        (
            "Two border guards were killed in clashes on the Kyrgyz-Tajik border on Friday.",
            "Kyrgyz-Tajik border",
        ),
        (
            "Gunmen ambushed a patrol along the Afghanistan-Pakistan border, killing six soldiers.",
            "Afghanistan-Pakistan border",
        ),
        # two words that name no country make no border
        ("Gunmen attacked a post on the Smith-Jones border, killing two guards.", None),
    ],
)
def test_a_border_between_two_states_is_the_place(nlp: Any, text: str, place: str | None) -> None:
    assert _places(nlp, text, "ATTACK") == [place]


@pytest.mark.parametrize(
    "text,place",
    [
        # a region heads the address and a town follows it
        (
            "Gunmen attacked a police post in Mardin province, Turkey, near the town of Kiziltepe, "
            "wounding two officers.",
            "Kiziltepe",
        ),
        ("Militants stormed a camp in Borno state, Nigeria, outside Bama, killing six.", "Bama"),
        # a border is no town
        (
            "Gunmen attacked a checkpoint in Tillaberi region, Niger, near the Malian border.",
            "Tillaberi region",
        ),
        # where those struck were as it happened
        (
            "Assailants shot dead two guards protecting a school in Dera Ismail Khan, Khyber "
            "Pakhtunkhwa, Pakistan.",
            "Dera Ismail Khan",
        ),
        (
            "A mine struck a patrol as it drove through Menaka, Mali, killing four soldiers.",
            "Menaka",
        ),
    ],
)
def test_the_narrowest_place_around_an_address(nlp: Any, text: str, place: str) -> None:
    assert _places(nlp, text, "ATTACK") == [place]


@pytest.mark.parametrize(
    "text,place",
    [
        # a division told inside the wider place, whatever the model tagged
        (
            "Gunmen killed three guards in the Kech district of Balochistan on Monday.",
            "Kech district",
        ),
        ("Militants raided a village in the Bama area of Borno state, killing five.", "Bama"),
        ("Rebels attacked the town of Beni in North Kivu province, killing seven.", "Beni"),
        (
            "A roadside bomb killed two soldiers in the Hawija district west of Kirkuk.",
            "Hawija district",
        ),
        # a nationality before the kind names the wider place, not the inner one
        ("Gunmen killed two policemen in the Russian region of Dagestan on Friday.", "Dagestan"),
    ],
)
def test_the_inner_place_of_a_division(nlp: Any, text: str, place: str) -> None:
    assert _places(nlp, text, "ATTACK") == [place]


def test_the_rest_of_an_address_is_no_part_of_the_target(nlp: Any) -> None:
    text = (
        "Rebels stormed the village of Kabasha, Beni territory, North Kivu, Democratic "
        "Republic of the Congo, killing 11 civilians."
    )
    article = Article(external_id="t", input_hash="", part=0, text=text, published="2020-01-01")
    events = extract_article(nlp(text), article, Settings()).events
    assert [e.args.get("target") for e in events] == ["village of Kabasha"]
    assert [e.location.name if e.location else None for e in events] == ["Kabasha"]
