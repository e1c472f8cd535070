"""Role fillers for what was done and where: targets, designations, countries, facilities.

(``fill_casualties`` stays for the ``kronika.casualties.v1`` name; the attack
toll is read by :mod:`kronika.events.tolls`, ``kronika.casualties.v2``.)

Same contract as :mod:`kronika.events.fillers`; each is registered by name in
``registry.ROLE_FILLERS``.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from ..model import ArgValue
from ..resolve.mentions import clean_name
from .agencies import country_of_word
from .counts import count_of
from .fillers import FillContext
from .participants import is_passive
from .phrase_core import core_tokens
from .spans import as_written, doc_ents, normalizer
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
    return _phrase(ctx, token)


#: Objects that are the means of an attack, not its target: "detonated a device at X".
_MEANS = frozenset(
    "fire shot shots grenade bomb rocket mortar missile shell bullet explosive device ied "
    "projectile cocktail landmine mine charge himself herself themselves vest drone drones".split()
)
#: Vehicles a bomb is carried in, and the verbs that set one off.
_VEHICLES = frozenset("vehicle van motorcycle motorbike bicycle lorry bus drone car truck".split())
_SET_OFF = frozenset("detonate explode blow ram drive".split())
#: Prepositions that name where an act struck: "at a market", "on a bus", "outside a school".
_AT = ("on", "at", "against", "outside", "inside", "near", "into", "targeting")
#: Verbs a nominal act is the subject of when the text says what it hit.
_HIT = frozenset({"target", "hit", "strike", "rip", "tear", "destroy", "damage"})


def fill_target(ctx: FillContext, role: RoleSpec) -> ArgValue | None:
    """What was attacked, in every frame of the act.

    "gunmen attacked a checkpoint", "a checkpoint was attacked", "the bombing of a
    bus station", "an attack on the airport", "detonated a device at a market",
    "opened fire on a bus", "an explosion ripped through a marketplace", "an
    attack targeting the president".
    """
    bound = ctx.nodes.get(role.name)
    if bound is not None:
        return _phrase(ctx, bound)
    trigger = ctx.trigger
    token: Token | None = None
    if _toll_of_act(trigger):
        return None  # "killed 14 soldiers in an attack on a post": the attack tells the target
    if trigger.pos_ == "VERB":
        if is_passive(trigger):
            token = next((c for c in trigger.children if c.dep_ == "nsubjpass"), None)
        else:
            token = next((c for c in trigger.children if c.dep_ == "dobj"), None)
        # "detonated an explosives-laden vehicle at a base": what was set off is the means
        # (but "ambushed a military vehicle" is what was struck)
        carried = token is not None and trigger.lemma_ in _SET_OFF and token.lemma_ in _VEHICLES
        if token is not None and (
            carried or token.lower_ in _MEANS or token.lemma_.lower() in _MEANS
        ):
            # "set fire to a school": what the means was set to
            to = ("to",) if token.lower_ == "fire" else ()
            token = _struck(token, to) or _struck(trigger, to)
        elif token is None:
            token = _struck(trigger) or _shared_object(trigger)
    else:
        token = _of_noun(trigger)
    return _phrase(ctx, token or _victims(trigger))


def _shared_object(verb: Token) -> Token | None:
    """ "shot and killed a local imam": the object the next verb of the pair takes for both."""
    for conj in verb.children:
        if conj.dep_ == "conj" and conj.pos_ == "VERB" and conj.i > verb.i:
            found = next((c for c in conj.children if c.dep_ == "dobj"), None)
            if found is not None and not found.like_num:
                return found
    return None


def _victims(trigger: Token) -> Token | None:
    """With nothing else named, the victims are the target: "attacks that killed five civilians"."""
    for clause in trigger.children:
        if clause.dep_ in ("relcl", "acl", "advcl") and clause.lemma_ in (
            "kill",
            "wound",
            "injure",
        ):
            found = next((c for c in clause.children if c.dep_ == "dobj"), None)
            if found is not None and not found.like_num:
                return found
    return None


#: Nouns of an act that a toll verb may be told "in" ("killed in an attack").
_ACTS = frozenset(
    "attack bombing blast explosion ambush raid assault shooting strike airstrike".split()
)


def _toll_of_act(trigger: Token) -> bool:
    """ "Rebels killed 14 soldiers in an attack on X": the verb tells the act's toll."""
    if trigger.lemma_ not in ("kill", "wound", "injure"):
        return False
    return any(
        c.dep_ == "prep"
        and c.lower_ in ("in", "during")
        and any(g.dep_ == "pobj" and g.lemma_ in _ACTS for g in c.children)
        for c in trigger.children
    )


