"""Who carried out an attack: the doer, a group the doers belong to, or a claim of it.

In order: whoever the act's own frame names as doing it ("Tuareg rebels
attacked", "the bombing was carried out by X", "suspected Boko Haram militants
stormed"), the group the unnamed doers are said to belong to ("gunmen from the
Eastern Brigade"), then a responsibility claim ("X claimed responsibility for
the attack", "a bombing claimed by X", "the attack was blamed on X"), first in
the act's sentence, then in the rest of its paragraph ("Gunmen attacked a bus.
The Northern Legion claimed responsibility."). A denied claim ("no group
claimed responsibility") names nobody.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..model import ArgValue
from .accounts import sayer
from .clauses import CHARGING
from .fillers import ARMED_GROUPS, FillContext, names_of
from .participants import agent
from .patients import fill_agent
from .spec import RoleSpec
from .toll_words import DONE_TO_OWNER
from .tolls import next_in_paragraph

#: Nouns of a responsibility claim: "claimed responsibility", "claimed credit".
_CLAIM_NOUNS = frozenset({"responsibility", "credit"})
_CLAIM_VERBS = frozenset({"claim", "take", "accept", "assume", "admit"})
#: Verbs that lay an act at someone's door: "blamed on X", "attributed to X".
_BLAME = frozenset({"blame", "attribute"})
_ACT_WORDS = frozenset(
    "attack incident bombing blast explosion shooting assault ambush raid killing riot mutiny "
    "unrest massacre rampage".split()
)
#: Prepositions that tie unnamed doers to their group: "gunmen from X", "militants of X".
_GROUP_PREPS = frozenset({"from", "of", "with"})


#: Words that tie doers to a group through "to"/"with": "belonging to", "linked to".
_BELONGING = frozenset(
    "belong link tie loyal affiliate affiliated ally allied align aligned connect "
    "connected associate associated".split()
)


def fill_perpetrator(ctx: FillContext, role: RoleSpec) -> ArgValue | None:
    """Names of the attack's doers, or of whoever claimed it or had it laid at their door.

    The owner of a murder is its victim ("Ronan's murder"), never a doer.
    """
    names = _doers(ctx, role)
    # the owner's head word ends the victim's name ("Bakyt Usenov's murder": "Usenov")
    victims = {
        owner.text
        for act in ctx.sent
        if act.lemma_ in DONE_TO_OWNER
        for owner in act.children
        if owner.dep_ == "poss"
    }
    if not names or not victims:
        return names
    return [n for n in names if n.split()[-1] not in victims] or None


def _doers(ctx: FillContext, role: RoleSpec) -> list[str] | None:
    types = role.entity or ("PERSON", "ORG")
    if _told_before(ctx.trigger):
        # "the attack was carried out by X": the act told before has it (see _claims_back)
        return None
    subject = agent(ctx.trigger)
    # ("a convoy struck an explosive device": the one struck is no doer; the doers are
    # those who claimed it or were blamed)
    struck = subject is not None and ctx.nodes.get("target") == subject
    if not struck and (subject is None or subject.lemma_.lower() not in _WEAPONS):
        names = _named(fill_agent(ctx, role))
        if names:
            return names
    doer = (
        ctx.nodes.get(role.name)
        or (None if struck else subject)
        or _doer_of_toll(ctx.trigger)
        or _doer_of_noun(ctx.trigger)
        or _group_modifier(ctx)
        or _accused_of(ctx.trigger)
    )
    if doer is not None and doer.lemma_.lower() in _WEAPONS:
        # "a PKK car bomb exploded": a weapon names its group only before it (not "an
        # explosive device (VBIED)")
        doer = next(
            (
                c
                for c in doer.children
                if c.dep_ in ("compound", "poss", "nmod") and c.i < doer.i and c.ent_type_ == "ORG"
            ),
            None,
        )
    if doer is not None:
        names = _named(names_of(ctx, doer, types))
        if names:
            return names
        names = _named(_group_of(ctx, doer, types))
        if names:
            return names
    names = _named(_claimed_in(ctx, ctx.sent, types, ctx.trigger))
    if not names and _first_telling(ctx.trigger):
        for sent in _following(ctx.sent):
            names = _named(_claimed_in(ctx, sent, types, None, claims_only=True))
            if names:
                break
    return names or None


def _named(value: ArgValue | None) -> list[str]:
    """Names proper: "Assailants" or "Gunmen" opening a line is a description, not a name."""
    if not isinstance(value, list):
        return []
    return [
        n
        for n in value
        if isinstance(n, str) and not all(w.lower().rstrip("s") in _DOERS for w in n.split())
    ]


#: Descriptions of unnamed doers (singular, lower case), never names.
_DOERS = frozenset(
    "assailant attacker gunman gunmen militant insurgent terrorist bomber jihadist rebel "
    "suspect unknown unidentified armed suspected men man".split()
)


#: Weapons the parser makes the doers of an act: "a car bomb exploded", "a device went off".
_WEAPONS = frozenset(
    "bomb device explosive ied vbied grenade rocket mortar missile shell mine landmine "
    "charge vest car truck vehicle drone".split()
)
#: People a group's name qualifies: "FARC dissidents", "Taliban members".
_FOLLOWERS = frozenset("member supporter follower fighter dissident loyalist cell".split())


def _first_telling(trigger: Token) -> bool:
    """An act told as news: a verb ("gunmen attacked") or an indefinite noun ("a blast")."""
    if trigger.pos_ == "VERB":
        return True
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in trigger.children)


def _told_before(trigger: Token) -> bool:
    """A bare definite act noun ("the attack", "the blast") refers back to an act told before.

    "the bombing of a hotel that killed 15" tells its act anew.
    """
    return (
        trigger.pos_ == "NOUN"
        and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in trigger.children)
        and not any(c.dep_ in ("prep", "relcl", "acl", "compound") for c in trigger.children)
    )


#: Verbs of a toll whose subject did the act told "in" it.
_TOLL_VERBS = frozenset({"kill", "wound", "injure", "shoot", "behead", "abduct", "kidnap"})


_LIGHT = frozenset("carry stage conduct commit perpetrate organize organise mount launch".split())


def _doer_of_noun(trigger: Token) -> Token | None:
    """ "an attack by militants", "the bombing was carried out by X".

    A plural ("a number of attacks by X") is a tally, not an act told.
    """
    if trigger.pos_ != "NOUN" or trigger.tag_ != "NN":
        return None
    heads = [trigger]
    if trigger.dep_ == "nsubjpass" and trigger.head.lemma_ in _LIGHT:
        heads.append(trigger.head)
    for head in heads:
        for child in head.children:
            if child.dep_ in ("prep", "agent") and child.lower_ == "by":
                return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _group_modifier(ctx: FillContext) -> Token | None:
    """ "a Taliban attack", "an al-Shabaab ambush", "the Islamic State's bombing": an act
    noun whose modifier is an armed group the gazetteer knows.

    Only a known armed group: "the Charlie Hebdo attack" names whom it struck.
    """
    trigger = ctx.trigger
    if trigger.pos_ != "NOUN" or trigger.tag_ != "NN":
        return None
    armed = ctx.extra.get(ARMED_GROUPS) or frozenset()
    for child in trigger.children:
        if child.dep_ in ("compound", "poss", "amod", "nmod") and child.i < trigger.i:
            if child.ent_type_ == "ORG" and child.ent_id_ in armed:
                return child
    return None


#: Nouns between an accusation and the act: "accused of involvement in the bombing".
_SHARE = frozenset("involvement role part participation complicity".split())


def _accused_of(trigger: Token) -> Token | None:
    """ "five Abu Sayyaf militants accused of involvement in the bombing", "X was found
    guilty of the attack": the people accused of an act are its doers."""
    if trigger.pos_ != "NOUN":
        return None
    token = trigger
    for _ in range(4):
        prep = token.head
        if token.dep_ != "pobj" or prep.lower_ not in ("of", "for", "with", "in"):
            return None
        above = prep.head
        if above.lemma_.lower() in _SHARE and above.pos_ == "NOUN":
            token = above  # "involvement in", "their role in"
            continue
        if above.dep_ in ("dobj", "nsubjpass") and above.head.lemma_.lower() in CHARGING:
            return above  # "convicted Saidov of his murder": "of" hung on the one convicted
        if above.lemma_.lower() not in CHARGING:
            return None
        if above.lemma_.lower() == "guilty":
            above = above.head  # "found guilty of": the verb whose object or subject it is
        if above.dep_ in ("acl", "amod") and above.head.pos_ in ("NOUN", "PROPN"):
            return above.head  # "militants accused of the bombing"
        return next((c for c in above.children if c.dep_ in ("nsubjpass", "dobj")), None) or next(
            (c for c in above.children if c.dep_ == "nsubj"), None
        )
    return None


