"""Modality and stance: is an action asserted as done, and is it contested?

``is_asserted`` keeps negated, requested, vowed and hypothetical actions
("was not arrested", "prosecutors demanded life", "vowed to appeal", "could
face") out of the events. ``attach_stance`` marks events and claims that a
contest marker ("denied", "recanted", "do not agree", "allegedly") disputes
in the same or the next sentence. The cue lists are data:
``data/lexicons/modality.yaml`` and ``data/lexicons/stance.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from importlib.resources import files
from typing import Any

from spacy.tokens import Doc, Token

from ..events.spans import doc_sents
from ..model import Claim, Event
from ..yamlfile import load_yaml

_CLIMB = frozenset(
    {
        "xcomp",
        "ccomp",
        "dobj",
        "pobj",
        "prep",
        "pcomp",
        "conj",
        "acl",
        "obl",
        "compound",
        "nsubjpass",
    }
)


@cache
def lexicon(name: str) -> dict[str, Any]:
    """Return the parsed ``data/lexicons/<name>.yaml``."""
    text = (files("kronika") / "data" / "lexicons" / f"{name}.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = load_yaml(text)
    return data


#: Subjects that deny the act: "nobody was detained", "none escaped".
_NO_ONE = frozenset({"nobody", "noone", "none"})


def is_asserted(trigger: Token) -> bool:
    """Return whether the action at ``trigger`` is reported as having happened."""
    if trigger.pos_ == "NOUN" and trigger.dep_ == "nsubj" and _occurred(trigger.head):
        # "denied that a breakout had taken place": the act is what the verb says occurred
        return is_asserted(trigger.head)
    if trigger.pos_ == "VERB" and _told_as_to_come(trigger):
        return False
    if _on_a_condition(trigger):
        return False  # "could face 20 years if he is convicted", "если его экстрадируют"
    if (
        trigger.dep_ == "pobj"
        and trigger.head.lower_ == "to"
        and trigger.head.head.lemma_ == "lead"
    ):
        return False  # "a reward for information leading to his capture": what is sought
    cues = lexicon("modality")
    negations, modals = set(cues["negations"]), set(cues["modals"])
    governors = set(cues["governors"])
    unrealized = set(cues.get("unrealized") or ())
    habitual = set(cues.get("habitual") or ())
    for child in trigger.children:
        if child.dep_ == "neg" or (child.dep_ == "advmod" and child.lower_ in negations):
            return False
        if trigger.pos_ == "NOUN" and child.dep_ == "det" and child.lower_ == "no":
            return False  # "There was no attack on the facility", "no arrests were made"
        # "found him not guilty": the complement denied
        if child.dep_ in ("oprd", "ccomp", "xcomp", "acomp") and child.pos_ == "ADJ":
            if any(g.dep_ == "neg" for g in child.children):
                return False
        # "a planned attack", "an attempted escape"; "presidents traditionally pardon"
        if child.dep_ in ("amod", "compound") and child.lower_ in unrealized:
            return False
        if child.dep_ == "advmod" and child.lower_ in habitual:
            return False
        # "Neither X nor Y filed an appeal"
        if child.dep_ in ("nsubj", "nsubjpass") and _neither(child):
            return False
        # "No prisoner has escaped", "Nobody was detained", "let nobody out"
        if child.dep_ in ("nsubj", "nsubjpass", "dobj") and (
            child.lower_ in _NO_ONE
            or any(c.dep_ == "det" and c.lower_ == "no" for c in child.children)
        ):
            return False
        # ("будут освобождены": a future passive's auxiliary)
        auxiliary = child.dep_ == "aux" or (child.dep_ == "auxpass" and child.lemma_ == "быть")
        if auxiliary and child.lower_ in modals and child.ent_type_ != "DATE":
            return False  # ("on 3 May released": the month, not the modal)
        if (
            child.dep_ == "aux"
            and child.lower_ == "to"
            and trigger.dep_ in ("xcomp", "advcl", "acl")
            and not _granted(trigger.head, cues)
            and not _journey(trigger, cues)
            and trigger.head.lemma_ not in (cues.get("implicatives") or ())
            and not _means_used(trigger.head, cues)
            and not _ordered_by_a_court(trigger.head, cues)
            and not _reported_done(trigger, cues)
        ):
            return False
    if _under_a_modal(trigger, modals):
        return False  # "an exchange that would see 40 detainees freed": not yet
    # "his arrest would be illegal": a noun whose clause is only supposed
    if trigger.pos_ == "NOUN" and trigger.dep_ in ("nsubj", "nsubjpass"):
        if _has_modal(trigger.head, modals):
            return False
    token = trigger
    # "his escape was never explained", "the attack did not kill anyone": the verb its
    # subject noun governs is denied, not the act the noun names
    subject = trigger.pos_ == "NOUN" and trigger.dep_ in ("nsubj", "nsubjpass")
    pleas = set(cues.get("pleas") or ())
    asked = False  # the climb passed "for": "appealed for his release"
    for step in range(4):
        if token.dep_ not in _CLIMB or token.head.i == token.i:
            break
        # "was tried ... and acquitted, but was sentenced": an act joined to another is
        # not governed by it ("tried to escape" is)
        joined = token.dep_ == "conj"
        token = token.head
        asked = asked or (token.dep_ == "prep" and token.lower_ == "for")
        if asked and token.lemma_.lower() in pleas:
            return False
        if token.lemma_ in governors and not joined and not _granted(token, cues):
            if not _ordered_by_a_court(token, cues):
                return False
        negated = any(c.dep_ == "neg" for c in token.children) or any(
            # "Neither X nor his brother filed an appeal"
            c.dep_ in ("nsubj", "nsubjpass") and _neither(c)
            for c in token.children
        )
        if token.pos_ in ("VERB", "AUX") and negated and not (subject and step == 0):
            return False
        if token.pos_ == "VERB" and token.dep_ not in ("conj", "xcomp", "ccomp"):
            break
    return True


#: Words that open a condition: what follows has not happened ("unclear if the men were
#: deported for X or Y" asks about the reason, not the act: a question is no condition).
_IF = frozenset({"if", "unless", "если", "ежели"})


def _under_a_modal(trigger: Token, modals: set[str]) -> bool:
    """A participle or bare verb told as what a verb with a modal would bring about: "would
    see 40 detainees freed", "will have them deported"."""
    if trigger.tag_ not in ("VBN", "VB") or trigger.dep_ not in ("acl", "xcomp", "ccomp", "oprd"):
        return False
    verb = trigger.head
    if verb.pos_ not in ("VERB", "AUX") and verb.dep_ in ("dobj", "nsubjpass"):
        verb = verb.head  # "see [40 detainees] freed": the verb whose object they are
    return verb.pos_ in ("VERB", "AUX") and _has_modal(verb, modals)


