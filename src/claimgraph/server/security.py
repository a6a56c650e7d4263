"""Guards in front of every route: host check, access token, same-origin writes, body size, safe headers.

One ASGI middleware does it all so that nothing reaches a route unchecked:

- ``Host`` must be one of the allowed names when the server is on loopback (a page on another site cannot
  reach it through DNS rebinding);
- with a token, a request must carry it as ``Authorization: Bearer <token>`` or in the cookie set by
  opening any page with ``?token=<token>``; otherwise 401;
- a write (POST, PUT, PATCH, DELETE) sent by a browser from another origin is refused (403);
- a body larger than the limit is refused (413), whether or not it announces its length;
- every response carries a Content-Security-Policy that allows scripts from the server only.
"""

from __future__ import annotations

import secrets
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse, RedirectResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from claimgraph.server.config import ServerConfig

COOKIE = "claimgraph_token"
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
       "connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


def _host_name(host: str) -> str:
    """The name part of a Host header value ("[::1]:8000" → "::1", "localhost:80" → "localhost")."""
    if host.startswith("["):
        return host[1:].split("]", 1)[0].lower()
    return host.rsplit(":", 1)[0].lower() if host.count(":") == 1 else host.lower()


class SecurityMiddleware:
    """See the module docstring."""

    def __init__(self, app: ASGIApp, config: ServerConfig) -> None:
        self.app = app
        self.token = config.token
        self.max_body = config.max_upload_bytes
        self.allowed_hosts = {h.lower() for h in config.allowed_hosts}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        refusal = self._refusal(scope, headers)
        if refusal is not None:
            await refusal(scope, receive, self._with_headers(send))
            return
        await self.app(scope, self._limited(receive), self._with_headers(send))

    def _refusal(self, scope: Scope, headers: Headers) -> Any:
        host = headers.get("host", "")
        if self.allowed_hosts and _host_name(host) not in self.allowed_hosts:
            return _error(400, f"host {host!r} is not served here")
        if self.token is not None:
            login = self._login(scope)
            if login is not None:
                return login
            if not self._authorised(headers):
                return _error(401, "a token is needed: send 'Authorization: Bearer <token>' or open /?token=<token>",
                              {"www-authenticate": "Bearer"})
        if scope["method"] in UNSAFE_METHODS and not _same_origin(headers):
            return _error(403, "cross-site write refused: the request comes from another origin")
        length = headers.get("content-length")
        if length is not None:
            if not length.isdigit():
                return _error(400, "content-length is not a number")
            if int(length) > self.max_body:
                return _error(413, f"request body too large (limit {self.max_body} bytes)")
        return None

    def _login(self, scope: Scope) -> Any:
        """A redirect setting the token cookie when the query string carries the right token; 401 when wrong."""
        pairs = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        given = [value for key, value in pairs if key == "token"]
        if not given:
            return None
        if not secrets.compare_digest(given[-1].encode(), self.token.encode()):  # type: ignore[union-attr]
            return _error(401, "wrong token")
        rest = urlencode([(k, v) for k, v in pairs if k != "token"])
        response = RedirectResponse(scope["path"] + (f"?{rest}" if rest else ""), status_code=303)
        response.set_cookie(COOKIE, self.token, httponly=True, samesite="strict", path="/")  # type: ignore[arg-type]
        return response

    def _authorised(self, headers: Headers) -> bool:
        expected = self.token.encode()  # type: ignore[union-attr]
        scheme, _, value = headers.get("authorization", "").partition(" ")
        if scheme.lower() == "bearer" and secrets.compare_digest(value.strip().encode(), expected):
            return True
        cookie = SimpleCookie()
        try:
            cookie.load(headers.get("cookie", ""))
        except Exception:  # a malformed cookie header is simply no cookie
            return False
        morsel = cookie.get(COOKIE)
        return morsel is not None and secrets.compare_digest(morsel.value.encode(), expected)

    def _limited(self, receive: Receive) -> Receive:
        seen = 0
        limit = self.max_body

        async def counting() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise HTTPException(413, f"request body too large (limit {limit} bytes)")
            return message

        return counting

    @staticmethod
    def _with_headers(send: Send) -> Send:
        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in HEADERS if k not in present]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        return sending


def _same_origin(headers: Headers) -> bool:
    """True unless a browser says the request comes from a page of another origin."""
    if headers.get("sec-fetch-site") in ("cross-site", "same-site"):
        return False
    origin = headers.get("origin")
    if origin is None:
        return True
    if origin == "null":
        return False
    return urlsplit(origin).netloc.lower() == headers.get("host", "").lower()


def _error(status: int, detail: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"detail": detail}, status_code=status, headers=headers)