def _doer_of_toll(trigger: Token) -> Token | None:
    """ "Rebels killed 14 soldiers in an attack on a post", "In an attack on X, Y killed Z"."""
    prep = trigger.head
    if trigger.dep_ != "pobj" or prep.lower_ not in ("in", "during"):
        return None
    verb = prep.head
    if verb.lemma_ not in _TOLL_VERBS or verb.pos_ != "VERB":
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def _group_of(ctx: FillContext, doer: Token, types: tuple[str, ...]) -> list[str]:
    """ "gunmen from the Eastern Brigade", "militants of X": the group the doers belong to."""
    for child in doer.children:
        if child.dep_ == "prep" and child.lower_ in _GROUP_PREPS:
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return names_of(ctx, obj, types)
        if child.dep_ in ("acl", "amod") and child.lemma_.lower() in _BELONGING:
            # "gunmen belonging to X", "militants linked to X", "fighters loyal to X"
            for prep in (c for c in child.children if c.dep_ == "prep"):
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if prep.lower_ in ("to", "with") and obj is not None:
                    return names_of(ctx, obj, types)
    if doer.lemma_.lower() not in _DOERS:
        return []
    # "Tuareg rebels", "Houthi fighters": a people's armed men are a group
    for child in doer.children:
        if (
            child.dep_ in ("amod", "compound")
            and child.ent_type_ in ("NORP", "GPE")
            and child.i == doer.i - 1
            # ("Abu Sayyaf militants": a group's name of more words, read below)
            and not any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in child.children)
        ):
            return [f"{child.text} {doer.text}"]
    # "suspected Boko Haram militants": a group's name the model left untagged
    for child in doer.children:
        if child.dep_ != "compound" or child.pos_ != "PROPN" or child.i != doer.i - 1:
            continue
        run = [t for t in child.subtree if t.pos_ == "PROPN" and t.lower_ not in _DOERS]
        # "03/22/2016: Suicide bombers": one word capitalized only for opening the item
        opens = run and (run[0].is_sent_start or run[0].nbor(-1).text in (":", "-", "–", "—"))
        if opens and len(run) == 1:
            continue
        if run and all(b.i + 1 == a.i for a, b in zip(run[1:], run[:-1], strict=True)):
            return [" ".join(t.text for t in run)]
    return []


