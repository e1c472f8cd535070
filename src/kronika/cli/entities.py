"""``kronika entities``: people, organizations and places, most mentioned first."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from ..resolve.corpus import correct_entity, explain
from ..settings import Settings
from ..store.store import Store
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
from ._output import emit, emit_one

COLUMNS = ("id", "type", "name", "aliases", "mentions")


def entity_action(
    store: Store, settings: Settings, action: str, names: list[str], author: str
) -> dict[str, Any]:
    """Run ``explain`` or a correction (merge/split/rename/alias) on two names."""
    if action not in ACTIONS:
        raise typer.BadParameter(f"unknown action {action!r}; use one of {', '.join(ACTIONS)}")
    if len(names) != 2:
        raise typer.BadParameter(f"{action} takes two arguments, e.g. {action} A B")
    if action == "explain":
        return explain(store, settings, names[0], names[1])
    return correct_entity(store, settings, action, names[0], names[1], author)


ACTIONS = ("explain", "merge", "split", "rename", "alias")
EntityType = Annotated[
    str | None, typer.Option("--type", "-t", help="PERSON, ORG or LOC.", case_sensitive=False)
]


Action = Annotated[
    str | None,
    typer.Argument(help="Optional: explain|merge|split A B, rename|alias A NAME."),
]


@app.command("entities")
def entities_cmd(
    action: Action = None,
    names: Annotated[list[str] | None, typer.Argument(help="The action's two arguments.")] = None,
    author: Annotated[str, typer.Option(help="Who makes a correction.")] = "",
    entity_type: EntityType = None,
    query: Annotated[str | None, typer.Option("--name", help="Names containing this.")] = None,
    db: Db = None,
    settings_file: SettingsFile = None,
    limit: Limit = None,
    offset: Offset = 0,
    as_json: AsJson = False,
    as_jsonl: AsJsonl = False,
    as_csv: AsCsv = False,
    as_table: AsTable = False,
) -> None:
    """List entities; or explain, merge, split, rename or alias them (kept on reprocess).

    Example: kronika entities explain "Gulmurod Halimov" "Gulmorod Khalimov"
    """
    fmt = output_format(as_json, as_jsonl, as_csv, as_table)
    kind = entity_type.upper() if entity_type else None
    settings = resolve_settings(settings_file, db=db)
    with store_for(settings) as store:
        if action is None:
            emit(store.entities(type=kind, q=query, limit=limit, offset=offset), fmt, COLUMNS)
            return
        emit_one(entity_action(store, settings, action, names or [], author), fmt == "json")
