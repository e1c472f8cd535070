"""Role fillers that need code, each registered by name in ``registry.ROLE_FILLERS``.

Contract: a filler is called as ``filler(ctx, role)`` with a :class:`FillContext`
(the sentence, the trigger token, the tokens bound by a dependency pattern,
and the article's resolved mentions) and the :class:`RoleSpec` it fills; it
returns the role's value (a name list, a string, a number or a flag) or None.
Fillers never re-parse text and never look beyond the trigger's sentence.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from spacy.tokens import Doc, Span, Token

from ..claims.stance import lexicon
from ..model import ArgValue
from ..resolve.mentions import MentionIndex, people_words
from .people import about_people
from .spans import YEAR, doc_sents, normalizer
from .spec import RoleSpec

logger = logging.getLogger(__name__)

_LABELS = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "NORP",
}
_CLAUSES = frozenset({"relcl", "acl", "advcl", "prep", "ccomp", "xcomp", "parataxis"})
#: Entity labels that are never a person's or group's name, whatever the position.
_NOT_NAMES = frozenset(
    "PERSON ORG GPE LOC FAC NORP DATE TIME MONEY PERCENT QUANTITY ORDINAL CARDINAL".split()
)
#: Those who act for someone in court: "lawyers for X appealed".
_COUNSEL = frozenset("lawyer lawyers attorney attorneys counsel defence defense".split())
_KIN = frozenset("relative relatives family brother brothers father mother wife".split())
#: What a group does, banned in its name: "banned its activities".
_GROUP_ACTS = frozenset("activity activities operation operations work functioning".split())
#: "members of X": X is the group they belong to, never one of the people.
_MEMBERS = frozenset(
    "member supporter follower adherent sympathizer sympathiser affiliate recruit activist "
    "militant fighter functionary".split()
)
_DESCRIPTIONS = frozenset(
    "man woman extremist militant defendant suspect convict teacher lawyer activist leader "
    "colonel journalist cleric preacher blogger editor student year-old".split()
)
_PRONOUNS = frozenset({"he", "him", "she", "her", "his", "himself", "herself"})


@dataclass(frozen=True, slots=True)
class FillContext:
    """What a role filler may look at: one trigger in one sentence of one article."""

    doc: Doc
    sent: Span
    trigger: Token
    nodes: dict[str, Token]
    mentions: MentionIndex
    published: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


Filler = Callable[[FillContext, RoleSpec], ArgValue | None]


def is_passive(verb: Token) -> bool:
    """Return whether ``verb`` is a passive verb ("was sentenced")."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def patient(trigger: Token) -> Token | None:
    """Return the token naming who the action was done to (passive subject or object)."""
    if trigger.pos_ == "NOUN":
        # "Sweden's deportation of X": the owner is the doer when "of" names the patient
        for child in trigger.children:
            # "the extradition of X", "the ban on X", "sanctions against X"
            if child.dep_ == "prep" and child.lower_ in ("of", "on", "against"):
                found = next((c for c in child.children if c.dep_ == "pobj"), None)
                if found is None or found.ent_type_ in ("DATE", "TIME"):
                    continue
                # "his conviction on charges of ...": only a name is acted on after "on"
                if child.lower_ == "of" or found.pos_ == "PROPN" or found.ent_type_:
                    return found
        owner = next((c for c in trigger.children if c.dep_ == "poss"), None)
        return owner if owner is not None else _recipient(trigger)
    found = next((c for c in trigger.children if c.dep_ in ("nsubjpass", "dobj")), None)
    if found is not None:
        return _antecedent_of_relative(found)
    if _title_passive(trigger, ("VBN", "VBD")):
        # (the model often tags the participle of a title as a past tense: "X Sentenced")
        return next(c for c in trigger.children if c.dep_ == "nsubj")
    if trigger.dep_ in ("acl", "relcl") and trigger.head.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
        return trigger.head
    head = trigger.head
    active = not is_passive(trigger) and trigger.tag_ != "VBN"
    if active and trigger.dep_ in ("conj", "dep") and head.pos_ == "VERB" and not is_passive(head):
        # "Russia arrested, then deported, six citizens": the object the verbs share
        shared = next((c for c in head.children if c.dep_ == "dobj"), None)
        if shared is not None and about_people(shared):
            return _antecedent_of_relative(shared)
    if active and trigger.pos_ == "VERB":
        # "Police detained and deported four nationals": the object told after the last verb
        for verb in (c for c in trigger.children if c.dep_ == "conj" and c.pos_ == "VERB"):
            if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
                shared = next((c for c in verb.children if c.dep_ == "dobj"), None)
                if shared is not None and about_people(shared):
                    return _antecedent_of_relative(shared)
    if trigger.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
        return agent(head) if not is_passive(head) else patient(head)
    if trigger.dep_ == "advcl" and trigger.tag_ == "VBN" and is_passive(head):
        # "were detained at the border, deported to Uzbekistan and banned": one subject
        if not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in trigger.children):
            return patient(head)
    if is_passive(trigger):
        return _subject_of_report(trigger)
    return None


