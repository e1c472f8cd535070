"""Options shared by several commands, and the one place settings are resolved."""

from __future__ import annotations

import os
from typing import Annotated, Any

import typer

from ..settings import Settings, load_settings
from ..store.store import Store, open_store

Db = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="SQLite file or postgresql:// URL. [default: kronika.db]",
        show_default=False,
    ),
]
SettingsFile = Annotated[
    str | None,
    typer.Option("--settings", help="TOML settings file (default: ./kronika.toml if present)."),
]
AsJson = Annotated[bool, typer.Option("--json", help="Print a JSON array.")]
AsJsonl = Annotated[bool, typer.Option("--jsonl", help="Print one JSON object per line.")]
AsCsv = Annotated[bool, typer.Option("--csv", help="Print CSV with a header row.")]
AsTable = Annotated[bool, typer.Option("--table", help="Print a table (the default).")]
Limit = Annotated[int | None, typer.Option("--limit", "-n", help="Show at most this many rows.")]
Offset = Annotated[int, typer.Option("--offset", help="Skip this many rows first.")]


def resolve_settings(settings_file: str | None = None, **flags: Any) -> Settings:
    """Resolve settings: defaults → file → KRONIKA_* environment → the given flags."""
    return load_settings(settings_file, env=os.environ, **flags)


def store_for(settings: Settings, *, create: bool = False) -> Store:
    """Open the store named by ``settings.db``."""
    return open_store(settings.db, create=create)


def output_format(as_json: bool, as_jsonl: bool, as_csv: bool, as_table: bool) -> str:
    """Return ``json``, ``jsonl``, ``csv`` or ``table``; more than one flag is a usage error."""
    chosen = [n for n, on in (("json", as_json), ("jsonl", as_jsonl), ("csv", as_csv)) if on]
    if len(chosen) + as_table > 1:
        raise typer.BadParameter("choose one of --json, --jsonl, --csv, --table")
    return chosen[0] if chosen else "table"
