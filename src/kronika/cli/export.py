"""``kronika export``: events as CSV, JSON lines or ACLED-style CSV; the entity graph as GraphML."""

from __future__ import annotations

from typing import Annotated

import typer

from ..export import export
from . import app
from ._options import Db, SettingsFile, resolve_settings, store_for


@app.command("export")
def export_cmd(
    fmt: Annotated[
        str,
        typer.Option("--format", "-f", help="csv, jsonl, acled, graphml or a registered exporter."),
    ] = "csv",
    output: Annotated[
        str | None, typer.Option("--output", "-o", help="File (default stdout).")
    ] = None,
    db: Db = None,
    settings_file: SettingsFile = None,
) -> None:
    """Export every event (csv, jsonl, acled) or the entity graph (graphml).

    Example: kronika export --format acled -o events.csv
    """
    with store_for(resolve_settings(settings_file, db=db)) as store:
        n = export(store, fmt, output)
    if output is not None:
        typer.echo(f"{n:,} {'nodes' if fmt == 'graphml' else 'rows'} written to {output}", err=True)
