"""One entry point for every export format, with the same filters for all of them."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from claimgraph.errors import InputError
from claimgraph.export.assessment import Assessment, assess
from claimgraph.export.network import write_gexf, write_graphml
from claimgraph.export.selection import select
from claimgraph.export.stix_export import write_stix
from claimgraph.export.stix_mapping import PROFILES
from claimgraph.export.tables import csv_paths, names_folder, write_csv, write_json
from claimgraph.kb import KnowledgeBase
from claimgraph.model import Corpus

FORMATS = ("stix", "graphml", "gexf", "csv", "json")


def export(corpus: Corpus, kb: KnowledgeBase, fmt: str, path: Path | str, actor: str | None = None,
           doc: str | None = None, since: str | None = None, profile: str = "default",
           timestamp: datetime | None = None) -> list[Path]:
    """Write the corpus (narrowed by ``actor``, ``doc``, ``since``) in format ``fmt``; return the files written.

    ``fmt`` is one of ``stix``, ``graphml``, ``gexf``, ``csv`` (three files: claims, events, actors) or
    ``json``. ``profile`` (``default`` or ``opencti``) and ``timestamp`` (the STIX ``created``/``modified``
    time, now by default) apply to STIX only. Ratings and contradictions are computed on the whole corpus;
    a contradiction is exported when both of its sides pass the filters.
    """
    if fmt not in FORMATS:
        raise InputError(f"--format {fmt}", f"unknown format; expected one of {', '.join(FORMATS)}")
    if profile not in PROFILES:
        raise InputError(f"--profile {profile}", f"unknown profile; expected one of {', '.join(PROFILES)}")
    chosen = select(corpus, kb, actor=actor, doc=doc, since=since)
    assessment = assess(corpus, kb).within(chosen)
    folder = csv_paths(path)["claims"].parent if fmt == "csv" else Path(path).parent
    if not folder.is_dir() and not (fmt == "csv" and names_folder(path)):
        raise InputError(str(path), f"folder {folder} does not exist")
    try:
        return _write(fmt, chosen, kb, assessment, path, profile, timestamp)
    except OSError as exc:
        raise InputError(str(path), exc.strerror or "cannot be written") from exc


def _write(fmt: str, corpus: Corpus, kb: KnowledgeBase, assessment: Assessment, path: Path | str, profile: str,
           timestamp: datetime | None) -> list[Path]:
    target = Path(path)
    if fmt == "csv":
        return write_csv(corpus, kb, assessment, path)
    if fmt == "stix":
        return [write_stix(corpus, kb, assessment, target, profile, timestamp)]
    if fmt == "graphml":
        return [write_graphml(corpus, kb, assessment, target)]
    if fmt == "gexf":
        return [write_gexf(corpus, kb, assessment, target)]
    return [write_json(corpus, kb, assessment, target)]
