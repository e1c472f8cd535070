"""Labelled fields of an incident record: its date, place and toll.

Databases and monitoring reports give an incident as a record of labelled fields,
one per line or run together with semicolons or bars::

    Incident: shooting at checkpoint
    When: evening of 9 June 2010
    Where: road checkpoint on the Termez–Sherabad highway, Surkhandarya region
    Result: one customs officer and two soldiers killed, three wounded

    Date: 20.02.2012; Location: Baksan district, ...; Killed: 1 (police sergeant); Wounded: 2

A field holds for every sentence of its record (the block between blank lines), so
an act told in one field is dated, placed and counted by the others.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import cache
from typing import Any

from spacy.tokens import Span

from ..model import Event, Place
from .running import cached_date
from .spans import doc_text, normalizer
from .union import union

#: Labels of a record's fields, by what they give.
DATE_LABELS = ("Date", "When", "Incident date", "Date of incident")
PLACE_LABELS = ("Location", "Place", "Where")
TOLL_LABELS = {
    "killed": ("Killed", "Dead", "Deaths", "Fatalities", "KIA"),
    "wounded": ("Wounded", "Injured", "WIA"),
}
#: A time of day before the date a field gives: "evening of 9 June 2010".
_TIME_OF_DAY = re.compile(
    r"^(?:(?:early|late)\s+)?(?:morning|afternoon|evening|night|midday|noon)\s+of\s+(?:the\s+)?",
    re.I,
)


def record_block(text: str, start: int, end: int | None = None) -> tuple[int, int]:
    """Character bounds of the block of lines (between blank lines) holding ``start:end``."""
    before = text.rfind("\n\n", 0, start)
    after = text.find("\n\n", start if end is None else end)
    return (0 if before < 0 else before + 2), (len(text) if after < 0 else after)


#: Where a field's label may start: a line, or after a ";", "|", "." or a dash between fields.
_FIELD_START = r"(?:^|[;|.]|\s[—–])[ \t]*(?:[-–—•*][ \t]+)?"


@cache
def _field_pattern(labels: tuple[str, ...]) -> re.Pattern[str]:
    names = "|".join(re.escape(label) for label in labels)
    return re.compile(
        rf"{_FIELD_START}(?:{names})[ \t]*:[ \t]*(.+?)(?=\.(?:\s|$)|[;|\n]|\s[—–]\s|$)",
        re.I | re.M,
    )


def field(sent: Span, labels: tuple[str, ...]) -> str | None:
    """The value of the first field of ``sent``'s record with one of ``labels``, or None."""
    text = doc_text(sent.doc)
    start, end = record_block(text, sent.start_char, sent.end_char)
    match = _field_pattern(labels).search(text, start, end)
    return match.group(1).strip() if match is not None else None


def record_date(sent: Span, published: str | None) -> str | None:
    """The date a record's date field gives ("When: evening of 9 June 2010"), normalized."""
    value = field(sent, DATE_LABELS)
    norm = normalizer("kronika.date.v1")
    if value is None or norm is None:
        return None
    # "12/04/2019 (dd/mm/yyyy)": the note tells the order of the date's numbers
    note = re.search(r"\s*\(([^)]*)\)\s*$", value)
    if note is not None:
        value = value[: note.start()]
        day_first = re.fullmatch(r"dd\W?mm\W?yy(?:yy)?", note.group(1).strip(), re.I)
        numbers = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", value.strip())
        if day_first and numbers:
            day, month, year = numbers.groups()
            value = f"{year}-{int(month):02d}-{int(day):02d}"
    found: str | None = cached_date(norm, _TIME_OF_DAY.sub("", value), published)
    return found


def record_place(sent: Span, resolve: Callable[..., Any]) -> Place | None:
    """The place a record's place field gives: its first part that names a place ("Location:
    Khost, Khost province"), past a description ("Where: road checkpoint on the highway,
    Surkhandarya region" → Surkhandarya region)."""
    value = field(sent, PLACE_LABELS)
    for part in (p.strip(" )") for p in re.split(r"[,/(]", value or "")):
        place: Place | None = resolve(part) if part else None
        if place is not None:
            return replace(place, name=part)
        if part[:1].isupper():
            return Place(name=part)  # a town the place index does not know
    return None


def record_toll(sent: Span, role: str) -> int | None:
    """The toll a record's field gives: "Killed: 1 (police sergeant)", "WIA: 5"."""
    labels = TOLL_LABELS.get(role)
    value = field(sent, labels) if labels else None
    match = re.match(r"(?:at least\s+)?(\d+)\b", value or "", re.I)
    return int(match.group(1)) if match is not None else None


#: A field label of an incident record: two or more in a block make it one record.
_LABEL = re.compile(
    _FIELD_START + r"(?:Date|When|Where|Location|Place|Killed|Dead|Wounded|Injured|KIA|WIA"
    r"|Casualties|Incident|Result|Summary|Perpetrators?|Target)[ \t]*:",
    re.I | re.M,
)


def one_attack_per_record(events: list[Event], text: str) -> list[Event]:
    """The attacks told in one record of labelled fields are its one incident, told in
    its title field and again in its account ("Incident: ambush on a patrol ... What
    happened: gunmen opened fire on the truck"): one event, with what each gives."""
    kept: list[Event] = []
    first: dict[tuple[int, int], int] = {}
    for event in events:
        where = event.evidence[0].start if event.evidence else None
        if event.type != "ATTACK" or where is None:
            kept.append(event)
            continue
        bounds = record_block(text, where)
        if len(_LABEL.findall(text, *bounds)) < 2:
            kept.append(event)
        elif bounds in first:
            kept[first[bounds]] = union(kept[first[bounds]], event)
        else:
            first[bounds] = len(kept)
            kept.append(event)
    return kept
