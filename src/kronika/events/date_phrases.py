"""The phrases of a sentence that may tell a date, and the date a dateline leads with.

DATE entities (cut at commas, without terms of years), day shifts ("the previous
evening"), numeric dates and years that name an act ("the 2016 attack"), each
with the index of its first token; ``event_date`` (:mod:`.dates`) chooses among them.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..normalize.dates import MONTH_NAMES
from .people import about_people
from .records import record_date
from .running import THAT_YEAR, cached_date
from .spans import YEAR, doc_text, normalizer, sent_ents

_DAY_NAMED = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march"
    r"|april|may|june|july|august|september|october|november|december)\b",
    re.I,
)
#: A time of the report's own day (or the night before it): "this morning", "last night".
_THIS_TIME = re.compile(r"(?:this|last) (?:morning|afternoon|evening|night)|tonight", re.I)
_DURATION = re.compile(r"\b(years?|months?|weeks?|days?|hours?)\b", re.I)
_RELATIVE = re.compile(r"\b(last|this|next|ago|earlier|previous|later|that|same|following)\b", re.I)
_NUMERIC_DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\b")
#: Days counted from the date told before: "the previous evening", "a day earlier".
DAY_SHIFT = re.compile(
    r"\b(?:that|the same) (day|evening|night|morning|afternoon)\b"
    r"|\bthe (previous|following|next) (?:day|evening|night|morning|afternoon)\b"
    r"|\bthe (?:day|night) (before|after)\b"
    # ("three days after the attack": counted from the day the act before was told)
    r"|\b(a|one|two|three|four|five|six|seven|\d{1,2}) days? (earlier|before|later|after)\b",
    re.I,
)


#: Years counted from the year told before: "the following year", "two years later".
YEAR_SHIFT = re.compile(
    r"(?:the )?(following|next|previous) year"
    r"|(a|one|two|three|four|five|\d{1,2}) years? (later|earlier|before)",
    re.I,
)


def date_phrases(sent: Span) -> list[tuple[int, str]]:
    """Candidate date phrases of a sentence as (token index, text); durations and ages left out.

    Read once per sentence: every trigger, and every sentence after it in its paragraph,
    asks again.
    """
    cache: dict[tuple[int, int], list[tuple[int, str]]] = sent.doc.user_data.setdefault(
        "kronika.date_phrases", {}
    )
    key = (sent.start, sent.end)
    if key not in cache:
        cache[key] = _find_phrases(sent)
    return cache[key]


_SOME_DAY = re.compile(r"a ", re.IGNORECASE)
_HOW_OFTEN = re.compile(r"(?:bi-?)?(?:daily|nightly|weekly|monthly|yearly|annual|quarterly)", re.I)
_SOME_WEEKDAY = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)


def _a_birth(ent: Span) -> bool:
    """Whether a date is told as someone's birth: "born 1985", "born in 1990", "b. 1979"."""
    doc = ent.doc
    before = [t.lower_ for t in doc[max(0, ent.start - 2) : ent.start]]
    return "born" in before or before[-1:] == ["b."]


