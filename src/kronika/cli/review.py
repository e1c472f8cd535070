"""``kronika review``: confirm, reject or edit an event or claim; kept through reprocess."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from . import app
from ._options import AsJson, Db, SettingsFile, resolve_settings, store_for
from ._output import emit_one

Action = Annotated[str, typer.Argument(help="confirm, reject or edit.")]


def _value(text: str | None) -> object:
    try:
        return json.loads(text) if text is not None else None
    except json.JSONDecodeError:
        return text  # a bare word is a string


@app.command("review")
def review_cmd(
    action: Action,
    target: Annotated[str, typer.Argument(help="Event or claim id (evt7, clm2).")],
    field: Annotated[
        str | None, typer.Argument(help="For edit: date, type, args.<role>...")
    ] = None,
    value: Annotated[
        str | None, typer.Argument(help="For edit: the new value (JSON or text).")
    ] = None,
    author: Annotated[str, typer.Option(help="Who makes the correction.")] = "",
    db: Db = None,
    settings_file: SettingsFile = None,
    as_json: AsJson = False,
) -> None:
    """Correct an event or claim; the correction overrides machine output from then on.

    Example: kronika review edit evt7 args.term_years 25 --author analyst
    """
    with store_for(resolve_settings(settings_file, db=db)) as store:
        fixed = store.correct(target, action, field=field, value=_value(value), author=author)
    emit_one(fixed, as_json)
