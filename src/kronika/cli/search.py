"""``kronika search``: full-text search over the stored articles."""

from __future__ import annotations

from typing import Annotated

import typer

from . import app
from ._options import (
    AsCsv,
    AsJson,
    AsJsonl,
    AsTable,
    Db,
    SettingsFile,
    output_format,
    resolve_settings,
    store_for,
)
from ._output import emit
from .articles import Language

COLUMNS = ("article_id", "external_id", "title", "language", "snippet")


@app.command("search")
def search_cmd(
    query: Annotated[str, typer.Argument(help='Words to find; "quoted phrases" work.')],
    limit: Annotated[int, typer.Option("--limit", "-n", help="At most this many hits.")] = 20,
    language: Language = None,
    db: Db = None,
    settings_file: SettingsFile = None,
    as_json: AsJson = False,
    as_jsonl: AsJsonl = False,
    as_csv: AsCsv = False,
    as_table: AsTable = False,
) -> None:
    """Search article titles and texts; best matches first, with a snippet.

    Russian words match in any inflection, and a name in either script.

    Example: kronika search "Group 24" --limit 5
    """
    fmt = output_format(as_json, as_jsonl, as_csv, as_table)
    with store_for(resolve_settings(settings_file, db=db)) as store:
        emit(store.search(query, limit=limit, language=language), fmt, COLUMNS)
