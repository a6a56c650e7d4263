"""The same happening reported by several documents is one event; distinct happenings stay apart.

Reports are grouped when they share the kind and the place, and their dates fall in one window: a date
stands for the whole day, month or year it names, widened by ``window_days`` when it is exact to the day.
A report without a date joins a group only when it shares a participant with it and no other group fits.
The 2023 Bajaur bombing and the July 2025 Bajaur attack are two events: their years cannot overlap.
Each source's details (date, perpetrators, claimants, casualties) are kept per report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from claimgraph.analyze.hierarchy import related
from claimgraph.analyze.periods import Interval, date_interval, overlap
from claimgraph.analyze.statements import doc_label, originals_with_copies, speaker_key, speaker_name
from claimgraph.kb import KnowledgeBase
from claimgraph.model import Corpus, Document, Event, short_hash

DEFAULT_WINDOW_DAYS = 3


@dataclass(frozen=True)
class EventReport:
    """One document's account of an event."""

    event: Event
    document: Document
    copies: tuple[Document, ...] = ()

    @property
    def interval(self) -> Interval | None:
        return date_interval(self.event.date)

    @property
    def exact_day(self) -> bool:
        interval = self.interval
        return interval is not None and interval[0] == interval[1]

    @property
    def participants(self) -> set[str]:
        return {*self.event.perpetrators, *self.event.claimed_by, *self.event.targets}

    @property
    def place_key(self) -> str | None:
        place = self.event.place
        if place is None:
            return None
        if place.id:
            return place.id
        return f"{place.name.casefold()}|{(place.country or '').casefold()}"

    @property
    def speaker_key(self) -> str:
        return speaker_key(self.event.asserted_by, self.document)

    @property
    def speaker_name(self) -> str:
        return speaker_name(self.event.asserted_by, self.document)

    def window(self, window_days: int) -> Interval | None:
        interval = self.interval
        if interval is None or not self.exact_day:
            return interval
        return interval[0] - timedelta(days=window_days), interval[1] + timedelta(days=window_days)

    def details(self) -> dict[str, Any]:
        event = self.event
        return {"document": self.document.id, "document_label": doc_label(self.document),
                "outlet": self.document.outlet, "speaker": self.speaker_name, "event": event.id,
                "date": event.date, "perpetrators": list(event.perpetrators), "claimed_by": list(event.claimed_by),
                "targets": list(event.targets), "killed": event.killed, "wounded": event.wounded,
                "hedged": event.hedged, "copies": [doc.id for doc in self.copies],
                "evidence": event.evidence.to_dict()}


@dataclass
class ResolvedEvent:
    """One happening across documents, with every source's report."""

    kind: str
    place_key: str | None
    reports: list[EventReport] = field(default_factory=list)
    window: Interval | None = None

    @property
    def id(self) -> str:
        first = min(self.reports, key=lambda r: (r.document.id, r.event.id))
        return "resolved-event:" + short_hash(self.kind, self.place_key, first.document.id, first.event.id)

    @property
    def place(self) -> dict[str, Any] | None:
        place = next((r.event.place for r in self.reports if r.event.place is not None), None)
        return place.to_dict() if place else None

    @property
    def dates(self) -> Interval | None:
        """The span of days the reports' dates cover together."""
        intervals = [r.interval for r in self.reports if r.interval is not None]
        if not intervals:
            return None
        return min(i[0] for i in intervals), max(i[1] for i in intervals)

    @property
    def label(self) -> str:
        """e.g. "attack at Bajaur, 2025-07" (the dates of the most precise report)."""
        place = self.place
        dated = min((r for r in self.reports if r.interval), key=lambda r: r.interval[1] - r.interval[0],
                    default=None)
        return self.kind + (f" at {place['name']}" if place else "") + (f", {dated.event.date}" if dated else "")

    @property
    def participants(self) -> list[str]:
        return sorted(set().union(*(r.participants for r in self.reports)))

    @property
    def sources(self) -> set[str]:
        return {r.speaker_key for r in self.reports}

    def accepts(self, report: EventReport, window_days: int) -> bool:
        if report.event.kind != self.kind or report.place_key is None or report.place_key != self.place_key:
            return False
        span = report.window(window_days)
        if span is None or self.window is None:
            return bool(report.participants & set(self.participants))
        return overlap(span, self.window) is not None

    def add(self, report: EventReport, window_days: int) -> None:
        span = report.window(window_days)
        if span is not None:
            self.window = span if self.window is None else overlap(self.window, span)
        self.reports.append(report)

    def to_dict(self) -> dict[str, Any]:
        dates = self.dates
        return {"id": self.id, "label": self.label, "kind": self.kind, "place": self.place,
                "dates": {"from": dates[0].isoformat(), "to": dates[1].isoformat()} if dates else None,
                "participants": self.participants, "documents": sorted({r.document.id for r in self.reports}),
                "reports": [r.details() for r in self.reports]}


