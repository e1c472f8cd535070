"""``kronika evaluate``: score extraction against a gold set."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from . import app
from ._options import SettingsFile, resolve_settings


@app.command("evaluate")
def evaluate_cmd(
    directory: Annotated[
        Path,
        typer.Argument(
            help="Folder with gold.jsonl and articles/, a challenge-suite folder of *.jsonl "
            "items, or 'challenge' for the built-in paraphrase challenge suite."
        ),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    errors: Annotated[
        bool, typer.Option("--errors", help="List missed and spurious events.")
    ] = False,
    rules: Annotated[list[str] | None, typer.Option("--rules", help="Extra rules dir.")] = None,
    settings_file: SettingsFile = None,
) -> None:
    """Run the pipeline on DIRECTORY's articles and print precision, recall and F1.

    Events per type and overall, arguments per role, entities and claims, scored
    as the gold format describes. DIRECTORY 'challenge' runs the built-in
    paraphrase challenge suite (short invented items over all event types and
    phrasings, plus negatives that must yield nothing; each item is one
    document) and adds a table of recall per phrasing frame.

    Example: kronika evaluate ../shared/eval/dev --errors

    Example: kronika evaluate challenge
    """
    from ..evaluate.report import evaluate_dir, format_errors, format_report

    report = evaluate_dir(directory, resolve_settings(settings_file, rules_dirs=rules))
    if as_json:
        sys.stdout.write(json.dumps(report.as_dict(), indent=2) + "\n")
    else:
        sys.stdout.write(format_report(report) + "\n")
    if errors:
        sys.stdout.write(format_errors(report) + "\n")
