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
    """The number of the dead (or wounded, by ``role``) a sentence tells: "погибли 10
    человек", "убил восьмерых полицейских", "ранены трое"."""
    return _casualties(ctx, role, one_named=False)


def fill_casualties_v2(ctx: FillContext, role: RoleSpec) -> ArgValue | None:
    """As :func:`fill_casualties`, and one dead where the one killed is told alone by name
    or a noun ("Куватов был застрелен")."""
    return _casualties(ctx, role, one_named=True)


def _casualties(ctx: FillContext, role: RoleSpec, one_named: bool) -> ArgValue | None:
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
                if value is None and one_named and role.name == "killed":
                    value = _people_done_to(tok, child)  # "Куватов был застрелен": one
                if value is not None:
                    return value
    return None


def _people_done_to(verb: Token, subject: Token) -> int | None:
    """How many people the passive ``verb`` was done to when its subject tells them one by
    one, by name or a noun ("Куватов был застрелен": 1; "Куватов и его брат": 2)."""
    if "Pass" not in verb.morph.get("Voice", []) or subject.dep_ not in ("nsubj", "nsubjpass"):
        return None
    people = [subject, *(t for t in subject.subtree if t.dep_ == "conj" and t.head == subject)]
    if any("Anim" not in t.morph.get("Animacy", []) for t in people):
        return None
    if len(people) == 1 and "Sing" not in subject.morph.get("Number", []):
        return None  # "полицейские были застрелены": how many, untold
    return len(people)
