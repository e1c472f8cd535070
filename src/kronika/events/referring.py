"""Whether a mention of an event tells again what the article told before.

Its people may be ones named before ("the men", "they", "Both were detained"), all of
a group or a part of it; the act may go along with the one before ("were also
released"), be set apart from it ("in a separate attack"), or be the same act retold
with its date or rank ("The attack, which took place on May 16, ...").
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from .participants import agent, patient
from .people import a_pair, about_people
from .toll_words import ATTACKERS


def refers_back(trigger: Token) -> bool:
    """Whether the trigger's people are ones named before ("the men had been extradited")."""
    subject = trigger if trigger.pos_ == "NOUN" else None
    if subject is None and not any(c.dep_ == "dobj" for c in trigger.children):
        # "the bomb exploded" (but "the court sentenced X" is told by its object)
        subject = next((c for c in trigger.children if c.dep_ == "nsubj"), None)
    if (
        subject is not None
        and subject.tag_ == "NN"
        and subject.dep_ in ("nsubj", "nsubjpass")
        and definite(subject)
        and not about_people(subject)
    ):
        return True  # "The bomb exploded in the Waaberi district": the act told above
    if (
        trigger.pos_ == "NOUN"
        and trigger.dep_ in ("pobj", "dobj")
        and any(c.dep_ == "det" and c.lower_ in ("the", "those", "these") for c in trigger.children)
        and not any(c.dep_ in _OWN_DETAILS for c in trigger.children)
    ):
        return True  # "the three people wounded by the blast", "blamed those explosions on X"
    if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" and trigger.head.lemma_ in _LAYING:
        if definite(trigger):
            return True  # "The army blamed the attack on the ADF" ("on" hung on the attack)
    if trigger.dep_ in ("acl", "relcl") and trigger.head.lower_ in _THEY:
        if trigger.head.head.lower_ == "among":
            return True  # "Among those detained is X": one of the people told of before
    if any(c.lower_ == "среди" for c in trigger.children):
        return True  # "Среди задержанных — X": the same in Russian
    doer = agent(trigger)
    if doer is not None and doer.tag_ in ("NN", "NNS") and definite(doer):
        if doer.lemma_.lower() in ATTACKERS:
            return True  # "The assailants also set fire to several homes", "The bomber struck"
    token = _people_token(trigger)
    if token is None:
        return False
    if token.lower_ in _THEY:
        return True  # "they were released", "those arrested include A and B"
    if _told_before_ru(token):
        return True  # "Мужчина был задержан в ноябре", "беглеца задержали 10 июня"
    if token.lower_ in ("half", "some", "many", "most", "all", "none"):
        # "half of them were pardoned"
        return any(
            c.lower_ == "of" and any(g.lower_ in ("them", "those") for g in c.children)
            for c in token.children
        )
    if a_pair(token):
        return True  # "The couple were arrested"
    if token.tag_ == "CD" and (
        definite(token)
        or any(c.dep_ in ("det", "predet") and c.lower_ == "all" for c in token.children)
    ):
        return True  # "The three had been sentenced in November", "All four were detained"
    if token.pos_ == "NUM" and any(c.dep_ == "det" and c.lemma_ == "весь" for c in token.children):
        return True  # "Все трое были задержаны": the same in Russian
    return _plural_with(token, ("the", "those", "these", "both"))


def _people_token(trigger: Token) -> Token | None:
    """Whose act it is told as: the one acted on, else the doer; but the doer when it is
    "both" ("both travelled to Raqqa and joined the group": not the group)."""
    done_to, doer = patient(trigger), agent(trigger)
    if doer is not None and doer.lower_ in _BOTH:
        return doer
    return done_to or doer


_BOTH = frozenset({"both", "оба", "обе"})


#: Pronouns for people told of before ("они": "they" in Russian text).
_THEY = frozenset(
    {"they", "them", "those", "these", "both", "они", "их", "им", "эти", "те", "оба", "обе"}
)


#: Russian nouns that, bare (Russian has no articles), name people the story told of:
#: "мужчина", "беглец", "осуждённые", "фигуранты дела", "молодые люди".
_TOLD_BEFORE_RU = frozenset(
    "мужчина женщина беглец осужденный осуждённый задержанный обвиняемый подсудимый фигурант "
    "подозреваемый злоумышленник человек люди".split()
)


