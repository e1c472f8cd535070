"""Blank lines end sentences: titles and datelines never glue onto the lead."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from tests.helpers import events_of

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
        # each item of a list opens its own sentence, with its marker
        ("Prisoners:\n- Ilhom Tojiboev: nine years;\n- Akmal Yuldashev: six years.", ["-", "-"]),
        ("Cases:\n• A man was jailed.\n• Two men were freed.", ["•", "•"]),
        ("Cases:\n1. A man was jailed.\n2) Two men were freed.", ["1", "2"]),
        # under a short heading with no stop, an item that opens with a capital or a figure
        ("Key dates\n• 3 May 2021 - Officers detain four imams.", ["•"]),
        ("What happened next\n- Police detained two men.", ["-"]),
        # a dash inside a wrapped line is no list, after a comma either
        ("He was jailed\n- along with two others - in May.", []),
        ("He was jailed for nine years,\n- along with two others - in May.", []),
        # a heading in capitals over a list is no dateline; an item's date opens its sentence
        ("MALI\n- Monday 13 May: A convoy was ambushed.", ["-"]),
        ("NIGER\n- 14 May: Gunmen stormed a market.\n- May 15: A bomb went off.", ["-", "-"]),
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


@pytest.mark.model
def test_a_list_of_prisoners_gives_each_their_own_verdict(nlp: Any) -> None:
    text = (
        "Prisoners we continue to follow:\n"
        "- Ilhom Tojiboev, Namangan: 9 years, sentenced on 12 November 2018;\n"
        "- Akmal Yuldashev, Kokand: 6 years 3 months, sentenced on 2 February 2020;\n"
        "- Farhod Mamadaliev, Samarkand: sentenced in 2016 to 15 years."
    )
    events = events_of(nlp, text, "2021-09-30")
    assert sorted((e.args.get("defendant"), e.args.get("term_years"), e.date) for e in events) == [
        (["Akmal Yuldashev"], 6.25, "2020-02-02"),
        (["Farhod Mamadaliev"], 15, "2016"),
        (["Ilhom Tojiboev"], 9, "2018-11-12"),
    ]
