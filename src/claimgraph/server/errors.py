"""Every error the API returns is JSON with a one-line ``detail``; bad input is a 4xx, never a 500."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from claimgraph.errors import InputError, KBError, StoreError

log = logging.getLogger("claimgraph.server")


class ApiError(Exception):
    """An error to answer with ``status`` and ``detail``."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail


def not_found(detail: str) -> ApiError:
    return ApiError(404, detail)


def bad_request(detail: str) -> ApiError:
    return ApiError(400, detail)


def _location(loc: tuple[object, ...]) -> str:
    parts = [str(p) for p in loc if p not in ("query", "body", "path", "form")]
    return ".".join(parts) or "request"


def _validation_detail(exc: RequestValidationError) -> tuple[str, list[dict[str, str]]]:
    errors = [{"field": _location(tuple(e.get("loc", ()))), "message": str(e.get("msg", "invalid"))}
              for e in exc.errors()]
    return "; ".join(f"{e['field']}: {e['message']}" for e in errors) or "invalid request", errors


def install_error_handlers(app: FastAPI) -> None:
    """Answer claimgraph's errors, validation errors and anything unexpected as JSON."""

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse({"detail": exc.detail}, status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        detail, errors = _validation_detail(exc)
        return JSONResponse({"detail": detail, "errors": errors}, status_code=422)

    @app.exception_handler(HTTPException)
    async def _http(_request: Request, exc: HTTPException) -> JSONResponse:
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(StoreError)
    @app.exception_handler(InputError)
    @app.exception_handler(KBError)
    async def _user_error(_request: Request, exc: Exception) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=400)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("%s %s failed", request.method, request.url.path)
        return JSONResponse({"detail": f"internal error ({type(exc).__name__})"}, status_code=500)
