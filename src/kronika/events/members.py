"""Named members of a counted group: "The five were detained ..." names no one, but
"The longest term went to their leader, X" or "Among those convicted is X" says that X
was one of them.

A verdict, an arrest, a release or a deportation of a counted group whose people are
not named (or not all) takes the people the article names as its members elsewhere:
- "Among those convicted is X", "X was among those detained", "Среди освобождённых — X":
  one of the group whose act the words name (``among`` in ``data/lexicons/members.yaml``);
- "X, the only woman among the 13", "Among them was X": one of the group of that
  number, or of the group told just before;
- "The longest sentence, nine years, was given to X": one of those sentenced;
- "The five suspects were led by X", "The arrested men, including X, ...".

The same counted group at another step of its case (the five arrested, then the five
sentenced) has the same members; and the member's own mention of that step ("at the
time of his arrest") is the group's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Doc, Span, Token

from ..claims.stance import lexicon
from ..model import Event, Evidence
from ..resolve.mentions import MentionIndex
from .counsel import LAWYERS
from .counts import count_of
from .people import PEOPLE_ROLE
from .spans import normalizer
from .union import union

#: Acts done to people whose groups may be told at several steps of one case.
_CASE = ("SENTENCE", "ARREST", "RELEASE", "EXTRADITION", "APPEAL", "JOIN")
#: Words next to a name that make its bearer someone who speaks about the case.
_SPEAKERS = LAWYERS | {"spokesman", "spokeswoman", "spokesperson", "prosecutor", "judge"}
#: How far (chars) "Among them was X" reaches back for the group it means.
_REACH = 400


@dataclass(frozen=True, slots=True)
class _Member:
    """One person told as one of a group: where, and what is known of the group."""

    name: str
    sent: Span
    #: the type of act the group underwent, when the words tell it
    type: str | None
    #: the size of the group, when the words give it ("among the 13")
    count: int | None
    #: told as given the longest (or shortest) of the group's terms
    ranked: bool = False


@dataclass(frozen=True, slots=True)
class _Words:
    """The words of ``data/lexicons/members.yaml``, read once."""

    among: dict[str, str]
    among_ru: dict[str, str]
    longest: frozenset[str]
    led: frozenset[str]
    longest_ru: re.Pattern[str]
    led_ru: re.Pattern[str]


@cache
def _words() -> _Words:
    data = lexicon("members")
    return _Words(
        among={w: t for t, words in data["among"].items() for w in words},
        among_ru={w: t for t, words in data["among_ru"].items() for w in words},
        longest=frozenset(data["longest"]),
        led=frozenset(data["led"]),
        longest_ru=re.compile("|".join(data["longest_ru"]), re.I),
        led_ru=re.compile("|".join(data["led_ru"]), re.I),
    )


#: A Russian sentence that may name one of a group ("среди освобождённых").
_AMONG_RU = re.compile(r"\bсреди\s+(\w+)", re.I)


def named_members(doc: Doc, events: list[Event], mentions: MentionIndex) -> list[Event]:
    """``events`` with the named members of their counted groups added (see module doc)."""
    if not any(_open_group(e) for e in events):
        return events
    out = list(events)
    statements: set[int] = set()
    # the members each group is told to have, with the words that tell it
    known: dict[int, dict[str, Evidence]] = {}
    for member in _members(doc, mentions):
        i = _group_of(out, member)
        if i is None:
            continue
        told = Evidence(member.sent.text, member.sent.start_char, member.sent.end_char)
        known.setdefault(i, {})[member.name] = told
        statements.add(told.start)
        if not _told_apart(out, member.name, out[i].type):
            out[i] = _with_member(out[i], member.name, told)
    _same_group_elsewhere(out, known)
    return _own_mentions_joined(out, events, statements)


def _open_group(event: Event) -> bool:
    """Whether ``event`` is done to a counted group of which fewer than all are named."""
    role = PEOPLE_ROLE.get(event.type)
    count = event.args.get("count")
    names = event.args.get(role or "")
    if event.type not in _CASE or not isinstance(count, int) or count < 2:
        return False
    return isinstance(names, list) and len(names) < count


def _told_apart(events: list[Event], name: str, kind: str) -> bool:
    """Whether ``name`` has an act of type ``kind`` of their own, with a term or among a
    count ("sentenced X to eight years"): a group of that type is then told without them
    ("the other four") or sums up verdicts told one by one."""
    for e in events:
        names = e.args.get(PEOPLE_ROLE[kind]) if e.type == kind else None
        if isinstance(names, list) and name in names:
            if {"term_years", "life", "count"} & set(e.args):
                return True
    return False


def _with_member(event: Event, name: str, told: Evidence) -> Event:
    role = PEOPLE_ROLE[event.type]
    names = list(event.args.get(role) or [])  # type: ignore[arg-type]
    if name in names:
        return event
    evidence = event.evidence if told in event.evidence else (*event.evidence, told)
    return replace(event, args={**event.args, role: [*names, name]}, evidence=evidence)


def _start(event: Event) -> int:
    return min(e.start for e in event.evidence) if event.evidence else 0


def _group_of(events: list[Event], member: _Member) -> int | None:
    """The counted group ``member`` belongs to: of its type and size, the one told
    nearest before it (else after it); for "among them", only one told just before."""
    at = member.sent.start_char
    fits = [
        i
        for i, e in enumerate(events)
        if _open_group(e)
        and (member.type is None or e.type == member.type)
        and (member.count is None or e.args.get("count") == member.count)
        and member.name not in (e.args.get(PEOPLE_ROLE[e.type]) or ())  # type: ignore[operator]
    ]
    if member.ranked and any("term_min_years" in events[i].args for i in fits):
        # "the longest term": of a verdict that gave several
        fits = [i for i in fits if "term_min_years" in events[i].args]
    before = [i for i in fits if _start(events[i]) < at]
    if member.type is None and member.count is None:
        before = [i for i in before if at - _start(events[i]) <= _REACH]
        return max(before, key=lambda i: _start(events[i])) if before else None
    if before:
        return max(before, key=lambda i: _start(events[i]))
    return min(fits, key=lambda i: _start(events[i])) if fits else None


def _same_group_elsewhere(events: list[Event], known: dict[int, dict[str, Evidence]]) -> None:
    """The same counted group at another step of its case (arrested, then sentenced):
    the people named in one, or told to be among it, are named in the other."""
    for i, a in enumerate(events):
        count = a.args.get("count")
        if a.type not in _CASE or not isinstance(count, int) or count < 2:
            continue
        named = a.args.get(PEOPLE_ROLE[a.type])
        names = {str(n): None for n in named} if isinstance(named, list) else {}
        names.update(dict.fromkeys(known.get(i, {})))
        given = _given_terms_apart(events, a)
        for j, b in enumerate(events):
            if j == i or b.type == a.type or b.args.get("count") != count or not _open_group(b):
                continue
            role = PEOPLE_ROLE[b.type]
            have = list(b.args.get(role) or [])  # type: ignore[arg-type]
            # ("The seven were detained in January": the seven of the verdict, some of
            # whom were given their terms one by one)
            theirs = {**names, **dict.fromkeys(given)} if _the_counted(b, count) else names
            more = [n for n in theirs if n not in have and not _told_apart(events, n, b.type)]
            if not more or not set(have) <= set(theirs):
                continue
            # (with the words that name them, as evidence)
            told = [e for e in a.evidence if any(n.split()[-1] in e.text for n in more)]
            told += [known[i][n] for n in more if n in known.get(i, {})]
            events[j] = replace(
                b,
                args={**b.args, role: [*have, *more][:count]},
                evidence=(*b.evidence, *dict.fromkeys(e for e in told if e not in b.evidence)),
            )


#: "Nine other young men were convicted": a group told apart from those named before it.
_OTHERS = re.compile(r"\bothers?\b|\bfurther\b|\bremaining\b", re.I)
#: "the seven", "all nine defendants", "these three": a group told of before.
_THE_COUNTED = re.compile(r"\b(?:the|all|these|those)\s+(?:of\s+the\s+)?([\w-]+)", re.I)


def _given_terms_apart(events: list[Event], verdict: Event) -> list[str]:
    """The people given terms of their own in the month of a counted verdict ("jailed seven
    men ... X, the ringleader, got 12 years"), unless the verdict is of the others."""
    # (the month: a lead and its story may date one verdict a day apart)
    month = verdict.date[:7] if verdict.date is not None else ""
    if verdict.type != "SENTENCE" or len(month) < len("2000-01"):
        return []
    if any(_OTHERS.search(e.text) for e in verdict.evidence):
        return []
    return [
        str(n)
        for e in events
        if e is not verdict and e.type == "SENTENCE" and (e.date or "")[:7] == month
        if {"term_years", "life"} & set(e.args)
        for n in e.args.get("defendant") or ()  # type: ignore[union-attr]
    ]


def _the_counted(event: Event, count: int) -> bool:
    """Whether ``event`` tells its people as a group of ``count`` told of before."""
    parse = normalizer("kronika.number.v1")
    return parse is not None and any(
        parse(m.group(1)) == count for e in event.evidence for m in _THE_COUNTED.finditer(e.text)
    )


def _own_mentions_joined(
    out: list[Event], before: list[Event], statements: set[int]
) -> list[Event]:
    """A member's own mention of the group's act ("at the time of his arrest"), told with
    no count and no term of its own, at a time that agrees or in the words that tell
    them a member, is the group's act."""
    grown = [i for i, (a, b) in enumerate(zip(out, before, strict=True)) if a is not b]
    dropped: set[int] = set()
    for i in grown:
        group = out[i]
        role = PEOPLE_ROLE[group.type]
        members = set(group.args.get(role) or ())  # type: ignore[arg-type]
        for j, one in enumerate(out):
            names = one.args.get(role)
            if (
                j == i
                or j in dropped
                or one.type != group.type
                or not isinstance(names, list)
                or not names
                or not set(names) <= members
                or "count" in one.args
                or {"term_years", "life"} & set(one.args)
                or not (
                    _dates_agree(group.date, one.date)
                    or any(e.start in statements for e in one.evidence)
                )
            ):
                continue
            told = replace(
                one, date=group.date or one.date, location=group.location or one.location
            )
            out[i] = group = union(group, told)
            dropped.add(j)
    return [e for k, e in enumerate(out) if k not in dropped]


def _dates_agree(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    size = min(len(a), len(b))
    return a[:size] == b[:size]


def _members(doc: Doc, mentions: MentionIndex) -> Iterator[_Member]:
    words = _words()
    if doc.lang_ == "ru":
        yield from _members_ru(doc, mentions, words)
        return
    for sent in doc.sents:
        for tok in sent:
            if tok.lower_ == "among" and tok.dep_ == "prep":
                yield from _among(tok, sent, mentions, words.among)
            elif tok.lower_ in words.longest and _of_a_term(tok):
                yield from (
                    _Member(n, sent, "SENTENCE", None, ranked=True) for n in _people(sent, mentions)
                )
            elif tok.lemma_ in words.led and tok.tag_ == "VBN":
                yield from _led_by(tok, sent, mentions)
            elif tok.lower_ == "including" and tok.dep_ == "prep":
                yield from _including(tok, sent, mentions, words.among)


def _of_a_term(word: Token) -> bool:
    """ "the longest term", "the harshest sentence, nine years": a term ranked."""
    noun = word.head if word.dep_ == "amod" else word
    return noun.lemma_ in ("term", "sentence", "punishment")


def _among(
    among: Token, sent: Span, mentions: MentionIndex, words: dict[str, str]
) -> Iterator[_Member]:
    """ "Among those convicted is X", "X was among those detained", "X, the only woman
    among the 13", "Among them was X"."""
    group = next((c for c in among.children if c.dep_ == "pobj"), None)
    if group is None:
        return
    kind: str | None = None
    count = None
    if group.lower_ not in ("them", "whom", "these"):
        told = [group, *(c for c in group.children if c.dep_ in ("acl", "amod", "relcl"))]
        kinds = [words[t.lower_] for t in told if t.lower_ in words]
        count = count_of(group)
        if not kinds and not isinstance(count, int):
            return  # "among the dead", "among the organisers": not people an act was done to
        kind = kinds[0] if kinds else None
    head = among.head
    if head.dep_ == "appos":
        people = [head.head]  # "X, the only woman among the 13"
    else:
        # "X was the only woman among the 13", "Among those convicted is X"
        be = head.head if head.dep_ == "attr" else head
        if be.lemma_ != "be":
            return
        people = [c for c in be.children if c.dep_ in ("nsubj", "attr") and c is not head]
    for person in people:
        for name in _names_at(person, mentions):
            yield _Member(name, sent, kind, int(count) if isinstance(count, int) else None)


def _led_by(verb: Token, sent: Span, mentions: MentionIndex) -> Iterator[_Member]:
    """ "The five suspects were led by X": X was one of those five."""
    group = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if group is None or group.tag_ not in ("NNS", "CD"):
        return
    count = count_of(group)
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    for obj in by.children if by is not None else ():
        if obj.dep_ == "pobj":
            for name in _names_at(obj, mentions):
                yield _Member(name, sent, None, int(count) if isinstance(count, int) else None)


def _including(
    word: Token, sent: Span, mentions: MentionIndex, words: dict[str, str]
) -> Iterator[_Member]:
    """ "The arrested men, including X, were ...": one of the men the participle tells the
    act of (the event's own "including" is read with its people, :mod:`.patients`)."""
    group = word.head
    acts = [c for c in group.children if c.dep_ in ("amod", "acl") and c.lower_ in words]
    if group.tag_ != "NNS" or not acts or group.dep_ not in ("nsubj", "nsubjpass"):
        return
    for obj in word.children:
        if obj.dep_ == "pobj":
            for name in _names_at(obj, mentions):
                yield _Member(name, sent, words[acts[0].lower_], None)


def _names_at(token: Token, mentions: MentionIndex) -> list[str]:
    """The people named at ``token`` and at the names joined to it ("A and B")."""
    names: list[str] = []
    for tok in (token, *token.conjuncts):
        words = [tok, *(c for c in tok.children if c.dep_ == "compound")]
        found = next((f for t in words if (f := mentions.name_covering(t.idx)) is not None), None)
        if found is None:
            # "a commander identified as X", "an imam named X": the one the noun describes
            told = (mentions.name_covering(t.idx) for t in tok.subtree if t.ent_type_ == "PERSON")
            found = next((f for f in told if f is not None), None)
        if found is not None and found[1] == "PERSON" and found[0] not in names:
            names.append(found[0])
    return names


def _people(sent: Span, mentions: MentionIndex) -> list[str]:
    """The people named in ``sent`` who are not its speakers (lawyers, officials)."""
    names: list[str] = []
    for start, name in mentions.people_in(sent.start_char, sent.end_char):
        token = next((t for t in sent if t.idx == start), None)
        if token is None or name in names or _speaker(token):
            continue
        names.append(name)
    return names


def _speaker(token: Token) -> bool:
    head = token
    while head.dep_ == "compound":
        head = head.head
    near = {t.lower_ for t in token.doc[max(token.i - 3, 0) : token.i]}
    said = head.dep_ == "nsubj" and head.head.lemma_ in lexicon("claims")["claim_verbs"]
    return said or bool(near & _SPEAKERS) or head.dep_ == "poss"


def _members_ru(doc: Doc, mentions: MentionIndex, words: _Words) -> Iterator[_Member]:
    """ "Среди освобождённых — X", "Самый длительный срок получил X", "во главе с X"."""
    for sent in doc.sents:
        text = sent.text
        among = _AMONG_RU.search(text)
        if among is not None:
            word = among.group(1).lower()
            kind = next((t for w, t in words.among_ru.items() if word.startswith(w)), None)
            if kind is not None or word in ("них", "которых"):
                after = sent.start_char + among.end()
                for _at, name in mentions.people_in(after, sent.end_char):
                    yield _Member(name, sent, kind, None)
        if words.longest_ru.search(text):
            for _at, name in mentions.people_in(sent.start_char, sent.end_char):
                yield _Member(name, sent, "SENTENCE", None, ranked=True)
        if (by := words.led_ru.search(text)) is not None:
            after = sent.start_char + by.end()
            for _at, name in mentions.people_in(after, sent.end_char):
                yield _Member(name, sent, None, None)
