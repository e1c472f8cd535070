"""The natasha parse handed on as a spaCy Doc."""

from __future__ import annotations

from kronika.nlp.russian import CANONICAL, NORMAL_FORMS, parse_one

TEXT = (
    "Суд приговорил бывшего функционера партии\n\n"
    "Верховный суд   Таджикистана приговорил Наимджона Самиева к 15 годам.\n"
    "Самиев не признал вину. Его задержали в декабре прошлого года в Грозном.\n"
)


def test_text_is_kept_character_for_character() -> None:
    doc = parse_one(TEXT)
    assert doc.text == TEXT
    assert doc.lang_ == "ru"


def test_lines_are_sentences() -> None:
    doc = parse_one(TEXT)
    firsts = [s[0].text for s in doc.sents if not s[0].is_space]
    assert firsts[:3] == ["Суд", "Верховный", "Самиев"]


def test_annotations() -> None:
    doc = parse_one(TEXT)
    verb = next(t for t in doc if t.text == "приговорил" and t.i > 5)
    assert verb.lemma_ == "приговорить" and verb.pos_ == "VERB"
    assert {c.dep_ for c in verb.children} >= {"nsubj", "dobj"}
    assert next(t for t in doc if t.text == "не").dep_ == "neg"
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Наимджона Самиева", "PERSON") in ents
    assert ("декабре прошлого года", "DATE") in ents


def test_names_in_the_nominative() -> None:
    doc = parse_one(TEXT)
    assert doc.user_data[NORMAL_FORMS]["Наимджона Самиева"] == "Наимджон Самиев"
    canonical = doc.user_data[CANONICAL]
    assert canonical("Самиев", "PERSON") == "Наимджон Самиев"
    assert canonical("Грозном", "LOC") == "Грозный"


def test_empty_text() -> None:
    assert parse_one("").text == ""
