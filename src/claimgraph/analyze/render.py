"""Rich tables for the analysis results: comparisons, contradictions, ACH matrices and timeline flags."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.table import Column, Table
from rich.text import Text

from claimgraph.analyze.ach import VERDICT_CODES, AchMatrix
from claimgraph.analyze.compare import Comparison, ComparisonReport
from claimgraph.analyze.contradictions import Contradiction
from claimgraph.analyze.evidence import Evidence
from claimgraph.analyze.timeline import DateFlag


def evidence_cell(evidence: Evidence) -> Text:
    """Where a piece of evidence comes from (document · speaker · Admiralty rating) and its sentence."""
    rating = f" · {evidence.rating.code}" if evidence.rating else ""
    head = Text(f"{evidence.document_label} · {evidence.speaker}{rating}\n", style="bold")
    head.append(evidence.summary + "\n", style="italic")
    head.append(f"“{evidence.text}”")
    return head


def _evidence_list(items: Sequence[Evidence]) -> Text:
    return Text("\n").join(evidence_cell(e) for e in items)


def _table(title: str, *columns: str | Column) -> Table:
    return Table(*columns, title=title, title_justify="left", show_lines=True, expand=True)


def contradictions_table(conflicts: Sequence[Contradiction], title: str | None = None) -> Table:
    """One row per conflict: kind, actors, both sides with their evidence, and why they collide."""
    table = _table(title or f"{len(conflicts)} contradictions", Column("kind", no_wrap=True), "about", "a", "b",
                   "why")
    for c in conflicts:
        why = c.reason + ("".join(f"\n{p}" for p in c.path) if c.path else "")
        table.add_row(c.kind, "\n".join(c.about_names), evidence_cell(c.first), evidence_cell(c.second), why)
    return table


def render_contradictions(conflicts: Sequence[Contradiction], hedged: Sequence[Contradiction] = ()) -> Group:
    parts: list[RenderableType] = [contradictions_table(conflicts)]
    if hedged:
        parts.append(contradictions_table(hedged, f"{len(hedged)} hedged disagreements (not contradictions)"))
    return Group(*parts)


def _comparison(comparison: Comparison) -> list[RenderableType]:
    a, b = comparison.a.label, comparison.b.label
    parts: list[RenderableType] = [Text(f"\n{a}  vs  {b}", style="bold underline")]
    agreements = _table(f"{len(comparison.agreements)} agreements", "proposition", "polarity", a, b)
    for item in comparison.agreements:
        agreements.add_row(item.summary, item.polarity, _evidence_list(item.first), _evidence_list(item.second))
    parts.append(agreements)
    parts.append(contradictions_table(comparison.contradictions))
    if comparison.hedged_disagreements:
        parts.append(contradictions_table(comparison.hedged_disagreements,
                                          f"{len(comparison.hedged_disagreements)} hedged disagreements"))
    for side, other, silences in ((a, b, comparison.silences_a), (b, a, comparison.silences_b)):
        table = _table(f"{len(silences)} silences: said by {side} only", "proposition", "evidence",
                       f"{other} discusses")
        for silence in silences:
            table.add_row(silence.summary, _evidence_list(silence.evidence), ", ".join(silence.discussed_names))
        parts.append(table)
    if comparison.shared_events:
        events = _table(f"{len(comparison.shared_events)} events both report", "event", a, b)
        for shared in comparison.shared_events:
            events.add_row(shared.event.id, _evidence_list(shared.first), _evidence_list(shared.second))
        parts.append(events)
    return parts


def render_comparison(report: ComparisonReport) -> Group:
    header = Text(f"{len(report.groups)} {report.by} groups: " + ", ".join(g.label for g in report.groups))
    return Group(header, *(part for comparison in report.comparisons for part in _comparison(comparison)))


def render_ach(matrix: AchMatrix) -> Group:
    """The evidence × hypotheses matrix (C consistent, I inconsistent, NA not applicable) and the ranking."""
    table = _table(f"{len(matrix.rows)} pieces of evidence × {len(matrix.hypotheses)} hypotheses", "evidence",
                   *(h.id for h in matrix.hypotheses), "diagnosticity", "weight")
    for row in matrix.rows:
        table.add_row(evidence_cell(row.evidence), *(VERDICT_CODES[row.verdicts[h.id]] for h in matrix.hypotheses),
                      str(row.diagnosticity), f"{row.weight:.1f}")
    ranking = _table("ranking (least inconsistent first)", "rank", "hypothesis", "inconsistency", "consistency",
                     "I items", "C items")
    for score in matrix.ranking:
        ranking.add_row(str(score.rank), f"{score.hypothesis.id} {score.hypothesis.label}",
                        f"{score.inconsistency:.2f}", f"{score.consistency:.2f}", str(score.inconsistent),
                        str(score.consistent))
    return Group(table, ranking)


def render_timeline_flags(flags: Sequence[DateFlag]) -> Table:
    table = _table(f"{len(flags)} dates that conflict with the reference timeline", "document", "reference event",
                   "stated", "sentence")
    for flag in flags:
        table.add_row(flag.document_label, f"{flag.reference.date} {flag.reference.description}",
                      f"{flag.stated.text} ({flag.stated.value})", flag.sentence)
    return table