#: Verbs that lay an act on someone: "blamed the attack on X", "pinned the bombing on X".
LAID_ON = frozenset({"blame", "pin"})


def _of_noun(trigger: Token) -> Token | None:
    """The target of a nominal act: "attack on X", "the bombing of X", "an attack targeting X"."""
    for child in trigger.children:
        if child.dep_ == "prep" and child.lower_ in ("on", "against", "at", "of"):
            if child.lower_ == "on" and trigger.dep_ == "dobj" and trigger.head.lemma_ in LAID_ON:
                continue  # "blamed the attack on X": whom it is laid on, not what it hit
            return next((c for c in child.children if c.dep_ == "pobj"), None)
        if child.dep_ == "acl" and child.lemma_ in _HIT:
            return next((c for c in child.children if c.dep_ == "dobj"), None)
    head = trigger.head
    if trigger.dep_ == "nsubj" and head.lemma_ in _HIT:
        found = next((c for c in head.children if c.dep_ == "dobj"), None)
        return found or _struck(head)
    if trigger.dep_ == "nsubj" and head.lemma_ in ("kill", "wound", "injure"):
        # "a bomb killed six soldiers": the victims told; "a bomb killed six people at a
        # mosque": the site, when the victims are only counted
        found = next((c for c in head.children if c.dep_ == "dobj"), None)
        if found is not None and found.lemma_.lower() not in _ANYONE and not found.like_num:
            return found
        return _struck(head)
    return None


def _struck(token: Token, more: tuple[str, ...] = ()) -> Token | None:
    """The object of a place preposition hanging on ``token`` ("at a market", "through X")."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in (*_AT, "through", *more):
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.ent_type_ not in ("DATE", "TIME", "GPE"):
                return obj
    return None


def _thing_before(pronoun: Token) -> Token | None:
    """The thing "it" stands for: the last common noun its sentence names before it."""
    for token in reversed(pronoun.doc[pronoun.sent.start : pronoun.i]):
        if token.ent_type_ in ("DATE", "TIME") or token.lemma_.lower() in _TIMES:
            continue  # "reached the checkpoint at dawn and attacked it"
        if token.pos_ == "NOUN" and token.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass"):
            return None if token.lemma_.lower() in _ANYONE else token
    return None


def _phrase(ctx: FillContext, token: Token | None) -> str | None:
    if token is not None and token.pos_ == "ADP" and token.lower_ in _AT:
        # "exploded outside government buildings": what was hit, not where from it
        token = next((c for c in token.children if c.dep_ == "pobj"), token)
    if token is None or token.ent_type_ in ("DATE", "TIME"):
        return None
    if token.lemma_.lower() in _ANYONE or token.lower_ in ("he", "she", "they", "him", "them"):
        return None  # "50 people were killed": a toll, not what was attacked
    if token.lower_ == "it":
        # "broke out of the police station after militants stormed it": the thing before
        return _phrase(ctx, _thing_before(token))
    of = [g for c in token.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    if token.lemma_.lower() in _TIMES or (token.lower_ == "one" and of and of[0].lemma_ in _TIMES):
        return None  # "attacked at one of the busiest times of the day": when, not what
    if token.like_num:
        # "two of the captives were shot dead": the captives ("two of them": no one new)
        return _phrase(ctx, of[0]) if of else None
    if token.ent_type_ == "PERSON":
        return ctx.mentions.name_at(token.doc[token.i : token.i + 1].root.idx) or _entity_text(
            token
        )
    named = next((c for c in token.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
    if named is not None:
        return _phrase(ctx, named)  # "killed the group's leader, Ahmed Godane": the one named
    words = [
        t
        for t in core_tokens(token)
        if t.dep_ not in ("det", "poss", "punct", "case", "nummod", "quantmod")
        and t.lower_ not in ("dead", "alive")
        # ("Thirty villagers were killed": a count the parser took for part of a name)
        and not (t.pos_ == "NUM" and t.dep_ == "compound" and t.i < token.i)
        # ("exploded outside government buildings" read with "outside" as an adjective)
        and not (t.dep_ == "amod" and t.lower_ in _AT)
        # "at least 19 gendarmes": the words that hedge a number are not what was hit
        # ("between 30 and 40 civilians": the range's second number, not what was hit)
        and not (
            t.head.like_num
            and t.head is not t
            and t.dep_ in ("advmod", "amod", "prep", "cc", "conj")
        )
        and not (t.head.head.like_num and t.head.dep_ in ("advmod", "prep") and t.dep_ != "conj")
        and not t.is_space
        and not _in_an_aside(t, token)
    ]
    words.sort(key=lambda t: t.i)
    return as_written(words) or None  # ("al-Shabaab", not "al - Shabaab")


def _in_an_aside(word: Token, top: Token) -> bool:
    """Whether ``word`` is told in an aside to the phrase at ``top``: "the village of
    Mangodomu, Beni territory, North Kivu": the rest of an address, not what was hit."""
    for t in (word, *word.ancestors):
        if t.i == top.i:
            return False
        if t.dep_ == "appos" and (t.ent_type_ in _PLACES or t.head.ent_type_ in _PLACES):
            return True  # (but "the movement's founder, businessman X" is the founder X)
        if t.dep_ in ("appos", "conj") and t.lemma_.lower() in _DIVISIONS:
            # "raided Largu village, Djugu territory, Ituri province": the address's rest
            return any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in t.children)
    return False


