"""Exports: CSV/JSONL, ACLED-style CSV, GraphML, and any exporter a plugin registers.

An exporter is registered in ``kronika.registry.EXPORTERS`` (or a plugin's
``exporters`` table) and called as ``exporter(store, output) -> int``: it
writes to the file ``output`` (stdout when None) and returns the rows (or
nodes) written. ``kronika export --format`` takes a short name of
:data:`FORMATS` or a full registered name.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, TextIO

from ..errors import KronikaError, RuleError
from ..registry import names, resolve

if TYPE_CHECKING:
    from ..store.store import Store

#: Short format names, as ``kronika export --format`` takes them → registered exporter.
FORMATS = {
    "csv": "kronika.export.csv.v1",
    "jsonl": "kronika.export.jsonl.v1",
    "acled": "kronika.export.acled.v1",
    "graphml": "kronika.export.graphml.v1",
}


def export(store: Store, fmt: str, output: str | None = None) -> int:
    """Write the store in format ``fmt`` (short or registered name) to ``output``; return rows."""
    name = FORMATS.get(fmt, fmt)
    try:
        exporter = resolve("exporters", name)
    except RuleError as err:
        known = ", ".join([*FORMATS, *(n for n in names("exporters") if n not in FORMATS.values())])
        raise KronikaError(f"unknown export format {fmt!r}; known: {known}") from err
    return int(exporter(store, output))


@contextmanager
def text_output(output: str | None) -> Iterator[TextIO]:
    """Open ``output`` for writing text (CSV-safe newlines), or yield stdout when None."""
    if output is None:
        yield sys.stdout
        return
    with Path(output).open("w", encoding="utf-8", newline="") as text:
        yield text


@contextmanager
def binary_output(output: str | None) -> Iterator[BinaryIO]:
    """Open ``output`` for writing bytes, or yield stdout's buffer when None."""
    if output is None:
        yield sys.stdout.buffer
        return
    with Path(output).open("wb") as binary:
        yield binary