def _find_phrases(sent: Span) -> list[tuple[int, str]]:
    found = []
    for ent in sent_ents(sent):
        # "on Sunday night", "Monday evening", "this morning", "last night": the model tags a
        # day with its time as TIME
        timed_day = _DAY_NAMED.search(ent.text) or _THIS_TIME.fullmatch(ent.text)
        if ent.label_ != "DATE" and not (ent.label_ == "TIME" and timed_day):
            continue
        some = _SOME_DAY.match(ent.text) or (ent.start > 0 and ent.doc[ent.start - 1].lower_ == "a")
        if some and _SOME_WEEKDAY.match(ent.text.removeprefix("a ").removeprefix("A ")):
            continue  # "on a Sunday evening in March 2022": some Sunday, not this week's
        if _names_a_law(ent):
            continue  # "under the 2018 Terrorism Law": the law's name, not a date
        if _HOW_OFTEN.fullmatch(ent.text):
            continue  # "the weekly market", "a daily patrol": how often, not when
        if _a_birth(ent):
            continue  # "Kamol Ergashev, born 1985, was jailed": when he was born
        for part in _comma_parts(ent):
            text = part.text
            if "-old" in text or text.strip().isdigit() and len(text.strip()) < 4:
                continue
            if _DURATION.search(text) and not _RELATIVE.search(text):
                continue
            # "12 June 2019": the model may leave the day before the month outside
            before = sent.doc[part.start - 1] if part.start > sent.start else None
            if before is not None and _DAY.fullmatch(before.text) and _MONTH.match(text):
                text = f"{before.text} {text}"
            # "in March that year": the model often leaves the words pointing back outside
            after = THAT_YEAR.match(doc_text(sent.doc), part.end_char)
            found.append((part.root.i, text + after.group(0) if after else text))
    for match in DAY_SHIFT.finditer(sent.text):
        # "escaped the previous evening": the model seldom tags these
        span = sent.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is not None and not any(span.start <= i < span.end for i, _ in found):
            found.append((span.root.i, match.group(0)))
    for match in _DAY_MONTH.finditer(sent.text):
        # "in the early hours of 12 May": a day and month the model left untagged
        span = sent.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is not None and not any(span.start <= i < span.end for i, _ in found):
            found.append((span.root.i, match.group(0)))
    for match in _NUMERIC_DATE.finditer(sent.text):
        span = sent.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is not None and all(span.root.i != i for i, _ in found):
            found.append((span.root.i, match.group(0)))
    for token in sent:
        # "a deadly 2016 attack", "the 2010 riots": a year the model took for a number
        if _year_of_a_noun(token) and all(i != token.i for i, _ in found):
            found.append((token.i, token.text))
    return found


_DAY = re.compile(r"0?[1-9]|[12]\d|3[01]")
_MONTH_NAMES = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
#: A day and a month written out, with the year if told: "12 May", "May 12, 2019".
_DAY_MONTH = re.compile(
    rf"\b(?:(?:0?[1-9]|[12]\d|3[01]) (?:{_MONTH_NAMES})(?: (?:19|20)\d\d)?"
    rf"|(?:{_MONTH_NAMES}) (?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?:,? (?:19|20)\d\d)?)\b"
)
_MONTH = re.compile(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s|$)", re.IGNORECASE
)


#: Words that end a law's name: "the 2018 Terrorism Law", "the 1998 Religion Act".
_LAW_WORDS = frozenset("law act code constitution amendment amendments decree".split())


def _names_a_law(ent: Span) -> bool:
    """A bare year in the name of a law: "under the 2018 Terrorism Law"."""
    if not (len(ent) == 1 and YEAR.fullmatch(ent.text)):
        return False
    after = ent.doc[ent.end : ent.end + 4]
    for token in after:
        if token.lower_ in _LAW_WORDS:
            return True
        if not token.text[:1].isupper() and token.text != "-":
            return False  # ("the 2018 Anti-Terrorism Law": a hyphen inside the name)
    return False


def _year_of_a_noun(token: Token) -> bool:
    """ "a deadly 2016 attack", "the 2010 riots", not "more than 1950 prisoners"."""
    if not _YEAR_WORD.fullmatch(token.text) or token.dep_ not in ("nummod", "compound", "amod"):
        return False
    head = token.head
    if token.ent_type_ == "DATE" or head.lemma_.lower() in ("year", "год"):
        return False  # told whole by a date phrase ("April 17, 2017", "в 2010 году")
    if head.pos_ != "NOUN" or about_people(head) or any(True for _ in token.children):
        return False  # "1950 prisoners", "more than 1900 protesters": a count
    # a determiner or a word describing the noun comes before the year
    return any(c.i < token.i and c.dep_ in ("det", "poss", "amod") for c in head.children)


_YEAR_WORD = re.compile(r"(19|20)\d\d")


