"""claimgraph: evidence-linked claim graphs from articles about armed conflict and terrorism.

The main names are importable from here (``claimgraph.extract_text``, ``claimgraph.open_store``…); they
are loaded on first use, so ``import claimgraph`` stays cheap.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "extract_text": "claimgraph.api",
    "extract_paths": "claimgraph.api",
    "iter_extractions": "claimgraph.api",
    "ingest_paths": "claimgraph.api",
    "run_demo": "claimgraph.api",
    "kb_for_store": "claimgraph.api",
    "kb_add_file": "claimgraph.api",
    "score_extractor": "claimgraph.api",
    "IngestReport": "claimgraph.api",
    "DemoSummary": "claimgraph.api",
    "open_store": "claimgraph.store",
    "Store": "claimgraph.store",
    "AddResult": "claimgraph.store",
    "DocDefaults": "claimgraph.ingest",
    "Document": "claimgraph.model",
    "Extraction": "claimgraph.model",
    "Corpus": "claimgraph.model",
    "Claim": "claimgraph.model",
    "Event": "claimgraph.model",
    "ActorRecord": "claimgraph.model",
    "PlaceRecord": "claimgraph.model",
    "Span": "claimgraph.model",
    "Speaker": "claimgraph.model",
    "ClaimgraphError": "claimgraph.errors",
    "InputError": "claimgraph.errors",
    "KBError": "claimgraph.errors",
    "StoreError": "claimgraph.errors",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'claimgraph' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
