"""Asides in brackets: a gloss is no one's subject, an act told in brackets has its doer
inside them, and a nationality in an apposition names no group."""

from __future__ import annotations

from typing import Any

from tests.helpers import events_of, make_doc

from kronika.events.asides import brackets_of
from kronika.events.participants import agent


def test_a_gloss_the_parser_took_for_a_subject_leaves_the_verb_its_sentence_s() -> None:
    # the parse the small model gives: the gloss the subject of the verb after it
    words = (
        'A court declared the movement Inkor ( " Lovers of Paradise " ) extremist and banned it .'
    )
    words = words.split()
    heads = [1, 2, 2, 4, 2, 4, 8, 8, 15, 8, 9, 8, 8, 8, 8, 2, 15, 2]
    deps = [
        "det",
        "nsubj",
        "ROOT",
        "det",
        "dobj",
        "appos",
        "punct",
        "punct",
        "nsubj",
        "prep",
        "pobj",
        "punct",
        "punct",
        "appos",
        "cc",
        "ccomp",
        "dobj",
        "punct",
    ]
    pos = ["DET", "NOUN", "VERB", "DET", "NOUN", "PROPN", "PUNCT", "PUNCT", "NOUN", "ADP",
           "PROPN", "PUNCT", "PUNCT", "NOUN", "CCONJ", "VERB", "PRON", "PUNCT"]  # fmt: skip
    doc = make_doc(words, heads, deps, pos)
    assert brackets_of(doc[8]) == (6, 12)
    found = agent(doc[15])
    assert found is not None and found.text == "court"


def test_an_act_told_in_brackets_takes_no_doer_from_outside_them() -> None:
    words = "Rahimov joined the Union ( banned in Uzbekistan ) in 2012 .".split()
    heads = [1, 1, 3, 1, 5, 1, 5, 6, 5, 5, 9, 1]
    deps = [
        "nsubj",
        "ROOT",
        "det",
        "dobj",
        "punct",
        "advcl",
        "prep",
        "pobj",
        "punct",
        "prep",
        "pobj",
        "punct",
    ]
    pos = ["PROPN", "VERB", "DET", "PROPN", "PUNCT", "VERB", "ADP", "PROPN", "PUNCT", "ADP",
           "NUM", "PUNCT"]  # fmt: skip
    doc = make_doc(words, heads, deps, pos)
    assert agent(doc[5]) is None
    found = agent(doc[1])
    assert found is not None and found.text == "Rahimov"


def test_a_nationality_in_an_apposition_names_no_banned_group(nlp: Any) -> None:
    text = (
        "The MDF, originally a Ugandan rebel movement, was designated a foreign terrorist "
        "organization by the United States in March 2021."
    )
    [ban] = [e for e in events_of(nlp, text) if e.type == "BAN"]
    assert ban.args["organization"] == ["MDF"]


def test_an_act_told_in_brackets_is_dated_only_inside_them(nlp: Any) -> None:
    from kronika.events.building import _undated_aside

    doc = nlp("Rahimov joined the Islamic Jihad Union (banned in Uzbekistan) in 2012.")
    banned = next(t for t in doc if t.lower_ == "banned")
    joined = next(t for t in doc if t.lower_ == "joined")
    sent = banned.sent
    assert _undated_aside(banned, sent) and not _undated_aside(joined, sent)
    dated = nlp("Rahimov joined the Islamic Jihad Union (banned in Uzbekistan since 2003).")
    banned = next(t for t in dated if t.lower_ == "banned")
    assert not _undated_aside(banned, banned.sent)
