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
from typing import Any

from spacy.tokens import Span

from ..model import Event, Place
from .running import cached_date
from .spans import doc_text, normalizer

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


def record_block(sent: Span) -> tuple[int, int]:
    """Character bounds of the block of lines (between blank lines) that holds ``sent``."""
    text = doc_text(sent.doc)
    start = text.rfind("\n\n", 0, sent.start_char)
    end = text.find("\n\n", sent.end_char)
    return (0 if start < 0 else start + 2), (len(text) if end < 0 else end)


def field(sent: Span, labels: tuple[str, ...]) -> str | None:
    """The value of the first field of ``sent``'s record with one of ``labels``, or None."""
    text = doc_text(sent.doc)
    start, end = record_block(sent)
    names = "|".join(re.escape(label) for label in labels)
    pattern = re.compile(
        rf"(?:^|[;|.]|\s[—–])[ \t]*(?:[-–—•*][ \t]+)?(?:{names})[ \t]*:[ \t]*"
        r"(.+?)(?=\.(?:\s|$)|[;|\n]|\s[—–]\s|$)",
        re.I | re.M,
    )
    match = pattern.search(text[start:end])
    return match.group(1).strip() if match is not None else None


def record_date(sent: Span, published: str | None) -> str | None:
    """The date a record's date field gives ("When: evening of 9 June 2010"), normalized."""
    value = field(sent, DATE_LABELS)
    norm = normalizer("kronika.date.v1")
    if value is None or norm is None:
        return None
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
    r"(?:^|[;|.]|\s[—–])[ \t]*(?:[-–—•*][ \t]+)?(?:Date|When|Where|Location|Place|Killed|Dead"
    r"|Wounded|Injured|KIA|WIA|Casualties|Incident|Result|Summary|Perpetrators?|Target)"
    r"[ \t]*:",
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
        start = text.rfind("\n\n", 0, where)
        end = text.find("\n\n", where)
        bounds = (0 if start < 0 else start + 2, len(text) if end < 0 else end)
        if len(_LABEL.findall(text, *bounds)) < 2:
            kept.append(event)
        elif bounds in first:
            kept[first[bounds]] = _joined(kept[first[bounds]], event)
        else:
            first[bounds] = len(kept)
            kept.append(event)
    return kept


def _joined(one: Event, other: Event) -> Event:
    """``one`` with what only ``other`` gives: its other arguments, date, place, evidence."""
    args = {**other.args, **one.args}
    return replace(
        one,
        args=args,
        evidence=one.evidence + tuple(e for e in other.evidence if e not in one.evidence),
        date=one.date or other.date,
        location=one.location or other.location,
        confidence=max(one.confidence, other.confidence),
        flags=tuple(dict.fromkeys(one.flags + other.flags)),
        markers=tuple(dict.fromkeys(one.markers + other.markers)),
    )
