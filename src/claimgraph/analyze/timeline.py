"""Check the dates documents give for well-known events against a reference timeline.

A sentence names a reference event when it contains one of the event's ``match`` alternatives. The date
mentions of that sentence (``claimgraph.nlp.dates.find_dates``, relative dates resolved against the
publication date) are compared with the reference date at the mention's precision ("October 2021" is a
month). The sentence is flagged when none of its dates agrees with the reference (or with one of the
``other_dates`` the same words also name) and the date nearest the matched words conflicts with it:
at most ``MAX_GAP`` characters away, with no word such as "after" or "since" in between (those date
something else relative to the event).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from claimgraph.analyze.statements import doc_label, unique_extractions
from claimgraph.analyze.yaml_files import read_yaml_file
from claimgraph.errors import InputError
from claimgraph.model import Corpus, Document
from claimgraph.nlp.dates import DateMention, find_dates
from claimgraph.nlp.sentences import split_sentences
from claimgraph.nlp.text import fold, fold_key

MAX_GAP = 60
_RELATIVE = re.compile(r"\b(?:after|before|since|until|till|ago|later|earlier|anniversary|following|prior|"
                       r"preceding|previous|next|then)\b")
_ISO = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_LENGTH = {"year": 4, "month": 7, "day": 10}
ENTRY_KEYS = {"id", "date", "description", "match", "actors", "place", "tolerance_days", "other_dates", "source",
              "added_at"}


@dataclass(frozen=True)
class ReferenceEvent:
    """A well-established dated event and the words that name it."""

    id: str
    date: str
    description: str
    match: tuple[tuple[str, ...], ...]
    actors: tuple[str, ...] = ()
    place: str | None = None
    tolerance_days: int = 0
    other_dates: tuple[str, ...] = ()
    source: str = "builtin"

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "date": self.date, "description": self.description,
                "match": [list(group) for group in self.match], "actors": list(self.actors), "place": self.place,
                "tolerance_days": self.tolerance_days, "other_dates": list(self.other_dates), "source": self.source}

    def agrees(self, value: str, precision: str) -> bool:
        """True when a stated date (``value`` at ``precision``) fits the event or one of its other dates."""
        stated = value[:_LENGTH.get(precision, len(value))]
        return any(_same_date(stated, known, self.tolerance_days if known == self.date else 0)
                   for known in (self.date, *self.other_dates))


def _same_date(stated: str, known: str, tolerance_days: int) -> bool:
    length = min(len(stated), len(known))
    if length == 10:
        return abs((date.fromisoformat(stated) - date.fromisoformat(known)).days) <= tolerance_days
    return stated[:length] == known[:length]


def _iso(value: Any, where: str, key: str) -> str:
    text = str(value).strip() if value is not None else ""
    if not _ISO.match(text):
        raise InputError(where, f"{key} {text!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    try:
        date.fromisoformat(text + "-01" * (2 - text.count("-")))
    except ValueError as exc:
        raise InputError(where, f"{key} {text!r} is not a real date") from exc
    return text


def _text_list(value: Any, where: str, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise InputError(where, f"{key!r} must be a list of text")
    return tuple(v.strip() for v in value)


def reference_event(raw: Mapping[str, Any], source: str = "user") -> ReferenceEvent:
    """Validate one reference entry (as written in YAML or kept by the store)."""
    where = f"{source}: reference event {raw.get('id') or raw.get('description') or '?'!r}"
    if unknown := set(raw) - ENTRY_KEYS:
        raise InputError(where, f"unknown field(s) {', '.join(sorted(unknown))}")
    day = _iso(raw.get("date"), where, "date")
    description = str(raw.get("description") or "").strip()
    if not description:
        raise InputError(where, "needs a description")
    groups = raw.get("match")
    if not isinstance(groups, list) or not groups:
        raise InputError(where, "needs 'match': a list of phrases or of lists of phrases that name the event")
    match = tuple(_text_list(g if isinstance(g, list) else [g], where, "match") for g in groups)
    tolerance = raw.get("tolerance_days", 0)
    if not isinstance(tolerance, int) or isinstance(tolerance, bool) or tolerance < 0:
        raise InputError(where, "'tolerance_days' must be a whole number of days, 0 or more")
    others = tuple(_iso(d, where, "other date") for d in raw.get("other_dates") or ())
    return ReferenceEvent(str(raw.get("id") or f"ref:{description}"), day, description, match,
                          _text_list(raw.get("actors"), where, "actors"),
                          str(raw["place"]) if raw.get("place") else None, tolerance, others,
                          str(raw.get("source") or source))


def reference_events(data: Any, source: str) -> list[ReferenceEvent]:
    """Entries from parsed YAML: ``{"events": [...]}`` or a bare list."""
    items = data.get("events") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise InputError(source, "expected a list of reference events (or a mapping with 'events')")
    return [reference_event(item if isinstance(item, dict) else {}, source) for item in items]


def load_reference_file(path: Path) -> list[ReferenceEvent]:
    """Reference entries from a user's YAML file."""
    return reference_events(read_yaml_file(path), str(path))


