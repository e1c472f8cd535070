"""Role fillers that need code, each registered by name in ``registry.ROLE_FILLERS``.

Contract: a filler is called as ``filler(ctx, role)`` with a :class:`FillContext`
(the sentence, the trigger token, the tokens bound by a dependency pattern,
and the article's resolved mentions) and the :class:`RoleSpec` it fills; it
returns the role's value (a name list, a string, a number or a flag) or None.
Fillers never re-parse text and never look beyond the trigger's sentence.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span, Token

from ..model import ArgValue
from ..resolve.mentions import MentionIndex, people_words
from .antecedents import (
    DESCRIPTIONS,
    FIRST_PERSON,
    alone_before,
    fronted_for,
    refers_to_person,
    sentence_before,
    told_as_a_number,
)
from .counsel import APPEALING, COUNSEL, LAWYERS, counsel_named
from .groups import GROUP_ACTS, GROUP_HEADS, a_body, looks_like, not_a_group, the_group
from .people import may_mean, not_meant_by, speaker_of_line
from .phrase_core import KIN, MEMBERS, core_tokens
from .spans import doc_text, in_dateline
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
#: Entity labels that are never a person's or group's name, whatever the position.
NOT_NAMES = frozenset(
    "PERSON ORG GPE LOC FAC NORP DATE TIME MONEY PERCENT QUANTITY ORDINAL CARDINAL".split()
)


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


#: Key of ``FillContext.extra``: canonical names of the armed groups the gazetteer knows.
ARMED_GROUPS = "kronika.armed_groups"

Filler = Callable[[FillContext, RoleSpec], ArgValue | None]


#: How many words open a sentence that a dateline ("BAIDOA (Reuters) -") may take.
_DATELINE_WORDS = 8


def _actors(ctx: FillContext) -> set[str]:
    """The names in the subject (or the "by" phrase) of the event's verb: who acts."""
    names = set()
    for child in ctx.trigger.children:
        if child.dep_ in ("nsubj", "agent"):
            for tok in child.subtree:
                found = ctx.mentions.name_covering(tok.idx)
                if found is not None:
                    names.add(found[0])
    return names


