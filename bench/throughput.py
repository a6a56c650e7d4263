"""Throughput of claimgraph: documents/s, words/s and peak memory of ``extract`` alone and of ``ingest``.

Generates a synthetic corpus (bench/generate_corpus.py), then runs each phase in a fresh Python process
so that its peak resident memory (``getrusage(RUSAGE_SELF).ru_maxrss`` at the end of the phase) is its own:

- ``extract``: ``claimgraph.extract.extract_document`` over ``claimgraph.model.Document`` objects read
  from a JSONL file (no store, no file readers);
- ``ingest``: ``claimgraph.api.ingest_paths`` over a folder of ``.txt`` files with front matter, end to
  end into a fresh SQLite store (reading, cleaning, extraction, near-duplicate check, writes).

    python bench/throughput.py                 # 5,000 documents
    python bench/throughput.py --docs 500      # a quick run

Prints a table and writes bench/results/throughput.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from claimgraph import __version__
from claimgraph.extract import EXTRACTOR
from claimgraph.kb import builtin_kb
from generate_corpus import DEFAULT_SEED, cast_from_kb, generate, write_jsonl, write_text_dir

BENCH_DIR = Path(__file__).resolve().parent
DEFAULT_OUT = BENCH_DIR / "results" / "throughput.json"
PHASES = ("extract", "ingest")


def peak_rss_mib() -> float:
    """Peak resident memory of this process so far, in MiB (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def run_extract(corpus: Path) -> dict[str, Any]:
    """Extract every document of a JSONL corpus; the documents are built in memory, one at a time."""
    from claimgraph.extract import extract_document
    from claimgraph.model import Document

    started = time.perf_counter()
    kb = builtin_kb()
    setup = time.perf_counter() - started
    setup_rss = peak_rss_mib()
    docs = words = claims = events = actors = 0
    started = time.perf_counter()
    with corpus.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            doc = Document(text=record["text"], title=record["title"], outlet=record["outlet"],
                           author=record["author"], published=record["published"], tags=record["tags"])
            extraction = extract_document(doc, kb)
            docs += 1
            words += len(doc.text.split())
            actors += len(extraction.actors)
            claims += len(extraction.claims)
            events += len(extraction.events)
    seconds = time.perf_counter() - started
    return {"documents": docs, "words": words, "seconds": seconds, "setup_seconds": setup,
            "setup_rss_mib": setup_rss, "actors": actors, "claims": claims, "events": events}


def run_ingest(folder: Path, db_url: str, words: int) -> dict[str, Any]:
    """Ingest a folder of text files end to end into a fresh store at ``db_url``."""
    # imported here, not at the top, so that the extract phase's memory does not include the store
    from claimgraph.api import ingest_paths
    from claimgraph.ingest import DocDefaults
    from claimgraph.store import open_store

    started = time.perf_counter()
    builtin_kb()
    store = open_store(db_url)
    setup = time.perf_counter() - started
    setup_rss = peak_rss_mib()
    started = time.perf_counter()
    with store:
        report = ingest_paths([folder], store, DocDefaults())
    seconds = time.perf_counter() - started
    stored = len(report.ingested) + len(report.near_duplicates)
    return {"documents": stored + len(report.duplicates) + len(report.failed), "words": words,
            "seconds": seconds, "setup_seconds": setup, "setup_rss_mib": setup_rss,
            "ingested": len(report.ingested), "near_duplicates": len(report.near_duplicates),
            "duplicates": len(report.duplicates), "failed": len(report.failed),
            "failures": [str(e) for e in report.failed[:5]]}


def run_phase_in_child(phase: str, work: Path, words: int) -> dict[str, Any]:
    """Run one phase in a fresh interpreter; its result, or ``{"error": ...}`` when it failed."""
    command = [sys.executable, str(Path(__file__).resolve()), "--phase", phase, "--workdir", str(work),
               "--words", str(words)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        reason = (done.stderr.strip().splitlines() or [f"exit status {done.returncode}"])[-1]
        return {"error": reason}
    return json.loads(done.stdout.strip().splitlines()[-1])


def machine() -> dict[str, Any]:
    """What the numbers were measured on."""
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        models = [ln.split(":", 1)[1].strip() for ln in cpuinfo.read_text().splitlines()
                  if ln.startswith("model name")]
        cpu = models[0] if models else cpu
    memory = None
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        total_kib = int(meminfo.read_text().split("MemTotal:", 1)[1].split()[0])
        memory = round(total_kib / 1024 / 1024, 1)
    return {"platform": platform.platform(), "python": platform.python_version(), "cpu": cpu,
            "cpus_visible": os.cpu_count(), "memory_gib": memory,
            "load_average_1_5_15min": [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None}


def prepare(work: Path, docs: int, seed: int) -> tuple[int, bool]:
    """Write the corpus twice (JSONL for ``extract``, a folder of .txt for ``ingest``); total words."""
    cast = cast_from_kb(builtin_kb())
    records = list(generate(docs, seed, cast))
    write_jsonl(iter(records), work / "corpus.jsonl")
    write_text_dir(iter(records), work / "corpus")
    return sum(len(str(r["text"]).split()) for r in records), cast.from_kb


def table(results: dict[str, dict[str, Any]]) -> str:
    """The results as a plain-text table."""
    rows = [f"{'phase':<8} {'docs':>6} {'words':>10} {'seconds':>9} {'docs/s':>8} {'words/s':>9} "
            f"{'peak RSS MiB':>13}"]
    for phase, r in results.items():
        if "error" in r:
            rows.append(f"{phase:<8} failed: {r['error']}")
        else:
            rows.append(f"{phase:<8} {r['documents']:>6} {r['words']:>10} {r['seconds']:>9.1f} "
                        f"{r['docs_per_s']:>8.1f} {r['words_per_s']:>9.0f} {r['peak_rss_mib']:>13.0f}")
    return "\n".join(rows)


def child(phase: str, work: Path, words: int) -> None:
    """Run one phase in this process and print its measurements as one JSON line."""
    if phase == "extract":
        result = run_extract(work / "corpus.jsonl")
    else:
        db = work / "ingest.db"
        for stale in work.glob("ingest.db*"):
            stale.unlink()
        result = run_ingest(work / "corpus", f"sqlite:///{db}", words)
    result["peak_rss_mib"] = peak_rss_mib()
    result["docs_per_s"] = result["documents"] / result["seconds"]
    result["words_per_s"] = result["words"] / result["seconds"]
    print(json.dumps(result))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=5000, help="documents to generate (default 5000)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the JSON results")
    parser.add_argument("--note", default="", help="a remark stored with the results (e.g. shared CPUs)")
    parser.add_argument("--keep", action="store_true", help="keep the generated corpus and store")
    parser.add_argument("--phase", choices=PHASES, help=argparse.SUPPRESS)
    parser.add_argument("--workdir", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--words", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.phase:
        child(args.phase, args.workdir, args.words)
        return 0

    work = Path(tempfile.mkdtemp(prefix="claimgraph-bench-"))
    try:
        print(f"generating {args.docs} documents in {work} ...", file=sys.stderr)
        words, from_kb = prepare(work, args.docs, args.seed)
        results = {}
        for phase in PHASES:
            print(f"running {phase} ...", file=sys.stderr)
            results[phase] = run_phase_in_child(phase, work, words)
    finally:
        if args.keep:
            print(f"kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    report = {"measured_at": datetime.now(UTC).isoformat(timespec="seconds"), "machine": machine(),
              "claimgraph": __version__, "extractor": EXTRACTOR,
              "note": args.note, "corpus": {"documents": args.docs, "words": words, "seed": args.seed,
                                            "actors_from_kb": from_kb, "kb_actors": len(builtin_kb().actors),
                                            "kb_places": len(builtin_kb().places)},
              "phases": results}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(table(results))
    print(f"results written to {args.out}", file=sys.stderr)
    return 1 if any("error" in r for r in results.values()) else 0


if __name__ == "__main__":
    raise SystemExit(main())
