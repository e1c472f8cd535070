"""``kronika articles``: list stored articles."""

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
    Limit,
    Offset,
    SettingsFile,
    output_format,
    resolve_settings,
    store_for,
)
from ._output import emit

COLUMNS = ("id", "external_id", "title", "outlet", "published", "language", "chars")
Language = Annotated[
    str | None, typer.Option("--language", help="Only articles in this language (en, ru, ...).")
]


@app.command("articles")
def articles_cmd(
    db: Db = None,
    settings_file: SettingsFile = None,
    limit: Limit = None,
    offset: Offset = 0,
    language: Language = None,
    as_json: AsJson = False,
    as_jsonl: AsJsonl = False,
    as_csv: AsCsv = False,
    as_table: AsTable = False,
) -> None:
    """List stored articles: id, external id, title, outlet, date, language, length.

    Example: kronika articles --language ru --csv > articles.csv
    """
    fmt = output_format(as_json, as_jsonl, as_csv, as_table)
    with store_for(resolve_settings(settings_file, db=db)) as store:
        emit(store.articles(limit=limit, offset=offset, language=language), fmt, COLUMNS)