def _subject_of_report(trigger: Token) -> Token | None:
    """ "says X, leader of Y, has been sentenced": the parser makes X the sayer's subject.

    A subject told after its own verb of saying, and before the passive act, is the
    act's ("said X" after a quote is a real sayer, and comes after the act).
    """
    for child in trigger.children:
        if child.dep_ not in ("parataxis", "ccomp", "advcl") or child.i > trigger.i:
            continue
        for subject in child.children:
            if subject.dep_ == "nsubj" and child.i < subject.i < trigger.i:
                return subject
    return None


_LIGHT_VERBS = frozenset(
    "carry stage launch conduct commit mount perpetrate organize organise plan claim".split()
)


_LIGHT_FORMS = frozenset(
    form
    for verb in _LIGHT_VERBS
    for form in (verb + "s", verb + "d", verb + "ed", verb + "ing", verb[:-1] + "ing")
)


def agent(trigger: Token) -> Token | None:
    """Return the token naming who acted (active subject, or the passive "by" phrase).

    For a noun ("staged an attack", "motivated X to carry out the attack") it is
    whoever does the light verb the noun is the object of.
    """
    if trigger.pos_ == "NOUN":
        verb = trigger.head
        # the lemmatizer slips on rarer verbs ("staged" → "stag"), so forms count too
        if trigger.dep_ == "dobj" and (verb.lemma_ in _LIGHT_VERBS or verb.lower_ in _LIGHT_FORMS):
            found = agent(verb)
            if found is None and verb.dep_ == "xcomp":
                # "motivating Kariyev to carry out the attack": the one motivated
                found = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
            if found is None:
                found = _blamed(verb)
            return found
        # "Usmonov's defection to the Taliban", "his escape from a prison": the owner acted
        owner = next((c for c in trigger.children if c.dep_ == "poss"), None)
        return _antecedent_of_relative(owner) if owner is not None else _blamed(trigger)
    for child in trigger.children:
        if child.dep_ == "nsubj" and not _title_passive(trigger):
            return _antecedent_of_relative(child)
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    if trigger.dep_ == "conj" and trigger.head.pos_ in ("VERB", "AUX"):
        return agent(trigger.head)
    if is_passive(trigger):
        # "designated a terrorist organization by the UN": "by" hung on the object
        objects = [c for c in trigger.children if c.dep_ in ("dobj", "oprd", "attr")]
        # "recognised as a terrorist organisation by the Supreme Court"
        objects += [g for c in trigger.children if c.lower_ == "as" for g in c.children]
        return next((by for c in objects if (by := _by_whom(c)) is not None), None)
    if trigger.dep_ == "acl" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children
    ):
        return _whose_decision(trigger.head)
    # "cleric Bashir freed from prison": a past participle after its noun is done to it
    if trigger.dep_ in ("acl", "relcl") and not is_passive(trigger) and trigger.tag_ != "VBN":
        return trigger.head
    if trigger.dep_ in ("xcomp", "advcl") and trigger.head.pos_ == "VERB":
        # "B. travelled to Syria to join the group": the traveller joined
        return agent(trigger.head)
    return None