def _claimed_in(
    ctx: FillContext,
    sent: Span,
    types: tuple[str, ...],
    trigger: Token | None,
    *,
    claims_only: bool = False,
) -> list[str]:
    """Who ``sent`` says claimed (or was blamed for) an act: the claim nearest the trigger.

    With ``claims_only`` (a sentence after the act's own), only a claim that points
    back at it counts: "X claimed responsibility", "... for the attack".
    """
    anchor = trigger.i if trigger is not None else sent.start
    for tok in sorted(sent, key=lambda t: abs(t.i - anchor)):
        if claims_only and not _claims_back(tok):
            continue
        claimant = _claimant(tok)
        if claimant is None or _denied(claimant):
            continue
        # "gunmen belonging to X were behind the attack": the group of the unnamed doers
        names = names_of(ctx, claimant, types) or _group_of(ctx, claimant, types)
        for other in _also_blamed(claimant):
            names += [n for n in names_of(ctx, other, types) if n not in names]
        if names:
            return names
        # "Sinai Province claimed responsibility": whoever claims is a group or a state,
        # whatever the model took the name for
        name = _placename(ctx, claimant)
        if name is not None:
            return [name]
    return []


def _also_blamed(blamed: Token) -> list[Token]:
    """The others an act is laid on in the same breath: "blamed the blasts on X and on Y"
    (the parser joins the second "on" to the first)."""
    prep = blamed.head
    if blamed.dep_ != "pobj" or prep.lower_ not in ("on", "to"):
        return []
    joined = [c for c in prep.children if c.dep_ == "conj" and c.lower_ in ("on", "to")]
    return [o for c in joined for o in c.children if o.dep_ == "pobj"]


