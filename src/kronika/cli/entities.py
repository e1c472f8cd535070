"""``kronika entities``: people, organizations and places, most mentioned first."""

from __future__ import annotations

from typing import Annotated

import typer

from . import app
from ._options import AsCsv, AsJson, AsJsonl, AsTable, Db, Limit, Offset, SettingsFile
from ._options import output_format, resolve_settings, store_for
from ._output import emit

COLUMNS = ("id", "type", "name", "aliases", "mentions")
EntityType = Annotated[
    str | None, typer.Option("--type", "-t", help="PERSON, ORG or LOC.", case_sensitive=False)
]


@app.command("entities")
def entities_cmd(
    entity_type: EntityType = None,
    query: Annotated[str | None, typer.Option("--name", help="Names containing this.")] = None,
    db: Db = None, settings_file: SettingsFile = None, limit: Limit = None, offset: Offset = 0,
    as_json: AsJson = False, as_jsonl: AsJsonl = False, as_csv: AsCsv = False,
    as_table: AsTable = False,
) -> None:
    """List entities with their aliases and mention counts.

    Example: kronika entities --type PERSON --limit 20
    """
    fmt = output_format(as_json, as_jsonl, as_csv, as_table)
    kind = entity_type.upper() if entity_type else None
    with store_for(resolve_settings(settings_file, db=db)) as store:
        emit(store.entities(type=kind, q=query, limit=limit, offset=offset), fmt, COLUMNS)
