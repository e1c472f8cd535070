"""``kronika claims``: figures with the claimant who asserts them."""

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

COLUMNS = ("id", "quantity", "about", "claimant", "contested", "evidence")
COMPARE_COLUMNS = ("about", "values", "disagree", "claims")


def _flat(claim: dict[str, Any]) -> dict[str, Any]:
    sources = claim.get("sources") or [{}]
    return {**claim, "evidence": sources[0].get("evidence")}


@app.command("claims")
def claims_cmd(
    compare: Annotated[bool, typer.Option("--compare", help="Group claims by subject.")] = False,
    db: Db = None,
    settings_file: SettingsFile = None,
    limit: Limit = None,
    offset: Offset = 0,
    as_json: AsJson = False,
    as_jsonl: AsJsonl = False,
    as_csv: AsCsv = False,
    as_table: AsTable = False,
) -> None:
    """List claimed figures: quantity, what is counted, who claims it, and whether contested.

    Example: kronika claims --json
    """
    fmt = output_format(as_json, as_jsonl, as_csv, as_table)
    with store_for(resolve_settings(settings_file, db=db)) as store:
        if compare:
            emit(store.compare_claims()[offset:][:limit], fmt, COMPARE_COLUMNS)
            return
        rows = store.claims(limit=limit, offset=offset)
    emit(rows if fmt in ("json", "jsonl") else [_flat(r) for r in rows], fmt, COLUMNS)
