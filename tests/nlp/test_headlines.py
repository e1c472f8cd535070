"""Title Case headlines are re-read in sentence case; the text and offsets never change."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "title,verb",
    [
        ("Uzbek Blogger Jailed For Seven Years Over Posts", "Jailed"),
        ("Kazakhstan Bans Two Groups As Terrorist Organizations", "Bans"),
        ("Twelve Inmates Escape From Prison In Khujand", "Escape"),
    ],
)
def test_headline_reader_finds_the_verb_of_a_title(nlp: Any, title: str, verb: str) -> None:
    doc = nlp(title + "\n\nThe story follows.")
    (token,) = [t for t in doc if t.text == verb]
    assert token.pos_ == "VERB"
    assert doc.text == title + "\n\nThe story follows."


def test_headline_reader_keeps_names_written_with_capitals_in_the_body(nlp: Any) -> None:
    text = (
        "Court Jails Activist Dilnoza Rakhimova For Six Years\n\n"
        "A court in Osh jailed the activist Dilnoza Rakhimova on Monday."
    )
    doc = nlp(text)
    title_people = [e.text for e in doc.ents if e.label_ == "PERSON" and e.end_char < 55]
    assert any("Rakhimova" in name for name in title_people)


def test_headline_reader_leaves_sentences_alone(nlp: Any) -> None:
    text = "Police in Osh detained three men on Monday."
    plain = [(t.pos_, t.dep_) for t in nlp(text)]
    assert plain[3] == ("VERB", "ROOT")


def test_headline_reader_marks_unknown_capitalized_runs_as_people(nlp: Any) -> None:
    doc = nlp("Activist Gulsara Toktogulova Detained In Naryn")
    assert "Gulsara Toktogulova" in [e.text for e in doc.ents if e.label_ == "PERSON"]
    # a given name the gazetteer's people share is no word the model knows
    doc = nlp("Court Rejects Appeal By Jailed Tajik Lawyer Buzurgmehr Nazarov")
    assert "Buzurgmehr Nazarov" in [e.text for e in doc.ents if e.label_ == "PERSON"]


@pytest.mark.parametrize(
    "headline,verb",
    [
        ("Khujand Court Sentences Blogger To 10 Years", "Sentences"),
        ("Bishkek court sentences former imam to eight years", "sentences"),
        ("Russia Deports Uzbek Imam To Tashkent Despite Torture Fears", "Deports"),
        # the root the model chose is a noun read as a bare present
        ("Court Rejects Appeal By Jailed Tajik Lawyer", "Rejects"),
    ],
)
def test_headline_reader_reads_a_present_tense_verb_the_model_took_for_a_noun(
    nlp: Any, headline: str, verb: str
) -> None:
    text = headline + "\n\nThe story follows."
    doc = nlp(text)
    (token,) = [t for t in doc if t.text == verb]
    assert (token.pos_, token.dep_) == ("VERB", "ROOT")
    assert doc.text == text


@pytest.mark.parametrize(
    "text,verb",
    [
        # a chronicle's item, with its stop, and no verb the model saw
        ("22 December 2022: The Supreme Court sentences Zarina Nazarova to 18 years.", "sentences"),
    ],
)
def test_a_sentence_with_no_verb_reads_an_event_verb_s_present(
    nlp: Any, text: str, verb: str
) -> None:
    doc = nlp(text)
    (token,) = [t for t in doc if t.text == verb]
    assert token.pos_ == "VERB"
    assert doc.text == text


def test_headline_reader_leaves_a_list_of_nouns_a_list(nlp: Any) -> None:
    doc = nlp("Police Raids And Detentions In Osh\n\nThe story follows.")
    (raids,) = [t for t in doc if t.text == "Raids"]
    assert raids.pos_ != "VERB"


@pytest.mark.parametrize(
    "lemma,past",
    [
        ("jail", "jailed"),
        ("free", "freed"),
        ("ban", "banned"),
        ("stab", "stabbed"),
        ("pardon", "pardoned"),
        ("target", "targeted"),
        ("give", "gave"),
        ("uphold", "upheld"),
        ("classify", "classified"),
        ("outlaw", "outlawed"),
    ],
)
def test_past_tense_by_rule_and_from_the_lexicon(lemma: str, past: str) -> None:
    from kronika.nlp.headlines import _past

    assert _past(lemma) == past