@lru_cache(maxsize=1)
def builtin_timeline() -> tuple[ReferenceEvent, ...]:
    """The reference timeline shipped with claimgraph."""
    item = resources.files("claimgraph.analyze") / "data" / "reference_timeline.yaml"
    return tuple(reference_events(yaml.safe_load(item.read_text(encoding="utf-8")), "builtin"))


def reference_timeline(extra: Iterable[ReferenceEvent | Mapping[str, Any]] = ()) -> list[ReferenceEvent]:
    """The built-in timeline plus the user's entries (an entry with a built-in id replaces it)."""
    entries = {entry.id: entry for entry in builtin_timeline()}
    for item in extra:
        entry = item if isinstance(item, ReferenceEvent) else reference_event(item, str(item.get("source") or "user"))
        entries[entry.id] = entry
    return sorted(entries.values(), key=lambda e: (e.date, e.id))


@dataclass(frozen=True)
class DateFlag:
    """A document sentence that dates a reference event differently."""

    document: str
    document_label: str
    reference: ReferenceEvent
    sentence: str
    start: int
    end: int
    stated: DateMention

    def to_dict(self) -> dict[str, Any]:
        return {"document": self.document, "document_label": self.document_label, "reference": self.reference.id,
                "reference_date": self.reference.date, "reference_description": self.reference.description,
                "stated": {"text": self.stated.text, "value": self.stated.value, "precision": self.stated.precision,
                           "start": self.stated.start, "end": self.stated.end},
                "evidence": {"start": self.start, "end": self.end, "text": self.sentence},
                "verdict": "date conflicts with the reference timeline"}


@lru_cache(maxsize=512)
def _term_pattern(term: str) -> re.Pattern[str]:
    words = [re.escape(word) for word in fold_key(term).split(" ")]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)")


def _matched_spans(folded: str, entry: ReferenceEvent) -> list[tuple[int, int]] | None:
    """Offsets (in the sentence) of the first alternative whose phrases all occur, or None."""
    for group in entry.match:
        spans = []
        for term in group:
            found = _term_pattern(term).search(folded)
            if found is None:
                break
            spans.append(found.span())
        else:
            return spans
    return None


def _gap(folded: str, span: tuple[int, int], mention: tuple[int, int]) -> str | None:
    """The text between a matched phrase and a date mention (None when they overlap)."""
    if mention[0] >= span[1]:
        return folded[span[1]:mention[0]]
    if mention[1] <= span[0]:
        return folded[mention[1]:span[0]]
    return None


def _nearest(folded: str, spans: list[tuple[int, int]], mentions: list[tuple[int, int, DateMention]]
             ) -> DateMention | None:
    best: tuple[int, DateMention] | None = None
    for start, end, mention in mentions:
        for span in spans:
            gap = _gap(folded, span, (start, end))
            if gap is None or len(gap) > MAX_GAP or _RELATIVE.search(gap):
                continue
            if best is None or len(gap) < best[0]:
                best = (len(gap), mention)
    return best[1] if best else None


def _reference_day(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published) if published and len(published) == 10 else None
    except ValueError:
        return None


def check_document(doc: Document, entries: Sequence[ReferenceEvent]) -> list[DateFlag]:
    """Sentences of one document whose dates for a reference event conflict with the timeline."""
    mentions = find_dates(doc.text, _reference_day(doc.published))
    if not mentions:
        return []
    flags = []
    for sentence in split_sentences(doc.text):
        inside = [(m.start - sentence.start, m.end - sentence.start, m) for m in mentions
                  if sentence.start <= m.start and m.end <= sentence.end]
        if not inside:
            continue
        folded = fold(sentence.text)
        for entry in entries:
            spans = _matched_spans(folded, entry)
            if spans is None or any(entry.agrees(m.value, m.precision) for _, _, m in inside):
                continue
            stated = _nearest(folded, spans, inside)
            if stated is not None:
                flags.append(DateFlag(doc.id, doc_label(doc), entry, sentence.text, sentence.start, sentence.end,
                                      stated))
    return flags


def check_timeline(corpus: Corpus, entries: Sequence[ReferenceEvent] | None = None) -> list[DateFlag]:
    """Every date conflict with the reference timeline (built-in unless ``entries`` are given) in the corpus."""
    timeline = list(entries) if entries is not None else reference_timeline()
    return [flag for extraction in unique_extractions(corpus)
            for flag in check_document(extraction.document, timeline)]
