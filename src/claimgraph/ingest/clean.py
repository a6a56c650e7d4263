"""The clean text every later stage indexes: ``\\n`` newlines, no BOM, NFC, no trailing whitespace per line.

Nothing else is changed, so character offsets found in the clean text point at the author's own words.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

BOM = "\ufeff"
BATCH_CHARS = 1 << 20


def clean_text(text: str) -> str:
    """Clean a whole text held in memory (see the module docstring for what changes)."""
    text = text.lstrip(BOM).replace("\r\n", "\n").replace("\r", "\n")
    return _clean_lines(text)


def clean_lines(lines: Iterable[str], batch_chars: int = BATCH_CHARS) -> str:
    """Clean text read line by line with ``\\n`` newlines (a text stream opened with ``newline=None``).

    Lines are cleaned in batches of about ``batch_chars`` characters and joined once at the end, so a
    large file costs about twice its size in memory, not one object per line.
    """
    parts: list[str] = []
    batch: list[str] = []
    size = 0
    for line in lines:
        batch.append(line)
        size += len(line)
        if size >= batch_chars:
            parts.append(_clean_lines("".join(batch)))
            batch.clear()
            size = 0
    if batch:
        parts.append(_clean_lines("".join(batch)))
    if parts:
        parts[0] = parts[0].lstrip(BOM)
    return "".join(parts)


def _clean_lines(text: str) -> str:
    """NFC-normalise text with ``\\n`` newlines and strip each line's trailing whitespace."""
    text = unicodedata.normalize("NFC", text)
    return "\n".join(line.rstrip() for line in text.split("\n"))
