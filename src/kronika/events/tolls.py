"""An attack's toll: how many victims were killed and how many wounded.

Read in every frame a report uses: "killing three civilians and injuring eight",
"two people were killed and 20 injured", "left 24 dead", "14 soldiers killed",
"the journalist died", "there were no casualties". Victims only: attackers
counted in the toll ("five people, including the bomber", "17 killed, including
15 militants") are taken out, and a toll of attackers alone ("12 militants were
killed") is none. A terse report gives the toll in the sentences after the act
("Assailants detonated a bomb at a market. Two people were killed."), so the
rest of the act's paragraph is read when its own sentence gives none.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

from ..model import ArgValue
from .accounts import in_a_claimed_account
from .clauses import act_clause, another_time, doer_above
from .counts import count_of
from .fillers import FillContext
from .records import record_toll
from .spans import YEAR, block, doc_sents, doc_text, sent_ents, sent_number
from .spec import RoleSpec
from .toll_words import ATTACKERS, NO_CASUALTIES, ONE_DEAD
from .victims import SELF, by_forces, part_number, victims_in

#: Verbs (and adjectives) whose victims a role counts.
_VERBS = {
    "killed": frozenset(
        # ("martyring four policemen": as some South Asian outlets tell a killing)
        {"kill", "die", "dead", "behead", "murder", "execute", "slaughter", "massacre", "martyr"}
    ),
    # (a stabbing told without death: "two officers were stabbed")
    "wounded": frozenset({"wound", "injure", "hurt", "injured", "wounded", "stab"}),
}
#: Every verb a toll is told with.
TOLL_VERBS = _VERBS["killed"] | _VERBS["wounded"]
#: Sentence openers that turn to another happening: its toll is not this act's.
_ELSEWHERE = re.compile(
    r"\b(separate|earlier|previous|meanwhile|last (?:year|month|week))\b"
    # ("In a second attack, gunmen ...": but "a second explosion ripped through the crowd"
    # and "a day later, three of the wounded died" may tell the same act)
    r"|\ba (?:second|third|fourth) (?:attack|raid|assault|ambush|incident)s?\b"
    # ("another attack", but "one was killed and another wounded" is this act's toll)
    r"|\banother (?!(?:was|were|is|has|had|died|wounded|injured|hurt|killed)\b)",
    re.I,
)
#: How many sentences after the act its paragraph may still give the toll in.
_FOLLOWING = 2


def fill_toll(ctx: FillContext, role: RoleSpec) -> ArgValue | None:
    """``killed`` / ``wounded``: the number of victims, from the act's sentence or its sequel."""
    verbs = _VERBS.get(role.name)
    if verbs is None or several_acts(ctx.trigger):
        return None
    labelled = record_toll(ctx.sent, role.name)
    if labelled is not None:
        return labelled  # "Killed: 1 (police sergeant); Wounded: 2": a record's toll field
    sequel = _sequel(ctx.sent)
    # "The death toll from Friday's bombing rose to 27": the act told inside the toll
    # ("The number of people killed in Saturday's attack rose to 15")
    told = [ctx.sent] if any(a.lemma_ in ("toll", "number") for a in ctx.trigger.ancestors) else []
    revised = _revised_toll([*told, *sequel]) if role.name == "killed" else None
    if revised is not None:
        return revised  # "... killing five. The toll rose to seven on Tuesday": the latest
    value = toll_in(ctx.sent, ctx.trigger, role.name)
    if value is not None:
        return value
    if role.name == "killed" and _one_dead(ctx.sent):
        return 1
    for sent in sequel:
        value = toll_in(sent, None, role.name)
        if value is not None:
            return value
    return None


#: A death toll told again, risen: "The toll rose to seven", "the death toll stands at 12",
#: "the number of people killed in the attack rose to 15".
_REVISED = re.compile(
    r"\b(?:(?:death\s+)?toll|number\s+of\s+(?:people\s+|those\s+)?(?:killed|dead))"
    r"(?:\s+(?:from|of|in)\s(?:(?!\bwhile\b|\bbut\b|\bwhereas\b)[^.;,]){0,90}?)?"
    r"\s+(?:has\s+|had\s+)?(?:since\s+|now\s+|later\s+)?"
    r"(?:rose|risen|climbed|increased|jumped|reached|stands|stood|was\s+raised)\s+(?:to|at)\s+"
    r"(?:at\s+least\s+)?(?P<number>[\w,-]+)",
    re.I,
)


