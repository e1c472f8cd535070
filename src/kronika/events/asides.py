"""Asides in brackets: "joined the IJU (banned in Uzbekistan) in 2012" tells a ban inside
the brackets and a joining outside them, and neither takes the other's doer or place.
A gloss in brackets ('the movement Jannat Oshiqlari ("Lovers of Paradise")') is no one's
subject, however the parser hung it."""

from __future__ import annotations

from spacy.tokens import Span, Token


def brackets_of(token: Token) -> tuple[int, int] | None:
    """The indices of the brackets around the phrase ``token`` heads, or None when it is not
    set in brackets: "(banned in Uzbekistan)", '("Lovers of Paradise")'."""
    marks = {c.text: c.i for c in token.children if c.dep_ == "punct" and c.text in ("(", ")")}
    if "(" not in marks or ")" not in marks or token.left_edge.text != "(":
        return None
    return (marks["("], marks[")"]) if marks["("] < token.i < marks[")"] else None


def in_another_acts_brackets(ent: Span, trigger: Token) -> bool:
    """Whether ``ent`` is inside brackets that tell another act than the one at ``trigger``:
    "(banned in the Russian Federation)", "(запрещена в РФ)"."""
    sent = ent.sent
    marks = ("(", ")")
    opened = next((t for t in reversed(sent[: ent.start - sent.start]) if t.text in marks), None)
    closed = next((t for t in sent[ent.end - sent.start :] if t.text in marks), None)
    if opened is None or closed is None or opened.text != "(" or closed.text != ")":
        return False
    if opened.i < trigger.i < closed.i:
        return False
    inside = ent.doc[opened.i + 1 : closed.i]
    return any(t.pos_ == "VERB" or "VerbForm=Part" in str(t.morph) for t in inside)


def outside_its_aside(trigger: Token, found: Token) -> bool:
    """Whether ``found`` lies outside the brackets the act at ``trigger`` is told in."""
    marks = brackets_of(trigger)
    return marks is not None and not marks[0] < found.i < marks[1]
