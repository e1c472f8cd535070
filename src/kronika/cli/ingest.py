"""``kronika ingest``: read inputs and store what the pipeline finds."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from ..ingest.run import IngestReport, ingest
from ..settings import Settings
from ..store.store import Store
from . import app
from ._options import Db, SettingsFile, resolve_settings, store_for

_err = Console(stderr=True, soft_wrap=True)  # soft wrap: one line per message, never folded


@app.command("ingest")
def ingest_cmd(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, URLs or - for stdin.")],
    db: Db = None,
    settings_file: SettingsFile = None,
    rules: Annotated[list[str] | None, typer.Option("--rules", help="Extra rules dir.")] = None,
    text_column: Annotated[str | None, typer.Option(help="Record field with the text.")] = None,
    id_column: Annotated[str | None, typer.Option(help="Record field with the id.")] = None,
    workers: Annotated[
        int | None, typer.Option(help="Worker processes (0: one per CPU core).")
    ] = None,
    engine: Annotated[str | None, typer.Option(help="local or ray.")] = None,
    address: Annotated[
        str | None, typer.Option(help="Ray cluster to join: auto or HOST:PORT (--engine ray).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Read PATHS (files, directories, URLs, feeds, -) and store articles, entities and events.

    Re-ingesting the same text is a no-op. Unreadable inputs are skipped with a
    reason; the exit status is 1 when anything was skipped.

    Example: kronika ingest samples/ --db kronika.db
    """
    settings = resolve_settings(
        settings_file,
        db=db,
        rules_dirs=rules,
        text_column=text_column,
        id_column=id_column,
        workers=workers,
        engine=engine,
        ray_address=address,
    )
    with store_for(settings, create=True) as store:
        report = _run_with_progress(paths, settings, store)
    _print_report(report, as_json)
    if report.failed:
        raise typer.Exit(1)


def _run_with_progress(paths: list[str], settings: Settings, store: Store) -> IngestReport:
    columns = (
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=_err, transient=True, disable=not _err.is_terminal) as bar:
        task = bar.add_task("ingesting", total=None)

        def tick(source: str) -> None:
            bar.update(task, advance=1, description=f"ingesting {source[-40:]}")

        return ingest(paths, settings, store, progress=tick)


def _print_report(report: IngestReport, as_json: bool) -> None:
    for skip in report.skips:
        reason, where = skip.reason, skip.source.rsplit(":", 1)[-1]
        if reason.startswith(f"{where}: "):  # "feed.jsonl:line 2" already says where
            reason = reason[len(where) + 2 :]
        _err.print(f"skipped {skip.source}: {reason}", markup=False, highlight=False)
    if as_json:
        sys.stdout.write(json.dumps(report.as_dict(), ensure_ascii=False) + "\n")
    _err.print(report.summary(), markup=False, highlight=False)