def _has_modal(verb: Token, modals: set[str]) -> bool:
    """Whether ``verb`` is told with a modal auxiliary ("would", "will", "may")."""
    return any(c.dep_ == "aux" and c.lower_ in modals for c in verb.children)


def _means_used(verb: Token, cues: dict[str, Any]) -> bool:
    """ "Taliban fighters used a drone to drop explosives": the means, with its object, of
    an act done (not "used to attack", a habit, nor the passive "a jail used to hold")."""
    if verb.lemma_ not in (cues.get("means") or ()) or verb.tag_ not in ("VBD", "VBN"):
        return False
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    return not passive and any(c.dep_ == "dobj" for c in verb.children)


def _on_a_condition(trigger: Token) -> bool:
    """Whether the trigger's clause is a condition: "if he is convicted", "unless"."""
    for token in (trigger, *trigger.ancestors):
        if token.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in _IF for c in token.children
        ):
            return not _asked(token.head)
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("conj", "xcomp"):
            return False  # (the clause the trigger is told in, and the verbs joined to it)
    return False


def _asked(verb: Token) -> bool:
    """ "It remains unclear if ...", "police are checking if ...": a question, no condition."""
    words = {verb.lemma_.lower()} | {
        c.lemma_.lower() for c in verb.children if c.dep_ in ("acomp", "attr", "oprd")
    }
    return bool(words & _ASKING)


#: Words that ask the question an "if" clause tells: "unclear if", "asked if".
_ASKING = frozenset(
    "unclear clear known unknown certain uncertain ask wonder know see check determine "
    "investigate establish confirm question".split()
)


def _told_as_to_come(verb: Token) -> bool:
    """A Russian verb in the future, or in the present in what someone says will be done:
    "защита обжалует приговор" (reported), "его экстрадируют" ("Суд приговорил" is past)."""
    tense = verb.morph.get("Tense", [])
    if verb.lang_ != "ru" or not tense:
        return False
    return "Fut" in tense or ("Pres" in tense and verb.dep_ == "ccomp")


def _occurred(verb: Token) -> bool:
    """A verb that says an act occurred: "occurred", "happened", "took place"."""
    if verb.pos_ != "VERB":
        return False
    if verb.lemma_ in ("occur", "happen"):
        return True
    return verb.lemma_ == "take" and any(c.lower_ == "place" for c in verb.children)


