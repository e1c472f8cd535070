"""Entities renamed to the nominative, with the text's forms kept."""

from __future__ import annotations

from kronika.model import Article, ArticleResult, Entity, Event, Mention, Place
from kronika.resolve.nominative import in_nominative


def test_forms_of_one_person_become_one_entity() -> None:
    article = Article(external_id="a", input_hash="", part=0, text="")
    result = ArticleResult(
        article=article,
        entities=(
            Entity("Джахонгира Муродова", "PERSON", (), (Mention("Джахонгира Муродова", 0, 19),)),
            Entity("Муродову", "PERSON", (), (Mention("Муродову", 40, 48),)),
        ),
        events=(
            Event(
                "SENTENCE",
                {"defendant": ["Муродову"]},
                (),
                location=Place(name="Таджикистане"),
            ),
        ),
    )
    forms = {
        "Джахонгира Муродова": "Джахонгир Муродов",
        "Муродову": "Муродов",
        "Таджикистане": "Таджикистан",
    }
    renamed = in_nominative(result, forms)
    [person] = renamed.entities
    assert person.name == "Джахонгир Муродов"
    assert set(person.aliases) == {"Джахонгира Муродова", "Муродову"}
    assert len(person.mentions) == 2
    event = renamed.events[0]
    assert event.args["defendant"] == ["Джахонгир Муродов"]
    assert event.location == Place(name="Таджикистан")
