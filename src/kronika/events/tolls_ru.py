"""The dead and wounded of a Russian attack: "погибли 10 человек", "убил восьмерых
полицейских", "ранены трое", and one person shot dead told by name ("Куватов был
застрелен")."""

from __future__ import annotations

from spacy.tokens import Token

from ..model import ArgValue
from .fillers import FillContext
from .fillers_ru import KILL_LEMMAS, WOUND_LEMMAS, count_of
from .spec import RoleSpec


def fill_casualties(ctx: FillContext, role: RoleSpec) -> ArgValue | None:
    """ "погибли 10 человек", "убил восьмерых полицейских", "ранены трое"."""
    lemmas = KILL_LEMMAS if role.name == "killed" else WOUND_LEMMAS
    for tok in ctx.sent:
        # "еще трое получили ранения": wounds received
        received = role.name == "wounded" and tok.lemma_ == "получить"
        if received and not any(c.lemma_ in ("ранение", "травма") for c in tok.children):
            received = False
        if tok.lemma_ not in lemmas and not received:
            continue
        for child in tok.children:
            if child.dep_ in ("nsubj", "nsubjpass", "dobj", "obl"):
                value = count_of(child)
                if value is None and role.name == "killed" and _one_done_to(tok, child):
                    value = 1  # "Куватов был застрелен": one person, named or told by a noun
                if value is not None:
                    return value
    return None


def _one_done_to(verb: Token, subject: Token) -> bool:
    """Whether ``subject`` is one person the passive ``verb`` was done to."""
    return (
        "Pass" in verb.morph.get("Voice", [])
        and subject.dep_ in ("nsubj", "nsubjpass")
        and "Sing" in subject.morph.get("Number", [])
        and "Anim" in subject.morph.get("Animacy", [])
    )
