"""Whom a pronoun, a description or a bare number in a role's place points back to.

"he", "the imam", "the 20-year-old", "both", "the three": words that stand for people
the article named before; a possessive in a fronted phrase ("Since his release,
Hayit ...") points forward to the subject the sentence goes on to name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from ..normalize.numbers import parse_number
from .people import may_mean
from .spans import doc_sents, sent_number

if TYPE_CHECKING:
    from .fillers import FillContext


DESCRIPTIONS = frozenset(
    "man woman extremist militant defendant suspect convict teacher lawyer activist leader "
    "colonel journalist cleric preacher blogger editor student year-old imam mullah priest "
    "pastor poet writer businessman businesswoman politician dissident scholar theologian "
    "detainee prisoner".split()
)


_PRONOUNS = frozenset({"he", "him", "she", "her", "his", "himself", "herself"})


def fronted_for(pronoun: Token) -> Token | None:
    """The main clause's subject, when ``pronoun`` opens a phrase set before it.

    "Since his handover to Uzbekistan, Ismatov has been held incommunicado", "After
    her release, Asanbekova left the country": a possessive in a fronted phrase
    points forward to the subject the sentence goes on to name.
    """
    if pronoun.lower_ not in ("his", "her", "their"):
        return None
    root = pronoun.sent.root
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.i < pronoun.i or subject.pos_ != "PROPN":
        return None
    fronted = next((a for a in pronoun.ancestors if a.head == root), None)
    if (
        fronted is None
        or fronted.dep_ not in ("prep", "advcl", "npadvmod")
        or fronted.i > subject.i
    ):
        return None
    return subject


def told_as_a_number(token: Token) -> int | None:
    """ "both" (2), "the three" (3): people told only by how many they are."""
    if token.lower_ == "both" and token.pos_ in ("DET", "PRON", "CCONJ"):
        return 2
    if token.pos_ != "NUM" or not any(
        c.dep_ == "det" and c.lower_ == "the" for c in token.children
    ):
        return None
    value = parse_number(token.text)
    return value if isinstance(value, int) and 2 <= value <= _SMALL_GROUP else None


#: The most people a group told by its number alone ("the six") is taken to be.
_SMALL_GROUP = 9


#: A speaker's words for themself.
FIRST_PERSON = frozenset({"i", "me", "my", "myself"})


def refers_to_person(token: Token) -> bool:
    """Whether ``token`` is a pronoun or a description ("the imam") that stands for a person."""
    if token.lower_ in _PRONOUNS:
        return True
    # ("the imam", a lower-case word the tagger took for a name)
    misread = token.tag_ == "NNP" and token.text.islower()
    if not (token.pos_ == "NOUN" and token.tag_ == "NN") and not misread:
        return False
    dets = [c.lower_ for c in token.children if c.dep_ == "det"]
    if any(c.dep_ == "appos" and c.left_edge.i == token.i + 1 for c in token.children):
        return False  # "the poet Ilhom Sodiqov": a title before a name, no reference back
    return dets == ["the"] and (token.lower_ in DESCRIPTIONS or token.lower_.endswith("-old"))


def sentence_before(ctx: FillContext) -> Span | None:
    """The sentence told just before the one being filled, or None for the first."""
    index = sent_number(ctx.sent)
    return doc_sents(ctx.doc)[index - 1] if index > 0 else None


def alone_before(ctx: FillContext, pronoun: Token) -> str | None:
    """The one person the sentence before the pronoun's names (who may be what it means),
    or None when it names nobody or several."""
    before = sentence_before(ctx)
    if before is None:
        return None
    named = {
        name
        for start, name in ctx.mentions.people_in(before.start_char, before.end_char)
        if may_mean(pronoun, name)
    }
    return named.pop() if len(named) == 1 else None
