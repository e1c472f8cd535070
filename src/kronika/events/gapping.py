"""One verdict told for several people with the verb said once ("gapping").

"A was sentenced to 22 years, and B and C to 19 years"; "the court sentenced A
to 12 years and B to nine"; "A and B got 28 years, while C got 27". Each term
closes the group of people named since the term before it, and each group is
one SENTENCE event with its own term (the format's convention: one event per
term). Court, charges, date and place hold for all of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import partial

from spacy.tokens import Span

from ..model import ArgValue, Event
from ..normalize.dates import names_a_time
from ..normalize.numbers import Term, parse_number, parse_terms
from ..normalize.numbers_ru import parse_terms_ru
from ..resolve.mentions import MentionIndex

#: Arguments that belong to one group, not to the whole verdict.
_OWN = ("defendant", "count", "term_years", "term_min_years", "life")


def split_gapped(event: Event, sent: Span, mentions: MentionIndex) -> list[Event]:
    """``event`` once per group of people given their own term in ``sent``; else [event]."""
    names = event.args.get("defendant")
    text = sent.text
    if names == [] and sent.doc.lang_ != "ru" and "respectively" not in text:
        return _counted_groups(event, text)
    if not isinstance(names, list) or not names or "respectively" in text:
        return [event]
    # ("Сеитов и Муратов получили по 14 лет, Джемилев — 13 лет": the same in Russian)
    parse = partial(parse_terms_ru, each=True) if sent.doc.lang_ == "ru" else parse_terms
    terms = parse(text)
    ends = _term_ends(text, len(terms), parse)
    if terms and sent.doc.lang_ != "ru":
        # "A was sentenced to nine years and B to seven", "A got nine years, B eight years
        # and C six": the unit said once, or left out of the last
        elided = _elided_terms(text, ends[len(terms) - 1], terms[-1])
        ends = ends[: len(terms)] + [end for _, end in elided]
        terms += [term for term, _ in elided]
    if len(terms) < 2 or any(t.min_years is not None for t in terms):
        return [event]  # one term, or a range ("between 19 years and life")
    groups: list[list[str]] = [[] for _ in terms]
    for start, name in mentions.people_in(sent.start_char, sent.end_char):
        k = next((i for i, end in enumerate(ends) if start - sent.start_char < end), None)
        if k is not None and name not in groups[k]:
            groups[k].append(name)
    # the event's own people are among those given a term ("jailed A for seven years and B
    # for five"; "A received eight years, B and C six years each": the parse may lose A);
    # every term needs somebody to be given it
    everyone = {name for group in groups for name in group}
    if not set(names) <= everyone or not all(groups):
        return [event]
    base = {k: v for k, v in event.args.items() if k not in _OWN}
    return [
        replace(event, args={**base, "defendant": group, **term_args(term)})
        for group, term in zip(groups, terms, strict=True)
    ]


#: A number given as a term with its unit left out: "and B to seven", "and C for eight",
#: "and Sharipov eight" (a number right after a capitalized word, not a month's: each
#: term still needs its people).
_ELIDED = re.compile(
    r"\b(?:(?i:to|for)|(?P<name>[A-Z][\w'’-]*[a-z]))\s+(?P<number>\d+(?:\.\d+)?|[a-z]+(?:-[a-z]+)?)"
    r"(?=\s*(?:[.,;)]|$|\band\b|\bwhile\b|\beach\b))"
)


def _elided_terms(text: str, after: int, first: Term) -> list[tuple[Term, int]]:
    """The terms told after the first one with their unit left out, and where each ends."""
    if first.years is None or first.life:
        return []
    months = "month" in text[max(0, after - 8) : after].lower()  # "18 months" just before
    found: list[tuple[Term, int]] = []
    for match in _ELIDED.finditer(text, after):
        if match.group("name") and names_a_time(match.group("name")):
            continue  # "on March 13": a day, not a term
        value = parse_number(match.group("number"))
        if value is None or not 0 < value <= 60:
            continue
        found.append((Term(years=round(value / 12, 2) if months else value), match.end()))
    return found


def _term_ends(text: str, count: int, parse: Callable[[str], list[Term]]) -> list[int]:
    """The char offset (in ``text``) where each of the first ``count`` terms is complete."""
    ends: list[int] = []
    for end in range(1, len(text) + 1):
        if end < len(text) and text[end].isalnum():
            continue  # only at word ends
        while len(ends) < count and len(parse(text[:end])) > len(ends):
            ends.append(end)
        if len(ends) == count:
            break
    return ends + [len(text)] * (count - len(ends))


def term_args(term: Term) -> dict[str, ArgValue]:
    """A verdict's term arguments: ``life``, or ``term_years``."""
    if term.life:
        return {"life": True}
    return {"term_years": term.years} if term.years is not None else {}


def has_term(event: Event) -> bool:
    """Whether a verdict gives its term (years or life)."""
    return event.args.get("term_years") is not None or event.args.get("life") is not None


def term_of_some(verdict: Event, part: Event) -> bool:
    """Whether ``part`` gives a term to some, not all, of the people of a ``verdict`` told
    without one ("The court sentenced A and B on March 13. A got nine years and B eight")."""
    if verdict.type != "SENTENCE" or has_term(verdict) or not has_term(part):
        return False
    whole, some = verdict.args.get("defendant"), part.args.get("defendant")
    return isinstance(whole, list) and isinstance(some, list) and set(some) < set(whole)


#: People counted and given a term, one group after another: "two Tajik women to life
#: imprisonment and a Kazakh woman to 15 years".
_COUNTED_TERM = re.compile(
    r"(?P<count>\b(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+))"
    r"\s+(?:[\w-]+\s+){0,3}?(?P<noun>men|women|man|woman|people|others|defendants|members"
    r"|[a-z]+s)\s+(?:to|for)\s+"
    r"(?P<term>[^,;]*?(?:years?|months?|life(?: imprisonment| in prison)?))"
    r"(?=\s*(?:,|;|\.|and\b|$|\bfor\b|\bon\b))"
)


def _counted_groups(event: Event, text: str) -> list[Event]:
    """ "sentenced two Tajik women to life imprisonment and a Kazakh woman to 15 years": one
    event per group of people counted, each with its own term; else [event]."""
    found = list(_COUNTED_TERM.finditer(text))
    if len(found) < 2:
        return [event]
    parts: list[Event] = []
    for match in found:
        count = parse_number(match.group("count")) or (
            1 if match.group("count")[0] in "aA" else None
        )
        terms = parse_terms(match.group("term"))
        if count is None or len(terms) != 1:
            return [event]
        args = {k: v for k, v in event.args.items() if k not in _OWN}
        parts.append(
            replace(event, args={**args, "defendant": [], "count": count, **term_args(terms[0])})
        )
    return parts
