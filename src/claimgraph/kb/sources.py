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
# Code whose output the compiled copy holds: a change to it makes the copy stale, like a change to the data.
CODE = ("variants.py",)


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
    """SHA-256 over the names and contents of the source files and of the code in ``CODE``."""
    package = resources.files("claimgraph.kb")
    sha = hashlib.sha256()
    for name, text in [*texts.items(), *((code, (package / code).read_text(encoding="utf-8")) for code in CODE)]:
        sha.update(name.encode())
        sha.update(b"\0")
        sha.update(text.encode())
        sha.update(b"\0")
    return sha.hexdigest()


def parse_sources() -> tuple[str, dict[str, Any]]:
    """The digest of the source files and their parsed content, read from the YAML itself."""
    texts = _texts()
    return digest(texts), {name: read_yaml(text, f"builtin {name}") for name, text in texts.items()}


@lru_cache(maxsize=1)
def _compiled() -> dict[str, Any] | None:
    item = _root() / "generated" / "compiled.json"
    if not item.is_file():
        return None
    compiled = json.loads(item.read_text(encoding="utf-8"))
    return compiled if compiled.get("sha256") == digest(_texts()) else None


@lru_cache(maxsize=1)
def builtin_sources() -> dict[str, Any]:
    """File name → parsed content of each built-in data file."""
    compiled = _compiled()
    return compiled["files"] if compiled else parse_sources()[1]


def builtin_variant_table() -> dict[str, list[str]]:
    """Precomputed spelling variants of the built-in names, or nothing when the compiled copy is stale."""
    compiled = _compiled()
    return compiled["variants"] if compiled else {}