def _comma_parts(ent: Span) -> list[Span]:
    """A date entity cut where the model ran two phrases together: "Sunday, days (after)",
    "Monday to 12 years".

    "June 5, 2016" is one date: a part that is only a year stays with the one before.
    """
    # "sentenced on Monday to 12 years": the model runs the day into the term after it
    # (a day or month named before "to", not a number: "from seven to 11 years" is a term)
    term = next(
        (t for t in ent if t.lower_ == "to" and t.i > ent.start and ent[-1].lemma_ in _TERMS),
        None,
    )
    if term is not None and any(t.pos_ == "PROPN" for t in ent.doc[ent.start : term.i]):
        ent = ent.doc[ent.start : term.i]
    parts: list[Span] = []
    start = ent.start
    for token in ent:
        if token.text == "," and token.i > start:
            parts.append(ent.doc[start : token.i])
            start = token.i + 1
    if start < ent.end:
        parts.append(ent.doc[start : ent.end])
    if len(parts) < 2:
        return [ent]
    if YEAR.fullmatch(parts[1][0].text):
        # "May 9, 2016 two (men)": the year closes the date; what follows is not of it
        return [ent.doc[ent.start : parts[1].start + 1]]
    if any(YEAR.fullmatch(p.text) for p in parts):
        return [ent]
    return parts


#: Words that end a term of imprisonment: "to 12 years", "to life".
_TERMS = frozenset("year month week life".split())


_MONTHS = f"(?i:{MONTH_NAMES})"

#: A date heading an item, as incident summaries and chronologies give it:
#: "03/14/2011: Assailants ...", "14 March 2011 - Gunmen ...", "March 14, 2011: ...",
#: "January 2017 - The Supreme Court declares ..." (a timeline's month), also as a list's
#: item ("- 2 June 2022: Officers detain ...", "• 2 June 2022 - ..."), or as a record's
#: labelled field ("Date: 1 June 2019. Location: ...").
LEADING = re.compile(
    r"\s*(?:[-–—•*]\s+)?(?P<label>(?:Date|Incident date|Date of incident):\s*)?"
    r"(?P<date>\d{1,2}/\d{1,2}/\d{4}|\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2}"
    r"|\d{1,2} [A-Z][a-z]+\.? \d{4}|[A-Z][a-z]+\.? \d{1,2},? \d{4}|(?:"
    + _MONTHS
    + r")\.? \d{4})\s*(?::\s*|(?:-|–|—|\|)\s|(?(label)[.;]\s|(?!)))"
)

#: A day heading an item of a weekly bulletin, its year the bulletin's: "17 June. Officers
#: detained ...", "June 17: ...".
DAY_HEADING = re.compile(
    r"\s*(\d{1,2} (?:" + _MONTHS + r")|(?:" + _MONTHS + r") \d{1,2})(?:\.|:|\s[-–—])\s+(?=[A-Z])"
)


def leading_date(sent: Span, published: str | None = None) -> str | None:
    """The date heading the paragraph of ``sent`` ("03/14/2011: ..."), normalized, or None.

    A day told without its year ("17 June. Officers detained ...") is read against
    ``published``, and is no heading without it.
    """
    text = doc_text(sent.doc)
    start = text.rfind("\n", 0, sent.start_char) + 1
    match = LEADING.match(text, start)
    if match is None:
        day = DAY_HEADING.match(text, start) if published else None
        norm = normalizer("kronika.date.v1")
        if day is None or norm is None:
            # "When: evening of 9 June 2010" on a line of its own: the record's date
            return record_date(sent, published)
        return cached_date(norm, day.group(1), published)
    unknown_day = _UNKNOWN_DAY.fullmatch(match.group("date"))
    if unknown_day is not None:
        # "06/00/2014:": a database's way of saying the day is not known
        month, year = int(unknown_day.group(1)), unknown_day.group(2)
        return f"{year}-{month:02d}" if 1 <= month <= 12 else year
    norm = normalizer("kronika.date.v1")
    # against the report's date: "06/01/2018" in a report of 8 January is the 6th of January
    return cached_date(norm, match.group("date"), published) if norm is not None else None


_UNKNOWN_DAY = re.compile(r"(\d{1,2})/0?0/(\d{4})")
