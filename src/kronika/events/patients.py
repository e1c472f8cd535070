"""Who an event was done to, or by: the phrase a pattern bound, or found in every frame.

A name in the phrase is taken as it is (:func:`.fillers.names_of`); a phrase that only
describes people ("a Tajik asylum seeker", "the 20-year-old") stands for the person
named next to it: in apposition, after "including", as "one of" a counted group, or
as the name the article gives nearby.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

from spacy.tokens import Doc, Token

from ..claims.stance import lexicon
from ..model import ArgValue
from ..resolve.mentions import people_words
from .counts import count_of
from .fillers import NOT_NAMES, FillContext, names_of
from .groups import looks_like
from .participants import agent, patient
from .people import a_pair
from .relatives import antecedent_of_relative
from .spans import doc_text
from .spec import RoleSpec
from .topics import item_topic


def _bound_or(
    ctx: FillContext, role: RoleSpec, find: Callable[[Token], Token | None]
) -> Token | None:
    bound = ctx.nodes.get(role.name)
    return antecedent_of_relative(bound) if bound is not None else find(ctx.trigger)


def fill_patient(ctx: FillContext, role: RoleSpec) -> ArgValue | None:
    """Names of those the action was done to (sentenced, detained, extradited, released).

    "Ten relatives were detained, including his father Tillo Kabirov" names one of them.
    """
    token = _of_whom(_bound_or(ctx, role, patient))
    types = role.entity or ("PERSON",)
    if token is None or token.ent_type_ == "DATE":
        # "• Zarina Nodirova, 44. Detained in Dushanbe ...": the person the item is about
        # ("March 2016 – Detained by police": the date heads the line, not a person)
        topic = item_topic(ctx) if "PERSON" in types else []
        if topic or token is None:
            return _group_right_after(ctx) if types == ("ORG",) else (topic or None)
    # "detained the suspect, a young Uzbek named X": the one named there, over an antecedent
    names = _named_next(ctx, token) if "PERSON" in types else []
    names = names or names_of(ctx, token, types)
    if not names and "PERSON" in types:
        # "X was one of four men arrested": X, not four men named elsewhere
        names = _one_of(ctx, token, types)
    if not names and "PERSON" in types and (token.pos_ == "NOUN" or _told_by_age(token)):
        names = _named_or_described(ctx, token)
    if not names and "PERSON" in types:
        names = _included_people(ctx, token, types)
    if not names and "PERSON" in types:
        # "May 2019 - Detained at the border and deported to Kazakhstan": the line's topic
        names = item_topic(ctx)
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
                    # "including a local commander identified as X"
                    found = names_of(ctx, obj, types) or _appositive_people(ctx, obj)
                    names.extend(n for n in found if n not in names and n not in owners)
            for named in _among_them(head, token):
                found = names_of(ctx, named, types)
                names.extend(n for n in found if n not in names)
    return names


#: Words that take a whole group by a part of it: "each of them", "all of the defendants".
_PART_OF = frozenset({"each", "all", "both"})


def _of_whom(token: Token | None) -> Token | None:
    """The people "each of them", "all of the four defendants" is said of, else ``token``."""
    if token is None or token.lower_ not in _PART_OF:
        return token
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    whole = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return whole if whole is not None else token


def _among_them(head: Token, token: Token) -> list[Token]:
    """What follows "among them" told after the people acted on: "captured two suspected
    members of the group, among them a bomb-maker identified as X" (the parser hangs the
    one named on the verb, as a second object or a loose noun)."""
    among = next(
        (
            c
            for c in head.children
            if c.dep_ == "prep"
            and c.lower_ == "among"
            and any(o.lower_ in ("them", "whom") for o in c.children)
        ),
        None,
    )
    if among is None:
        return []
    return [
        c
        for c in head.children
        if c.i > among.i and c.i != token.i and c.dep_ in ("dobj", "npadvmod", "appos", "attr")
    ]


def _named_next(ctx: FillContext, token: Token) -> list[str]:
    """The person named in apposition right after a singular description ("the suspect, a
    young Uzbek named X"), which would otherwise be read as someone named before."""
    after = token.i + 1
    if token.tag_ != "NN" or after >= ctx.sent.end or ctx.doc[after].text != ",":
        return []
    return _appositive_people(ctx, token)


def _told_by_age(token: Token) -> bool:
    """ "the 25-year-old": a person told by age alone (the model reads it as a date)."""
    return token.lower_ == "old" and any(c.lower_ in ("year", "month") for c in token.children)


def _group_right_after(ctx: FillContext) -> list[str] | None:
    """ "to join IS with her husband": a group named right after the verb, which the parser
    did not take for its object (it often reads "IS" as a verb)."""
    doc = ctx.doc
    after = ctx.trigger.i + 1
    if after < len(doc) and doc[after].lower_ == "the":
        after += 1
    if after >= len(doc):
        return None
    name = ctx.mentions.name_at(doc[after].idx)
    return [name] if name and ctx.mentions.kind_at(doc[after].idx) == "ORG" else None


def _one_of(ctx: FillContext, token: Token, types: tuple[str, ...]) -> list[str]:
    """ "Olim Rasulov was one of five Uzbeks arrested in Cologne": the one named."""
    one = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "of" else None
    if one is None or one.lower_ != "one" or one.dep_ not in ("attr", "appos"):
        return []
    if one.dep_ == "appos":
        return names_of(ctx, one.head, types)  # "Olim Rasulov, one of five Uzbeks arrested"
    subject = next((c for c in one.head.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return []
    if subject.pos_ == "NOUN":
        # "The man, identified only as Ravshan B., was one of four Tajiks arrested"
        named = _appositive_people(ctx, subject)
        if named:
            return named
    return names_of(ctx, subject, types)


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
    seen_comma = identified = False
    doc = ctx.sent.doc
    for tok in doc[token.i + 1 : ctx.sent.end]:
        # "The suspects, identified (only) as A, B and C, were picked up": the names follow "as"
        if _naming_as(tok):
            continue
        if tok.lower_ == "as" and _naming_as(doc[tok.i - 1]):
            # whatever the model took the names for, they are people's
            identified = seen_comma = True
            continue
        if tok.lower_ == "named" and tok.i + 1 < ctx.sent.end and doc[tok.i + 1].pos_ == "PROPN":
            # "the suspect, a young Uzbek named X": the name, not the nationality before it
            names.clear()
            identified = seen_comma = True
            continue
        clause = tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod", "compound")
        if tok.lower_ in _CLAUSE_OPENERS or clause or tok.is_sent_start:
            break
        if tok.text in (",", "—", "–", "--"):  # "The suspects — identified as A and B —"
            seen_comma = True
            continue
        # "sentenced blogger Otabek Sattoriy": a name right after its description
        if not seen_comma and tok.i != token.i + 1:
            continue
        name = ctx.mentions.name_at(tok.idx)
        kind = ctx.mentions.kind_at(tok.idx)
        # the small model often types an unfamiliar full name ORG
        person = (
            kind == "PERSON"
            or (identified and kind in ("ORG", "LOC"))
            or (
                kind == "ORG"
                and looks_like(name or "", ("PERSON",))
                and not ctx.mentions.known_as(name or "", "ORG")  # ("members of Hizb ut-Tahrir")
            )
        )
        # ("convicted the men under Article 4, court spokesman X said": who tells it)
        if name and person and name not in names and not _a_source(doc, tok.idx):
            names.append(name)
    return names


def _naming_as(tok: Token) -> bool:
    """ "identified as", "named only as", "identified simply as": words that lead to a name."""
    doc = tok.doc
    if tok.pos_ == "ADV" and tok.i > 0:
        return doc[tok.i - 1].lemma_ in ("identify", "name") and _naming_as(doc[tok.i - 1])
    if tok.lemma_ not in ("identify", "name"):
        return False
    after = next((t for t in doc[tok.i + 1 : tok.i + 3] if t.pos_ != "ADV"), None)
    return after is not None and after.lower_ == "as"


#: How far (in chars) a description reaches for the names it stands for.
_DESCRIBED_REACH = 1500


def described_people(ctx: FillContext, token: Token) -> list[str]:
    """The people a description with no name in it stands for, named elsewhere in the article.

    "Two opposition activists were jailed ... Ali Karimov and Said Nazarov had
    handed out leaflets": a counted plural takes the list of that many names
    nearest before it, else after it; "the men" takes the last list before it;
    "a 20-year-old man" in a lead takes the next person the article names.
    """
    both = token.tag_ == "NNS" and any(c.lower_ == "both" for c in token.children)
    if a_pair(token) or (both and token.lower_ in people_words("descriptions")):
        # "A and her husband B ... crossed into Syria, where the couple joined IS", "Both
        # men were convicted in 2012"
        named = [n for _, n in ctx.mentions.people_in(ctx.sent.start_char, token.idx)]
        last_two = list(dict.fromkeys(reversed(named)))[:2][::-1]
        return (
            last_two if len(last_two) == 2 else ctx.mentions.group(token.idx, 2, _DESCRIBED_REACH)
        )
    if not _told_by_age(token) and (
        token.lower_ not in people_words("descriptions") or token.ent_type_ in NOT_NAMES
    ):
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
        # "police detained three activists who had staged pickets": people told of first
        # here, not those named before (but perhaps named after)
        new = not dets and any(c.dep_ == "relcl" for c in token.children)
        return ctx.mentions.group(position, int(size) if size else None, _DESCRIBED_REACH, new=new)
    if dets & {"a", "an"} and not any(c.dep_ == "conj" for c in token.children):
        # "a teacher, his four students and five other men": one of a group, not the one named next
        # ("a man from Bolton who ...": a name inside the description's own phrase is not his)
        own = (token.left_edge.idx, token.right_edge.idx + len(token.right_edge.text))
        name = ctx.mentions.following(
            position,
            _DESCRIBED_REACH,
            lambda start: own[0] <= start < own[1] or _a_source(ctx.doc, start),
        )
        return [name] if name else []
    if dets & {"the", "this", "that"}:
        # "The leader of an opposition party has been sentenced" in a lead: named next
        name = ctx.mentions.antecedent(position) or ctx.mentions.following(
            position, _DESCRIBED_REACH, partial(_a_source, ctx.doc)
        )
        return [name] if name else []
    return []


#: A transcript line's speaker: "HOST:", "RAHIMI:", "Nadia Rahimi:" (capitalised words only).
_SPEAKER = re.compile(r"[A-ZА-ЯЁ][\w'.-]*(?: [A-ZА-ЯЁ][\w'.-]*){0,3}:(?=\s)")


def _a_source(doc: Doc, start: int) -> bool:
    """Whether the person named at char ``start`` is telling the story: "... arrested the
    leader of a banned group. Police spokesman Nurbek Toktosunov told RFE/RL that ...", or
    the speaker a transcript's line opens with ("HOST: ...")."""
    text = doc_text(doc)
    line = text.rfind("\n", 0, start) + 1
    label = _SPEAKER.match(text, start)
    if label is not None and not text[line:start].strip():
        return True  # "HOST: Good evening ...", "RAHIMI: Well, ...": a transcript's speaker
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return False
    token = span.root
    while token.dep_ in ("compound", "flat", "appos", "det") and token.head.i != token.i:
        token = token.head
    verbs = lexicon("claims")["claim_verbs"]
    return token.dep_ == "nsubj" and token.head.lemma_ in verbs


def fill_agent(ctx: FillContext, role: RoleSpec) -> ArgValue | None:
    """Names of those who acted (joined, appealed, escaped, attacked)."""
    token = _of_whom(_bound_or(ctx, role, agent))
    if token is None:
        return None
    types = role.entity or ("PERSON",)
    names = names_of(ctx, token, types)
    if not names and "PERSON" in types and token.pos_ == "NOUN":
        names = _named_or_described(ctx, token)
    return names


def _named_or_described(ctx: FillContext, token: Token) -> list[str]:
    """The people a description stands for: named right after it ("handed to blogger
    Otabek Sattoriy", "the suspects, identified as A and B"), else elsewhere in the article."""
    return _appositive_people(ctx, token) or described_people(ctx, token)
