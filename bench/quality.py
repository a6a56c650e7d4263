"""Extraction quality of claimgraph against gold annotations (see docs/evaluation.md).

Runs ``claimgraph.api.extract_text`` over each corpus and prints precision, recall and F1 for actors,
attack events and relations, accuracy per event field, attribution and hedging.

    python bench/quality.py                    # both shared corpora: ../shared/corpus/{seeds,dev}
    python bench/quality.py --corpus dev       # one of them
    python bench/quality.py --corpus PATH      # any folder holding gold.jsonl and docs/<id>.txt
    python bench/quality.py --json             # the full report, with per-document errors

Exits 2 when a corpus is not there, 1 when the extractor failed on some document (the failures are
listed and those documents count as empty predictions), 0 otherwise.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from claimgraph.evaluate import Extractor, evaluate_corpus

SHARED_CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"
NAMED_CORPORA = ("seeds", "dev")


def corpus_dirs(choice: str | None) -> list[tuple[str, Path]]:
    """The (name, folder) of each corpus to score: both shared ones, one of them, or a given folder."""
    if choice is None:
        return [(name, SHARED_CORPUS / name) for name in NAMED_CORPORA]
    if choice in NAMED_CORPORA:
        return [(choice, SHARED_CORPUS / choice)]
    path = Path(choice)
    return [(path.name or str(path), path)]


def run(corpora: list[tuple[str, Path]], extract: Extractor) -> dict[str, dict[str, Any]]:
    """Score every corpus; each result holds the report and the seconds the extraction and scoring took."""
    results: dict[str, dict[str, Any]] = {}
    for name, folder in corpora:
        started = time.perf_counter()
        report = evaluate_corpus(folder / "gold.jsonl", folder / "docs", extract)
        results[name] = {"report": report, "seconds": time.perf_counter() - started}
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score claimgraph's extractor against gold annotations.")
    parser.add_argument("--corpus", help="seeds, dev, or a folder with gold.jsonl and docs/ (default: both)")
    parser.add_argument("--json", action="store_true", help="print the full report as JSON")
    args = parser.parse_args(argv)

    corpora = corpus_dirs(args.corpus)
    for _, folder in corpora:
        if not (folder / "gold.jsonl").is_file() or not (folder / "docs").is_dir():
            print(f"quality: {folder.resolve()}: no corpus there (expected gold.jsonl and docs/); "
                  f"the shared corpora live in {SHARED_CORPUS.resolve()}", file=sys.stderr)
            return 2
    from claimgraph.api import extract_text

    results = run(corpora, extract_text)
    if args.json:
        print(json.dumps({name: {"seconds": round(r["seconds"], 3), **r["report"].to_dict()}
                          for name, r in results.items()}, indent=2, ensure_ascii=False))
    else:
        for name, result in results.items():
            print(f"== {name} ({result['seconds']:.2f} s)")
            print(result["report"].format_table())
            print()
    return 1 if any(r["report"].failures for r in results.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