def event_reports(corpus: Corpus) -> list[EventReport]:
    """Every event of every original document (syndicated copies are listed on the original's report)."""
    return [EventReport(event, extraction.document, copies)
            for extraction, copies in originals_with_copies(corpus) for event in extraction.events]


def _order(report: EventReport) -> tuple[int, str, str, str]:
    interval = report.interval
    width = (interval[1] - interval[0]).days if interval else 10**6
    return width, report.event.date or "", report.document.id, report.event.id


def resolve_events(corpus: Corpus, window_days: int = DEFAULT_WINDOW_DAYS) -> list[ResolvedEvent]:
    """Group the corpus's event reports into events: the most precisely dated reports seed the groups."""
    events: list[ResolvedEvent] = []
    for report in sorted(event_reports(corpus), key=_order):
        candidates = [event for event in events if event.accepts(report, window_days)]
        if report.interval is None and len(candidates) != 1:
            candidates = []
        if candidates:
            best = max(candidates, key=lambda e: len(report.participants & set(e.participants)))
            best.add(report, window_days)
        else:
            event = ResolvedEvent(report.event.kind, report.place_key)
            event.add(report, window_days)
            events.append(event)
    return sorted(events, key=lambda e: (e.dates or (date.max, date.max), e.kind, e.place_key or ""))


@dataclass(frozen=True)
class EventClash:
    """Two reports of one event that disagree on a detail."""

    event: ResolvedEvent
    field: str  # perpetrator | date | killed | wounded
    first: EventReport
    second: EventReport

    def values(self) -> tuple[Any, Any]:
        return _value(self.first, self.field), _value(self.second, self.field)


def _value(report: EventReport, name: str) -> Any:
    if name == "perpetrator":
        return list(report.event.perpetrators)
    return getattr(report.event, name)


def _detail_conflicts(first: EventReport, second: EventReport, kb: KnowledgeBase) -> list[str]:
    fields = []
    mine, theirs = first.event.perpetrators, second.event.perpetrators
    if mine and theirs and not any(related(kb, a, b) for a in mine for b in theirs):
        fields.append("perpetrator")
    if first.interval and second.interval and overlap(first.interval, second.interval) is None:
        fields.append("date")
    for name in ("killed", "wounded"):
        a, b = getattr(first.event, name), getattr(second.event, name)
        if a is not None and b is not None and a != b:
            fields.append(name)
    return fields


def event_clashes(events: list[ResolvedEvent], kb: KnowledgeBase) -> list[EventClash]:
    """Details on which two speakers' reports of the same event differ."""
    found = []
    for event in events:
        for i, first in enumerate(event.reports):
            for second in event.reports[i + 1:]:
                if first.speaker_key == second.speaker_key:
                    continue
                found.extend(EventClash(event, name, first, second)
                             for name in _detail_conflicts(first, second, kb))
    return found
