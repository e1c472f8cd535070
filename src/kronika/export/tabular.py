"""Plain exports of events: CSV (one row per event, flat columns) and JSON lines (as stored)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TextIO

from . import text_output

if TYPE_CHECKING:
    from ..store.store import Store

#: CSV columns, in order.
COLUMNS = (
    "id",
    "type",
    "date",
    "location",
    "country",
    "admin1",
    "latitude",
    "longitude",
    "args",
    "confidence",
    "corroboration",
    "sources",
    "evidence",
)


def _flat(event: dict[str, Any]) -> dict[str, Any]:
    place = event.get("location") or {}
    sources = event.get("sources") or []
    return {
        "id": event["id"],
        "type": event["type"],
        "date": event["date"] or "",
        "location": place.get("name") or "",
        "country": place.get("country") or "",
        "admin1": place.get("admin1") or "",
        "latitude": place.get("lat") if place.get("lat") is not None else "",
        "longitude": place.get("lon") if place.get("lon") is not None else "",
        "args": json.dumps(event["args"], ensure_ascii=False, sort_keys=True),
        "confidence": event["confidence"],
        "corroboration": event.get("corroboration", len({s["article_id"] for s in sources})),
        "sources": " ".join(sorted({s["article_id"] for s in sources})),
        "evidence": " | ".join(" ".join(s["evidence"].split()) for s in sources),
    }


def write_csv(events: Iterable[dict[str, Any]], out: TextIO) -> int:
    """Write ``events`` as CSV with a header row; return the number of rows."""
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for event in events:
        writer.writerow(_flat(event))
        n += 1
    return n


def write_jsonl(events: Iterable[dict[str, Any]], out: TextIO) -> int:
    """Write ``events`` as JSON lines, in the store's event shape; return the number of lines."""
    n = 0
    for event in events:
        out.write(json.dumps(event, ensure_ascii=False) + "\n")
        n += 1
    return n


def export_csv(store: Store, output: str | None) -> int:
    """Exporter ``kronika.export.csv.v1``: every event, one flat CSV row each."""
    with text_output(output) as out:
        return write_csv(store.events(), out)


def export_jsonl(store: Store, output: str | None) -> int:
    """Exporter ``kronika.export.jsonl.v1``: every event as one JSON line."""
    with text_output(output) as out:
        return write_jsonl(store.events(), out)
