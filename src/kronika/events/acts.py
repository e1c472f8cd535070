"""Role fillers for what was done and where: targets, tolls, designations, countries, facilities.

Same contract as :mod:`kronika.events.fillers`; each is registered by name in
``registry.ROLE_FILLERS``.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from ..model import ArgValue
from ..resolve.mentions import clean_name
from .fillers import FillContext, _core_tokens, count_of, is_passive
from .spans import doc_ents, normalizer
from .spec import RoleSpec


def fill_object_phrase(ctx: FillContext, role: RoleSpec) -> ArgValue | None:
    """A short phrase for what was attacked: the verb's object or "attack on X"."""
    token = ctx.nodes.get(role.name)
    trigger = ctx.trigger
    if token is None:
        if trigger.pos_ == "VERB" and not is_passive(trigger):
            token = next((c for c in trigger.children if c.dep_ == "dobj"), None)
        elif trigger.pos_ == "VERB":
            token = next((c for c in trigger.children if c.dep_ == "nsubjpass"), None)
        else:
            for child in trigger.children:
                if child.dep_ == "prep" and child.lower_ in ("on", "against", "at", "of"):
                    token = next((c for c in child.children if c.dep_ == "pobj"), None)
                    break
    if token is None or token.ent_type_ in ("DATE", "TIME"):
        return None
    if token.ent_type_ == "PERSON":
        return ctx.mentions.name_at(token.doc[token.i : token.i + 1].root.idx) or _entity_text(
            token
        )
    words = [
        t
        for t in _core_tokens(token)
        if t.dep_ not in ("det", "poss", "punct", "case") and not t.is_space
    ]
    words.sort(key=lambda t: t.i)
    return " ".join(t.text for t in words) or None


def _entity_text(token: Token) -> str:
    for ent in doc_ents(token.doc):
        if ent.start <= token.i < ent.end:
            return clean_name(ent.text)
    return token.text


_KILL = frozenset({"kill", "leave", "claim"})


def fill_casualties(ctx: FillContext, role: RoleSpec) -> ArgValue | None:
    """``killed`` / ``wounded`` tolls in the sentence ("killing four guards", "left 17 dead")."""
    lemmas = {"killed": ("kill",), "wounded": ("wound", "injure")}.get(role.name, ())
    parse = normalizer("kronika.number.v1")
    if parse is None:
        return None
    trigger = ctx.trigger

    def rank(tok: Token) -> tuple[bool, int]:
        # a toll clause the trigger governs ("the bombing that killed 12") comes first
        return (trigger not in tok.ancestors and tok.head != trigger, abs(tok.i - trigger.i))

    for tok in sorted(ctx.sent, key=rank):
        if tok.lemma_ not in lemmas and not (role.name == "killed" and tok.lemma_ in _KILL):
            continue
        obj = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if tok.lemma_ in ("leave", "claim") and role.name == "killed":
            if not any(c.lower_ in ("dead", "lives") for c in tok.subtree):
                continue
        if obj is None:
            continue
        if obj.lower_ in ("himself", "herself"):
            return 1
        value = count_of(obj)
        if value is not None:
            # "killing five civilians and three police officers": the toll is the sum
            for other in obj.conjuncts:
                more = count_of(other)
                value = value + more if more is not None else value
            return value
        if obj.like_num:
            return parse(obj.text)  # type: ignore[no-any-return]
    if role.name == "killed" and re.search(r"\b(shot dead|assassinated|murdered)\b", ctx.sent.text):
        return 1
    return None


def fill_designation(ctx: FillContext, role: RoleSpec) -> ArgValue | None:
    """``extremist`` or ``terrorist`` when the sentence designates the organization so."""
    text = ctx.sent.text.lower()
    for word in ("terrorist", "extremist"):
        if re.search(rf"\b{word}\b", text):
            return word
    return None


def fill_place_role(ctx: FillContext, role: RoleSpec) -> ArgValue | None:
    """``to_country`` / ``from_country``: the place after "to" or "from" near the trigger."""
    prep = "to" if role.name.startswith("to") else "from"
    for child in ctx.trigger.children:
        if child.dep_ == "prep" and child.lower_ == prep:
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.ent_type_ in ("GPE", "LOC"):
                return _country_of(_entity_text(obj))
    return None


def _country_of(name: str) -> str | None:
    """The country a place lies in ("Dushanbe" → "Tajikistan"); a country stays itself.

    A name the gazetteer does not know is kept as the text gives it.
    """
    resolve = normalizer("kronika.place.v1")
    place = resolve(name) if resolve is not None else None
    country = getattr(place, "country", None)
    return country if isinstance(country, str) and country else name


def fill_facility(ctx: FillContext, role: RoleSpec) -> ArgValue | None:
    """The place of custody people escaped from ("a prison in Kyrgyzstan")."""
    for tok in ctx.sent:
        if tok.lemma_ in ("prison", "jail", "colony", "center", "centre", "facility"):
            head = tok
            words = [t for t in head.subtree if t.dep_ not in ("det", "punct")]
            return " ".join(t.text for t in words)
    return None
