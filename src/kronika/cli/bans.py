"""``kronika bans``: which organization is banned or designated, where, by whom, since when."""

from __future__ import annotations

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

COLUMNS = ("organization", "designation", "country", "authority", "since", "events", "sources")


@app.command("bans")
def bans_cmd(
    db: Db = None,
    settings_file: SettingsFile = None,
    as_json: AsJson = False,
    as_jsonl: AsJsonl = False,
    as_csv: AsCsv = False,
    as_table: AsTable = False,
) -> None:
    """List banned or designated organizations from BAN events, merged across sources.

    Example: kronika bans --json
    """
    fmt = output_format(as_json, as_jsonl, as_csv, as_table)
    with store_for(resolve_settings(settings_file, db=db)) as store:
        emit(store.bans(), fmt, COLUMNS)
