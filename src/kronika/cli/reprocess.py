"""``kronika reprocess``: re-run extraction on stored article texts after a rule change."""

from __future__ import annotations

from ..resolve.corpus import reprocess_corpus
from . import app
from ._options import AsJson, Db, SettingsFile, resolve_settings, store_for
from ._output import emit_one


@app.command("reprocess")
def reprocess_cmd(
    db: Db = None, settings_file: SettingsFile = None, as_json: AsJson = False
) -> None:
    """Re-extract every stored article (inputs are not re-read); corrections are kept.

    Example: kronika reprocess --db kronika.db
    """
    settings = resolve_settings(settings_file, db=db)
    with store_for(settings) as store:
        emit_one(reprocess_corpus(store, settings), as_json)
