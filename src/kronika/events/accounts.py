"""Acts told only in a group's own account of an attack it claimed.

"JNIM later claimed the attack in a statement, saying its fighters had killed 25
soldiers": the attack is the one told before; the 25 it says it killed is the
group's figure (a claim), not another attack nor this one's toll.
"""

from __future__ import annotations

from spacy.tokens import Token

#: Verbs a claim of an attack is made with, and what is claimed.
_CLAIMING = frozenset({"claim", "take", "accept", "assume", "own"})
_CLAIMED = frozenset(
    "responsibility credit attack assault bombing raid ambush strike operation blast".split()
)
#: Verbs a claim's own account is told with: "..., saying", "... and said", "said it
#: carried out the attack".
SAYING = frozenset({"say", "add", "boast", "announce", "assert", "claim", "state", "declare"})


def sayer(clause: Token) -> Token | None:
    """Who says the clause at ``clause``: "Al-Shabaab" in "Al-Shabaab said (it carried out
    the attack)"; None when the clause is not what someone says."""
    if clause.dep_ != "ccomp" or clause.head.lemma_ not in SAYING:
        return None
    return next((c for c in clause.head.children if c.dep_ == "nsubj"), None)


def in_a_claimed_account(trigger: Token) -> bool:
    """Whether ``trigger`` is told inside what a group said when it claimed an attack."""
    for token in (trigger, *trigger.ancestors):
        if token.dep_ != "ccomp" or token.head.lemma_ not in SAYING:
            continue
        saying = token.head
        claim = saying.head if saying.dep_ in ("advcl", "conj", "xcomp") else None
        return claim is not None and _a_claim_of_an_attack(claim)
    return False


def _a_claim_of_an_attack(verb: Token) -> bool:
    """ "claimed the attack", "claimed responsibility for the bombing", "took credit"."""
    if verb.lemma_ not in _CLAIMING:
        return False
    return any(c.dep_ == "dobj" and c.lemma_.lower() in _CLAIMED for c in verb.children)


def claim_of(trigger: Token) -> Token | None:
    """The verb a group claims the act at ``trigger`` with, if the act is told only as what
    was claimed: "JNIM claimed the attack on Tuesday", "took responsibility for the
    bombing". The claim's time is not the act's."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return None
    head, claimed = trigger.head, trigger
    if trigger.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_ in _CLAIMED:
        trigger, head = head.head, head.head.head
    # ("claimed a car bombing near Idlib that killed five": an act told first as claimed)
    if not any(c.dep_ == "poss" or c.lower_ in _DEFINITE for c in claimed.children):
        return None
    if trigger.dep_ == "dobj" and head.lemma_ in _CLAIMING:
        return head
    return None


_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