#: Verbs that hand an act to someone ("granted early release") or have it come to them
#: ("received a pardon", "got a ten-year sentence").
_GRANTING = frozenset("grant give offer award hand".split())
_RECEIVING = frozenset("receive get win secure obtain".split())


def _recipient(noun: Token) -> Token | None:
    """Who a nominal act was given to: "six members were granted early release"."""
    if noun.dep_ != "dobj" or noun.head.pos_ != "VERB":
        return None
    verb = noun.head
    deps: tuple[str, ...]
    if verb.lemma_ in _GRANTING:
        deps = ("nsubjpass", "dative")
    elif verb.lemma_ in _RECEIVING:
        deps = ("nsubj",)
    else:
        return None
    found = next((c for c in verb.children if c.dep_ in deps), None)
    if found is None and verb.lemma_ in _GRANTING:
        # "granted clemency to the blogger X"
        to = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"), None)
        found = None if to is None else next((c for c in to.children if c.dep_ == "pobj"), None)
    return _antecedent_of_relative(found) if found is not None else None


def _title_passive(verb: Token, tags: tuple[str, ...] = ("VBN",)) -> bool:
    """ "Radical cleric Bashir freed from prison": a title drops "was" from a passive.

    A participle with a subject and no object, alone on a line without closing
    punctuation, tells what was done to its subject.
    """
    if verb.pos_ != "VERB" or verb.tag_ not in tags or verb.dep_ != "ROOT":
        return False
    if not any(c.dep_ == "nsubj" for c in verb.children) or any(
        c.dep_ in ("dobj", "aux", "auxpass", "nsubjpass", "ccomp", "xcomp") for c in verb.children
    ):
        return False
    text = verb.doc.text
    end = text.find("\n", verb.idx)
    line = text[text.rfind("\n", 0, verb.idx) + 1 : end if end >= 0 else len(text)].strip()
    return 0 < len(line) < _TITLE_LENGTH and line[-1] not in ".!?\"”'"


#: The longest line read as a title.
_TITLE_LENGTH = 160


def _by_whom(token: Token) -> Token | None:
    """The object of a "by" phrase hung on ``token``."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _whose_decision(noun: Token) -> Token | None:
    """Who acts on "a decision by the minister to ban", "granted the request to extradite"."""
    if noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
        return agent(noun.head)  # the court that granted the request acts on it
    found = _by_whom(noun) or next((c for c in noun.children if c.dep_ == "poss"), None)
    if found is None:
        # "the decision of Rahimov to join IS"
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        found = None if of is None else next((c for c in of.children if c.dep_ == "pobj"), None)
    return found


#: Verbs that lay an act at someone's door: "accused X of carrying out", "blamed X for".
_BLAME_VERBS = frozenset("accuse suspect charge blame hold convict".split())


def _blamed(token: Token) -> Token | None:
    """Who is held to have done the act at ``token`` (a noun or a light verb).

    "a group which Kyrgyzstan accused of carrying out attacks", "Jaishul Mahdi,
    that the government held responsible for bombings", "X was blamed for the blast":
    the one accused, through a relative pronoun to the noun it stands for.
    """
    prep = token.head
    if token.dep_ not in ("pobj", "pcomp") or prep.lower_ not in ("of", "for"):
        return None
    verb = prep.head
    if verb.lower_ == "responsible" and verb.dep_ in ("oprd", "acomp", "xcomp", "ccomp"):
        verb = verb.head  # "held X responsible for": the holding verb
        if verb.lemma_ not in ("hold", "be", "consider", "deem", "find"):
            return None
    elif verb.lemma_ not in _BLAME_VERBS:
        return None
    accused = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if accused is None and verb.lemma_ == "be":
        accused = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if accused is None and verb.dep_ == "relcl":
        return verb.head  # "X that the government held responsible": "that" parsed as a mark
    return _antecedent_of_relative(accused) if accused is not None else None


def _antecedent_of_relative(token: Token) -> Token:
    """ "who" in "X, who was arrested" stands for X."""
    if token.tag_ == "WP$":
        # "X, whose escape was never explained": the relative clause's antecedent
        clause = next((a for a in token.ancestors if a.dep_ == "relcl"), None)
        return clause.head if clause is not None else token
    if token.tag_ in ("WP", "WDT") or token.lower_ == "that":
        clause = token.head
        if clause.dep_ == "relcl":
            return clause.head
        if clause.dep_ == "conj" and clause.head.dep_ == "relcl":
            return clause.head.head
    return token


def _core_tokens(token: Token) -> Iterator[Token]:
    """Yield ``token``'s subtree without relative clauses, prepositions and other clauses."""
    yield token
    for child in token.children:
        # "the leaders of the party A and B" names A and B; "relatives of A" does not
        keep_of = (
            child.lower_ == "of"
            and token.lemma_ not in _KIN
            and token.lower_ not in _KIN
            and token.lemma_ not in _MEMBERS
        )
        # "Qosimov's four students" are not Qosimov: a plural's owner is someone else
        owner = child.dep_ == "poss" and token.tag_ == "NNS"
        if (child.dep_ not in _CLAUSES or keep_of) and not owner:
            yield from _core_tokens(child)


