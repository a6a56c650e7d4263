"""Deterministic STIX identifiers: the same claimgraph id gives the same STIX id in every export.

The UUID is name-based (the SHA-1 construction of UUIDv5 over claimgraph's own id in claimgraph's
namespace) and carries the version-4 marker that STIX 2.1 asks of domain objects, so that re-exports
update objects in OpenCTI or MISP instead of duplicating them and stix2-validator has nothing to say.
"""

from __future__ import annotations

import uuid

NAMESPACE = uuid.UUID("3c0b1d0e-58f4-5a8e-9d43-7c1a2f6e9b21")


def stix_id(stix_type: str, *key: str) -> str:
    """``<stix_type>--<uuid>`` for the claimgraph key parts (e.g. ``"actor", "kb:iskp"``)."""
    name = "\x1f".join((stix_type, *key))
    return f"{stix_type}--{uuid.UUID(bytes=uuid.uuid5(NAMESPACE, name).bytes, version=4)}"
