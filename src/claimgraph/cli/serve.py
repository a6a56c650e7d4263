"""``claimgraph serve``: the REST API and web UI over a store."""

from __future__ import annotations

from typing import Annotated

import typer

from claimgraph.cli.app import app
from claimgraph.cli.common import DbOption, fail, user_errors
from claimgraph.server.config import DEFAULT_HOST, DEFAULT_MAX_UPLOAD_MB, DEFAULT_PORT, TOKEN_ENV, token_from_env


@app.command("serve")
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on (loopback by default).")] = DEFAULT_HOST,
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = DEFAULT_PORT,
    token: Annotated[
        str | None,
        typer.Option(
            "--token",
            help=f"Access token every request must carry (default: ${TOKEN_ENV}); required on a non-loopback address.",
        ),
    ] = None,
    max_upload_mb: Annotated[
        int, typer.Option("--max-upload-mb", min=1, help="Largest request body (uploads), in megabytes.")
    ] = DEFAULT_MAX_UPLOAD_MB,
) -> None:
    """Serve the REST API (OpenAPI at /docs) and the web UI at http://HOST:PORT/."""
    from claimgraph.server.run import serve as run_server
    from claimgraph.server.run import server_config

    chosen = token or token_from_env()
    try:
        config = server_config(db, host, chosen, max_upload_mb)
    except ValueError as exc:
        raise fail(str(exc), code=2) from None
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"claimgraph: serving http://{shown}:{port}/ (API docs at /docs); Ctrl-C stops")
    with user_errors():
        run_server(config, host, port)