def _revised_toll(sequel: list[Span]) -> int | float | None:
    """The death toll the sentences given (the act's own, when the act is told inside its
    toll, and those after it in its paragraph) revise it to, if they do."""
    from ..normalize.numbers import parse_number

    for sent in sequel:
        match = _REVISED.search(sent.text)
        if match is not None:
            return parse_number(match.group("number"))
    return None


#: Nouns of discrete violent acts, which a plural may sum (blasts and explosions are
#: what one act may be made of: "two blasts at a market" is one attack).
_ACT_NOUNS = frozenset(
    "attack bombing assault ambush raid strike airstrike stabbing massacre killing".split()
)


def several_acts(act: Token) -> bool:
    """An act noun that stands for several acts: "two other bombings", "the attacks" told before.

    A toll told for it is their sum, not one act's ("Nine guards were killed in the
    attacks"); "the 2002 Bali bombings" or "bombings which killed 224" name one happening.
    """
    if act.pos_ != "NOUN" or act.tag_ != "NNS" or act.lemma_.lower() not in _ACT_NOUNS:
        return False
    if any(
        (c.dep_ == "nummod" and c.ent_type_ != "DATE" and not YEAR.fullmatch(c.text))
        or c.lower_ in ("several", "multiple", "other", "many", "numerous")
        for c in act.children
    ):
        return True  # "two other bombings"; "the 2002 bombings" is a year
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in act.children)
    return definite and not any(
        c.dep_ in ("prep", "relcl", "acl", "compound", "amod", "nmod") for c in act.children
    )


def _sequel(sent: Span) -> list[Span]:
    """The sentences after ``sent`` in its paragraph that still tell the same act."""
    out = []
    for nxt in next_in_paragraph(sent, _FOLLOWING, paragraphs=True):
        if _ELSEWHERE.search(nxt.text):
            break
        out.append(nxt)
    return out


def next_in_paragraph(sent: Span, most: int, *, paragraphs: bool = False) -> list[Span]:
    """Up to ``most`` sentences after ``sent`` in its paragraph (none after a title line).

    With ``paragraphs`` the next paragraphs count too: wire copy gives each sentence
    a paragraph of its own.
    """
    text = doc_text(sent.doc)
    sents = doc_sents(sent.doc)
    index = sent_number(sent)
    if sents[index].start != sent.start:
        return []
    out: list[Span] = []
    last = sent
    for nxt in sents[index + 1 : index + 1 + most]:
        body = last.text.rstrip()
        end = last.start_char + len(body)
        if not body or body[-1] not in ".!?\"”'" or "\n" in nxt.text.strip():
            break  # a title line, or a sentence the parser ran over a line break
        if "\n" in text[end : nxt.start_char + 1] and (
            not paragraphs or any(e.label_ == "DATE" for e in sent_ents(nxt))
        ):
            break  # a new paragraph with a date of its own tells another happening
        out.append(nxt)
        last = nxt
    return out


#: Verbs whose "to death" is a verdict: "sentenced to death".
_VERDICTS = frozenset({"sentence", "condemn"})


def toll_in(sent: Span, trigger: Token | None, role: str) -> int | float | None:
    """The toll of ``role`` told in ``sent``, nearest ``trigger`` (or first) wins."""
    verbs = _VERBS[role]
    anchor = trigger.i if trigger is not None else sent.start

    def rank(tok: Token) -> tuple[bool, int]:
        # a toll clause the trigger governs ("the bombing that killed 12") comes first
        near = trigger is not None and (trigger in tok.ancestors or tok.head == trigger)
        return (not near, abs(tok.i - anchor))

    lo, hi = block(sent, trigger) if trigger is not None else (sent.start_char, sent.end_char)
    # "stormed a post in Kunduz, and a bomb exploded in Baghlan, killing two": the toll of
    # the act the clause tells, not of the sentence's other act
    clause = act_clause(trigger) if trigger is not None else None
    # a title run into the lead by the parser: only the trigger's own line counts
    for tok in sorted((t for t in sent if lo <= t.idx < hi), key=rank):
        death = any(
            c.lower_ == "to" and any(g.lower_ == "death" for g in c.children) for c in tok.children
        )
        # ("sentenced a man to death", "condemned to death": a verdict, not a killing)
        to_death = role == "killed" and death and tok.lemma_ not in _VERDICTS
        if role == "wounded" and (death or any(c.lower_ == "dead" for c in tok.children)):
            continue  # "stabbed to death", "shot dead": killed, not wounded
        if clause is not None and act_clause(tok) != clause:
            continue
        if in_a_claimed_account(tok) and not in_a_claimed_account(trigger or tok):
            continue  # "claimed the attack, saying it had killed 25": the group's figure
        if _another_act(tok, trigger) or _of_another_time(tok, trigger):
            continue  # "the attack comes days after a U.S. airstrike killed X": its toll
        if tok.lemma_.lower() in verbs or tok.lower_ in verbs or to_death:
            # "two teachers were stabbed to death": any act told as ending in death
            value = _victims(tok, role, trigger)
            if value is not None:
                return value
        elif (role == "wounded" and _suffered_wounds(tok)) or (
            role == "killed" and _lost_lives(tok)
        ):
            # "23 others sustained injuries", "Sixteen soldiers lost their lives"
            subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            value = victims_in(subject, tok) if subject is not None else None
            if value is not None:
                return value
        elif role == "killed" and tok.lemma_ in ("leave", "claim"):
            value = _left_dead(tok)
            if value is not None:
                return value
        elif role == "killed" and tok.lemma_ == "death" and tok.pos_ == "NOUN":
            value = _deaths(tok)
            if value is not None:
                return value
    if NO_CASUALTIES[role].search(doc_text(sent.doc)[lo:hi]):
        return 0
    return None


