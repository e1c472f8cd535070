"""The recall backstop: the shipped sentence model, the events it adds, and its training."""

from __future__ import annotations

from typing import Any

import pytest

from kronika.events.backstop import CONFIDENCE, features, load_model
from kronika.events.backstop_fit import Example, fit
from kronika.events.extract import extract_article
from kronika.model import Article, Event
from kronika.settings import Settings

#: An armed attack told with verbs no ATTACK rule knows ("sprayed ... with bullets, leaving").
UNRULED_ATTACK = (
    "Gunmen sprayed a border post near Panj with bullets on Monday, leaving two guards dead."
)
NON_EVENT = "The ministry published its annual report on cotton exports on Monday."
NEGATED = "Gunmen did not spray the border post near Panj with bullets on Monday."
ON = Settings(backstop=True, backstop_threshold=0.5)


def _events(nlp: Any, text: str, settings: Settings) -> list[Event]:
    article = Article(external_id="t", input_hash="", part=0, text=text, published="2021-05-12")
    return list(extract_article(nlp(text), article, settings).events)


@pytest.mark.model
def test_the_shipped_model_flags_an_event_sentence_and_not_a_non_event(nlp: Any) -> None:
    model = load_model()
    assert set(model.labels) == {
        "APPEAL", "ARREST", "ATTACK", "BAN", "ESCAPE", "EXTRADITION", "JOIN", "RELEASE", "SENTENCE"
    }  # fmt: skip
    attack = model.probabilities(features(nlp(UNRULED_ATTACK)))
    assert attack["ATTACK"] >= 0.5
    assert max(attack, key=lambda k: attack[k]) == "ATTACK"
    quiet = model.probabilities(features(nlp(NON_EVENT)))
    assert max(quiet.values()) < 0.5


@pytest.mark.model
def test_backstop_adds_a_low_confidence_event_no_rule_found(nlp: Any) -> None:
    assert _events(nlp, UNRULED_ATTACK, Settings()) == []  # no rule catches it
    (event,) = _events(nlp, UNRULED_ATTACK, ON)
    assert (event.type, event.rule, event.confidence) == ("ATTACK", "ATTACK/backstop", CONFIDENCE)
    assert event.args.get("killed") == 2
    assert event.date == "2021-05-10"
    assert event.evidence[0].text == UNRULED_ATTACK


@pytest.mark.model
def test_backstop_keeps_the_non_event_checks(nlp: Any) -> None:
    low = Settings(backstop=True, backstop_threshold=0.2)
    assert load_model().probabilities(features(nlp(NEGATED)))["ATTACK"] >= 0.2
    assert _events(nlp, NEGATED, low) == []  # negated: no event, however likely the words
    assert _events(nlp, NON_EVENT, low) == []


@pytest.mark.model
def test_backstop_stays_out_of_sentences_a_rule_told(nlp: Any) -> None:
    text = "Police in Khujand detained Bakhtiyor Rasulov on Monday."
    events = _events(nlp, text, Settings(backstop=True, backstop_threshold=0.01))
    assert [e.rule.endswith("/backstop") for e in events] == [False]


@pytest.mark.model
def test_backstop_stays_out_of_the_sentences_after_a_rule_event_of_its_type(nlp: Any) -> None:
    told = "Gunmen attacked a checkpoint near Khorog on Sunday. "
    events = _events(nlp, told + UNRULED_ATTACK, ON)
    assert events and not [e for e in events if e.rule.endswith("/backstop")]


def test_fitting_is_deterministic_and_learns_the_examples() -> None:
    labels = ["ARREST", "ATTACK"]
    everything = frozenset(labels)
    examples = [
        Example(("police", "detain", "#PERSON"), frozenset({"ARREST"}), everything),
        Example(("officer", "detain", "man"), frozenset({"ARREST"}), everything),
        Example(("gunman", "shoot", "guard"), frozenset({"ATTACK"}), everything),
        Example(("bomb", "shoot", "kill"), frozenset({"ATTACK"}), everything),
        Example(("report", "publish", "ministry"), frozenset(), everything),
        Example(("report", "cotton", "ministry"), frozenset(), frozenset({"ARREST"})),
    ]
    first, second = fit(examples, labels), fit(examples, labels)
    assert first == second
    weights = first["weights"]
    assert isinstance(weights, dict)
    assert weights["detain"][0] > 0 > weights["detain"][1]
    assert weights["shoot"][1] > 0 > weights["shoot"][0]
    assert "cotton" not in weights  # seen once: left out of the model
