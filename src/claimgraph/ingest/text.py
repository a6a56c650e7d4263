"""Plain text and Markdown, with optional YAML front matter between ``---`` lines at the top."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from claimgraph.errors import InputError
from claimgraph.ingest.clean import clean_text
from claimgraph.ingest.decode import read_clean_text
from claimgraph.ingest.metadata import DocDefaults, make_document
from claimgraph.model import Document

_OPEN = "---\n"
_CLOSE = re.compile(r"^(?:---|\.\.\.)$", re.MULTILINE)


def read_text_document(text: str, source: str = "-", defaults: DocDefaults | None = None) -> Document:
    """A Document from text held in memory (e.g. standard input); raises InputError when it is unusable."""
    return text_document(clean_text(text), source, defaults)


def read_text_file(path: Path, source: str, defaults: DocDefaults | None = None) -> Document:
    """A Document from a ``.txt`` or ``.md`` file in any common encoding."""
    with path.open("rb") as fp:
        text = read_clean_text(fp, source)
    return text_document(text, source, defaults)


def text_document(clean: str, source: str, defaults: DocDefaults | None) -> Document:
    """A Document from clean text, taking its metadata from front matter when there is one."""
    meta, body = split_front_matter(clean, source)
    return make_document(body, meta, source, defaults)


def split_front_matter(text: str, source: str) -> tuple[dict[str, object], str]:
    """The front matter mapping and the body after it (blank lines right after it dropped).

    Front matter is there when the first line is ``---`` and a later line is ``---`` or ``...``; what lies
    between must be a YAML mapping, or InputError says why not.
    """
    if not text.startswith(_OPEN):
        return {}, text
    close = _CLOSE.search(text, len(_OPEN))
    if close is None:
        return {}, text
    try:
        meta = yaml.safe_load(text[len(_OPEN):close.start()])
    except yaml.YAMLError as exc:
        reason = " ".join(str(exc).split())
        raise InputError(source, f"invalid YAML front matter: {reason}") from exc
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise InputError(source, "invalid YAML front matter: expected 'key: value' lines")
    return meta, text[close.end():].lstrip("\n")