def _placename(ctx: FillContext, token: Token) -> str | None:
    """The name of a proper noun the model tagged as a place, or None."""
    if token.pos_ != "PROPN":
        return None
    found = ctx.mentions.name_covering(token.idx)
    return found[0] if found is not None and found[1] == "LOC" else None


def _claims_back(tok: Token) -> bool:
    """A claim (or blame) with no act of its own, or for "the attack" told before."""
    if tok.lemma_ in _LIGHT and tok.pos_ == "VERB":
        if _said_it_did(tok) is not None:
            # "Al-Shabaab said it carried out the attack"
            return any(c.dep_ == "dobj" and _told_before(c) for c in tok.children)
        return any(c.dep_ == "nsubjpass" and _told_before(c) for c in tok.children)
    if _suspected(tok) is not None:
        return True  # "The Abu Sayyaf Group was suspected."
    if _behind(tok) is not None:
        return any(_told_before(g) for c in tok.children for g in c.children)
    if tok.lemma_ not in _CLAIM_VERBS | _BLAME or tok.pos_ != "VERB":
        return False
    if tok.lemma_ in _BLAME and not any(
        c.dep_ == "nsubjpass" or (c.dep_ == "dobj" and (c.lemma_ in _ACT_WORDS or _named_doer(c)))
        for c in tok.children
    ):
        # "authorities attributed the attack to X", "the blast was blamed on X", "Officials
        # blamed the Pakistani Taliban", "Boko Haram was blamed"
        return False
    # "claimed responsibility for an attack in Kabul", "claimed a bombing": another act
    acts = [o for c in tok.subtree if c.dep_ == "prep" and c.lower_ == "for" for o in c.children]
    acts += [c for c in tok.children if c.dep_ == "dobj" and c.lemma_ in _ACT_WORDS]
    for obj in acts:
        if obj.dep_ in ("pobj", "dobj") and not any(
            c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in obj.children
        ):
            return False
    return True


def _claimant(tok: Token) -> Token | None:
    """The one who claimed at ``tok``, if ``tok`` is a claim or blame word.

    "the attack was carried out by X" names the doer of an act told before.
    """
    if tok.lemma_ in _LIGHT and tok.pos_ == "VERB":
        act = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        if act is not None and act.lemma_ in _ACT_WORDS:
            return _doer_of_noun(act)
        group = _said_it_did(tok)
        if group is not None:
            return group
    if tok.lemma_ in _CLAIM_VERBS and tok.pos_ == "VERB":
        # "X claimed responsibility", "X claimed the attack"
        claimed = _CLAIM_NOUNS | (_ACT_WORDS if tok.lemma_ == "claim" else frozenset())
        if any(c.dep_ == "dobj" and c.lemma_ in claimed for c in tok.children):
            return next((c for c in tok.children if c.dep_ == "nsubj"), None)
        # "a bombing claimed by al-Shabaab"
        if tok.lemma_ == "claim" and tok.dep_ in ("acl", "relcl", "ROOT"):
            by = next((c for c in tok.children if c.dep_ == "agent"), None)
            if by is not None:
                return next((c for c in by.children if c.dep_ == "pobj"), None)
    suspect = _suspected(tok) or _behind(tok)
    if suspect is not None and suspect.lower_ in _ITSELF and tok.dep_ == "ccomp":
        return sayer(tok)  # "Al-Shabaab said it was behind the attack"
    if suspect is not None:
        return suspect
    if tok.lemma_ in _BLAME and tok.pos_ == "VERB":
        return _blamed(tok)
    return None


