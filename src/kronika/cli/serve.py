"""``kronika serve``: the web UI and JSON API over one database."""

from __future__ import annotations

from typing import Annotated

import typer

from . import app
from ._options import Db, SettingsFile, resolve_settings, store_for

Host = Annotated[
    str | None,
    typer.Option(
        "--host",
        help="Address to listen on (127.0.0.1: this machine only).",
        show_default="127.0.0.1",
    ),
]
Port = Annotated[int | None, typer.Option("--port", help="Port to listen on.", show_default="8000")]
Token = Annotated[
    str | None,
    typer.Option("--token", help="Token that writes must send; a random one is made if unset."),
]


@app.command("serve")
def serve_cmd(
    db: Db = None,
    host: Host = None,
    port: Port = None,
    token: Token = None,
    settings_file: SettingsFile = None,
) -> None:
    """Serve the web UI and JSON API (docs at /api/docs); prints the address and write token.

    Example: kronika serve --db kronika.db --port 8000
    """
    from ..web.app import serve, with_token

    settings = with_token(resolve_settings(settings_file, db=db, host=host, port=port, token=token))
    with store_for(settings) as store:
        typer.echo(
            f"kronika: serving {store.label} at http://{settings.host}:{settings.port}/", err=True
        )
        typer.echo(f"kronika: write token (send as X-Kronika-Token): {settings.token}", err=True)
        serve(settings, store)
