"""The built-in data files, parsed: from the compiled copy when it is current, else from the YAML itself.

Parsing all YAML files takes a few hundred milliseconds; ``data/generated/compiled.json`` (written by
``python -m claimgraph.kb.generate``) holds the same parsed content with the SHA-256 of the YAML it came
from, and loads in a few milliseconds. A compiled copy that does not match the YAML is ignored, so an edited
data file always takes effect.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from importlib import resources
from importlib.abc import Traversable
from typing import Any

from claimgraph.kb.entries import read_yaml

TABLES = ("tables/states.yaml",)
COMPILED = "generated/compiled.json"


def _root() -> Traversable:
    return resources.files("claimgraph.kb") / "data"


def source_files() -> list[str]:
    """Paths, relative to the data folder, of the built-in YAML files: the tables, then the entry files."""
    names = sorted(item.name for item in _root().iterdir() if item.name.endswith((".yaml", ".yml")))
    return [*TABLES, *names]


def _texts() -> dict[str, str]:
    root = _root()
    texts = {}
    for name in source_files():
        item = root
        for part in name.split("/"):
            item = item / part
        texts[name] = item.read_text(encoding="utf-8")
    return texts


def digest(texts: dict[str, str]) -> str:
    """SHA-256 over the names and contents of the source files."""
    sha = hashlib.sha256()
    for name, text in texts.items():
        sha.update(name.encode())
        sha.update(b"\0")
        sha.update(text.encode())
        sha.update(b"\0")
    return sha.hexdigest()


def compile_sources() -> dict[str, Any]:
    """The parsed content of every source file with its digest (what ``COMPILED`` holds)."""
    texts = _texts()
    return {"sha256": digest(texts),
            "files": {name: read_yaml(text, f"builtin {name}") for name, text in texts.items()}}


@lru_cache(maxsize=1)
def builtin_sources() -> dict[str, Any]:
    """File name → parsed content of each built-in data file."""
    texts = _texts()
    compiled_item = _root() / "generated" / "compiled.json"
    if compiled_item.is_file():
        compiled = json.loads(compiled_item.read_text(encoding="utf-8"))
        if compiled.get("sha256") == digest(texts):
            return compiled["files"]
    return {name: read_yaml(text, f"builtin {name}") for name, text in texts.items()}
