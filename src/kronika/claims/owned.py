"""Numbers that belong to something other than a claim: an event's own count or toll,
or the size of a place.

"convicted 29 men" is the sentence's count, "10 people were killed" beside an
attack is its toll, "a city of three million people" is a population: none is a
figure somebody asserts. A count of attackers killed ("12 militants were
killed"), a count told for the future ("956 of them will be released"), a
count of several events together and a count told over a span of time ("have been
freed since 2016", "in the course of 2022") stay claims. The word lists are data:
``event_verbs``, ``toll_verbs``, ``attacker_nouns`` and ``place_nouns`` in
``data/lexicons/claims.yaml``.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..events.accounts import in_a_claimed_account
from ..events.not_events import told_over_a_span
from ..events.telling import standing_count
from ..events.tolls import several_acts
from .stance import is_asserted, lexicon


def owned_by_event(number: Token, noun: Token, sent: Span) -> bool:
    """Whether the people ``noun`` counts are an event's own participants or victims."""
    cues = lexicon("claims")
    if _of_an_event(noun):
        return True
    verb, role = _governor(noun)
    if verb is None and noun.lower_ in ("them", "us"):
        verb, role = _governor(number)  # "three of them were killed"
    if verb is None or in_a_claimed_account(verb):
        return False  # ("claimed the attack, saying it had killed 25": the group's figure)
    if told_over_a_span(sent) or standing_count(verb):
        # "more than 4,000 people have been freed since 2016", "1,480 people were
        # imprisoned as of May 2018": a tally
        return False
    if verb.lemma_ in cues["event_verbs"] and role != "nsubj" and is_asserted(verb):
        return True  # "convicted 29 men", "five men were detained"
    if verb.lemma_ in cues["event_verbs_intransitive"] and role == "nsubj" and is_asserted(verb):
        return True  # "five militants surrendered"
    tolls = set(cues["toll_verbs"])
    if not (verb.lemma_ in tolls or verb.lower_ in tolls):
        return False
    if verb.lemma_ == "leave" and (
        role == "nsubj" or "dead" not in {t.lower_ for t in verb.subtree}
    ):
        return False  # "1,500 activists left the country": not "left five dead"
    if noun.lemma_.lower() in cues["attacker_nouns"] or role == "nsubj" and verb.lemma_ == "kill":
        return False  # "12 militants were killed", "militants killed four": about the fighters
    if any(c.dep_ == "aux" and c.lower_ in ("have", "has") for c in verb.children):
        return False  # "70,000 people have been killed since 1989": a running total
    if noun.lower_ in ("them", "whom") and any(
        c.dep_ == "aux" and c.lower_ == "had" for c in verb.children
    ):
        return False  # "1,100 had gone to fight, and 42 of them had been killed": a part told
    return _one_act(sent)


def _of_an_event(noun: Token) -> bool:
    """ "the arrest of two men", "18 men who received sentences": the event's own people."""
    cues = lexicon("claims")
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_ in cues["event_nouns"]:
        return True
    for clause in (c for c in noun.children if c.dep_ == "relcl"):
        if clause.lemma_ in cues["event_verbs"] and is_asserted(clause):
            return True
        if clause.lemma_ == "receive" and any(
            c.dep_ == "dobj" and c.lemma_ in ("sentence", "term") for c in clause.children
        ):
            return True
    return False


def describes_someone(number: Token, noun: Token) -> bool:
    """A number inside a description of people, not a figure.

    "he has three children", "the parents of five men", "one of its members",
    "two of the suspects, A and B" (the people are named).
    """
    cues = lexicon("claims")
    kin = set(cues["kin_nouns"])
    owner = noun
    while owner.dep_ == "conj":
        owner = owner.head  # "two wives, as well as 12 children"
    if noun.lemma_.lower() in kin and owner.dep_ == "dobj" and owner.head.lemma_ == "have":
        return True
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in kin:
        return True
    named = (
        c
        for t in (number, noun)
        for c in t.children
        if c.dep_ == "appos" and any(p.ent_type_ == "PERSON" for p in (c, *c.conjuncts))
    )
    if next(named, None) is not None:
        return True
    # the parser often hangs the names elsewhere: a comma, then a person's name
    end = max(t.i for t in (*number.subtree, *noun.subtree)) + 1
    doc = noun.doc
    return end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].ent_type_ == "PERSON"


def _one_act(sent: Span) -> bool:
    """Whether the toll in ``sent`` is one act's: not a sum over several named acts."""
    cues = lexicon("claims")
    acts = [t for t in sent if t.lemma_.lower() in cues["act_nouns"] and t.pos_ == "NOUN"]
    if acts:
        # "two other bombings killed 87 people": a sum over several acts is a figure;
        # "the Bali bombings killed 202" names one happening
        return any(
            t.tag_ == "NN" or t.lemma_.lower() in cues["mass_act_nouns"] or not several_acts(t)
            for t in acts
        )
    # "three civilians were killed and two were injured": a bare toll tells an act's own
    return True


def _governor(noun: Token) -> tuple[Token | None, str]:
    """The verb whose argument ``noun`` (or the list it is part of) is, and how."""
    token = noun
    while token.dep_ in ("conj", "appos"):
        token = token.head
    head = token.head
    if token.dep_ in ("dobj", "nsubjpass", "nsubj"):
        return head, token.dep_
    if token.dep_ == "pobj" and head.lower_ == "to" and head.head.lemma_ == "sentence":
        return head.head, "dobj"  # "handed sentences to five men"
    if token.dep_ == "pobj" and head.head.lemma_ == "hand":
        return head.head, "dobj"
    if head.pos_ == "VERB" and head.dep_ in ("acl", "amod") and head.head == token:
        return head, "nsubjpass"  # "14 soldiers killed"
    for child in token.children:
        if child.dep_ in ("acl", "amod") and child.tag_ == "VBN":
            return child, "nsubjpass"  # "27 injured", "15 others injured"
    return None, ""


def is_population(noun: Token) -> bool:
    """ "a city of about three million people", "a land of 4.7 million": a place's size."""
    head = noun.head
    return (
        noun.dep_ == "pobj"
        and head.lower_ == "of"
        and head.head.lemma_.lower() in lexicon("claims")["place_nouns"]
    )