def _of_another_time(verb: Token, trigger: Token | None) -> bool:
    """Whether ``verb`` sits in a clause told as days before or after the trigger's
    (or, with no trigger, the sentence's)."""
    if verb.pos_ != "VERB" or verb == trigger:
        return False
    if trigger is None:
        return another_time(verb)
    if trigger in verb.ancestors or verb in trigger.ancestors:
        return False  # the trigger's own clause ("a drone strike killed four")
    common = next((a for a in trigger.ancestors if a in verb.ancestors), None)
    return another_time(verb, common)


def _suffered_wounds(verb: Token) -> bool:
    return verb.lemma_ in ("sustain", "suffer", "receive") and any(
        c.dep_ == "dobj" and c.lemma_ in ("injury", "wound") for c in verb.children
    )


def _lost_lives(verb: Token) -> bool:
    return verb.lemma_ == "lose" and any(
        c.dep_ == "dobj" and c.lemma_ in ("life", "lives") for c in verb.children
    )


def _another_act(verb: Token, trigger: Token | None) -> bool:
    """Whether ``verb`` tells what another act did: its subject is "a strike", not the trigger."""
    if trigger is None:
        return False
    return any(
        c.dep_ == "nsubj"
        and c.i != trigger.i
        and c.lemma_.lower() in _ACT_NOUNS
        and any(d.dep_ == "det" and d.lower_ in ("a", "an", "another") for d in c.children)
        for c in verb.children
    )


def _victims(verb: Token, role: str, trigger: Token | None = None) -> int | float | None:
    """The victims counted at a toll word: its object, passive subject or the noun it describes."""
    counted = any(c.dep_ == "nummod" for c in verb.children)  # "9 dead": its own count
    if (
        verb.lower_ == "dead"
        and verb.head.pos_ == "VERB"
        and verb.head.lemma_ != "be"
        and not counted
    ):
        verb = verb.head  # "shot dead two civilians", "was shot dead"
        if verb.lemma_ == "leave":
            return None  # "left 24 dead": read by _left_dead
    elif verb.lower_ == "dead" and verb.dep_ == "amod" and verb.head.head.pos_ == "VERB":
        # "shot dead two civilians and five policemen": "dead" read as the object's adjective
        return victims_in(verb.head, verb.head.head)
    elif verb.lower_ == "dead" and (obj := next(_objects(verb), None)) is not None:
        return victims_in(obj, verb)  # "a sniper shot dead two soldiers", "dead" read as the verb
    elif verb.lemma_ == "die" or verb.lower_ == "dead":
        return _died(verb)
    if any(c.dep_ == "neg" for c in verb.children):
        return None  # "the attack did not injure the president"
    if verb.dep_ == "amod" and verb.head.head.lemma_ in ("die", "succumb"):
        return None  # "when an injured constable died": a death, not a wounding
    phrase = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if phrase is None and verb.tag_ == "VBN":
        # "15 others injured", "and 27 injured": a participle told without "were"
        phrase = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        described = verb.dep_ in ("acl", "amod", "conj") and verb.head.pos_ in ("NOUN", "NUM")
        if phrase is None and described:
            phrase = verb.head  # "14 soldiers killed"
    if (
        phrase is None
        and verb.pos_ == "NOUN"
        and verb.lower_ in ("hurt", "injured", "wounded")  # (not "six knife wounds")
        and any(c.dep_ == "nummod" for c in verb.children)
    ):
        phrase = verb  # "left 35 dead and 60 hurt", "hurt" taken for a noun
    if phrase is None or phrase.lower_ in SELF or _doer_stopped(phrase, verb):
        return None
    if _only_the_attacker(phrase):
        return 0  # "The bomber was the only person killed": no victim died
    if any(
        c.dep_ == "prep" and any(g.dep_ == "pobj" and several_acts(g) for g in c.children)
        for c in verb.children
    ):
        return None  # "nine guards were killed in the attacks": a sum over acts
    if phrase.like_num and _elided_attackers(verb):
        return None  # "12 militants were killed and 6 were injured": six militants
    return victims_in(phrase, verb, by_forces(verb, trigger))


