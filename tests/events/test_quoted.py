"""Quoted group names the model leaves untagged, read from the text alone."""

from __future__ import annotations

from kronika.events.quoted import with_quoted_groups
from kronika.resolve.mentions import NameMention


def _names(text: str, taken: list[NameMention] | None = None) -> list[tuple[str, str]]:
    return [(m.text, m.type) for m in with_quoted_groups(text, taken or [])]


def test_a_name_quoted_after_its_kind_of_body_is_a_group() -> None:
    text = "He set up the movement “Free Youth of Naryn,” in 2012."
    assert _names(text) == [("Free Youth of Naryn", "ORG")]


def test_a_name_quoted_before_its_kind_or_after_called_is_a_group() -> None:
    assert _names('She joined the "Green Steppe" party last year.') == [("Green Steppe", "ORG")]
    assert _names("an association called «New Path» was closed") == [("New Path", "ORG")]


def test_a_place_inside_the_quoted_name_gives_way_to_it() -> None:
    text = "the organization “Union of Free Khujand” held a rally"
    start = text.index("Khujand")
    place = NameMention("Khujand", start, start + len("Khujand"), "LOC")
    assert _names(text, [place]) == [("Union of Free Khujand", "ORG")]


def test_a_mention_reaching_past_the_quotes_is_kept_and_nothing_added() -> None:
    text = 'the group "Light" Foundation of Osh'
    start = text.index("Light")
    found = NameMention('Light" Foundation', start, start + 17, "ORG")
    assert _names(text, [found]) == [('Light" Foundation', "ORG")]


def test_a_quoted_remark_or_a_lowercase_word_is_no_name() -> None:
    remark = 'a banner of the group "We Will Not Stop Until Every Prisoner In Osh Is Free" hung'
    assert _names(remark) == []
    assert _names('the party "leadership" met') == []


def test_a_capitalized_name_after_the_kind_of_body_is_a_group() -> None:
    assert _names("The court banned the group Tungysh last year.") == [("Tungysh", "ORG")]
    assert _names("He led the party Hizb ut-Tahrir in Osh.") == [("Hizb ut-Tahrir", "ORG")]


def test_a_people_after_the_kind_of_body_is_no_name() -> None:
    assert _names("The party Tajik officials banned in 2015 was small.") == []


def test_capitalized_words_before_a_lower_case_kind_name_a_group() -> None:
    text = "Tajik authorities banned the Salafi movement in 2009."
    start = text.index("Salafi")
    person = NameMention("Salafi", start, start + len("Salafi"), "PERSON")
    assert _names(text, [person]) == [("Salafi", "ORG")]
    # a kind described, or a group named with what it is, is left as it was
    assert _names("He joined the Islamic movement.") == []
    assert _names("the Yaqyn Inkar Islamic movement") == []
    assert _names("the Tajik opposition movement") == []
