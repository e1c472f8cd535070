"""Event words used for something else: not acts at all.

"died of a heart attack", "an attack on press freedom", "appealed for calm", "a video
released by the FSB", "escaped with machete wounds", "put on its wanted list",
"Kazakhstan joined the WTO": a trigger word that tells no event of its type. The word
lists are ``data/lexicons/figurative.yaml``.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from ..claims.stance import lexicon
from ..resolve.mentions import surname_endings
from .participants import agent, patient
from .people import participle_for_people


def figurative(type_name: str, trigger: Token) -> bool:
    """An event word used for something else: "died of a heart attack", "a hunger
    strike", "an attack on press freedom", "Kazakhstan joined the WTO"."""
    if participle_for_people(trigger):
        return True
    if type_name == "ATTACK":
        kinds = _figurative_words("not_violence")
        if trigger.pos_ == "NOUN" and any(
            c.dep_ in ("compound", "amod") and c.lower_ in kinds for c in trigger.children
        ):
            return True
        if _accident(trigger) or _meant_for(trigger):
            return True
        target = _attacked(trigger)
        return target is not None and target.lemma_.lower() in _figurative_words("abstract_targets")
    if type_name == "APPEAL":
        return _a_plea(trigger)
    if type_name == "BAN":
        return _a_wanted_list(trigger)
    if type_name == "RELEASE":
        if _freed_from_a_post(trigger):
            return True
        # "a video released by the FSB", "the report was released": a thing made public
        done_to = patient(trigger)
        things = _figurative_words("released_things")
        return done_to is not None and (
            done_to.lemma_.lower() in things or done_to.lower_ in things
        )
    if type_name == "ESCAPE":
        return _got_away_from_harm(trigger)
    if type_name == "EXTRADITION":
        # "the recruitment network sent 20 young men to Syria": no state hands anyone over
        doer = agent(trigger)
        return doer is not None and doer.lemma_.lower() in _SENDERS
    if type_name == "JOIN":
        if any(c.lemma_ in _figurative_words("joined_not_groups") for c in trigger.children):
            # "решение вступило в законную силу": a ruling took effect; "вступил в брак",
            # "вступил в должность": a marriage, an office
            return True
        # a state joins treaties and trade bodies; people join armed groups
        doer = agent(trigger)
        # (the state's name itself: "a Kazakh jihadist" is a person; nor a person's family
        # name the model took for a place: "Rahimzoda joined Islamic State")
        return (
            doer is not None
            and doer.ent_type_ == "GPE"
            and doer.pos_ == "PROPN"
            and not doer.lower_.endswith(surname_endings())
        )
    return False


#: Words for those who hear a legal appeal: "appealed to the Supreme Court".
_BENCHES = frozenset("court courts tribunal judge judges collegium chamber panel instance".split())


def _a_plea(trigger: Token) -> bool:
    """ "appealed to the president", "an appeal for calm": a plea, not a verdict appealed."""
    if trigger.lemma_ != "appeal":
        return False
    for prep in (c for c in trigger.children if c.dep_ == "prep"):
        if prep.lower_ == "for":
            return True
        heard = [g for g in prep.children if g.dep_ == "pobj"]
        if prep.lower_ == "to" and heard:
            return not any(t.lower_ in _BENCHES for g in heard for t in g.subtree)
    return False


#: Those who send people abroad without being a state: "the network sent 20 men to Syria".
_SENDERS = frozenset(
    "network recruiter recruiters smuggler smugglers gang cell trafficker traffickers".split()
)


#: What one escapes with, or escapes, that is harm and not custody.
_HARM = frozenset("wound wounds injury injuries life lives death scratch bruise unhurt".split())


def _got_away_from_harm(trigger: Token) -> bool:
    """ "Three others escaped with machete wounds", "narrowly escaped death": no custody."""
    for child in trigger.children:
        if child.dep_ == "dobj" and child.lemma_.lower() in _HARM:
            return True
        if child.dep_ in ("acomp", "advmod", "oprd") and child.lower_ in ("unhurt", "unharmed"):
            return True
        if child.dep_ == "prep" and child.lower_ == "with":
            if any(g.lemma_.lower() in _HARM for g in child.children if g.dep_ == "pobj"):
                return True
    return False


#: Lists of people sought, not of groups banned: "put X on its wanted list".
_SOUGHT = frozenset({"wanted", "watch", "search", "most-wanted"})


def _a_wanted_list(trigger: Token) -> bool:
    """ "Interpol placed X on its wanted list": a person sought, no group banned."""
    return any(
        g.dep_ == "pobj"
        and g.lemma_ in ("list", "register", "registry")
        and any(m.lower_ in _SOUGHT for m in g.children)
        for prep in trigger.children
        if prep.dep_ == "prep"
        for g in prep.children
    )


#: Act words a blast is told with: only these can be accidents.
_BLASTS = frozenset("explosion blast explode detonation".split())


def _accident(trigger: Token) -> bool:
    """ "A gas cylinder exploded", "the blast was accidental": no attack."""
    if trigger.lemma_.lower() not in _BLASTS:
        return False
    words = _figurative_words("accidents")
    near = list(trigger.children)
    near += [g for c in near if c.dep_ in ("nsubj", "nsubjpass") for g in c.children]
    if trigger.dep_ in ("nsubj", "nsubjpass"):
        near += [c for c in trigger.head.children if c.dep_ in ("acomp", "attr", "advmod")]
    return any(t.lower_ in words or t.lemma_.lower() in words for t in near)


def _meant_for(trigger: Token) -> bool:
    """ "explosives meant for an attack", "weapons intended for attacks": only planned."""
    prep = trigger.head
    return (
        trigger.dep_ == "pobj"
        and prep.lower_ == "for"
        and prep.head.lemma_.lower() in _figurative_words("meant_for")
    )


def _freed_from_a_post(trigger: Token) -> bool:
    """ "освобождён от должности", "released from his duties": relieved of an office,
    not let out of custody."""
    posts = _figurative_words("released_from_posts")
    for child in trigger.children:
        if child.dep_ == "prep" and child.lower_ == "from":
            child = next((c for c in child.children if c.dep_ == "pobj"), child)
        elif not any(c.dep_ == "case" and c.lower_ == "от" for c in child.children):
            continue
        if child.lemma_.lower() in posts:
            return True
    return False


@cache
def _figurative_words(key: str) -> frozenset[str]:
    """A word list of ``data/lexicons/figurative.yaml``, read once."""
    return frozenset(str(w) for w in lexicon("figurative")[key])


def _attacked(trigger: Token) -> Token | None:
    """What an attack is made on: "an attack on X", "attacked X"."""
    if trigger.pos_ == "VERB":
        return next((c for c in trigger.children if c.dep_ == "dobj"), None)
    for prep in trigger.children:
        if prep.dep_ == "prep" and prep.lower_ in ("on", "against", "upon"):
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None
