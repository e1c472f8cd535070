"""Exports: CSV/JSONL, ACLED-style CSV, GraphML."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import KronikaError

if TYPE_CHECKING:
    from ..store.store import Store

#: Export format names, as ``kronika export --format`` takes them.
FORMATS = ("csv", "jsonl", "acled", "graphml")


def export(store: Store, fmt: str, output: str | None = None) -> int:
    """Write every event (or, for graphml, the entity graph) in format ``fmt``; return rows."""
    if fmt not in FORMATS:
        raise KronikaError(f"unknown export format {fmt!r}; known: {', '.join(FORMATS)}")
    events = store.events()
    if fmt == "graphml":
        from .graphml import write_graphml

        entities = store.entities()
        if output is None:
            return write_graphml(entities, events, sys.stdout.buffer)
        with Path(output).open("wb") as binary:
            return write_graphml(entities, events, binary)
    from .acled import write_acled
    from .tabular import write_csv, write_jsonl

    writer = {"csv": write_csv, "jsonl": write_jsonl, "acled": write_acled}[fmt]
    if output is None:
        return writer(events, sys.stdout)
    with Path(output).open("w", encoding="utf-8", newline="") as text:
        return writer(events, text)
