"""``kronika summary``: what the knowledge base holds."""

from __future__ import annotations

import json
import sys
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..store.store import Store
from . import app
from ._options import AsJson, Db, SettingsFile, resolve_settings, store_for


def summarize(store: Store, top: int = 5) -> dict[str, Any]:
    """Counts plus the most-mentioned people and groups."""
    counts: dict[str, Any] = store.summary()
    for kind, label in (("PERSON", "top_people"), ("ORG", "top_groups")):
        counts[label] = {e["name"]: e["mentions"] for e in store.entities(type=kind, limit=top)}
    return counts


@app.command("summary")
def summary_cmd(db: Db = None, settings_file: SettingsFile = None, as_json: AsJson = False) -> None:
    """Count articles, entities by type, events by type, claims and skips; name the top people.

    Example: kronika summary --db kronika.db
    """
    with store_for(resolve_settings(settings_file, db=db)) as store:
        counts = summarize(store)
    if as_json:
        sys.stdout.write(json.dumps(counts, ensure_ascii=False, indent=2) + "\n")
    else:
        print_summary(counts)


def print_summary(counts: dict[str, Any], console: Console | None = None) -> None:
    """Print the store summary: scalar counts on one line, breakdowns as small tables."""
    out = console or Console()
    scalars = [f"{k.replace('_', ' ')}: {v:,}" for k, v in counts.items() if isinstance(v, int)]
    out.print(Text("  ".join(scalars)))
    tables = [(k, v) for k, v in counts.items() if isinstance(v, dict)]
    for key, value in tables:
        if not value:
            out.print(Text(f"{key.replace('_', ' ')}: none"))
            continue
        table = Table(key.replace("_", " "), "count")
        for name, n in value.items():
            table.add_row(Text(str(name)), f"{n:,}" if isinstance(n, int) else str(n))
        out.print(table)