def names_of(ctx: FillContext, token: Token, types: tuple[str, ...]) -> list[str]:
    """Return the resolved entity names in the noun phrase headed by ``token``.

    Names of the role's entity types come first. The small model often mislabels
    unfamiliar names ("Tabligh Jamaat" as PERSON, "Rashidov" as ORG) or misses
    them, so when none fits, a person or organization name, or an untagged
    proper-noun run, in the role's syntactic position is taken instead.
    """
    typed: dict[str, None] = {}
    other: dict[str, None] = {}
    core = list(_core_tokens(token))
    for tok in core:
        kind = ctx.mentions.kind_at(tok.idx)
        name = ctx.mentions.name_at(tok.idx) if kind else None
        if name is None and tok.pos_ == "PROPN":
            covering = ctx.mentions.name_covering(tok.idx)
            name, kind = covering if covering else (None, None)
        if name and tok.dep_ == "amod" and " " not in name:
            continue  # "a Tajik opposition group": a nationality word, not a name
        if name and types == ("PERSON",) and _a_body(name):
            continue  # "the British High Court" mistaken for a person
        if name and kind == "ORG" and "ORG" not in types and token.lemma_ in _MEMBERS:
            continue  # "six Hizb ut-Tahrir members": the group they belong to
        if name and kind in types:
            typed[name] = None
        elif name and kind == "ORG" and ctx.mentions.known_as(name, "ORG"):
            continue  # "an activist of the party Hizb ut-Tahrir", the parse broken: a group
        elif name and kind == "PERSON" and name != tok.text and name.endswith(" " + tok.text):
            continue  # "joined opponents of Niyazov": the man named in full before, no group
        elif name and kind in ("PERSON", "ORG"):
            other[name] = None
    if not typed and token.lemma_ in _COUNSEL and "PERSON" in types:
        # "lawyers for X", "X's lawyers": the client is who acts through them
        client = next((c for c in token.children if c.dep_ == "poss"), None)
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in ("for", "of")):
            client = client or next((g for g in prep.children if g.dep_ == "pobj"), None)
        if client is not None:
            return names_of(ctx, client, types)
    if not typed and token.dep_ == "appos" and token.head.pos_ == "PROPN":
        # "ISIL, a terrorist organization banned in Russia": the appositive's head
        return names_of(ctx, token.head, types)
    if typed:
        people = [n for n in typed if ctx.mentions.kind_of(n) == "PERSON"]
        # "Colonel Halimov, the commander of the Interior Ministry's forces": the person
        return people if people and len(types) > 1 else list(typed)
    if "ORG" in types and token.lemma_.lower() in _GROUP_ACTS:
        # "banned its activities", "outlawed the group's operations": the group itself
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        if owner is not None:
            return names_of(ctx, owner, types)
    if "ORG" in types and _the_group(token):
        # "to join the jihadi group", "the movement was banned": the group named before
        name = ctx.mentions.group_before(token.idx, _not_a_group)
        return [name] if name else []
    if "ORG" in types and token.lower_ in ("it", "its"):
        name = ctx.mentions.group_before(token.idx, _not_a_group)
        return [name] if name else []
    if "PERSON" in types and token.lower_ in ("they", "them", "their"):
        # "They had been arrested": the people last named together
        return ctx.mentions.group(token.idx, None, 0)
    if "PERSON" in types and _refers_to_person(token):
        subject = _fronted_for(token)
        if subject is not None:
            # "Since his release from prison, Hayit has been watched": the one named next
            return names_of(ctx, subject, types)
        # "himself" points at the person just named, not the article's main figure
        # "The last person to receive a death sentence was X, after he was found guilty":
        # a person named earlier in the same sentence is the one meant
        same = ctx.mentions.people_in(ctx.sent.start_char, token.idx)
        nearest = token.lower_.endswith("self") or bool(same)
        name = None if same else _previous_subject(ctx, token)
        name = name or ctx.mentions.antecedent(token.idx, nearest=nearest)
        return [name] if name else []
    if other and {"PERSON", "ORG"} & set(types):
        return [n for n in other if _looks_like(n, types)]
    for tok in core:
        if tok.pos_ != "PROPN" or tok.dep_ == "compound":
            continue
        run = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"] + [tok]
        # "Imarat Kavkaz" read as a nationality: a group's name of two words or more
        group_name = "ORG" in types and tok.ent_type_ == "NORP" and len(run) > 1
        if tok.ent_type_ in _NOT_NAMES and not group_name:
            continue
        surname_of = ctx.mentions.person_named(tok.text) if "PERSON" in types else None
        if len(run) == 1 and surname_of:
            other[surname_of] = None  # "Belarus extradited Shodiev": the surname the model missed
            continue
        if tok.lower_ in people_words("peoples"):
            continue  # "four Crimean Tatars", "two Uighurs": a people, not a name
        # a lone capitalized word opening a sentence ("Gunmen attacked") is no name
        if len(run) > 1 or ("ORG" in types and not tok.is_sent_start):
            name = " ".join(t.text for t in sorted(run, key=lambda t: t.i))
            if not (types == ("PERSON",) and _a_body(name)):
                other[name] = None
    return list(other)


