"""Date phrases resolved against the article: its running reference, the latest
explicit date (with its year) told before a phrase, and the words that point back
at it ("that year", "four months later").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from functools import cache
from typing import Any

from spacy.tokens import Doc

from .spans import doc_text, normalizer

#: Phrases that point back at the date told before them, not at the publication date.
ANAPHORIC = re.compile(
    r"\b(?:that|the same) (?:year|month)\b|\blater\b"
    r"|(?<!\w)(?:спустя|через\s)|(?<!\w)в\s+том\s+же\s+(?:году|месяце)",
    re.I,
)
THAT_YEAR = re.compile(r",?\s*(?:of\s+)?(?:that|the same) (?:year|month)\b", re.I)
_LATER = re.compile(
    r"^(?:some\s+)?([\w-]+|a|an)\s+(day|week|month|year)s?\s+later$",
    re.I,
)
YEAR_IN = re.compile(r"\b(?:1[89]|20)\d{2}\b")
NOW_RELATIVE = re.compile(
    r"\b(?:yesterday|today|tonight|ago|last|this|next|past|monday|tuesday|wednesday|thursday"
    r"|friday|saturday|sunday)\b",
    re.I,
)
#: How far back (in characters) a told date still sets the scene for a yearless one.
RUNNING_REACH = 1200


def running_reference(doc: Doc, at: int, *, same_paragraph: bool = False) -> str | None:
    """The latest explicit date (with its year) told before char ``at``, or None.

    With ``same_paragraph`` only a date in the paragraph of ``at`` counts.
    """
    best: str | None = None
    for start, iso in explicit_dates(doc):
        if start >= at:
            break
        if at - start <= RUNNING_REACH:
            best = iso
            if same_paragraph and "\n" in doc_text(doc)[start:at]:
                best = None
    return best


def explicit_dates(doc: Doc) -> list[tuple[int, str]]:
    """The article's explicit dates (with their year) as (start char, ISO date), found once."""
    dates = doc.user_data.get("kronika.explicit_dates")
    if not isinstance(dates, list):
        if doc.lang_ == "ru":
            found = _russian_dates(doc_text(doc))
        else:
            find = _find_dates()
            found = find(doc_text(doc), None) if find is not None else []
        dates = doc.user_data["kronika.explicit_dates"] = [(start, iso) for start, _, iso in found]
    return dates


def _russian_dates(text: str) -> list[tuple[int, int, str]]:
    """The Russian date phrases of ``text`` that give their year: "в апреле 2019 года"."""
    from ..normalize.dates_ru import find_date_phrases, normalize_date_ru

    found = []
    for start, end in find_date_phrases(text):
        iso = normalize_date_ru(text[start:end])
        if iso is not None:
            found.append((start, end, iso))
    return found


@cache
def _find_dates() -> Callable[..., list[tuple[int, int, str]]] | None:
    try:
        from ..normalize.dates import find_dates
    except ImportError:
        return None
    return find_dates


def in_context(
    norm: Callable[..., Any], text: str, published: str | None, running: str | None
) -> str | None:
    """Resolve a yearless phrase against the date the article told just before it.

    "released on February 3, 2015 ... shot dead on March 5" means March 2015, not
    the March before publication; "In September that year", "Four months later"
    point back by their words. A plain yearless phrase follows the running date
    only when the publication date cannot place it (unknown or year-only) or
    when the running date lies in an earlier year than publication.
    """
    if running is None or YEAR_IN.search(text):
        return None
    anaphoric = ANAPHORIC.search(text) is not None
    if not anaphoric:
        if NOW_RELATIVE.search(text):
            return None  # "last week", "on Monday": relative to publication
        if len(running) < 7:
            return None  # "in 2014 ... on March 5": a year alone does not place the day
        if published and len(published) >= 7 and running[:4] >= published[:4]:
            return None
    russian = _later_ru(text, running)
    if russian is not None:
        return russian
    phrase = THAT_YEAR.sub("", text).strip()
    later = _LATER.match(phrase)
    if later is not None:
        return _later(norm, later.group(1), later.group(2), running)
    year = int(running[:4])
    # "on February 16 of that year": the year told, even when the day came before
    same_year = THAT_YEAR.search(text) is not None
    for candidate_year in (year,) if same_year else (year, year + 1):
        value = cached_date(norm, f"{phrase} {candidate_year}", None)
        if value is None:
            return None
        if same_year or value[: len(running)] >= running[: len(value)]:
            return value
    return None


#: "спустя два месяца", "через год", "три года спустя", "в том же году".
_LATER_RU = re.compile(
    r"^(?:спустя|через)\s+(?:(?P<a>\S+)\s+)?(?P<u>[а-яё]+)$|^(?P<b>\S+)\s+(?P<v>[а-яё]+)\s+спустя$",
    re.I,
)
_SAME_RU = re.compile(r"^в\s+том\s+же\s+(году|месяце)$", re.I)
#: Russian units of time by their stems, as the English unit words.
_UNITS_RU = (("час", "hour"), ("дн", "day"), ("ден", "day"), ("сут", "day"),
             ("недел", "week"), ("месяц", "month"), ("год", "year"), ("лет", "year"))  # fmt: skip


def _later_ru(text: str, running: str) -> str | None:
    """A Russian phrase told against the date before it, or None if ``text`` is not one."""
    phrase = " ".join(text.split())
    same = _SAME_RU.match(phrase)
    if same is not None:
        return running[:4] if same.group(1).lower() == "году" else running[:7] or None
    found = _LATER_RU.match(phrase)
    if found is None:
        return None
    amount, unit = found.group("a") or found.group("b"), found.group("u") or found.group("v")
    english = next((e for stem, e in _UNITS_RU if unit.lower().startswith(stem)), None)
    if english is None:
        return None
    from ..normalize.numbers_ru import parse_number_ru

    count = parse_number_ru(amount) if amount else 1
    if not isinstance(count, int | float):
        return None
    return _shift(int(count), english, running)


def _later(norm: Callable[..., Any], amount: str, unit: str, running: str) -> str | None:
    """``running`` moved forward by "four months", at the running date's precision."""
    parse = normalizer("kronika.number.v1")
    number = 1 if amount.lower() in ("a", "an") else (parse(amount) if parse else None)
    if not isinstance(number, int | float):
        return None
    return _shift(int(number), unit.lower(), running)


def _shift(count: int, unit: str, running: str) -> str | None:
    """``running`` moved forward by ``count`` units ("hour", "day", "week", "month", "year")."""
    if unit == "hour":
        return running  # "спустя два часа": the same day (a night's turn aside)
    year = int(running[:4])
    if unit == "year":
        return f"{year + count:04d}" + running[4:7]
    if len(running) < 7:
        return None  # "four months later" after a year alone: the year may have turned
    month = int(running[5:7])
    if unit == "month":
        index = year * 12 + month - 1 + count
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    if len(running) == 10:
        # "через два дня после освобождения" after "10 июня": days from the day told
        days = count * (7 if unit == "week" else 1)
        return (date.fromisoformat(running) + timedelta(days=days)).isoformat()
    return running[:7]  # days or weeks after a month: the month is what is sure


@cache
def cached_date(norm: Callable[..., Any], text: str, published: str | None) -> str | None:
    value = norm(text, reference=published)
    return value if isinstance(value, str) else None


def normalize_phrase(norm: Callable[..., Any], text: str, published: str | None) -> str | None:
    words = text.split()
    # "late Sunday", "early hours of November 6": retry without the leading qualifier
    for start in range(min(3, len(words))):
        value = cached_date(norm, " ".join(words[start:]), published)
        if value:
            return value
    return None
