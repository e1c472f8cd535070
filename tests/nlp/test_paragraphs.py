"""Blank lines end sentences: titles and datelines never glue onto the lead."""

from __future__ import annotations

from typing import Any

import pytest
import spacy

from kronika.nlp.paragraphs import PARAGRAPHS


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("Rebels Seize Town\n\nGunmen seized a town.", ["Gunmen"]),
        ("DUSHANBE\n\n\nA court jailed two men.\n\nNo one appealed.", ["A", "No"]),
        ("One line only.", []),
        ("Title\n\n- A dash opens it", ["-"]),
        # a wire dateline is no part of the lead
        ("PEMBA, Mozambique — Insurgents raided a village.", ["Insurgents"]),
        ("Title\n\nKANDAHAR, Dec 30 (AP) - Gunmen ambushed a convoy.", ["KANDAHAR", "Gunmen"]),
        ("DERA ISMAIL KHAN -- A bomb went off.", ["A"]),
        ("PESHAWAR: Police arrested three men.", ["Police"]),
        # a capitalized word with a dash in the lead is no dateline
        ("UN envoys - and aid workers - left Gao.", []),
        ("Police - acting on a tip - raided a flat.", []),
    ],
)
def test_mark_paragraph_starts_sets_a_start_after_each_blank_line(
    text: str, starts: list[str]
) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe(PARAGRAPHS)
    doc = nlp(text)
    assert [t.text for t in doc[1:] if t.is_sent_start] == starts


def test_mark_paragraph_starts_keeps_the_second_word_in_the_sentence() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe(PARAGRAPHS)
    doc = nlp("Headline Here\n\nFour prisoners fled.")
    assert doc[4].text == "prisoners" and doc[4].is_sent_start is False


def test_mark_paragraph_starts_leaves_a_single_line_break_alone() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe(PARAGRAPHS)
    doc = nlp("Reported by a correspondent\nin the capital.")
    assert not any(t.is_sent_start for t in doc[1:])


@pytest.mark.model
def test_build_nlp_keeps_a_title_out_of_the_lead_sentence(nlp: Any) -> None:
    doc = nlp("Guards Killed In Jailbreak\n\nSix inmates escaped from a prison near Osh on Friday.")
    sents = [s.text.strip() for s in doc.sents]
    assert sents == [
        "Guards Killed In Jailbreak",
        "Six inmates escaped from a prison near Osh on Friday.",
    ]
