"""Render query results as a table, JSON, JSON lines or CSV on stdout."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

_SHORT = {"id", "type", "date", "published", "chars", "confidence", "mentions", "quantity"}


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}={_cell(v)}" for k, v in value.items() if v not in (None, [], ""))
    return " ".join(str(value).split())


def emit(rows: Sequence[dict[str, Any]], fmt: str, columns: Sequence[str] | None = None) -> None:
    """Print ``rows`` in format ``fmt``; ``columns`` picks and orders table/CSV columns."""
    if fmt == "json":
        sys.stdout.write(json.dumps(list(rows), ensure_ascii=False, indent=2) + "\n")
        return
    if fmt == "jsonl":
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    cols = list(columns or (rows[0].keys() if rows else []))
    if fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(cols)
        for row in rows:
            writer.writerow([_cell(row.get(c)) for c in cols])
        return
    table = Table(show_lines=False)
    for col in cols:  # one line per row: long values are cut, the full data is in --json
        if col in _SHORT:
            table.add_column(col, no_wrap=True, min_width=len(col))
        else:
            table.add_column(col, no_wrap=True, overflow="ellipsis", max_width=40)
    for row in rows:
        table.add_row(*(Text(_cell(row.get(c))) for c in cols))  # Text: no markup
    console = Console()
    if not console.is_terminal:  # a pipe or file: do not squeeze rows into 80 columns
        console = Console(width=200)
    console.print(table)


def emit_one(obj: dict[str, Any], as_json: bool) -> None:
    """Print one object: JSON, or ``key: value`` lines."""
    if as_json:
        sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2) + "\n")
        return
    console = Console()
    for key, value in obj.items():
        if key == "text":
            console.print(f"[bold]{key}:[/bold]", highlight=False)
            console.print(str(value), markup=False, highlight=False)
        else:
            console.print(f"[bold]{key}:[/bold] ", end="", highlight=False)
            console.print(_cell(value), markup=False, highlight=False)
