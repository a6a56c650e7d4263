"""The FastAPI application: the JSON API under /api, OpenAPI at /docs, the web UI at /."""

from __future__ import annotations

import mimetypes

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from claimgraph import __version__
from claimgraph.server.config import ServerConfig
from claimgraph.server.errors import install_error_handlers
from claimgraph.server.routes import analysis, catalog, graph, pages, review, upload
from claimgraph.server.security import SecurityMiddleware
from claimgraph.server.state import AppState
from claimgraph.store import Store, open_store


def create_app(config: ServerConfig | None = None, store: Store | None = None) -> FastAPI:
    """The web application over ``store`` (else the store at ``config.db_url``, made when missing)."""
    config = config or ServerConfig()
    mimetypes.add_type("text/javascript", ".mjs")  # ES modules of the vendored libraries, whatever the system knows
    app = FastAPI(
        title="claimgraph",
        version=__version__,
        description="Evidence-linked claim graphs: documents, actors, claims, events, comparisons and reviews.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.claimgraph = AppState(store or open_store(config.db_url))
    install_error_handlers(app)
    for module in (catalog, graph, analysis, review, upload, pages):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=pages.STATIC), name="static")
    app.add_middleware(SecurityMiddleware, config=config)
    return app
