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
from typing import Any

from spacy.tokens import Doc, Span, Token

from ..model import ArgValue
from ..normalize.numbers import parse_number
from ..resolve.mentions import MentionIndex, people_words
from .people import may_mean, not_meant_by, speaker_of_line
from .spans import doc_sents, doc_text, in_dateline, sent_number
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
NOT_NAMES = frozenset(
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
    "colonel journalist cleric preacher blogger editor student year-old imam mullah priest "
    "pastor poet writer businessman businesswoman politician dissident scholar theologian "
    "detainee prisoner".split()
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


#: Key of ``FillContext.extra``: canonical names of the armed groups the gazetteer knows.
ARMED_GROUPS = "kronika.armed_groups"

Filler = Callable[[FillContext, RoleSpec], ArgValue | None]


def _title_word(token: Token) -> bool:
    """A word written before a name to say who the person is: "critic", "Witness"."""
    return token.lower_ in people_words("titles") or token.lower_ in people_words("descriptions")


def _core_tokens(token: Token) -> Iterator[Token]:
    """Yield ``token``'s subtree without relative clauses, prepositions and other clauses."""
    yield token
    for child in token.children:
        # "the leaders of the party A and B" names A and B; "relatives of A" does not
        keep_of = (
            child.lower_ == "of"
            and token.lemma_ not in _KIN
            and token.lower_ not in _KIN
            and (token.lemma_ not in _MEMBERS or _member_of_parliament(child))
            # "Imran Qureshi, 26, of Stratford Road": where a named person is from
            and not (token.pos_ == "PROPN" and token.ent_type_ == "PERSON")
        )
        # "Qosimov's four students" are not Qosimov: a plural's owner is someone else, and
        # so is a relative's ("Nazarov's brother, Firdavs, was detained")
        kin = token.lemma_ in _KIN or token.lower_ in _KIN
        # ("Jehovah's Witness Arkady Solomin", "Putin's critic Alexei Navalny": whose the
        # title is, not the person)
        titled = any(
            t.dep_ == "compound" and t.i < token.i and _title_word(t) for t in token.subtree
        ) or (token.dep_ == "compound" and _title_word(token))
        # ("Askarov's co-defendant, Mamadzhan Sabirov": the one named after the noun)
        # (the model may type the name after it a group's: "associate, Dilshod Rasulov")
        named = any(
            c.dep_ == "appos" and (c.ent_type_ == "PERSON" or c.pos_ == "PROPN")
            for c in token.children
        )
        owner = child.dep_ == "poss" and (token.tag_ == "NNS" or kin or titled or named)
        # "an al-Qaeda-aligned faction", "Taliban-linked militants": whom they are tied to
        tied = child.dep_ == "amod" and child.tag_ == "VBN" and child.i < token.i
        if (child.dep_ not in _CLAUSES or keep_of) and not owner and not tied:
            yield from _core_tokens(child)
        elif token.tag_ != "NNS" and (named_as := _named_as(child)) is not None:
            # (several people so named are read off the stretch after their noun, where
            # the model's types of their names matter less: see ``patients``)
            yield from _core_tokens(named_as)


def _member_of_parliament(of: Token) -> bool:
    """ "former member of parliament X": the title, glued to the name it is told before."""
    return any(
        g.dep_ == "pobj" and any(c.lower_ == "parliament" for c in g.children if c.i < g.i)
        for g in of.children
    )


def _named_as(clause: Token) -> Token | None:
    """The name a participle clause gives: "a fifth, identified as X", "a suspect, named by
    police as X"."""
    if clause.dep_ not in ("acl", "relcl") or clause.tag_ != "VBN":
        return None
    if clause.lemma_ not in ("identify", "name"):
        return None
    for prep in clause.children:
        if prep.dep_ == "prep" and prep.lower_ == "as":
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


#: How many words open a sentence that a dateline ("BAIDOA (Reuters) -") may take.
_DATELINE_WORDS = 8


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
    counsel = token.lower_ in _COUNSEL or token.lemma_.lower() in _COUNSEL
    # ("His lawyer, Yelena Koroleva, appealed the ruling": the client appeals through her)
    appeal = ctx.trigger.lemma_.lower() in _APPEALING
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
            lawyers = _counsel_named(ctx)
            name = ctx.mentions.antecedent(token.idx, fits=lambda n: n not in lawyers)
            return [name] if name else []
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
    if "ORG" in types and token.lemma_.lower() in _GROUP_HEADS:
        # "pledged allegiance to the group's emir", "the leader of the movement": the group
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        if owner is not None and owner.lower_ not in ("his", "her", "their", "its"):
            found = names_of(ctx, owner, types)
            if found:
                return found
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
    if "PERSON" in types and (size := _told_as_a_number(token)) is not None:
        # "Both were detained", "The three were captured": the last that many named together
        return ctx.mentions.group(token.idx, size, 0)
    if "PERSON" in types and token.lower_ in _FIRST_PERSON:
        # "Mamyrov: The court gave me ten years": the line's speaker
        speaker = speaker_of_line(ctx.mentions, doc_text(ctx.doc), token.idx)
        return [speaker] if speaker else []
    if "PERSON" in types and _refers_to_person(token):
        subject = _fronted_for(token)
        if subject is not None:
            # "Since his release from prison, Hayit has been watched": the one named next
            return names_of(ctx, subject, types)
        # "himself" points at the person just named, not the article's main figure
        # "The last person to receive a death sentence was X, after he was found guilty":
        # a person named earlier in the same sentence is the one meant
        # ("he" is no one whose name tells a woman: see ``people.may_mean``)
        # ("his lawyer, X, said the imam was released": a description is not the lawyer)
        described = token.lower_ in _DESCRIPTIONS and token.lower_ not in _LAWYERS
        lawyers = _counsel_named(ctx) if described else set()

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
        name = name or _alone_before(ctx, token)
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
        given = "PERSON" in types and tok.dep_ == "appos" and tok.head.lemma_ in _KIN
        # a lone capitalized word opening a sentence ("Gunmen attacked") is no name
        if len(run) > 1 or given or surname or ("ORG" in types and not tok.is_sent_start):
            name = hyphened.text if hyphened is not None else " ".join(t.text for t in run)
            if not (types == ("PERSON",) and _a_body(name)):
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


_ORG_WORDS = frozenset(
    "party movement union state group front court ministry committee service council army "
    "brigade organization organisation police forces agency office government".split()
)


#: Words naming state bodies, which ban groups but are not banned: "the Supreme Court".
_STATE_WORDS = frozenset(
    "court ministry government committee service police office agency council parliament "
    "prosecutor prosecutors procuracy collegium tribunal".split()
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


#: Those who head a group, whose oath is an oath to the group: "the group's emir".
_GROUP_HEADS = frozenset("emir amir leader chief head commander founder caliph".split())


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


def _counsel_named(ctx: FillContext) -> set[str]:
    """The people the article names as someone's lawyer: "His lawyer, Gulmira Asanova",
    "lawyer Gulmira Asanova", "Gulmira Asanova, the imam's attorney" (read once per article)."""
    cached: set[str] | None = ctx.doc.user_data.get(_COUNSEL_KEY)
    if cached is not None:
        return cached
    found: set[str] = set()
    for tok in ctx.doc:
        if tok.lemma_.lower() not in _LAWYERS:
            continue
        named = [c for c in tok.children if c.dep_ == "appos"]
        if tok.dep_ in ("appos", "compound"):
            named.append(tok.head)  # "Gulmira Asanova, his lawyer", "lawyer Gulmira Asanova"
        for word in named:
            covering = ctx.mentions.name_covering(word.idx)
            if covering is not None and covering[1] == "PERSON":
                found.add(covering[0])
    ctx.doc.user_data[_COUNSEL_KEY] = found
    return found


#: Where an article's lawyers, once read, are kept on its Doc.
_COUNSEL_KEY = "kronika.counsel"


#: Those who speak for a client in court (the people among the counsel).
_LAWYERS = (_COUNSEL - {"defence", "defense"}) | {"advocate", "barrister", "solicitor"}


def _not_a_group(name: str) -> bool:
    """A body that acts on groups (a court, a ministry), a news outlet or a platform, not a
    banned group."""
    from ..text.metadata import canonical_outlet, is_platform

    words = {w.casefold() for w in name.split()}
    if is_platform(name):
        return True  # "posted in a Telegram channel ... The group was banned": not Telegram
    return bool(words & _STATE_WORDS) or canonical_outlet(name) is not None or "/" in name


def looks_like(name: str, types: tuple[str, ...]) -> bool:
    """Whether a name the model typed otherwise can fill a role of ``types``.

    A person's name is two or three words with no organization word; an
    organization's name given as a person is at least two words.
    """
    words = name.split()
    if "PERSON" in types and 2 <= len(words) <= 3:
        return not any(w.lower() in _ORG_WORDS for w in words)
    return "ORG" in types and len(words) >= 2


#: Acts a lawyer does for a client: the client is the one who acts.
_APPEALING = frozenset({"appeal", "challenge", "contest"})


def _told_as_a_number(token: Token) -> int | None:
    """ "both" (2), "the three" (3): people told only by how many they are."""
    if token.lower_ == "both" and token.pos_ in ("DET", "PRON", "CCONJ"):
        return 2
    if token.pos_ != "NUM" or not any(
        c.dep_ == "det" and c.lower_ == "the" for c in token.children
    ):
        return None
    value = parse_number(token.text)
    return value if isinstance(value, int) and 2 <= value <= _SMALL_GROUP else None


#: The most people a group told by its number alone ("the six") is taken to be.
_SMALL_GROUP = 9


#: A speaker's words for themself.
_FIRST_PERSON = frozenset({"i", "me", "my", "myself"})


def _refers_to_person(token: Token) -> bool:
    if token.lower_ in _PRONOUNS:
        return True
    # ("the imam", a lower-case word the tagger took for a name)
    misread = token.tag_ == "NNP" and token.text.islower()
    if not (token.pos_ == "NOUN" and token.tag_ == "NN") and not misread:
        return False
    dets = [c.lower_ for c in token.children if c.dep_ == "det"]
    if any(c.dep_ == "appos" and c.left_edge.i == token.i + 1 for c in token.children):
        return False  # "the poet Ilhom Sodiqov": a title before a name, no reference back
    return dets == ["the"] and (token.lower_ in _DESCRIPTIONS or token.lower_.endswith("-old"))


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


def _sentence_before(ctx: FillContext) -> Span | None:
    """The sentence told just before the one being filled, or None for the first."""
    index = sent_number(ctx.sent)
    return doc_sents(ctx.doc)[index - 1] if index > 0 else None


def _alone_before(ctx: FillContext, pronoun: Token) -> str | None:
    """The one person the sentence before the pronoun's names (who may be what it means),
    or None when it names nobody or several."""
    before = _sentence_before(ctx)
    if before is None:
        return None
    named = {
        name
        for start, name in ctx.mentions.people_in(before.start_char, before.end_char)
        if may_mean(pronoun, name)
    }
    return named.pop() if len(named) == 1 else None


def _previous_subject(ctx: FillContext, pronoun: Token) -> str | None:
    """The person the sentence before is about, for "he" or "she" as a subject.

    "Tajik citizen Massud fled to Russia in 2015. He joined the IRPT in 1999": the
    subject of the sentence before, if a person, over whoever the article names most.
    """
    if pronoun.lower_ not in ("he", "she") or pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    before = _sentence_before(ctx)
    if before is None:
        return None
    subject = next(
        (t for t in before if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"), None
    )
    if subject is None:
        return None
    if subject.lemma_ in _KIN:
        # "Nazarov's brother, Firdavs, was detained ... He was sentenced": the brother
        named = names_of(ctx, subject, ("PERSON",))
        return named[0] if named else None
    people = ctx.mentions.people_in(subject.left_edge.idx, subject.idx + len(subject.text))
    return people[-1][1] if people else None
