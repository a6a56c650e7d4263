"""How the server runs: the store, the access token, the request size limit and the hosts it answers to."""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass, field

TOKEN_ENV = "CLAIMGRAPH_TOKEN"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
DEFAULT_MAX_UPLOAD_MB = 20
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")


def is_loopback(host: str) -> bool:
    """True when ``host`` names this machine only (``localhost``, 127.0.0.0/8 or ::1)."""
    name = host.strip().strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def token_from_env() -> str | None:
    """The token of ``$CLAIMGRAPH_TOKEN`` (None when unset or blank)."""
    value = os.environ.get(TOKEN_ENV, "").strip()
    return value or None


@dataclass(frozen=True)
class ServerConfig:
    """What ``create_app`` needs.

    ``token``: when set, every request must carry it (``Authorization: Bearer`` or the login cookie).
    ``allowed_hosts``: the ``Host`` header values accepted (empty: any); a loopback server lists the
    loopback names so that a web page elsewhere cannot reach it through DNS rebinding.
    """

    db_url: str | None = None
    token: str | None = None
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD_MB * 1024 * 1024
    allowed_hosts: tuple[str, ...] = field(default_factory=tuple)


def check_binding(host: str, token: str | None) -> None:
    """ValueError when ``host`` is reachable from other machines and no token protects it."""
    if not is_loopback(host) and not token:
        raise ValueError(
            f"{host}: binding to a non-loopback address needs a token (--token or ${TOKEN_ENV})"
        )
