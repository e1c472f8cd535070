"""``kronika show``: one article, entity, event or claim in full."""

from __future__ import annotations

from typing import Annotated

import typer

from . import app
from ._options import AsJson, Db, SettingsFile, resolve_settings, store_for
from ._output import emit_one


@app.command("show")
def show_cmd(
    item_id: Annotated[str, typer.Argument(metavar="ID", help="e.g. art3, ent12, evt7, clm2.")],
    db: Db = None,
    settings_file: SettingsFile = None,
    as_json: AsJson = False,
) -> None:
    """Show one stored item by id, with its sources.

    Example: kronika show evt7 --json
    """
    with store_for(resolve_settings(settings_file, db=db)) as store:
        emit_one(store.get(item_id), as_json)
