"""Russian date phrases to ISO strings at the precision the text gives.

"13 февраля 2025 года" → "2025-02-13"; "в декабре прошлого года" → the December before
the reference year; "в 2015 году" → "2015"; "вчера", "в пятницу", "в прошлом месяце"
against the reference (the article's date), never more precise than it.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .dates import _parse_ref, _Ref

_MONTH_STEMS = (
    "январ", "феврал", "март", "апрел", "ма", "июн",
    "июл", "август", "сентябр", "октябр", "ноябр", "декабр",
)  # fmt: skip
_MONTH = (
    r"(?:январ[ьяе]|феврал[ьяе]|март[ае]?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|август[ае]?"
    r"|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе])"
)
_YEAR = r"(?:1[89]|20)\d{2}"
_YEAR_WORD = r"(?:\s*(?:года|году|год|г\.))"
_WHICH = r"(?:прошлого|минувшего|этого|текущего|нынешнего|позапрошлого|следующего)"
_WEEKDAYS = ("понедельник", "вторник", "сред", "четверг", "пятниц", "суббот", "воскресень")
_WEEKDAY = r"(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)"

#: A count of days, weeks, months or years in words or figures: "два", "15", "несколько".
_COUNT = r"(?:\d{1,3}|[а-яё]+)"
_UNIT = (
    r"(?:час(?:а|ов)?|дн[яей]|день|сутки|сут(?:ок)?|недел[юиь]|месяц(?:а|ев)?|год(?:а)?|лет)"
    r"(?![а-яё])"
)

_FORMS: tuple[tuple[str, str], ...] = (
    ("dmy", rf"(\d{{1,2}})\s+({_MONTH})\s+({_YEAR}){_YEAR_WORD}?"),
    ("dm_which", rf"(\d{{1,2}})\s+({_MONTH})\s+({_WHICH})\s+года"),
    ("numeric", r"(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})"),
    ("my", rf"({_MONTH})\s+({_YEAR}){_YEAR_WORD}?"),
    ("m_which", rf"({_MONTH})\s+({_WHICH})\s+года"),
    ("dm", rf"(\d{{1,2}})\s+({_MONTH})"),
    ("m", rf"(?<=[вВ]\s)({_MONTH})|(?<=[сС]\s)({_MONTH})|(?<=конце\s)({_MONTH})"),
    # ("в 2019-м": the year told short, its noun left out)
    ("y", rf"({_YEAR}){_YEAR_WORD}|(?<=[вВ]\s)({_YEAR})-[мй](?![а-яё])"),
    ("y_which", r"(?:в|во)\s+(прошлом|минувшем|этом|текущем|позапрошлом)\s+году"),
    ("month_which", r"(?:в|во)\s+(прошлом|этом|текущем)\s+месяце"),
    ("week_which", r"на\s+(прошлой|этой)\s+неделе"),
    ("word", r"(позавчера|вчера|сегодня|накануне)"),
    # told against the date before it (see events.running): "спустя два месяца"
    ("later", rf"(?:спустя|через)\s+(?:{_COUNT}\s+)?{_UNIT}|{_COUNT}\s+{_UNIT}\s+спустя"),
    ("same", r"в\s+том\s+же\s+(?:году|месяце)"),
    (
        "weekday",
        rf"(?<=[вВ]о\s)({_WEEKDAY})|(?<=[вВ]\s)({_WEEKDAY})"
        # "в ночь на понедельник": the night that ends on that morning
        rf"|(?<=ночь\sна\s)({_WEEKDAY})"
        rf"|(?<=[вВ]о\s)(?:минувш|прошл)\w+\s+({_WEEKDAY})|(?<=[вВ]\s)(?:минувш|прошл)\w+\s+({_WEEKDAY})",
    ),
)
_FIND = re.compile("|".join(rf"(?P<{name}>{pattern})" for name, pattern in _FORMS), re.IGNORECASE)
_FUTURE_SLACK = timedelta(days=7)


def _month(word: str) -> int:
    word = word.lower()
    for number, stem in enumerate(_MONTH_STEMS, start=1):
        if word.startswith(stem) and (stem != "ма" or word[:3] in ("май", "мая", "мае")):
            return number
    raise ValueError(word)


def _year_of(which: str, ref: _Ref) -> int:
    offsets = {"позапрошл": -2, "прошл": -1, "минувш": -1, "следующ": 1}
    stem = next((k for k in offsets if which.lower().startswith(k)), "")
    return ref.year + offsets.get(stem, 0)


def _yearless(month: int, day: int | None, ref: _Ref) -> str:
    """A month (and day) without a year: the reference year, or the one before if later."""
    year = ref.year
    candidate = date(year, month, day or 1)
    if candidate > ref.end() + _FUTURE_SLACK:
        year -= 1
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")


def find_date_phrases(text: str) -> list[tuple[int, int]]:
    """The char spans of the Russian date phrases in ``text``."""
    return [m.span() for m in _FIND.finditer(text) if m.group(0).strip()]


def normalize_date_ru(text: str, reference: str | None = None) -> str | None:
    """Return the ISO date the Russian phrase ``text`` means, or None."""
    match = _FIND.search(text) or _FIND.search("в " + text)  # "апреле" cut from "в апреле"
    if match is None or match.lastgroup is None:
        return None
    ref = _parse_ref(reference)
    groups = [g for g in match.groups() if g is not None][1:]
    try:
        return _resolve(match.lastgroup, groups, ref)
    except ValueError:
        return None


def _resolve(form: str, g: list[str], ref: _Ref | None) -> str | None:
    if form == "dmy":
        return date(int(g[2]), _month(g[1]), int(g[0])).isoformat()
    if form == "numeric":
        return date(int(g[2]), int(g[1]), int(g[0])).isoformat()
    if form == "my":
        return f"{int(g[1]):04d}-{_month(g[0]):02d}"
    if form == "y":
        return g[0]
    if ref is None:
        return None
    if form == "dm_which":
        return date(_year_of(g[2], ref), _month(g[1]), int(g[0])).isoformat()
    if form == "m_which":
        return f"{_year_of(g[1], ref):04d}-{_month(g[0]):02d}"
    if form == "dm":
        return _yearless(_month(g[1]), int(g[0]), ref)
    if form == "m":
        return _yearless(_month(g[0]), None, ref)
    if form == "y_which":
        return str(_year_of(g[0], ref))
    if form == "month_which":
        return ref.months(-1 if g[0].lower().startswith("прошл") else 0)
    if form == "week_which":
        return ref.days(-7 if g[0].lower().startswith("прошл") else 0)
    if form in ("later", "same"):
        return None  # resolved against the date told before (events.running)
    if form == "word":
        offset = {"позавчера": -2, "вчера": -1, "накануне": -1}.get(g[0].lower(), 0)
        return ref.days(offset)
    return _weekday(g[0], ref)


def _weekday(word: str, ref: _Ref) -> str:
    if ref.day is None:
        return ref.iso_month()
    index = next(i for i, stem in enumerate(_WEEKDAYS) if word.lower().startswith(stem))
    today = date(ref.year, ref.month or 1, ref.day)
    return ref.days(-((today.weekday() - index) % 7))
