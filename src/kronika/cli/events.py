"""``kronika events``: typed events with their arguments and sources."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from . import app
from ._options import (
    AsCsv,
    AsJson,
    AsJsonl,
    AsTable,
    Db,
    Limit,
    Offset,
    SettingsFile,
    output_format,
    resolve_settings,
    store_for,
)
from ._output import emit

COLUMNS = ("id", "type", "date", "place", "args", "confidence", "evidence")


def _flat(event: dict[str, Any]) -> dict[str, Any]:
    location = event.get("location") or {}
    sources = event.get("sources") or [{}]
    return {**event, "place": location.get("name"), "evidence": sources[0].get("evidence")}


@app.command("events")
def events_cmd(
    event_type: Annotated[str | None, typer.Option("--type", "-t", help="e.g. SENTENCE.")] = None,
    since: Annotated[str | None, typer.Option(help="Events on or after (YYYY[-MM[-DD]]).")] = None,
    until: Annotated[str | None, typer.Option(help="Events on or before.")] = None,
    entity: Annotated[str | None, typer.Option(help="Events naming this entity.")] = None,
    db: Db = None,
    settings_file: SettingsFile = None,
    limit: Limit = None,
    offset: Offset = 0,
    as_json: AsJson = False,
    as_jsonl: AsJsonl = False,
    as_csv: AsCsv = False,
    as_table: AsTable = False,
) -> None:
    """List events, filtered by type, date range or participant.

    Example: kronika events --type SENTENCE --since 2016 --json
    """
    fmt = output_format(as_json, as_jsonl, as_csv, as_table)
    kind = event_type.upper() if event_type else None
    with store_for(resolve_settings(settings_file, db=db)) as store:
        rows = store.events(
            type=kind, since=since, until=until, entity=entity, limit=limit, offset=offset
        )
    emit(rows if fmt in ("json", "jsonl") else [_flat(r) for r in rows], fmt, COLUMNS)
