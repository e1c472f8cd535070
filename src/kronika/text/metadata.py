"""Find an article's title, outlet, author, date and language in its own text.

These are guesses from the first few lines (a title line, a dateline such as
``"DUSHANBE, January 9, 2017 —"``, a ``"By Name"`` byline). What a record or an
HTML page states always wins: :func:`describe` only fills fields still empty.
Dates are ISO strings at the precision given (``"2017"``, ``"2017-03"``,
``"2017-03-12"``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from importlib.resources import files
from typing import Any

from ..errors import RuleError
from ..model import Document
from ..yamlfile import load_yaml
from .furniture import normalize_line, strip_furniture

#: How many non-blank lines from the top are searched for a date, byline or outlet.
HEAD_LINES = 8

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
_TIME = (
    r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?"
    r"\s*(?:gmt|utc|[a-z]{3,4}|[+-]\d{2}:?\d{2})?)?"
)
_DATE_FORMS = tuple(
    re.compile(_WEEKDAY + form + _TIME, re.IGNORECASE)
    for form in (
        r"(?P<y>\d{4})-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?(?:t[\d:.]+(?:z|[+-]\d{2}:?\d{2})?)?",
        r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?P<mn>[a-z]{3,9})\.?,?\s+(?P<y>\d{4})",
        r"(?P<mn>[a-z]{3,9})\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})",
        r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})",
        r"(?P<mn>[a-z]{3,9})\.?,?\s+(?P<y>\d{4})",
    )
)
_LABEL = re.compile(
    r"(?:published|posted|updated|last updated|date|dated)(?:\s+on)?\s*[:\-–—]?\s*(?P<rest>.+)",
    re.IGNORECASE,
)
# "DUSHANBE, January 9, 2017 —", "BISHKEK (TCA) —", "DUSHANBE. Feb 7 (Interfax) -"
_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][A-Za-z.'’ -]{1,30})?)"
    r"(?:[,.]\s*(?P<date>[^()—–]{3,40}?))?\s*(?:\((?P<outlet>[^)]{2,40})\))?"
    r"\s*(?:—|–|--|-)(?:\s|$)"
)
_BYLINE = re.compile(
    r"(?i:by|written by|author:?)\s+(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})"
    r"\s*(?:[,|/–—-]\s*.{0,60})?"
)
_QUOTES = "\"'“”‘’«»„"
_SPACE = re.compile(r"\s+")


def parse_date(value: str) -> str | None:
    """Return ``value`` (a whole date string, time optional) as ISO, or None if it is not one."""
    text = value.strip().strip(" ,.|–—-")
    for form in _DATE_FORMS:
        match = form.fullmatch(text)
        if match is not None:
            return _iso(match.groupdict())
    return None


def _iso(parts: dict[str, str | None]) -> str | None:
    year = int(parts["y"] or 0)
    if parts.get("mn") is not None:
        name = (parts["mn"] or "").lower()
        month = _MONTHS.get(name[:4] if name.startswith("sept") else name[:3])
        if month is None or not _is_month_name(name):
            return None
    else:
        month = int(parts.get("m") or 0)
    day = int(parts.get("d") or 0)
    if not 1000 <= year <= 2999 or not 1 <= month <= 12:
        return None
    if not day:
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


@cache
def _is_month_name(name: str) -> bool:
    full = (
        "january february march april may june july august september october november december"
    ).split()
    return any(m.startswith(name) for m in full) and len(name) >= 3


def normalize_published(value: str) -> str:
    """Return a record's date as ISO when it can be read, else as given (the record wins)."""
    text = value.strip()
    iso = parse_date(text)
    if iso is None:
        # RFC 822, as in RSS: "Mon, 09 Jan 2017 10:00:00 +0000"
        match = re.match(r"(?:\w{3},\s+)?(\d{1,2}\s+\w{3,9}\s+\d{4})", text)
        iso = parse_date(match.group(1)) if match else None
    return iso or text


def find_date(text: str) -> str | None:
    """Return the article's own date from a date line, label or dateline near the top."""
    for line in _head(text):
        iso = parse_date(line)
        if iso is not None:
            return iso
        label = _LABEL.fullmatch(line)
        if label is not None:
            iso = parse_date(label.group("rest").split("|")[0])
            if iso is not None:
                return iso
        dateline = _DATELINE.match(line)
        if dateline is not None and dateline.group("date"):
            iso = parse_date(dateline.group("date"))
            if iso is not None:
                return iso
    return None


