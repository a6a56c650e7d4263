"""Gold annotations: one JSON object per line of ``gold.jsonl``, the document text in ``DOCS_DIR/<id>.txt``.

The schema is that of the shared corpora (actors with canonical names and mentions, events, relations);
every event and relation evidence must be an exact substring of the document text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimgraph.errors import InputError
from claimgraph.model import AUTHOR


@dataclass(frozen=True)
class GoldActor:
    canonical: str
    type: str
    mentions: tuple[str, ...]


@dataclass(frozen=True)
class GoldEvent:
    kind: str
    date: str | None
    place: str | None
    country: str | None
    perpetrator: str | None
    claimed_by: tuple[str, ...]
    killed: int | None
    wounded: int | None
    evidence: str


@dataclass(frozen=True)
class GoldRelation:
    subject: str
    relation: str
    object: str
    asserted_by: str
    hedged: bool
    negated: bool
    evidence: str


@dataclass(frozen=True)
class GoldDoc:
    """One annotated document: its text and what a reader finds in it."""

    id: str
    text: str
    actors: tuple[GoldActor, ...]
    events: tuple[GoldEvent, ...]
    relations: tuple[GoldRelation, ...]

    def actor_type(self, canonical: str) -> str | None:
        """The gold type of a canonical actor name, or None when it is not one of this doc's actors."""
        return next((a.type for a in self.actors if a.canonical == canonical), None)


def load_gold(gold_path: Path, docs_dir: Path) -> list[GoldDoc]:
    """Read a gold file and its documents; raise InputError naming the line and the problem."""
    try:
        lines = gold_path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise InputError(str(gold_path), f"cannot read gold file ({err.strerror or err})") from err
    docs: list[GoldDoc] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{gold_path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            raise InputError(where, f"not valid JSON ({err.msg})") from err
        docs.append(_parse_doc(record, docs_dir, where))
    return docs


def _parse_doc(record: dict[str, Any], docs_dir: Path, where: str) -> GoldDoc:
    try:
        doc_id = str(record["id"])
        text_path = docs_dir / f"{doc_id}.txt"
        try:
            text = text_path.read_text(encoding="utf-8")
        except OSError as err:
            raise InputError(where, f"document {text_path} cannot be read ({err.strerror or err})") from err
        actors = tuple(GoldActor(a["canonical"], a["type"], tuple(a.get("mentions", ())))
                       for a in record.get("actors", ()))
        events = tuple(GoldEvent(e["kind"], e.get("date"), e.get("place"), e.get("country"),
                                 e.get("perpetrator"), tuple(e.get("claimed_by") or ()), e.get("killed"),
                                 e.get("wounded"), e["evidence"]) for e in record.get("events", ()))
        relations = tuple(GoldRelation(r["subject"], r["relation"], r["object"], r.get("asserted_by", AUTHOR),
                                       bool(r.get("hedged", False)), bool(r.get("negated", False)),
                                       r["evidence"]) for r in record.get("relations", ()))
    except (KeyError, TypeError) as err:
        raise InputError(where, f"gold record lacks a required field ({err})") from err
    for item in (*events, *relations):
        if item.evidence not in text:
            raise InputError(where, f"evidence not found in {text_path.name}: {item.evidence[:60]!r}")
    return GoldDoc(doc_id, text, actors, events, relations)