def names_of(ctx: FillContext, token: Token, types: tuple[str, ...]) -> list[str]:
    """Return the resolved entity names in the noun phrase headed by ``token``.

    Names of the role's entity types come first. The small model often mislabels
    unfamiliar names ("Tabligh Jamaat" as PERSON, "Rashidov" as ORG) or misses
    them, so when none fits, a person or organization name, or an untagged
    proper-noun run, in the role's syntactic position is taken instead.
    """
    typed: dict[str, None] = {}
    other: dict[str, None] = {}
    core = list(core_tokens(token))
    for tok in core:
        near_start = tok.i - ctx.sent.start < _DATELINE_WORDS
        if near_start and in_dateline(ctx.sent, tok.idx, tok.idx + len(tok)):
            continue  # "BAIDOA (Reuters) - Al Shabaab militants": the parser's compounds
        kind = ctx.mentions.kind_at(tok.idx)
        name = ctx.mentions.name_at(tok.idx) if kind else None
        if name is None and (tok.pos_ == "PROPN" or tok.ent_iob_ == "I"):
            # ("Jehovah's Witnesses": the head word of a name, inside it)
            covering = ctx.mentions.name_covering(tok.idx)
            name, kind = covering if covering else (None, None)
        if kind in ("ORG", "LOC") and name == tok.text and "PERSON" in types:
            # "Nematov joined the group" after "Jahongir Nematov": the surname of a person
            # named in full before, which the model took for a group or a place
            full = ctx.mentions.person_named(tok.text)
            # ("Норматов был передан Турции", the name tagged a place: a family name in the
            # role's own place is the person's)
            alone = full is None and tok == token and a_family_name(tok.text)
            name, kind = (full, "PERSON") if full else (name, "PERSON" if alone else kind)
        if name and tok.dep_ == "amod" and " " not in name:
            continue  # "a Tajik opposition group": a nationality word, not a name
        if name and _an_alias(tok, ctx.mentions):
            continue  # "Ahmad Fauzan Hidayat, alias Ustad Fauzan": the one person's other name
        if name and types == ("PERSON",) and a_body(name):
            continue  # "the British High Court" mistaken for a person
        if name and kind == "ORG" and "ORG" not in types and token.lemma_ in MEMBERS:
            continue  # "six Hizb ut-Tahrir members": the group they belong to
        if name and kind in types:
            typed[name] = None
        elif name and kind == "ORG" and ctx.mentions.known_as(name, "ORG"):
            continue  # "an activist of the party Hizb ut-Tahrir", the parse broken: a group
        elif name and kind == "PERSON" and name != tok.text and name.endswith(" " + tok.text):
            continue  # "joined opponents of Niyazov": the man named in full before, no group
        elif name and kind in ("PERSON", "ORG"):
            other[name] = None
    counsel = token.lower_ in COUNSEL or token.lemma_.lower() in COUNSEL
    # ("His lawyer, Yelena Koroleva, appealed the ruling": the client appeals through her)
    appeal = ctx.trigger.lemma_.lower() in APPEALING
    if (not typed or appeal) and counsel and "PERSON" in types:
        # "lawyers for X", "X's lawyers": the client is who acts through them
        client = next((c for c in token.children if c.dep_ == "poss"), None)
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in ("for", "of")):
            client = client or next((g for g in prep.children if g.dep_ == "pobj"), None)
        if client is not None:
            found = names_of(ctx, client, types)
            if found or not typed:
                return found
        elif not typed and token.lower_ in ("defence", "defense"):
            # "The defence lodged an appeal": the defence of the one the article is about,
            # not its lawyer ("His lawyer, Gulmira Asanova, said the defence appealed")
            lawyers = counsel_named(ctx)
            name = ctx.mentions.antecedent(token.idx, fits=lambda n: n not in lawyers)
            return [name] if name else []
    if not typed and token.dep_ == "appos" and token.head.pos_ == "PROPN":
        # "ISIL, a terrorist organization banned in Russia": the appositive's head
        return names_of(ctx, token.head, types)
    if typed:
        people = [n for n in typed if ctx.mentions.kind_of(n) == "PERSON"]
        # "Colonel Halimov, the commander of the Interior Ministry's forces": the person
        return people if people and len(types) > 1 else list(typed)
    if "ORG" in types and token.lemma_.lower() in GROUP_ACTS:
        # "banned its activities", "outlawed the group's operations": the group itself
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        if owner is not None:
            return names_of(ctx, owner, types)
    if "ORG" in types and token.lemma_.lower() in GROUP_HEADS:
        # "pledged allegiance to the group's emir", "the leader of the movement": the group
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        if owner is not None and owner.lower_ not in ("his", "her", "their", "its"):
            found = names_of(ctx, owner, types)
            if found:
                return found
    if "ORG" in types and (the_group(token) or token.lower_ in ("it", "its")):
        # "to join the jihadi group", "the movement was banned": the group named before
        # (not the body that acts on it: "The State Department designated the group ...")
        acting = _actors(ctx)
        name = ctx.mentions.group_before(token.idx, lambda n: not_a_group(n) or n in acting)
        return [name] if name else []
    if "PERSON" in types and token.lower_ in ("they", "them", "their"):
        # "They had been arrested": the people last named together
        return ctx.mentions.group(token.idx, None, 0)
    if "PERSON" in types and (size := told_as_a_number(token)) is not None:
        # "Both were detained", "The three were captured": the last that many named together
        return ctx.mentions.group(token.idx, size, 0)
    if "PERSON" in types and token.lower_ in FIRST_PERSON:
        # "Mamyrov: The court gave me ten years": the line's speaker
        speaker = speaker_of_line(ctx.mentions, doc_text(ctx.doc), token.idx)
        return [speaker] if speaker else []
    if "PERSON" in types and refers_to_person(token):
        subject = fronted_for(token)
        if subject is not None:
            # "Since his release from prison, Hayit has been watched": the one named next
            return names_of(ctx, subject, types)
        # "himself" points at the person just named, not the article's main figure
        # "The last person to receive a death sentence was X, after he was found guilty":
        # a person named earlier in the same sentence is the one meant
        # ("he" is no one whose name tells a woman: see ``people.may_mean``)
        # ("his lawyer, X, said the imam was released": a description is not the lawyer)
        described = token.lower_ in DESCRIPTIONS and token.lower_ not in LAWYERS
        lawyers = counsel_named(ctx) if described else set()

        def fits(name: str) -> bool:
            return may_mean(token, name) and name not in lawyers

        same = [
            (start, name)
            for start, name in ctx.mentions.people_in(ctx.sent.start_char, token.idx)
            if not not_meant_by(token, start) and fits(name)
        ]
        nearest = token.lower_.endswith("self") or bool(same)
        name = same[-1][1] if same else _previous_subject(ctx, token)
        name = name if name is None or fits(name) else None
        # "police detained X, a blogger ... The arrest came after Kazakhstan deported him":
        # the one person the sentence before names, over one named more often earlier
        name = name or alone_before(ctx, token)
        name = name or ctx.mentions.antecedent(token.idx, nearest=nearest, fits=fits)
        return [name] if name else []
    if other and {"PERSON", "ORG"} & set(types):
        fitting = [n for n in other if looks_like(n, types)]
        if fitting or types != ("ORG",):
            return fitting
        other = {}  # ("the movement Nur-Jol" tagged a person: read as the name it is)
    taken: set[int] = set()
    first_word: dict[str, int] = {}
    for tok in sorted(core, key=lambda t: -t.i):
        # ("Saidov fought for IS": a family name the tagger took for an adjective, in the
        # role's own place)
        misread = tok == token and tok.pos_ == "ADJ" and a_family_name(tok.text)
        if (tok.pos_ != "PROPN" and not misread) or (tok.dep_ == "compound" and tok != token):
            continue
        if tok.i in taken:
            continue
        run = sorted(
            [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"] + [tok],
            key=lambda t: t.i,
        )
        hyphened = _hyphened_name(tok)
        if hyphened is not None:
            # "Lashkar-e-Khorasan Front": a name written with hyphens, parsed in pieces
            run = list(hyphened)
            taken.update(t.i for t in hyphened)
        # "Imarat Kavkaz" read as a nationality: a group's name of two words or more
        group_name = "ORG" in types and tok.ent_type_ == "NORP" and len(run) > 1
        # ("the movement Nur-Jol" tagged a person, where a pattern binds a group's name)
        group_name = group_name or (
            types == ("ORG",) and tok == token and tok.ent_type_ == "PERSON"
        )
        surname_of = ctx.mentions.person_named(tok.text) if "PERSON" in types else None
        # ("found Rakhimov guilty", "assigned to Karimov a punishment": a lone word that ends
        # like a family name, in the role's own place, untagged or tagged a place)
        surname = "PERSON" in types and tok == token and a_family_name(tok.text)
        # ("sentenced Botir to eight years", read as one date: a name the model took in)
        if (
            tok.ent_type_ in NOT_NAMES
            and not group_name
            and not _in_a_number(tok, surname_of)
            and not (surname and tok.ent_type_ in ("GPE", "LOC", "FAC"))
        ):
            continue
        if len(run) == 1 and surname_of:
            other[surname_of] = None  # "Belarus extradited Shodiev": the surname the model missed
            continue
        if tok.lower_ in people_words("peoples"):
            continue  # "four Crimean Tatars", "two Uighurs": a people, not a name
        # "Nazarov's brother, Firdavs": a given name told in apposition to a person
        given = "PERSON" in types and tok.dep_ == "appos" and tok.head.lemma_ in KIN
        # a lone capitalized word opening a sentence ("Gunmen attacked") is no name
        if len(run) > 1 or given or surname or ("ORG" in types and not tok.is_sent_start):
            name = hyphened.text if hyphened is not None else " ".join(t.text for t in run)
            if not (types == ("PERSON",) and a_body(name)):
                other[name] = None
                first_word[name] = run[0].i
    # (read last word first, so that a name's words are taken whole: give them in text order)
    return sorted(other, key=lambda n: first_word.get(n, -1))


#: Endings of family names, in both scripts ("Rakhimov", "Yusupova", "Умарова").
_FAMILY_ENDINGS = tuple(
    people_words("men_endings") | people_words("women_endings") | people_words("family_endings")
)


def a_family_name(word: str) -> bool:
    """Whether a capitalized word ends as family names do ("Rakhimov", "Yusupova", "Норматов")."""
    return (
        len(word) > 4
        and word.istitle()
        and word.isalpha()
        and word.lower().endswith(_FAMILY_ENDINGS)
    )


def _in_a_number(tok: Token, named: str | None) -> bool:
    """A name word of a person told in full elsewhere, which the model took into a date or
    a number."""
    return named is not None and tok.ent_type_ in ("DATE", "CARDINAL", "QUANTITY", "TIME")


def _hyphened_name(tok: Token) -> Span | None:
    """The whole of a capitalized name with hyphens in it that ends at ``tok``, or None."""
    doc = tok.doc
    start = tok.i
    while start > 0 and (
        doc[start - 1].text == "-" or (doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_alpha)
    ):
        start -= 1
    span = doc[start : tok.i + 1]
    if not any(t.text == "-" for t in span) or span[0].text == "-" or not span[0].is_title:
        return None
    # ("KANO, Nigeria - Gunmen attacked": a dash between words is no name's hyphen)
    spaced = any(t.text == "-" and (t.whitespace_ or doc[t.i - 1].whitespace_) for t in span)
    return None if spaced else span


#: Words that give a person's other name: "X alias Y", "X, aka Y", "X, also known as Y".
_ALIAS_MARKS = frozenset({"alias", "aka", "a.k.a.", "a.k.a", "nicknamed", "dubbed"})


def _an_alias(tok: Token, mentions: MentionIndex) -> bool:
    """Whether ``tok`` is in a name given as the alias of a name told just before it."""
    doc = tok.doc
    i = tok.i
    while i > 0 and doc[i].ent_iob_ == "I":
        i -= 1  # back to the first word of the name
    before = [t for t in doc[max(0, i - 4) : i] if not t.is_punct]
    words = [t.lower_ for t in before]
    if words[-1:] and words[-1] in _ALIAS_MARKS:
        named = before[:-1]
    elif words[-2:] == ["known", "as"]:
        named = [t for t in before[:-2] if t.lower_ != "also"]
    else:
        return False
    return bool(named) and mentions.name_covering(named[-1].idx) is not None


def _previous_subject(ctx: FillContext, pronoun: Token) -> str | None:
    """The person the sentence before is about, for "he" or "she" as a subject.

    "Tajik citizen Massud fled to Russia in 2015. He joined the IRPT in 1999": the
    subject of the sentence before, if a person, over whoever the article names most.
    """
    if pronoun.lower_ not in ("he", "she") or pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    before = sentence_before(ctx)
    if before is None:
        return None
    subject = next(
        (t for t in before if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"), None
    )
    if subject is None:
        return None
    if subject.lemma_ in KIN:
        # "Nazarov's brother, Firdavs, was detained ... He was sentenced": the brother
        named = names_of(ctx, subject, ("PERSON",))
        return named[0] if named else None
    people = ctx.mentions.people_in(subject.left_edge.idx, subject.idx + len(subject.text))
    return people[-1][1] if people else None
