"""``kronika case``: one person's legal stages across articles, in date order."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from . import app
from ._options import AsJson, Db, SettingsFile, resolve_settings, store_for
from ._output import emit, emit_one

COLUMNS = ("date", "stage", "event", "detail", "sources")


def _row(stage: dict[str, Any]) -> dict[str, Any]:
    return {**stage, "sources": [s["article_id"] for s in stage["sources"]]}


@app.command("case")
def case_cmd(
    name: Annotated[str, typer.Argument(help="A person's name, alias or id (ent3).")],
    db: Db = None,
    settings_file: SettingsFile = None,
    as_json: AsJson = False,
) -> None:
    """Show a person's case: arrest, charges, court, sentence, appeal, release, by date.

    Example: kronika case "Umar Mirzoyev"
    """
    with store_for(resolve_settings(settings_file, db=db)) as store:
        case = store.case(name)
    if as_json:
        emit_one(case, True)
        return
    emit([_row(s) for s in case["stages"]], "table", COLUMNS)