def _told_before_ru(token: Token) -> bool:
    """A Russian role noun with no name, number or clause of its own: people told before."""
    if token.doc.lang_ != "ru" or token.lemma_.lower() not in _TOLD_BEFORE_RU:
        return False
    if token.lemma_.lower() in ("человек", "люди") and not any(
        c.dep_ == "amod" and c.lemma_.lower() == "молодой" for c in token.children
    ):
        return False  # "люди" alone is anyone; "молодые люди" the young men told of
    own = ("nummod", "nummod:gov", "appos", "relcl", "acl", "flat:name", "nmod")
    return not any(c.dep_ in own or c.ent_type_ == "PERSON" for c in token.children)


#: Verbs that lay a told act at someone's door: "blamed the attack on X".
_LAYING = frozenset({"blame", "pin", "attribute"})
#: What a noun may carry that tells an act of its own ("the bombing of a market in Osh").
_OWN_DETAILS = frozenset({"prep", "amod", "compound", "relcl", "acl"})


def whole_group(trigger: Token) -> bool:
    """Whether the trigger's people are all of a group told before: "they", "the men who were
    arrested" (not "half of them", "the other convicts", "two of the men")."""
    token = patient(trigger) or agent(trigger)
    if token is None:
        return False
    if token.lower_ in ("they", "them", "both", "они", "их"):
        return True
    if a_pair(token):
        return True  # "The couple were arrested in Lyon": the two told before
    if _told_before_ru(token):
        return True  # "Мужчина был задержан", "Обвиняемые были задержаны": those told of
    return _plural_with(token, ("the", "these", "those", "both")) and not any(
        c.lower_ in _SOME_OF for c in token.children
    )


def told_pair(trigger: Token) -> bool:
    """ "Both were detained", "Both men", "The couple were arrested": two people told before."""
    token = _people_token(trigger)
    if token is None:
        return False
    if token.lower_ in _BOTH:
        return True
    return a_pair(token) or _plural_with(token, ("both",))


def _plural_with(token: Token, determiners: tuple[str, ...]) -> bool:
    """ "the men", "both brothers": a plural noun with one of ``determiners``."""
    return token.tag_ == "NNS" and any(
        c.dep_ in ("det", "predet", "preconj") and c.lower_ in determiners for c in token.children
    )


#: Words that make a group told before only a part of it, or another one.
_SOME_OF = frozenset("other others remaining rest some several many few of".split())


def definite(noun: Token) -> bool:
    """ "the bomb", "this attack": a noun told as known already."""
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children)


def along(trigger: Token) -> bool:
    """ "were also released", "was likewise freed": the act goes with the one told before."""
    return any(c.dep_ == "advmod" and c.lower_ in ("also", "likewise") for c in trigger.children)


def accompanies(trigger: Token) -> bool:
    """ "Five other prisoners escaped with them": the act of the people told before."""
    return any(
        c.dep_ == "prep"
        and c.lower_ in ("with", "alongside")
        and any(g.lower_ in ("them", "him", "her") for g in c.children)
        for c in trigger.children
    )


#: Words that set an act apart from those told before: "another attack", "a separate raid".
_APART = frozenset({"another", "separate"})


def apart(trigger: Token) -> bool:
    """ "In another attack, three soldiers were killed", "a separate bombing", "In a
    separate incident, gunmen shot ...": an act other than those told before."""
    if any(c.lower_ in _APART and c.dep_ in ("det", "amod") for c in trigger.children):
        return True
    for token in (trigger, *trigger.ancestors):
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "in"):
            for noun in (c for c in prep.children if c.dep_ == "pobj"):
                if any(c.lower_ in _APART and c.dep_ in ("det", "amod") for c in noun.children):
                    return True
    return False


#: Nouns an attack told before is referred back to by: "The attack, which took place ...".
_ACT_NOUNS = frozenset("attack blast bombing explosion assault ambush shooting".split())


def retelling(trigger: Token) -> bool:
    """ "The attack, which took place on May 16, killed five": the act told before, told
    again with more of it (a definite act noun as the subject or object of its clause, or
    any act noun said of what a subject is)."""
    # ("JNIM later claimed the attack", "the group has revendicated the attack": the
    # attack told before, whatever is done with it)
    claimed = trigger.dep_ == "dobj"
    # ("The attack is the deadliest ..., an attack also claimed by X", "It was a suicide
    # attack": an act noun said of what the subject is, no act of its own)
    said_of = trigger.dep_ == "attr" and trigger.head.lemma_ == "be"
    if said_of and trigger.pos_ == "NOUN" and trigger.lemma_.lower() in _ACT_NOUNS:
        return True
    return (
        trigger.pos_ == "NOUN"
        and trigger.tag_ == "NN"
        and trigger.lemma_.lower() in _ACT_NOUNS
        and (trigger.dep_ in ("nsubj", "nsubjpass") or claimed)
        and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in trigger.children)
    )


