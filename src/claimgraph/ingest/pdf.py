"""PDF files: the text layer of every page via pypdf."""

from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO

from pypdf import PdfReader
from pypdf.errors import DependencyError

from claimgraph.errors import InputError
from claimgraph.ingest.clean import clean_text
from claimgraph.ingest.metadata import DocDefaults, make_document
from claimgraph.model import Document

_TAIL = 8192  # a complete PDF ends with %%EOF; readers tolerate a little trailing junk after it


def read_pdf_file(path: Path, source: str, defaults: DocDefaults | None = None) -> Document:
    """A Document from a PDF's text layer, with its title and author from the PDF's own metadata.

    Raises InputError for an empty, truncated, encrypted or damaged PDF and for one without a text layer.
    """
    with path.open("rb") as fp:
        size = os.fstat(fp.fileno()).st_size
        head = fp.read(1024)
        if not head.strip():
            raise InputError(source, "empty document")
        if b"%PDF-" not in head:
            raise InputError(source, "not a PDF file (no %PDF- header)")
        fp.seek(max(0, size - _TAIL))
        if b"%%EOF" not in fp.read():
            raise InputError(source, "truncated PDF (no %%EOF marker at the end)")
        fp.seek(0)
        pages, meta = _read_pages(fp, source)
    text = clean_text("\n\n".join(pages))
    if not text.strip():
        raise InputError(source, "no text layer in PDF (a scanned PDF needs OCR first)")
    return make_document(text, meta, source, defaults)


def _read_pages(fp: BinaryIO, source: str) -> tuple[list[str], dict[str, object]]:
    """The text of each page and the title/author metadata; InputError names what went wrong."""
    try:
        reader = PdfReader(fp)
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(source, "encrypted PDF (a password is needed to read it)")
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata
    except InputError:
        raise
    except DependencyError as exc:
        raise InputError(source, "encrypted PDF (decrypting it needs the 'cryptography' package)") from exc
    except Exception as exc:  # pypdf raises many kinds of error for damaged files
        raise InputError(source, f"damaged PDF ({' '.join(str(exc).split()) or type(exc).__name__})") from exc
    meta = {} if info is None else {"title": info.title, "author": info.author}
    return pages, meta