def find_title(text: str) -> str | None:
    """Return the first line when it looks like a title: short, no final period, not a date."""
    for line in text.split("\n"):
        if line.strip():
            return clean_title(line)
    return None


def clean_title(line: str) -> str | None:
    """Return ``line`` as a title (quotes stripped, spaces collapsed), or None if it is not one."""
    title = _SPACE.sub(" ", line).strip().strip(_QUOTES).strip()
    words = title.split()
    if not 2 <= len(words) <= 25 or len(title) > 200:
        return None
    if title[-1] in ".,;:" and not title.endswith("..."):
        return None
    if parse_date(title) is not None or _DATELINE.match(title):
        return None
    return title


def find_author(text: str) -> str | None:
    """Return the name in a ``"By Name"`` byline near the top, or None."""
    for line in _head(text):
        match = _BYLINE.fullmatch(line)
        if match is not None:
            return match.group("name")
    return None


def find_outlet(text: str) -> str | None:
    """Return the outlet a text names at its top (a line, a dateline) or as its sign-off line."""
    head = _head(text)
    for line in head:
        outlet = canonical_outlet(line)
        if outlet is not None:
            return outlet
        dateline = _DATELINE.match(line)
        if dateline is not None and dateline.group("outlet"):
            return canonical_outlet(dateline.group("outlet")) or dateline.group("outlet").strip()
        lead = re.match(r"([\w./&-]{2,30})\s+(?:—|–|--|-)\s", line)
        if lead is not None and canonical_outlet(lead.group(1)) is not None:
            return canonical_outlet(lead.group(1))
    lines = [line for line in text.split("\n") if line.strip()]
    return canonical_outlet(lines[-1]) if lines else None


def detect_language(text: str) -> str | None:
    """Return the ISO 639-1 code of the text's language, or None (see ``nlp.language``)."""
    from ..nlp.language import detect_language as detect

    return detect(text)


def describe(doc: Document) -> Document:
    """Fill the document's empty metadata fields with guesses from its cleaned text."""
    clean = strip_furniture(doc.text)
    return replace(
        doc,
        title=doc.title or find_title(clean),
        outlet=doc.outlet or find_outlet(clean),
        author=doc.author or find_author(clean),
        published=doc.published or find_date(clean),
        language=doc.language or detect_language(clean),
    )


def _head(text: str) -> list[str]:
    lines = []
    for line in text.split("\n"):
        if line.strip():
            lines.append(_SPACE.sub(" ", line).strip())
            if len(lines) == HEAD_LINES:
                break
    return lines


@dataclass(frozen=True, slots=True)
class Outlets:
    """The outlet table: normalized name or alias → canonical name, and digest headers."""

    names: dict[str, str]
    digest_headers: tuple[re.Pattern[str], ...]
    platforms: frozenset[str] = frozenset()


@cache
def load_outlets() -> Outlets:
    """Load ``data/outlets.yaml`` once.

    Raises:
        RuleError: the file lacks an ``outlets:`` mapping or a header regex is invalid.
    """
    path = files("kronika") / "data" / "outlets.yaml"
    data: Any = load_yaml(path.read_text(encoding="utf-8"))
    table = data.get("outlets") if isinstance(data, dict) else None
    if not isinstance(table, dict):
        raise RuleError(f"{path}: expected a top-level 'outlets:' mapping")
    names: dict[str, str] = {}
    for name, aliases in table.items():
        for form in [str(name), *(str(a) for a in aliases or ())]:
            names[normalize_line(form)] = str(name)
    try:
        headers = tuple(re.compile(p, re.IGNORECASE) for p in data.get("digest_headers") or ())
    except re.error as err:
        raise RuleError(f"{path}: digest_headers: bad regex: {err}") from None
    platforms = frozenset(normalize_line(str(p)) for p in data.get("platforms") or ())
    return Outlets(names, headers, platforms)


def is_platform(name: str) -> bool:
    """Whether ``name`` is a social network or messaging app (``platforms`` in outlets.yaml)."""
    return normalize_line(name) in load_outlets().platforms


def canonical_outlet(name: str) -> str | None:
    """Return the canonical name of a known outlet written as ``name``, or None."""
    return load_outlets().names.get(normalize_line(name))
