"""The ``kronika`` command line: thin adapters over the library.

Every command resolves settings once, calls one library function and prints
data to stdout; progress and messages go to stderr. A ``KronikaError`` becomes
``Error: <message>`` with exit code 1; usage mistakes exit with 2.
"""

from __future__ import annotations

import sys
from typing import Any

import typer
from typer.core import TyperGroup

from ..errors import KronikaError


class _Group(TyperGroup):
    """Translates kronika's errors into click's, so every command fails the same way."""

    def invoke(self, ctx: Any) -> Any:  # a click Context (typer vendors its own click)
        try:
            return super().invoke(ctx)
        except KronikaError as err:
            # one plain line, no traceback, no box: the message already names input and fix
            sys.stderr.write(f"Error: {err}\n")
            raise typer.Exit(err.exit_code) from None

    def list_commands(self, ctx: Any) -> list[str]:
        return list(self.commands)  # in the order they are registered, not alphabetical


app = typer.Typer(
    cls=_Group,
    name="kronika",
    help="Build a sourced knowledge base of political violence and repression from news reports.",
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

from . import (  # noqa: E402  (commands register themselves on ``app``)
    articles,
    bans,
    case,
    claims,
    entities,
    evaluate,
    events,
    export,
    ingest,
    reprocess,
    review,
    search,
    serve,
    show,
    summary,
)

__all__ = ["app", "main"]
_COMMANDS = (
    ingest,
    summary,
    articles,
    entities,
    events,
    claims,
    case,
    bans,
    review,
    reprocess,
    export,
    search,
    show,
    evaluate,
    serve,
)


def main() -> None:
    """Entry point of the ``kronika`` script."""
    app()
