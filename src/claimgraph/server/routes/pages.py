"""The web UI's page, the OpenAPI page and the static files (vendored libraries included)."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse

STATIC = Path(__file__).resolve().parent.parent / "static"

router = APIRouter(include_in_schema=False)


@router.get("/")
def index() -> FileResponse:
    return FileResponse(STATIC / "index.html", media_type="text/html")


@router.get("/docs")
def api_docs() -> FileResponse:
    return FileResponse(STATIC / "docs.html", media_type="text/html")
