"""JSON Lines: one document per line, ``{"text": ..., "title": ..., ...}``; a bad line fails alone."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

from claimgraph.errors import InputError
from claimgraph.ingest.clean import clean_text
from claimgraph.ingest.decode import detect_encoding
from claimgraph.ingest.metadata import DocDefaults, make_document
from claimgraph.model import Document


def iter_jsonl(path: Path, source: str,
               defaults: DocDefaults | None = None) -> Iterator[Document | InputError]:
    """One Document per non-blank line, or an InputError naming ``source:LINE`` and the reason.

    Raises InputError for a file that is binary or holds no line at all.
    """
    with path.open("rb") as fp:
        stream = io.TextIOWrapper(fp, encoding=detect_encoding(fp, source), newline=None)
        found = False
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            found = True
            where = f"{source}:{number}"
            try:
                yield line_document(line, where, defaults)
            except InputError as err:
                yield err
    if not found:
        raise InputError(source, "empty document")


def line_document(line: str, where: str, defaults: DocDefaults | None = None) -> Document:
    """The Document of one JSONL line; InputError names ``where`` and what is wrong with the line."""
    try:
        record = json.loads(line.rstrip("\n"))
    except json.JSONDecodeError as exc:
        raise InputError(where, f"invalid JSON: {exc.msg} (column {exc.colno})") from exc
    if not isinstance(record, dict):
        raise InputError(where, f"expected a JSON object, not {type(record).__name__}")
    text = record.get("text")
    if text is None:
        raise InputError(where, 'no "text" field')
    if not isinstance(text, str):
        raise InputError(where, f'"text" must be a string, not {type(text).__name__}')
    return make_document(clean_text(text), record, where, defaults)
