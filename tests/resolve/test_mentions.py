"""Within-article resolution of surnames, acronyms, pronouns and descriptions."""

from __future__ import annotations

import pytest

from kronika.resolve.mentions import MentionIndex, NameMention, clean_name, initials


def _index(text: str, spans: list[tuple[str, str]]) -> MentionIndex:
    """Mentions of each (surface, type), found left to right in ``text``."""
    found, cursor = [], 0
    for surface, kind in spans:
        start = text.index(surface, cursor)
        cursor = start + len(surface)
        found.append(NameMention(surface, start, cursor, kind))
    return MentionIndex(found)


def test_surname_resolves_to_the_full_name() -> None:
    text = "Bakyt Aliev was jailed. Aliev denied the charges."
    index = _index(text, [("Bakyt Aliev", "PERSON"), ("Aliev", "PERSON")])
    assert index.name_at(text.index("Aliev denied")) == "Bakyt Aliev"
    (person,) = index.entities()
    assert person.aliases == ("Aliev",)
    assert len(person.mentions) == 2


def test_people_sharing_a_surname_stay_apart() -> None:
    text = (
        "Dilshod Nazarov was jailed. His cousin Farrukh Nazarov escaped. Nazarov was caught later."
    )
    index = _index(
        text, [("Dilshod Nazarov", "PERSON"), ("Farrukh Nazarov", "PERSON"), ("Nazarov", "PERSON")]
    )
    assert index.name_at(text.index("Nazarov was caught")) == "Farrukh Nazarov"
    names = sorted(e.name for e in index.entities())
    assert names == ["Dilshod Nazarov", "Farrukh Nazarov"]


def test_surname_before_the_full_name_still_resolves() -> None:
    text = "Karimova said she was innocent. Lola Karimova is 40."
    index = _index(text, [("Karimova", "PERSON"), ("Lola Karimova", "PERSON")])
    assert index.name_at(0) == "Lola Karimova"


def test_acronym_joins_its_organization() -> None:
    text = "The Islamic Jihad Union (IJU) claimed it. The IJU denied it later."
    index = _index(text, [("Islamic Jihad Union", "ORG"), ("IJU", "ORG"), ("IJU", "ORG")])
    (org,) = index.entities()
    assert org.name == "Islamic Jihad Union"
    assert org.aliases == ("IJU",)


def test_antecedent_prefers_the_person_most_named_recently() -> None:
    text = (
        "Anvar Rakhimov led the cell. Rakhimov trained with Olim Saidov. "
        "The extremist was detained."
    )
    index = _index(
        text, [("Anvar Rakhimov", "PERSON"), ("Rakhimov", "PERSON"), ("Olim Saidov", "PERSON")]
    )
    assert index.antecedent(text.index("The extremist")) == "Anvar Rakhimov"
    assert index.antecedent(0) is None


@pytest.mark.parametrize(
    "text,expected",
    [("the Supreme Court", "Supreme Court"), ("Tajikistan’s", "Tajikistan"), ("Aliev,", "Aliev")],
)
def test_clean_name_drops_article_and_possessive(text: str, expected: str) -> None:
    assert clean_name(text) == expected


@pytest.mark.parametrize(
    "name,expected",
    [("Islamic Movement of Uzbekistan", "IMU"), ("Hizb ut-Tahrir", "HUT"), ("Taliban", "")],
)
def test_initials(name: str, expected: str) -> None:
    assert initials(name) == expected
