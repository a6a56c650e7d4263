"""Run the web application with uvicorn."""

from __future__ import annotations

import uvicorn

from claimgraph.server.app import create_app
from claimgraph.server.config import (
    DEFAULT_HOST,
    DEFAULT_PORT,
    LOOPBACK_NAMES,
    ServerConfig,
    check_binding,
    is_loopback,
)


def server_config(db_url: str | None, host: str, token: str | None, max_upload_mb: int) -> ServerConfig:
    """The configuration for serving on ``host``: ValueError when a non-loopback host has no token.

    On loopback only loopback ``Host`` names are answered (no DNS rebinding from a web page)."""
    check_binding(host, token)
    if max_upload_mb < 1:
        raise ValueError(f"{max_upload_mb}: the upload limit is a whole number of megabytes, at least 1")
    hosts = (*LOOPBACK_NAMES, host.strip("[]").lower()) if is_loopback(host) else ()
    return ServerConfig(db_url=db_url, token=token, max_upload_bytes=max_upload_mb * 1024 * 1024,
                        allowed_hosts=hosts)


def serve(config: ServerConfig, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, log_level: str = "info") -> None:
    """Serve the API and the web UI until interrupted (``config`` from ``server_config``)."""
    uvicorn.run(create_app(config), host=host, port=port, log_level=log_level)
