"""Date phrases to ISO strings at the precision the text gives ("2016", "2016-12", "2016-12-01").

Relative phrases ("yesterday", "last week", "on Sunday", "in January this
year") are resolved against a reference date, normally the article's
publication date, and never come out more precise than that reference.
Absolute phrases are parsed with dateparser (its ``period`` is the precision), except the
commonest plain forms ("March 5, 2019", "5 March", "May 2014"), read directly the same way.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from .numbers import parse_number

#: Month names and their short forms, lower case, as a regex alternation.
MONTH_NAMES = (
    r"january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
)
_MONTH = rf"(?:{MONTH_NAMES})\.?"
_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = "|".join(_WEEKDAY_NAMES)
_SEASONS = {"spring": 4, "summer": 7, "autumn": 10, "fall": 10, "winter": 1}
_YEAR = r"(?:1[89]|20)\d{2}"
_PREFIX = re.compile(
    r"^(?:on|in|since|by|during|from|of|at|until|till|before|after|as of|the|late|early)\s+",
    re.I,
)
# An absolute phrase needs one of these, or dateparser would read "Group 24" as a date.
_HAS_DATE = re.compile(rf"\b(?:{MONTH_NAMES})\b|\d{{1,4}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}|\b{_YEAR}\b")
_HAS_YEAR = re.compile(rf"\b{_YEAR}\b|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2}}\b|'\d{{2}}\b")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
# A yearless date more than this after the reference belongs to the year before (news
# reports the past; a few days allow for a late or approximate publication date).
_FUTURE_SLACK = timedelta(days=7)


@dataclass(frozen=True, slots=True)
class _Ref:
    year: int
    month: int | None = None
    day: int | None = None

    def end(self) -> date:
        """The last day the reference can mean."""
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return date(self.year, month, day)

    def days(self, offset: int) -> str:
        """ISO date ``offset`` days from the reference, at the reference's precision."""
        if self.day is None:
            return self.iso_month()
        return (date(self.year, self.month or 1, self.day) + timedelta(days=offset)).isoformat()

    def months(self, offset: int) -> str:
        if self.month is None:
            return str(self.year) if offset == 0 else str(self.year + (offset - 11) // 12)
        index = self.year * 12 + self.month - 1 + offset
        return f"{index // 12:04d}-{index % 12 + 1:02d}"

    def iso_month(self) -> str:
        return f"{self.year:04d}-{self.month:02d}" if self.month else str(self.year)


_TIME_WORD = re.compile(rf"(?:{MONTH_NAMES}|{_WEEKDAY}|{'|'.join(_SEASONS)})", re.I)


def names_a_time(word: str) -> bool:
    """Whether ``word`` names a month, a weekday or a season ("May", "Friday", "autumn")."""
    return _TIME_WORD.fullmatch(word) is not None


def _parse_ref(reference: str | None) -> _Ref | None:
    if not reference:
        return None
    match = re.match(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", reference.strip())
    if match is None:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    if year is None or (month is not None and not 1 <= month <= 12):
        return None
    if (
        month is not None
        and day is not None
        and not 1 <= day <= calendar.monthrange(year, month)[1]
    ):
        day = None
    return _Ref(year, month, day)


def _clean(text: str) -> str:
    phrase = re.sub(r"\s+", " ", text.strip().lower()).strip(" ,.;:()")
    # "last year's pardon", "Tuesday's attack": the date a noun is of
    phrase = re.sub(r"['’]s$", "", phrase)
    while (match := _PREFIX.match(phrase)) is not None:
        phrase = phrase[match.end() :]
    return phrase


def _weekday(name: str, ref: _Ref, *, before: bool = False) -> str:
    """The most recent such day, the reference day included (news reports the past); with
    ``before`` ("last Tuesday" written on a Tuesday) the one a week back."""
    if ref.day is None:
        return ref.iso_month()
    today = date(ref.year, ref.month or 1, ref.day)
    back = (today.weekday() - _WEEKDAY_NAMES.index(name)) % 7
    return ref.days(-(back or (7 if before else 0)))


def _season(season: str, which: str, ref: _Ref) -> str:
    if which == "this" or ref.month is None:
        return str(ref.year)
    return str(ref.year if ref.month > _SEASONS[season] else ref.year - 1)


def _ago(amount: str, unit: str, ref: _Ref) -> str | None:
    number = parse_number(amount) if amount not in ("a", "an") else 1
    if number is None:
        return None
    count = int(number)
    if unit.startswith("day"):
        return ref.days(-count)
    if unit.startswith("week"):
        return ref.days(-7 * count)
    if unit.startswith("month"):
        return ref.months(-count)
    return str(ref.year - count)


def _month_of_year(match: re.Match[str], ref: _Ref) -> str:
    month = _month_number(match.group(1))
    year = ref.year + {"this": 0, "last": -1, "next": 1}[match.group(2)]
    return f"{year:04d}-{month:02d}"


def _month_number(name: str) -> int:
    key = name.strip(".")[:3]
    return [m.lower() for m in calendar.month_abbr].index(key)


_Resolver = Callable[[re.Match[str], _Ref], "str | None"]
_DAYTIME = r"(?: (?:morning|afternoon|evening|night))?"
# Relative phrases, tried in order against the whole (cleaned) phrase.
_RELATIVE: tuple[tuple[re.Pattern[str], _Resolver], ...] = tuple(
    (re.compile(pattern), resolve)
    for pattern, resolve in (
        (r"(?:today|tonight|this (?:morning|afternoon|evening))", lambda m, r: r.days(0)),
        (rf"(?:yesterday|last night){_DAYTIME}", lambda m, r: r.days(-1)),
        (
            rf"(last |this past |past |this )?({_WEEKDAY}){_DAYTIME}",
            lambda m, r: _weekday(m.group(2), r, before=bool(m.group(1)) and "this " != m.group(1)),
        ),
        # "over the weekend", "last weekend": its Saturday, the last one before the report
        (
            r"(?:(?:over|during|at|on) )?(?:the |last |this past |past )?weekend",
            lambda m, r: _weekday("saturday", r),
        ),
        (r"(?:last|past|previous) week|a week ago", lambda m, r: r.days(-7)),
        (r"(?:this|earlier this|later this) week", lambda m, r: r.days(0)),
        (r"(?:last|past|previous) month|a month ago", lambda m, r: r.months(-1)),
        (r"(?:this|earlier this|later this|early this|late this) month", lambda m, r: r.months(0)),
        (
            r"(?:early |late |earlier |later )?(?:last|past|previous) year|a year ago",
            lambda m, r: str(r.year - 1),
        ),
        (r"(?:early |late |earlier |later )?this year", lambda m, r: str(r.year)),
        (
            r"(last|this|past) (spring|summer|autumn|fall|winter)",
            lambda m, r: _season(m.group(2), m.group(1), r),
        ),
        (rf"({_MONTH}),? (?:of )?(this|last|next) year", _month_of_year),
        (
            r"([a-z0-9-]+|a|an) (days?|weeks?|months?|years?) ago",
            lambda m, r: _ago(m.group(1), m.group(2), r),
        ),
    )
)


def _relative(phrase: str, ref: _Ref | None) -> tuple[bool, str | None]:
    """Resolve a relative phrase; the flag says whether ``phrase`` was one."""
    for pattern, resolve in _RELATIVE:
        match = pattern.fullmatch(phrase)
        if match is not None:
            return True, (None if ref is None else resolve(match, ref))
    return False, None


#: The commonest written dates, read without dateparser (whose first use costs a second):
#: "March 5, 2019", "5 March 2019", "March 2019", "March 5", "5 March", "March".
_PLAIN = (
    re.compile(rf"(?P<month>{_MONTH}) (?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,? (?P<year>{_YEAR}))?"),
    re.compile(rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)? (?P<month>{_MONTH}),?(?: (?P<year>{_YEAR}))?"),
    re.compile(rf"(?P<month>{_MONTH}),?(?: (?P<year>{_YEAR}))?"),
)
_MONTH_NUMBER = {
    name: n
    for n, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}


def _plain_date(phrase: str, ref: _Ref | None) -> str | None:
    """A date written in one of the common plain forms, as dateparser reads it; else None."""
    for pattern in _PLAIN:
        match = pattern.fullmatch(phrase)
        if match is not None:
            break
    else:
        return None
    month = _MONTH_NUMBER[match.group("month").rstrip(".")]
    day_text = match.groupdict().get("day")
    year_text = match.group("year")
    if year_text is None and ref is None:
        return None
    year = int(year_text) if year_text else ref.end().year  # type: ignore[union-attr]
    if day_text is None:
        found = date(year, month, 1)
    else:
        day = int(day_text)
        if not 1 <= day <= calendar.monthrange(year, month)[1]:
            return None  # (left to dateparser, which may read it otherwise)
        found = date(year, month, day)
    if year_text is None and ref is not None and found > ref.end() + _FUTURE_SLACK:
        found = found.replace(year=year - 1) if (month, found.day) != (2, 29) else found
    if day_text is None:
        return f"{found.year:04d}-{found.month:02d}"
    return found.isoformat()


#: "14.05.2017", "3.4.2016": day, month and year, as dotted dates are written everywhere.
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")


def _dotted(phrase: str) -> str | None:
    match = _DOTTED.fullmatch(phrase)
    if match is None:
        return None
    day, month, year = (int(g) for g in match.groups())
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return date(year, month, day).isoformat()


_SLASHED = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def _slashed(phrase: str, ref: _Ref | None) -> str | None:
    """ "06/01/2018": month first, as American usage has it, unless that day is invalid or
    lies after the reference (a report of 8 January 2018 tells of the 6th of January)."""
    match = _SLASHED.fullmatch(phrase)
    if match is None:
        return None
    first, second, year = (int(g) for g in match.groups())
    readings = []
    for month, day in ((first, second), (second, first)):
        if 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]:
            readings.append(date(year, month, day))
    if ref is not None:
        past = [d for d in readings if d <= ref.end()]
        readings = past or readings
    return readings[0].isoformat() if readings else None


@lru_cache(maxsize=64)
def _parser(base: datetime) -> object:
    """One dateparser per reference base; they are cheap but their first use is not."""
    from dateparser.date import DateDataParser  # slow import, needed only for absolute dates

    return DateDataParser(
        languages=["en"],
        settings={
            "PREFER_DATES_FROM": "current_period",
            "PREFER_DAY_OF_MONTH": "first",
            "RELATIVE_BASE": base,
            "DATE_ORDER": "MDY",
        },
    )


#: Number words that may follow a year in a span the model ran on: "2009 five (men)".
_COUNT_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?"


def _absolute(phrase: str, ref: _Ref | None) -> str | None:
    phrase = re.sub(
        rf"^(?:early|late|mid|middle of|end of|beginning of|the end of)[- ]+(?={_YEAR}"
        rf"|{MONTH_NAMES})",
        "",
        phrase,
    )
    if re.fullmatch(_YEAR, phrase):
        return phrase
    counted = re.fullmatch(rf"(?:the )?(?:year )?({_YEAR}),? (?:\d{{1,3}}|{_COUNT_WORDS})", phrase)
    if counted is not None:
        return counted.group(1)  # "in 2009 five young men ...": the model's span ran on
    if not _HAS_DATE.search(phrase):
        return None
    has_year = _HAS_YEAR.search(phrase) is not None
    if not has_year and ref is None:
        return None
    quick = _plain_date(phrase, ref) or _dotted(phrase) or _slashed(phrase, ref)
    if quick is not None:
        return quick
    base = ref.end() if ref is not None else date(2000, 12, 31)
    data = _parser(datetime(base.year, base.month, base.day)).get_date_data(phrase)  # type: ignore[attr-defined]
    found: datetime | None = data.date_obj
    if found is None:
        return None
    if not has_year and ref is not None and found.date() > ref.end() + _FUTURE_SLACK:
        found = found.replace(year=found.year - 1)
    if data.period == "year":
        return f"{found.year:04d}"
    if data.period == "month":
        return f"{found.year:04d}-{found.month:02d}"
    return found.date().isoformat()


@lru_cache(maxsize=4096)
def normalize_date(text: str, reference: str | None = None) -> str | None:
    """Return the ISO date ``text`` means, at the precision it gives, or None.

    Args:
        text: a date phrase: "December 1, 2016", "on December 1", "last week", "in 2014".
        reference: ISO date the phrase is relative to (the article's date), at any precision.
    """
    if _CYRILLIC.search(text):
        from .dates_ru import normalize_date_ru

        return normalize_date_ru(text, reference)
    phrase = _clean(text)
    if not phrase:
        return None
    # "14-15 March", "14 to 15 March", "March 14-15": days of one month, from the first
    phrase = _DAYS_AFTER.sub(r"\1 \2", phrase)
    phrase = _DAYS_BEFORE.sub(r"\1 \2", phrase)
    span = _RANGE.fullmatch(phrase) or _RANGE.fullmatch(f"from {phrase}")
    if span is not None:
        return _range(span.group(1), span.group(2), reference)
    ref = _parse_ref(reference)
    relative, value = _relative(phrase, ref)
    if relative:
        return value
    return _absolute(phrase, ref)


#: Days of one month told as a span: "14-15 March", "14 to 15 March", "March 14-15".
_DAY_SPAN = r"(\d{1,2})(?:st|nd|rd|th)?\s*(?:-|–|to|and)\s*\d{1,2}(?:st|nd|rd|th)?"
_DAYS_AFTER = re.compile(rf"\b(?:between |from )?{_DAY_SPAN} ({_MONTH})")
_DAYS_BEFORE = re.compile(rf"\b(?:between |from )?({_MONTH}) {_DAY_SPAN}\b")

#: "between May and July", "from March to May 2019": a stretch of time.
_RANGE = re.compile(r"(?:between|from) (.+?) (?:and|to|until|till|through) (.+)")


def _range(first: str, last: str, reference: str | None) -> str | None:
    """What two ends of a stretch share: "between May and July 2022" is 2022."""
    end = normalize_date(last, reference)
    if end is None:
        return None
    start = normalize_date(first if _HAS_YEAR.search(first) else f"{first} {end[:4]}", None)
    if start is None:
        start = normalize_date(first, reference)
    if start is None:
        return None
    # the parts agree from the year down as far as they go
    parts = []
    for a, b in zip(start.split("-"), end.split("-"), strict=False):
        if a != b:
            break
        parts.append(a)
    return "-".join(parts) or None


_FIND = re.compile(
    r"(?<!\w)(?:"
    + "|".join(
        rf"(?:{p})"
        for p in (
            rf"{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?,? {_YEAR}",
            rf"\d{{1,2}}(?:st|nd|rd|th)? (?:of )?{_MONTH},? {_YEAR}",
            rf"{_MONTH},? (?:of )?(?:this|last|next) year",
            rf"{_MONTH},? {_YEAR}",
            rf"(?<![\d/])\d{{1,2}}/\d{{1,2}}/\d{{2,4}}(?![\d/])|\b{_YEAR}-\d{{2}}-\d{{2}}",
            rf"(?:(?<=on )|(?<=since )|(?<=by )|(?<=until )){_MONTH} \d{{1,2}}(?:st|nd|rd|th)?",
            rf"(?!may )(?:{_MONTH}) \d{{1,2}}(?:st|nd|rd|th)?(?![\d,])",
            rf"\d{{1,2}}(?:st|nd|rd|th)? (?:of )?{_MONTH}",
            rf"(?:(?<=in )|(?<=since )|(?<=during )|(?<=until )|(?<=by )|(?<=early )|(?<=late )"
            rf"|(?<=mid-)){_MONTH}",
            rf"(?:(?<=in )|(?<=since )|(?<=during )|(?<=until )|(?<=by )|(?<=early )|(?<=late )"
            rf"|(?<=mid-)|(?<=of )){_YEAR}",
            r"yesterday|today|last night",
            rf"(?:last |this past |on )(?:{_WEEKDAY})",
            r"(?:last|this|past|previous|earlier this) (?:week|month|year)",
            r"(?:last|this|past) (?:spring|summer|autumn|fall|winter)",
            r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
            r" (?:days?|weeks?|months?|years?) ago",
        )
    )
    + r")(?!\w)",
    re.IGNORECASE,
)


def find_dates(text: str, reference: str | None = None) -> list[tuple[int, int, str]]:
    """Return ``(start, end, iso)`` for every date phrase in ``text`` that resolves."""
    found: list[tuple[int, int, str]] = []
    for match in _FIND.finditer(text):
        start, end = match.span()
        phrase = match.group(0)
        if phrase.lower().startswith("on "):
            start += 3
        value = normalize_date(phrase, reference)
        if value is not None:
            found.append((start, end, value))
    return found