_ORG_WORDS = frozenset(
    "party movement union state group front court ministry committee service council army "
    "brigade organization organisation police forces agency office government".split()
)


#: Words naming state bodies, which ban groups but are not banned: "the Supreme Court".
_STATE_WORDS = frozenset(
    "court ministry government committee service police office agency council parliament "
    "prosecutor prosecutors procuracy".split()
)


#: Nouns a text uses to refer back to a group it has named.
_GROUP_NOUNS = frozenset(
    "group organization organisation movement party network militia faction outfit".split()
)


#: Words for the kind of a group, not its name, that the small model may tag as names.
_GROUP_KINDS = frozenset(
    "jihadi jihadist islamist militant extremist terrorist terror rebel insurgent "
    "separatist radical armed banned".split()
)


def _the_group(token: Token) -> bool:
    """ "the group", "the jihadi group", "this movement": a group told of before, unnamed here."""
    if token.lemma_.lower() not in _GROUP_NOUNS or token.ent_type_:
        return False
    dets = {c.lower_ for c in token.children if c.dep_ == "det"}
    # "the jihadi group": the small model tags the adjective a proper noun, but no name
    # ("the group, which fights to create an Islamic state": a clause says what it does)
    phrase = [
        t
        for c in token.children
        if c.dep_ not in ("relcl", "acl", "advcl", "punct")
        for t in c.subtree
    ]
    named = any(c.ent_type_ or (c.pos_ == "PROPN" and c.lower_ not in _GROUP_KINDS) for c in phrase)
    return bool(dets & {"the", "this", "that"}) and not named


