"""Where documents come from: files by extension, directories, JSONL lines and standard input."""

from __future__ import annotations

import io
import os
import stat
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TextIO

from claimgraph.errors import InputError
from claimgraph.ingest.clean import clean_text
from claimgraph.ingest.decode import BINARY, read_clean_text
from claimgraph.ingest.html import read_html_file
from claimgraph.ingest.jsonl import iter_jsonl
from claimgraph.ingest.metadata import DocDefaults
from claimgraph.ingest.pdf import read_pdf_file
from claimgraph.ingest.text import read_text_file, text_document
from claimgraph.model import Document

MAX_BYTES = 200_000_000
STDIN = "-"
_READERS: dict[str, Callable[[Path, str, DocDefaults | None], Document]] = {
    ".txt": read_text_file, ".md": read_text_file, ".markdown": read_text_file,
    ".html": read_html_file, ".htm": read_html_file, ".pdf": read_pdf_file,
}
_JSONL = ".jsonl"
SUPPORTED_EXTENSIONS: tuple[str, ...] = tuple(sorted([*_READERS, _JSONL]))

Result = Document | InputError


def iter_documents(paths: Sequence[str | Path], defaults: DocDefaults | None = None,
                   stdin: TextIO | None = None, max_bytes: int = MAX_BYTES) -> Iterator[Result]:
    """Read every input in order: one Document per document read, one InputError per input that failed.

    ``paths`` holds files, directories (read recursively in sorted order, files of other types and
    hidden entries skipped) and ``"-"`` for ``stdin`` (default ``sys.stdin``). A JSONL file gives one
    result per line. Bad input never raises: it becomes an InputError ``"<input>: <reason>"``.
    """
    for raw in paths:
        source = str(raw)
        if source == STDIN:
            yield _guarded(source, lambda: _read_stdin(stdin or sys.stdin, defaults, max_bytes))
        else:
            yield from _iter_path(Path(raw), source, defaults, max_bytes)


def _iter_path(path: Path, source: str, defaults: DocDefaults | None, max_bytes: int) -> Iterator[Result]:
    try:
        info = path.stat()
    except OSError as exc:
        yield InputError(source, _os_reason(exc))
        return
    if stat.S_ISDIR(info.st_mode):
        yield from _iter_directory(path, defaults, max_bytes)
    else:
        yield from _iter_file(path, source, info, defaults, max_bytes)


def _iter_directory(root: Path, defaults: DocDefaults | None, max_bytes: int) -> Iterator[Result]:
    errors: list[OSError] = []
    files: list[Path] = []
    for folder, subfolders, names in os.walk(root, onerror=errors.append):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        files.extend(Path(folder, name) for name in names
                     if not name.startswith(".") and Path(name).suffix.lower() in SUPPORTED_EXTENSIONS)
    for error in errors:
        yield InputError(str(error.filename or root), _os_reason(error))
    if not files and not errors:
        yield InputError(str(root), f"no supported files in directory ({_supported()})")
    for path in sorted(files):
        yield from _iter_path(path, str(path), defaults, max_bytes)


def _iter_file(path: Path, source: str, info: os.stat_result, defaults: DocDefaults | None,
               max_bytes: int) -> Iterator[Result]:
    extension = path.suffix.lower()
    if extension not in SUPPORTED_EXTENSIONS:
        yield InputError(source, _unsupported(extension))
        return
    try:
        if not stat.S_ISREG(info.st_mode):
            raise InputError(source, "not a regular file")
        if info.st_size > max_bytes:
            raise InputError(source, f"file too large ({_mb(info.st_size)} MB > {_mb(max_bytes)} MB limit)")
        if extension == _JSONL:
            yield from iter_jsonl(path, source, defaults)
        else:
            yield _READERS[extension](path, source, defaults)
    except InputError as err:
        yield err
    except UnicodeDecodeError:
        yield InputError(source, BINARY)
    except OSError as exc:
        yield InputError(source, _os_reason(exc))


def _read_stdin(stdin: TextIO, defaults: DocDefaults | None, max_bytes: int) -> Document:
    """The document on standard input: bytes (any encoding) when the stream has them, else its text."""
    buffer = getattr(stdin, "buffer", None)
    data = buffer.read(max_bytes + 1) if buffer is not None else stdin.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(STDIN, f"input too large (over the {_mb(max_bytes)} MB limit)")
    text = read_clean_text(io.BytesIO(data), STDIN) if isinstance(data, bytes) else clean_text(data)
    return text_document(text, STDIN, defaults)


def _guarded(source: str, read: Callable[[], Document]) -> Result:
    """The result of ``read``, with its input errors and OS errors turned into an InputError."""
    try:
        return read()
    except InputError as err:
        return err
    except UnicodeDecodeError:
        return InputError(source, BINARY)
    except OSError as exc:
        return InputError(source, _os_reason(exc))


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, PermissionError):
        return "permission denied"
    reason = exc.strerror or str(exc)
    return reason[:1].lower() + reason[1:]


def _unsupported(extension: str) -> str:
    kind = extension or "(no extension)"
    return f"unsupported file type {kind} ({_supported()})"


def _supported() -> str:
    return "supported: " + ", ".join(SUPPORTED_EXTENSIONS)


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.4g}"