_PLACES = ("GPE", "LOC")
#: Nouns of a division of a state that an address names after a town.
_DIVISIONS = frozenset(
    "district province region territory county governorate oblast prefecture department".split()
)


#: Nouns for a time, which a preposition after an act may name instead of a target.
_TIMES = frozenset("time hour moment day night morning evening afternoon period dawn dusk".split())
#: Nouns that count victims without saying who they were.
_ANYONE = frozenset("people person persons individual individuals other others more".split())


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
    """``extremist`` or ``terrorist`` when the sentence designates the organization so, or
    another label a declaration gives it."""
    text = ctx.sent.text.lower()
    for word in ("terrorist", "extremist"):
        if re.search(rf"\b{word}\b", text):
            return word
    # "declared the movement illegal", "named the foundation undesirable": the label declared
    kind = ctx.nodes.get(role.name)
    return kind.lower_ if kind is not None and kind.lower_ in ("illegal", "undesirable") else None


def fill_place_role(ctx: FillContext, role: RoleSpec) -> ArgValue | None:
    """``to_country`` / ``from_country``: the state a pattern bound to the role, else the
    place after "to" or "from" near the trigger."""
    bound = ctx.nodes.get(role.name)
    if bound is not None and bound.ent_type_ in ("GPE", "LOC"):
        return _country_of(_entity_text(bound))  # "Uzbekistan received from Turkey a man"
    prep = "to" if role.name.startswith("to") else "from"
    # ("sent him back to Tashkent", "flown home from Istanbul": the phrase hangs on "back")
    particles = [c for c in ctx.trigger.children if c.dep_ in ("advmod", "prt")]
    for child in (*ctx.trigger.children, *(g for c in particles for g in c.children)):
        if child.dep_ == "prep" and child.lower_ == prep:
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.ent_type_ in ("GPE", "LOC"):
                return _country_of(_entity_text(obj))
            if obj is not None and obj.lemma_ in _OFFICIALS:
                # "handed over to Tajik authorities": the state whose officials they are
                for word in obj.children:
                    state = (
                        country_of_word(word.text) if word.dep_ in ("amod", "compound") else None
                    )
                    if state:
                        return state
    return None


#: Those who receive a person for a state: "handed over to Tajik authorities", "to the
#: Uzbek side".
_OFFICIALS = frozenset(
    "authority official officer police guard service agent security side".split()
)


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
    bound = ctx.nodes.get("facility")
    custody = ("prison", "jail", "colony", "center", "centre", "facility", "penitentiary")
    # ("the Ilesa Medium Security Custodial Centre": a name's words keep their capitals)
    found = bound
    if found is None:
        found = next((t for t in ctx.sent if t.lemma_.lower() in custody), None)
    if found is None:
        return None
    words = [
        t
        for t in found.subtree
        if (t.dep_ not in ("det", "punct") or _inner_hyphen(t)) and not t.is_space
    ]
    # words written together stay together: "pre-trial", "Tajikistan's"
    text = "".join(
        w.text + ("" if i + 1 == len(words) or _joined(w, words[i + 1]) else " ")
        for i, w in enumerate(words)
    )
    return text or None


def _inner_hyphen(token: Token) -> bool:
    """A hyphen inside a word ("pre-trial"), not a dash between words ("prison - a ...")."""
    doc = token.doc
    return (
        token.text == "-"
        and 0 < token.i < len(doc) - 1
        and not doc[token.i - 1].whitespace_
        and not token.whitespace_
    )


def _joined(word: Token, following: Token) -> bool:
    """Whether ``following`` is written straight after ``word``, with no space between."""
    return following.i == word.i + 1 and not word.whitespace_