def _fronted_for(pronoun: Token) -> Token | None:
    """The main clause's subject, when ``pronoun`` opens a phrase set before it.

    "Since his handover to Uzbekistan, Ismatov has been held incommunicado", "After
    her release, Asanbekova left the country": a possessive in a fronted phrase
    points forward to the subject the sentence goes on to name.
    """
    if pronoun.lower_ not in ("his", "her", "their"):
        return None
    root = pronoun.sent.root
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.i < pronoun.i or subject.pos_ != "PROPN":
        return None
    fronted = next((a for a in pronoun.ancestors if a.head == root), None)
    if (
        fronted is None
        or fronted.dep_ not in ("prep", "advcl", "npadvmod")
        or fronted.i > subject.i
    ):
        return None
    return subject


def _a_body(name: str) -> bool:
    """A court, ministry or other state body: never a person."""
    return bool({w.casefold() for w in name.split()} & _STATE_WORDS)


def _not_a_group(name: str) -> bool:
    """A body that acts on groups (a court, a ministry) or a news outlet, not a banned group."""
    from ..text.metadata import canonical_outlet

    words = {w.casefold() for w in name.split()}
    return bool(words & _STATE_WORDS) or canonical_outlet(name) is not None or "/" in name


def _looks_like(name: str, types: tuple[str, ...]) -> bool:
    """Whether a name the model typed otherwise can fill a role of ``types``.

    A person's name is two or three words with no organization word; an
    organization's name given as a person is at least two words.
    """
    words = name.split()
    if "PERSON" in types and 2 <= len(words) <= 3:
        return not any(w.lower() in _ORG_WORDS for w in words)
    return "ORG" in types and len(words) >= 2


def _refers_to_person(token: Token) -> bool:
    if token.lower_ in _PRONOUNS:
        return True
    if token.pos_ != "NOUN" or token.tag_ != "NN":
        return False
    dets = [c.lower_ for c in token.children if c.dep_ == "det"]
    return dets == ["the"] and (token.lower_ in _DESCRIPTIONS or token.lower_.endswith("-old"))


def count_of(token: Token) -> int | float | None:
    """Return the number of people a noun phrase gives ("Five other members", "seven of the 29")."""
    parse = normalizer("kronika.number.v1")
    if parse is None:
        return None
    heads = [token]
    # "a group of 25 militants", "seven of the defendants": look one "of" deeper
    if token.lower_ in ("group", "total", "number") or token.like_num:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                heads.extend(c for c in child.children if c.dep_ == "pobj")
    for head in heads:
        # "by yesterday afternoon 57 had been recaptured": the model may run the count into
        # the date before it; a number that is the subject or object itself is a count
        counted = head.dep_ in ("nsubj", "nsubjpass", "dobj") and not YEAR.fullmatch(head.text)
        if head.like_num and (
            head.ent_type_ not in ("DATE", "TIME", "MONEY", "PERCENT")
            or (counted and head.ent_type_ in ("DATE", "TIME"))
        ):
            value = parse(head.text)
            if value is not None:
                return value  # type: ignore[no-any-return]
        for child in head.children:
            # "Thirteen Islamists" opening a sentence: the model may take the number for a name
            spelled = child.dep_ in ("compound", "amod") and child.like_num and child.i < head.i
            if (child.dep_ == "nummod" or spelled) and child.ent_type_ not in (
                "DATE",
                "MONEY",
                "PERCENT",
            ):
                # "twenty-two migrants": the number is the whole hyphenated run
                value = parse(child.doc[child.left_edge.i : child.i + 1].text)
                if value is not None:
                    return value  # type: ignore[no-any-return]
    return None


#: How far back (in tokens) a definite plural looks for the number it repeats.
_ANTECEDENT_REACH = 400


def antecedent_count(token: Token) -> int | float | None:
    """The number of an earlier phrase a definite plural repeats ("the asylum seekers").

    "Officials extradited 29 asylum seekers ... The asylum seekers had spent a year
    in detention": the same plural noun, counted before, counts the same people.
    """
    if token.tag_ != "NNS" or not any(
        c.dep_ == "det" and c.lower_ in ("the", "those", "these") for c in token.children
    ):
        return None
    doc = token.doc
    for i in range(token.i - 1, max(-1, token.i - _ANTECEDENT_REACH), -1):
        earlier = doc[i]
        if earlier.lemma_ == token.lemma_ and earlier.tag_ == "NNS":
            value = count_of(earlier)
            if value is not None:
                return value
    return None


