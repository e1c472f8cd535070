"""ACLED-style CSV: kronika's events under ACLED's column names (mapping in docs/export.md).

ACLED codes political violence and demonstrations; kronika's legal events
(sentences, arrests, bans) are not ACLED events, so they map to ACLED's
closest category, "Strategic developments", with the kronika type kept as the
sub-event type. Only ``ATTACK`` maps to "Violence against civilians" /
"Battles"-like categories; here it becomes "Explosions/Remote violence" when
the target or trigger says bomb/explosion, else "Violence against civilians".
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TextIO

from . import text_output

if TYPE_CHECKING:
    from ..store.store import Store

#: ACLED's column names, in ACLED's order (the subset kronika can fill).
COLUMNS = (
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
)
#: kronika type → (ACLED event_type, ACLED sub_event_type).
MAPPING: dict[str, tuple[str, str]] = {
    "ATTACK": ("Violence against civilians", "Attack"),
    "ESCAPE": ("Strategic developments", "Other"),
    "ARREST": ("Strategic developments", "Arrests"),
    "SENTENCE": ("Strategic developments", "Other"),
    "EXTRADITION": ("Strategic developments", "Other"),
    "BAN": ("Strategic developments", "Other"),
    "JOIN": ("Strategic developments", "Change to group/activity"),
    "RELEASE": ("Strategic developments", "Other"),
    "APPEAL": ("Strategic developments", "Other"),
}
_EXPLOSIVE = ("bomb", "explos", "blast", "suicide", "grenade", "rocket", "shell")
#: Which argument holds ACLED's actor1 and actor2, per kronika type.
_ACTORS = {
    "ATTACK": ("perpetrator", "target"),
    "ARREST": ("agency", "detainee"),
    "SENTENCE": ("court", "defendant"),
    "EXTRADITION": ("from_country", "person"),
    "BAN": ("authority", "organization"),
    "JOIN": ("person", "organization"),
    "RELEASE": ("authority", "person"),
    "APPEAL": ("appellant", "court"),
    "ESCAPE": ("escapees", "facility"),
}


def _text(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return "" if value is None else str(value)


def acled_row(event: dict[str, Any]) -> dict[str, Any]:
    """Map one kronika event to an ACLED-style row."""
    args, place = event["args"], event.get("location") or {}
    event_type, sub = MAPPING.get(event["type"], ("Strategic developments", "Other"))
    evidence = " ".join(" ".join(s["evidence"].split()) for s in event["sources"][:1])
    if event["type"] == "ATTACK" and any(w in evidence.lower() for w in _EXPLOSIVE):
        event_type, sub = "Explosions/Remote violence", "Remote explosive/landmine/IED"
    first, second = _ACTORS.get(event["type"], ("", ""))
    precision = 1 if place.get("admin1") and place.get("name") != place.get("admin1") else 2
    outlets = sorted({s.get("outlet") or s.get("external_id") or "" for s in event["sources"]})
    return {
        "event_date": event["date"] or "",
        "event_type": event_type,
        "sub_event_type": f"{sub} ({event['type']})" if sub == "Other" else sub,
        "actor1": _text(args.get(first)),
        "actor2": _text(args.get(second)),
        "country": place.get("country") or "",
        "admin1": place.get("admin1") or "",
        "location": place.get("name") or "",
        "latitude": place.get("lat") if place.get("lat") is not None else "",
        "longitude": place.get("lon") if place.get("lon") is not None else "",
        "geo_precision": precision if place else 3,
        "source": "; ".join(o for o in outlets if o),
        "notes": evidence,
        "fatalities": int(args.get("killed") or 0),
    }


def write_acled(events: Iterable[dict[str, Any]], out: TextIO) -> int:
    """Write ``events`` as an ACLED-style CSV; return the number of rows."""
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for event in events:
        writer.writerow(acled_row(event))
        n += 1
    return n


def export_acled(store: Store, output: str | None) -> int:
    """Exporter ``kronika.export.acled.v1``: every event as an ACLED-style CSV row."""
    with text_output(output) as out:
        return write_acled(store.events(), out)
