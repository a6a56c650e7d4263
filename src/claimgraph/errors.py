"""Errors a user can act on: each names the input and the reason in one line."""

from __future__ import annotations


class ClaimgraphError(Exception):
    """Base class of claimgraph's own errors."""


class InputError(ClaimgraphError):
    """An input that cannot be read: ``str(err)`` is ``"<input>: <reason>"``."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class KBError(ClaimgraphError):
    """A knowledge-base file or entry that fails validation."""


class StoreError(ClaimgraphError):
    """A store that cannot be opened or is of an unknown schema version."""