#: Pronouns a group says its own deeds with: "said it carried out the attack".
_ITSELF = frozenset({"it", "they", "we"})


def _said_it_did(verb: Token) -> Token | None:
    """ "Al-Shabaab said it carried out the attack": a group telling the act as its own."""
    doer = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    act = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if doer is None or doer.lower_ not in _ITSELF or act is None or act.lemma_ not in _ACT_WORDS:
        return None
    return sayer(verb)


def _blamed(verb: Token) -> Token | None:
    """Who ``verb`` (blame, attribute) lays an act at the door of.

    "the attack was blamed on the Taliban", "blamed the attack on X" (the parser may
    hang "on X" on the act), "Police blamed Boko Haram (for the killings)", "Boko
    Haram was blamed".
    """
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    for head in (verb, *(o for o in objects if o.lemma_ in _ACT_WORDS)):
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in ("on", "to"):
                found = next((c for c in child.children if c.dep_ == "pobj"), None)
                if found is not None:
                    return found
    return next((o for o in objects if _named_doer(o)), None)


def _named_doer(token: Token) -> bool:
    """A group or person by name ("Boko Haram"), or doers a name qualifies ("FARC
    dissidents", "Barisan Revolusi Nasional insurgents")."""
    if token.ent_type_ in ("ORG", "PERSON", "NORP"):
        return True
    return token.lemma_.lower() in _DOERS | _FOLLOWERS and any(
        c.dep_ in ("compound", "amod", "nmod") and c.ent_type_ in ("ORG", "NORP")
        for c in token.children
    )


def _behind(tok: Token) -> Token | None:
    """ "gunmen belonging to X were behind a weekend attack": who was behind an act."""
    if tok.lemma_ != "be" or tok.pos_ not in ("AUX", "VERB"):
        return None
    behind = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "behind"), None)
    act = next((c for c in behind.children if c.dep_ == "pobj"), None) if behind else None
    if act is None or act.lemma_ not in _ACT_WORDS:
        return None
    return next((c for c in tok.children if c.dep_ == "nsubj"), None)


def _suspected(tok: Token) -> Token | None:
    """ "The Abu Sayyaf Group was suspected", "Al-Shabaab is suspected": the group named
    as the passive subject of "suspected" with nothing else it is suspected of."""
    if tok.lemma_ != "suspect" or tok.pos_ != "VERB":
        return None
    if any(c.dep_ in ("xcomp", "ccomp") for c in tok.children):
        return None  # "suspected to be a courier", "suspected that": another thing
    for prep in (c for c in tok.children if c.dep_ == "prep"):
        # "suspected in the attack" (but "suspected of smuggling": another thing)
        act = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if prep.lower_ not in ("in", "of", "over") or act is None or not _told_before(act):
            return None
    # "Authorities suspected BRN insurgents", "FARC dissidents were suspected"
    subject = next((c for c in tok.children if c.dep_ in ("nsubjpass", "dobj")), None)
    return subject if subject is not None and _named_doer(subject) else None


def _denied(claimant: Token) -> bool:
    """ "No group claimed responsibility", "nobody has claimed", "did not claim"."""
    if claimant.lower_ in ("nobody", "none", "noone"):
        return True
    if any(c.dep_ == "det" and c.lower_ == "no" for c in claimant.children):
        return True
    return any(c.dep_ == "neg" for c in claimant.head.children)


def _following(sent: Span) -> list[Span]:
    """The next sentences of ``sent``'s paragraph (at most three)."""
    return next_in_paragraph(sent, 3)