def _bound_or(
    ctx: FillContext, role: RoleSpec, find: Callable[[Token], Token | None]
) -> Token | None:
    bound = ctx.nodes.get(role.name)
    return _antecedent_of_relative(bound) if bound is not None else find(ctx.trigger)


def fill_patient(ctx: FillContext, role: RoleSpec) -> ArgValue | None:
    """Names of those the action was done to (sentenced, detained, extradited, released).

    "Ten relatives were detained, including his father Tillo Kabirov" names one of them.
    """
    token = _bound_or(ctx, role, patient)
    if token is None:
        return None
    types = role.entity or ("PERSON",)
    names = names_of(ctx, token, types)
    if not names and "PERSON" in types and token.pos_ == "NOUN":
        names = _appositive_people(ctx, token) or described_people(ctx, token)
    if not names and "PERSON" in types:
        names = _included_people(ctx, token, types)
    # "Thirteen Islamists in Lebanese jails, including A, were released": the parser hangs
    # "including" on the nearest noun as often as on the people
    inner = [t for t in token.subtree if t.dep_ == "pobj" and t.head.head == token]
    for head in (ctx.trigger, token, *inner):
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "including":
                for obj in child.children:
                    if obj.dep_ != "pobj":
                        continue
                    # "including Qosimov's four students": the owner is not one of them
                    owners = {ctx.mentions.name_at(c.idx) for c in obj.children if c.dep_ == "poss"}
                    found = names_of(ctx, obj, types)
                    names.extend(n for n in found if n not in names and n not in owners)
    return names


def _included_people(ctx: FillContext, token: Token, types: tuple[str, ...]) -> list[str]:
    """ "Those arrested include A and B", "among those detained were A and B"."""
    head = token.head if token.dep_ == "nsubj" else None
    if (
        token.lower_ in ("those", "people")
        and token.dep_ == "pobj"
        and token.head.lower_ == "among"
    ):
        head = token.head.head
    if head is None or head.lemma_ not in ("include", "be"):
        return []
    names: list[str] = []
    for obj in head.children:
        if obj.dep_ in ("dobj", "attr", "nsubj") and obj.i != token.i:
            names.extend(n for n in names_of(ctx, obj, types) if n not in names)
    if names:
        return names
    # "include the group's chief at the time of the 2002 bombings, Zulkarnaen, and Upik
    # Lawanga": the parser hangs the names anywhere after the verb; a relative clause
    # about them names others
    for tok in head.subtree:
        if tok.i <= head.i or any(a.dep_ == "relcl" and a.i > head.i for a in tok.ancestors):
            continue
        name = ctx.mentions.name_at(tok.idx)
        if name and ctx.mentions.kind_at(tok.idx) in types and name not in names:
            names.append(name)
    return names


_CLAUSE_OPENERS = frozenset({"who", "whom", "which", "that", "whose", "to", "for", "on", "in"})


def _appositive_people(ctx: FillContext, token: Token) -> list[str]:
    """People named after a comma that follows a description the parser left unnamed.

    "sentenced the son of a runaway colonel, Ali Karimov, to ten years" and
    "sentenced opposition politicians A, B and C": the small model hangs such
    appositions anywhere, so the names are read off the stretch between the
    description and the next clause or preposition of the trigger.
    """
    names: list[str] = []
    seen_comma = False
    for tok in ctx.sent.doc[token.i + 1 : ctx.sent.end]:
        clause = tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod", "compound")
        if tok.lower_ in _CLAUSE_OPENERS or clause or tok.is_sent_start:
            break
        if tok.text == ",":
            seen_comma = True
            continue
        # "sentenced blogger Otabek Sattoriy": a name right after its description
        if not seen_comma and tok.i != token.i + 1:
            continue
        name = ctx.mentions.name_at(tok.idx)
        kind = ctx.mentions.kind_at(tok.idx)
        # the small model often types an unfamiliar full name ORG
        person = kind == "PERSON" or (kind == "ORG" and _looks_like(name or "", ("PERSON",)))
        if name and person and name not in names:
            names.append(name)
    return names


