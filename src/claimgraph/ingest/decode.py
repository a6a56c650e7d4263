"""Bytes to text: a BOM, else UTF-8 when the bytes are valid UTF-8, else charset-normalizer's guess."""

from __future__ import annotations

import codecs
import io
from typing import BinaryIO

import charset_normalizer

from claimgraph.errors import InputError
from claimgraph.ingest.clean import clean_lines

BINARY = "binary file, not text"
_CHUNK = 1 << 20
# UTF-32 before UTF-16: the UTF-32 little-endian BOM starts with the UTF-16 one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)


def detect_encoding(fp: BinaryIO, source: str) -> str:
    """The encoding of a seekable binary stream, read in chunks; the stream is rewound afterwards.

    Raises InputError ("binary file, not text") for NUL bytes outside UTF-16/32 or bytes no encoding fits.
    """
    head = fp.read(4)
    fp.seek(0)
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding
    decoder = codecs.getincrementaldecoder("utf-8")()
    is_utf8 = True
    while chunk := fp.read(_CHUNK):
        if b"\x00" in chunk:
            raise InputError(source, BINARY)
        if is_utf8:
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError:
                is_utf8 = False
    fp.seek(0)
    if is_utf8:
        try:
            decoder.decode(b"", final=True)
            return "utf-8"
        except UnicodeDecodeError:
            pass
    best = charset_normalizer.from_fp(fp).best()
    fp.seek(0)
    if best is None:
        raise InputError(source, BINARY)
    return best.encoding


def read_clean_text(fp: BinaryIO, source: str) -> str:
    """Decode a seekable binary stream and return its clean text (see ``claimgraph.ingest.clean``)."""
    encoding = detect_encoding(fp, source)
    stream = io.TextIOWrapper(fp, encoding=encoding, newline=None)
    try:
        return clean_lines(stream)
    except UnicodeDecodeError as exc:
        raise InputError(source, BINARY) from exc
    finally:
        stream.detach()