def only_approved(type_name: str, trigger: Token) -> bool:
    """An act of a type an approval does not do, told only as approved or ordered: "a
    court approved the extradition of X", "ordered that X be deported", "granted the
    request to extradite him" (no one has been handed over yet)."""
    cues = lexicon("modality")
    if type_name not in (cues.get("approved_types") or ()):
        return False
    approvals = set(cues.get("approvals") or ())
    head = trigger.head
    if trigger.pos_ == "NOUN":
        # "approved the extradition", "the extradition was authorized"
        acted_on = trigger.dep_ in ("dobj", "obj", "nsubjpass", "nsubj:pass")
        return acted_on and head.lemma_ in approvals
    if trigger.dep_ in ("ccomp", "xcomp") and head.lemma_ in approvals:
        return True  # "the court ordered that X be deported", "allowed X to be extradited"
    ordered = trigger.dep_ == "acl" and trigger.tag_ == "VBN" and head.dep_ == "dobj"
    if ordered and head.head.lemma_ in approvals:
        return True  # "a court ordered nine migrants deported"
    # "granted the request to extradite him"
    return trigger.dep_ in ("acl", "xcomp") and _granted(head, cues)


def _journey(trigger: Token, cues: dict[str, Any]) -> bool:
    """ "travelled to Syria to join the group": a journey done to join is the joining."""
    head = trigger.head
    return (
        trigger.lemma_ in (cues.get("journey_acts") or ())
        and head.lemma_ in (cues.get("journeys") or ())
        and head.tag_ in ("VBD", "VBN")
        and is_asserted(head)
    )


def _reported_done(trigger: Token, cues: dict[str, Any]) -> bool:
    """ "police claimed to have arrested three men", "he is believed to have joined IS":
    a perfect infinitive under a verb of telling or believing reports an act done."""
    return (
        trigger.tag_ == "VBN"
        and any(c.dep_ == "aux" and c.lower_ == "have" for c in trigger.children)
        and trigger.head.lemma_ in (cues.get("reports") or ())
    )


def _neither(subject: Token) -> bool:
    """ "Neither X nor Y": a subject no one of which did it, wherever the parser hangs
    "neither"."""
    return any(c.lower_ == "nor" for c in subject.children) and any(
        t.lower_ == "neither" for t in subject.subtree
    )


def _granted(noun: Token, cues: dict[str, Any]) -> bool:
    """A request granted or a decision taken: "granted the request to extradite him",
    "approved the prosecutor's motion to ban the group", "a decision to ban IS".
    """
    if noun.pos_ != "NOUN":
        return False
    if noun.lemma_ in (cues.get("decisions") or ()):
        return not any(
            c.dep_ in ("amod", "compound") and c.lower_ in (cues.get("unrealized") or ())
            for c in noun.children
        )
    head = noun.head
    return (
        noun.lemma_ in (cues.get("requests") or ())
        and noun.dep_ in ("dobj", "nsubjpass")
        and head.lemma_ in (cues.get("granting") or ())
        and not any(c.dep_ == "neg" for c in head.children)
    )


def _ordered_by_a_court(verb: Token, cues: dict[str, Any]) -> bool:
    """ "A Bishkek court ordered that X be held in custody", "the court ordered X to be
    released": what a court orders or decides is done by its ruling."""
    if verb.lemma_ not in (cues.get("rulings") or ()) or any(
        c.dep_ == "neg" for c in verb.children
    ):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ == "conj":
        # "The court acquitted X and ordered his release": the first verb's subject
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.lemma_.lower() in (cues.get("courts") or ())


@cache
def _marker_pattern() -> re.Pattern[str]:
    markers = sorted(lexicon("stance")["contest_markers"], key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(m) for m in markers) + r")\b", re.I)


def contest_markers(text: str) -> tuple[str, ...]:
    """Return the contest markers found in ``text``, in order, lower-cased and unique."""
    found = dict.fromkeys(m.group(1).lower() for m in _marker_pattern().finditer(text))
    return tuple(found)


def _window(doc: Doc, start: int) -> str:
    """The sentence holding char ``start`` and the one after it."""
    sents = doc_sents(doc)
    for i, sent in enumerate(sents):
        if sent.start_char <= start < sent.end_char:
            nxt = sents[i + 1].text if i + 1 < len(sents) else ""
            return sent.text + " " + nxt
    return ""


def attach_stance(
    doc: Doc, events: list[Event], claims: list[Claim]
) -> tuple[list[Event], list[Claim]]:
    """Return ``events`` and ``claims`` with contest markers and the "contested" flag attached."""
    out_events = []
    for event in events:
        markers = tuple(
            dict.fromkeys(m for e in event.evidence for m in contest_markers(_window(doc, e.start)))
        )
        if markers:
            flags = event.flags if "contested" in event.flags else (*event.flags, "contested")
            event = replace(event, markers=markers, flags=flags)
        out_events.append(event)
    out_claims = []
    for claim in claims:
        markers = tuple(
            dict.fromkeys(m for e in claim.evidence for m in contest_markers(_window(doc, e.start)))
        )
        if markers:
            claim = replace(claim, markers=markers, contested=True)
        out_claims.append(claim)
    return out_events, out_claims