#: How far (in chars) a description reaches for the names it stands for.
_DESCRIBED_REACH = 1500


def described_people(ctx: FillContext, token: Token) -> list[str]:
    """The people a description with no name in it stands for, named elsewhere in the article.

    "Two opposition activists were jailed ... Ali Karimov and Said Nazarov had
    handed out leaflets": a counted plural takes the list of that many names
    nearest before it, else after it; "the men" takes the last list before it;
    "a 20-year-old man" in a lead takes the next person the article names.
    """
    if token.lower_ not in people_words("descriptions") or token.ent_type_ in _NOT_NAMES:
        return []
    dets = {c.lower_ for c in token.children if c.dep_ in ("det", "predet")}
    if any(c.dep_ == "amod" and c.lower_ in ("other", "another") for c in token.children):
        return []  # "the other defendants": not the people named before
    position = token.idx
    if token.tag_ == "NNS":
        size = count_of(token)
        if size is None and not dets & {"the", "these", "those", "all"}:
            return []
        if size is not None and not 2 <= size <= 12:
            return []
        return ctx.mentions.group(position, int(size) if size else None, _DESCRIBED_REACH)
    if dets & {"a", "an"} and not any(c.dep_ == "conj" for c in token.children):
        # "a teacher, his four students and five other men": one of a group, not the one named next
        name = ctx.mentions.following(position, _DESCRIBED_REACH, partial(_a_source, ctx.doc))
        return [name] if name else []
    if dets & {"the", "this", "that"}:
        # "The leader of an opposition party has been sentenced" in a lead: named next
        name = ctx.mentions.antecedent(position) or ctx.mentions.following(
            position, _DESCRIBED_REACH, partial(_a_source, ctx.doc)
        )
        return [name] if name else []
    return []


def _a_source(doc: Doc, start: int) -> bool:
    """Whether the person named at char ``start`` is telling the story: "... arrested the
    leader of a banned group. Police spokesman Nurbek Toktosunov told RFE/RL that ..." """
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return False
    token = span.root
    while token.dep_ in ("compound", "flat", "appos") and token.head.i != token.i:
        token = token.head
    verbs = lexicon("claims")["claim_verbs"]
    return token.dep_ == "nsubj" and token.head.lemma_ in verbs


def _previous_subject(ctx: FillContext, pronoun: Token) -> str | None:
    """The person the sentence before is about, for "he" or "she" as a subject.

    "Tajik citizen Massud fled to Russia in 2015. He joined the IRPT in 1999": the
    subject of the sentence before, if a person, over whoever the article names most.
    """
    if pronoun.lower_ not in ("he", "she") or pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    sents = doc_sents(ctx.doc)
    index = next((i for i, s in enumerate(sents) if s.start == ctx.sent.start), 0)
    if index == 0:
        return None
    before = sents[index - 1]
    subject = next(
        (t for t in before if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"), None
    )
    if subject is None:
        return None
    people = ctx.mentions.people_in(subject.left_edge.idx, subject.idx + len(subject.text))
    return people[-1][1] if people else None


def fill_agent(ctx: FillContext, role: RoleSpec) -> ArgValue | None:
    """Names of those who acted (joined, appealed, escaped, attacked)."""
    token = _bound_or(ctx, role, agent)
    if token is None:
        return None
    types = role.entity or ("PERSON",)
    names = names_of(ctx, token, types)
    if not names and types == ("PERSON",) and token.pos_ == "NOUN":
        names = described_people(ctx, token)
    return names


def fill_count(ctx: FillContext, role: RoleSpec) -> ArgValue | None:
    """The number of people in the core noun phrase (bound node, else patient/agent)."""
    token = ctx.nodes.get(ctx.extra.get("core_node", "")) or ctx.extra.get("core_token")
    return count_of(token) if isinstance(token, Token) else None
