"""``kronika summary``: what the knowledge base holds."""

from __future__ import annotations

import json
import sys

from rich.console import Console
from rich.table import Table

from . import app
from ._options import AsJson, Db, SettingsFile, resolve_settings, store_for


@app.command("summary")
def summary_cmd(db: Db = None, settings_file: SettingsFile = None, as_json: AsJson = False) -> None:
    """Count articles, entities by type, events by type, claims and skips.

    Example: kronika summary --db kronika.db
    """
    settings = resolve_settings(settings_file, db=db)
    with store_for(settings) as store:
        counts = store.summary()
    if as_json:
        sys.stdout.write(json.dumps(counts, ensure_ascii=False, indent=2) + "\n")
    else:
        print_summary(counts)


def print_summary(counts: dict[str, object], console: Console | None = None) -> None:
    """Print the store summary as small tables."""
    out = console or Console()
    for key, value in counts.items():
        if isinstance(value, dict) and not value:
            out.print(f"[bold]{key.replace('_', ' ')}:[/bold] none", highlight=False)
        elif isinstance(value, dict):
            table = Table(key.replace("_", " "), "count")
            for name, n in value.items():
                table.add_row(str(name), f"{n:,}" if isinstance(n, int) else str(n))
            out.print(table)
        else:
            out.print(f"[bold]{key.replace('_', ' ')}:[/bold] {value}", highlight=False)