def _only_the_attacker(phrase: Token) -> bool:
    """ "The bomber was the only person killed": the one killed named as the attacker."""
    if phrase.dep_ != "attr" or phrase.head.lemma_ != "be":
        return False
    subject = next((c for c in phrase.head.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.lemma_.lower() in ATTACKERS


def _one_dead(sent: Span) -> bool:
    """Whether ``sent`` tells one person's killing without a number ("was shot dead"),
    other than the attacker's own end ("... before he was shot dead")."""
    stopped = [t.head for t in sent if _doer_stopped(t, t.head)]
    for found in ONE_DEAD.finditer(sent.text):
        at = sent.start_char + found.start()
        if not any(v.left_edge.idx <= at < v.right_edge.idx + len(v.right_edge) for v in stopped):
            return True
    return False


def _doer_stopped(phrase: Token, verb: Token) -> bool:
    """Whether ``phrase`` is a pronoun for the doer of the act the sentence told, stopped by
    ``verb``: "the suspect opened fire on officers, wounding one, before he was shot dead"."""
    if phrase.dep_ != "nsubjpass" or phrase.lower_ not in ("he", "she", "they"):
        return False
    marks = {c.lower_ for c in verb.children if c.dep_ == "mark" or c.tag_ == "WRB"}
    doer = doer_above(verb) if verb.dep_ == "advcl" and marks & _STOPPED else None
    if doer is None:
        return False
    # the pronoun agrees with its doer ("militants stormed the house of the district chief
    # before he was shot dead": he is the chief)
    plural = doer.tag_ in ("NNS", "NNPS") or doer.lower_ in ("they", "we")
    return plural == (phrase.lower_ == "they")


#: Words that open the clause telling how an attacker was stopped.
_STOPPED = frozenset({"before", "until", "when", "after"})


def _objects(verb: Token) -> Iterator[Token]:
    return (c for c in verb.children if c.dep_ == "dobj")


def _elided_attackers(verb: Token) -> bool:
    """Whether a bare number's noun, left out, is the attackers of the verb it is joined to."""
    other = verb.head if verb.dep_ == "conj" else None
    if other is None:
        return False
    subject = next((c for c in other.children if c.dep_ in ("nsubjpass", "dobj")), None)
    return subject is not None and subject.lemma_.lower() in ATTACKERS


def _died(word: Token) -> int | float | None:
    """ "Constable Ronan Kerr died", "two guards were left dead", "12 dead"."""
    subject = next((c for c in word.children if c.dep_ == "nsubj"), None)
    if subject is None and word.lower_ == "dead":
        # "12 dead, 30 injured", "at least 9 dead": a toll told without a verb
        number = next((c for c in word.children if c.dep_ == "nummod" and c.i < word.i), None)
        return part_number(number) if number is not None else None
    if subject is None:
        return None
    return victims_in(subject, word)


def _deaths(noun: Token) -> int | float | None:
    """ "resulting in the deaths of three people", "caused four deaths"."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return victims_in(obj, noun)
    return count_of(noun) if noun.tag_ == "NNS" else None


def _left_dead(verb: Token) -> int | float | None:
    """ "left 24 dead", "left five soldiers and one civilian dead", "claimed 12 lives"."""
    if not any(c.lower_ in ("dead", "lives") for c in verb.subtree):
        return None
    phrase = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if phrase is None:
        # "left three dead": the parser makes "dead" the predicate of the object
        phrase = next((c for c in verb.children if c.dep_ in ("oprd", "acomp", "ccomp")), None)
    if phrase is None:
        return None
    if phrase.lower_ == "dead":
        return count_of(phrase)
    total = victims_in(phrase, verb)
    return total
