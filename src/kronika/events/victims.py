"""How many victims a toll's noun phrase counts, attackers left out.

"killed two policemen and a passer-by" counts three; "five people, including the
bomber" four; "killed two of the attackers" none, unless a state's forces did the
killing ("soldiers shot dead three militants"); "no one was hurt" is zero. Read by
:mod:`.tolls` at each toll word it finds.
"""

from __future__ import annotations

from spacy.tokens import Token

from .counts import count_of
from .spans import normalizer
from .toll_words import ATTACKERS


def victims_in(phrase: Token, verb: Token, forces: bool = False) -> int | float | None:
    """The victims in a noun phrase and its conjuncts, attackers left out (but not when
    ``forces``, a state's, killed them)."""
    total: int | float | None = None
    if _nobody(phrase):
        return 0
    for part in (phrase, *phrase.conjuncts):
        if (_is_attacker(part) and not forces) or part.lower_ in ("himself", "herself"):
            continue  # "killed two of the attackers": no victims
        if part is not phrase and _after_another_verb(part, verb):
            continue  # "killed five and a passer-by and injured 11 others": another verb's
        value = part_number(part)
        if value is None:
            continue
        total = value if total is None else total + value
    if total is None:
        return None
    return max(0, total - _attackers_included(phrase, verb))


def _after_another_verb(part: Token, verb: Token) -> bool:
    """Whether the words just before ``part`` (or before its number) are another verb:
    the parser may join "injured 11 others" to the nouns "killed" counts."""
    first = min([part, *(c for c in part.children if c.dep_ == "nummod")], key=lambda t: t.i)
    before = part.doc[first.i - 1] if first.i > 0 else None
    return before is not None and before.pos_ == "VERB" and before != verb


def by_forces(verb: Token, trigger: Token | None) -> bool:
    """Whether a state's forces (or their strike) did the killing the trigger tells:
    "soldiers shot dead three militants", "a drone strike killed four insurgents" (but
    not "gunmen attacked a post, and police killed two of the attackers")."""
    doers = [c for c in verb.children if c.dep_ == "nsubj"]
    for agent in (c for c in verb.children if c.dep_ == "agent"):
        doers.extend(g for g in agent.children if g.dep_ == "pobj")
    own = trigger is not None and (verb.i == trigger.i or trigger in doers)
    return own and any(d.lemma_.lower() in _FORCES for d in doers)


#: A state's armed forces and their arms: who they kill are no attackers counted apart.
_FORCES = frozenset(
    "soldier troop army force police policeman officer commando strike airstrike drone "
    "helicopter jet aircraft".split()
)


def part_number(part: Token) -> int | float | None:
    """How many people one conjunct of a toll's phrase stands for: "two civilians", "he"."""
    value = _hyphenated(part) or count_of(part)
    if value is not None:
        return value
    # "killed a local councillor", "wounded the governor": one person
    if part.pos_ == "PROPN" or part.ent_type_ == "PERSON":
        return 1
    if part.lower_ in ("he", "she", "him", "her"):
        return 1  # "he died when the bomb went off": the person told of
    if part.lower_ == "another" and part.dep_ in ("dobj", "nsubj", "nsubjpass"):
        return 1  # "killing a police officer and wounding another"
    if part.lower_ == "both" or any(c.lower_ == "both" for c in part.children):
        return 2
    # "a conscript", "the victim", "his son", "the group's leader": one person (also
    # "a passer-by", a hyphened noun the tagger may read as an adjective)
    after = part.doc[part.i + 1] if part.i + 1 < len(part.doc) else part
    hyphened = after.text == "-" and any(c.dep_ == "prt" for c in part.children)
    if (part.tag_ == "NN" or hyphened) and any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in _ONE) for c in part.children
    ):
        return 1
    return None


_ONE = frozenset({"a", "an", "the", "one", "his", "her", "their", "its"})


def _attackers_included(phrase: Token, verb: Token) -> int | float:
    """How many attackers a toll counts: "five people, including the bomber" gives 1.

    The parser may hang the "including" on the act told with the toll ("14 were killed
    in the attack, including the bomber"); "including himself" is the subject, when the
    subject is an attacker ("a suicide bomber killed 14 people, including himself").
    """
    # the nouns of the verb's own prepositions: "killed in the attack"
    acts = [o for p in verb.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    for head in (phrase, verb, *acts):
        for child in head.children:
            if child.dep_ != "prep" or child.lower_ != "including":
                continue
            removed: int | float = 0
            for obj in child.children:
                for part in (obj, *obj.conjuncts) if obj.dep_ == "pobj" else ():
                    if _is_attacker(part):
                        removed += count_of(part) or 1
                    elif part.lower_ in SELF and subject is not None and _is_attacker(subject):
                        removed += count_of(subject) or 1
            return removed
    return 0


#: Reflexive pronouns: "killed 14 people, including himself".
SELF = frozenset({"himself", "herself", "themselves"})


def _hyphenated(part: Token) -> int | float | None:
    """ "Twenty-three people": a number word the tokenizer split at its hyphen."""
    doc = part.doc
    numbers = [part] if part.like_num else [c for c in part.children if c.dep_ == "nummod"]
    for tok in numbers:
        if tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].like_num:
            parse = normalizer("kronika.number.v1")
            value = parse(f"{doc[tok.i - 2].text}-{tok.text}") if parse is not None else None
            if isinstance(value, int | float):
                return value
    return None


def _is_attacker(part: Token) -> bool:
    """ "the bomber", "two gunmen", "seven of the attackers"."""
    if part.lemma_.lower() in ATTACKERS:
        return True
    return part.like_num and any(
        c.dep_ == "prep"
        and c.lower_ == "of"
        and any(g.dep_ == "pobj" and g.lemma_.lower() in ATTACKERS for g in c.children)
        for c in part.children
    )


def _nobody(part: Token) -> bool:
    """ "no one was injured", "nobody was hurt", "no civilians were killed"."""
    if part.lower_ in ("nobody", "none"):
        return True
    if any(c.dep_ == "det" and c.lower_ == "no" for c in part.children):
        return True
    return part.lower_ == "one" and part.i > 0 and part.doc[part.i - 1].lower_ == "no"
