"""The REST API and web UI (``claimgraph serve``): FastAPI over a store, with the browser app it serves.

``create_app(ServerConfig(...))`` gives the ASGI application; ``serve(...)`` runs it with uvicorn.
See docs/web.md.
"""

from claimgraph.server.app import create_app
from claimgraph.server.config import ServerConfig, check_binding, is_loopback
from claimgraph.server.run import serve

__all__ = ["ServerConfig", "check_binding", "create_app", "is_loopback", "serve"]