#: Verbs that tell an act happened: "the arrests took place", "the raid was carried out".
_HAPPENED = frozenset("happen occur carry conduct make".split())


def told_as_happening(trigger: Token) -> bool:
    """ "The detentions were carried out on April 6", "the arrests took place on Monday":
    the act told before, given its time (and place) in a clause of its own."""
    verb = trigger.head
    if verb.lemma_ == "take":
        return any(c.dep_ == "dobj" and c.lemma_ == "place" for c in verb.children)
    return verb.lemma_ in _HAPPENED


def retold_with_a_date(trigger: Token, supplements: Iterable[str]) -> bool:
    """ "The verdict was delivered on Tuesday", "The ruling was issued on November 28": an
    act told before, named by a definite noun, and dated in its own clause."""
    if not definite(trigger) or trigger.dep_ not in ("nsubj", "nsubjpass"):
        return False
    if trigger.lemma_ not in supplements and not told_as_happening(trigger):
        return False
    own = {t.i for t in trigger.subtree}
    return any(t.ent_type_ == "DATE" for t in trigger.head.subtree if t.i not in own)


def ranked(trigger: Token) -> bool:
    """ "killing 12 people in the deadliest attack in the province this year", "the worst
    bombing since 2015": an act noun told only to rank the act just told among others."""
    # (not "carried out the biggest attack on the base since 2019": the act itself)
    if trigger.pos_ != "NOUN" or trigger.dep_ not in ("pobj", "attr"):
        return False
    return any(
        c.dep_ == "amod" and (c.tag_ == "JJS" or c.lower_.endswith("deadliest"))
        for c in trigger.children
    )


def counted_among(trigger: Token) -> bool:
    """ "It was the second breakout from the facility in three years", "the third such
    attack this month": an act noun told only to count the act just told among others."""
    return (
        trigger.pos_ == "NOUN"
        and trigger.dep_ in ("attr", "appos")
        and any(c.ent_type_ == "ORDINAL" and c.dep_ == "amod" for c in trigger.children)
    )


#: Nouns for many acts told as one: "a series of attacks", "a wave of bombings".
_SERIES = frozenset("series wave spate string chain".split())


def one_of_a_series(trigger: Token) -> bool:
    """ "part of a series of attacks on security posts", "the latest in a wave of bombings",
    "amid a spate of killings": acts told as a whole, to place the one told among them."""
    if trigger.tag_ != "NNS" or trigger.dep_ != "pobj" or trigger.head.lower_ != "of":
        return False
    series = trigger.head.head
    if series.lemma_ not in _SERIES or series.dep_ != "pobj":
        return False
    owner = series.head  # "of" of "part of", "in" of "the latest in", "amid"
    if owner.lower_ in ("in", "amid", "among"):
        return True
    return owner.lower_ == "of" and owner.head.lemma_ in ("part", "one", "latest", "element")


#: Nouns that measure acts told as a kind: "the tempo of attacks", "the risk of bombings".
_MEASURES = frozenset(
    "tempo pace rate number level frequency risk threat fear rise increase decrease decline "
    "surge upsurge escalation".split()
)
#: Nouns for separate acts a toll is summed over: "killed in three separate incidents".
_INCIDENTS = frozenset("incident incidents attack attacks episode episodes".split())


def acts_in_general(trigger: Token) -> bool:
    """ "we expect the tempo of attacks on roads to ease", "Civilians were killed in three
    separate incidents": acts told as a kind or a sum over several, no one act."""
    if (
        trigger.tag_ == "NNS"
        and trigger.dep_ == "pobj"
        and trigger.head.lower_ == "of"
        and trigger.head.head.lemma_.lower() in _MEASURES
        and not any(c.dep_ in ("det", "nummod", "poss") for c in trigger.children)
    ):
        return True
    for prep in trigger.children:
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        for noun in prep.children:
            counted = [c for c in noun.children if c.dep_ == "nummod"]
            several = any(c.like_num and c.lower_ not in ("one", "1", "a") for c in counted)
            if noun.dep_ == "pobj" and noun.lower_ in _INCIDENTS and several:
                return True
    return False
