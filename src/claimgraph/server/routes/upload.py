"""Adding documents from the browser: each uploaded file is read, extracted and stored on its own, and the
answer says per file what happened (stored, already there, a syndicated copy, or why it failed)."""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, UploadFile

from claimgraph.api import ingest_paths
from claimgraph.ingest import SUPPORTED_EXTENSIONS, DocDefaults
from claimgraph.server.errors import ApiError
from claimgraph.server.params import State, check_date

router = APIRouter(prefix="/api")

MAX_FILES = 100
_UNSAFE = re.compile(r"[^A-Za-z0-9._ -]+")


def safe_name(name: str | None) -> str:
    """The file's own name without any folder part and with only plain characters ("" when nothing is left)."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    return _UNSAFE.sub("_", base).strip(" .")[:120]


def _ingest_one(app_state: Any, upload: UploadFile, folder: Path, defaults: DocDefaults) -> dict[str, Any]:
    name = safe_name(upload.filename)
    result: dict[str, Any] = {"file": upload.filename or "", "documents": [], "errors": []}
    suffix = Path(name).suffix.lower()
    if not name or suffix not in SUPPORTED_EXTENSIONS:
        result["errors"].append(f"unsupported file type {suffix or '(none)'} "
                                f"(supported: {', '.join(SUPPORTED_EXTENSIONS)})")
        return result
    path = folder / name
    with path.open("wb") as out:
        shutil.copyfileobj(upload.file, out)
    if path.stat().st_size == 0:
        result["errors"].append("the file is empty")
        return result
    with app_state.write_lock:
        report = ingest_paths([path], app_state.store, defaults)
    for bucket in (report.ingested, report.near_duplicates, report.duplicates):
        for item in bucket:
            result["documents"].append({"title": item.title, **item.result.to_dict()})
    result["errors"] += [error.reason for error in report.failed]
    return result


@router.post("/documents", summary="Upload documents")
def upload(
    app_state: State,
    files: Annotated[list[UploadFile], File(description="Text, Markdown, HTML, PDF or JSONL files.")],
    outlet: Annotated[str | None, Form(max_length=300)] = None,
    published: Annotated[str | None, Form(max_length=10, description="YYYY, YYYY-MM or YYYY-MM-DD")] = None,
    perspective: Annotated[str | None, Form(max_length=100)] = None,
    title: Annotated[str | None, Form(max_length=500)] = None,
) -> dict[str, Any]:
    """Read, extract and store each file (metadata fields fill what a file does not say itself).

    A file that cannot be read or extracted is reported with its reason; the other files go on."""
    if len(files) > MAX_FILES:
        raise ApiError(422, f"files: at most {MAX_FILES} files per request")
    tags = {"perspective": perspective.strip()} if perspective and perspective.strip() else {}
    defaults = DocDefaults(outlet=(outlet or "").strip() or None, published=check_date("published", published),
                           title=(title or "").strip() or None, tags=tags)
    results = []
    for upload_file in files:
        with tempfile.TemporaryDirectory(prefix="claimgraph-upload-") as folder:
            results.append(_ingest_one(app_state, upload_file, Path(folder), defaults))
    stored = sum(1 for r in results for d in r["documents"] if d["status"] != "duplicate")
    return {"files": results, "stored": stored, "failed": sum(1 for r in results if r["errors"])}
