"""``claimgraph compare``, ``contradictions``, ``ach`` and ``timeline check|add|list``: the narrative comparison.

The analysis is imported inside each command, so that the other commands start fast.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from claimgraph.cli.app import app
from claimgraph.cli.common import DbOption, JsonOption, console, existing_store, print_json, writable_store

timeline_app = typer.Typer(
    help="Check documents' dates against a reference timeline of well-known events.", no_args_is_help=True
)
app.add_typer(timeline_app, name="timeline")


class AchFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


@app.command("compare")
def compare_command(
    a: Annotated[str | None, typer.Argument(metavar="A", help="A group (document, outlet, perspective…).")] = None,
    b: Annotated[
        str | None, typer.Argument(metavar="B", help="The group to compare it with (default: all others).")
    ] = None,
    by: Annotated[
        str,
        typer.Option("--by", metavar="FACET", help="Group sources by doc, outlet, perspective, speaker or tag:KEY."),
    ] = "doc",
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Agreements, contradictions and silences between groups of sources."""
    from claimgraph.analyze.render import render_comparison
    from claimgraph.api import compare

    with existing_store(db) as store:
        report = compare(store, by=by, a=a, b=b)
    if json_output:
        print_json(report.to_dict())
    else:
        console.print(render_comparison(report))


@app.command("contradictions")
def contradictions_command(db: DbOption = None, json_output: JsonOption = False) -> None:
    """Every conflict between sources, with both evidence sentences, and the hedged disagreements apart."""
    from claimgraph.analyze.render import render_contradictions
    from claimgraph.api import contradictions

    with existing_store(db) as store:
        conflicts = contradictions(store)
    if json_output:
        print_json(conflicts.to_dict())
    else:
        console.print(render_contradictions(conflicts.contradictions, conflicts.hedged_disagreements))


@app.command("ach")
def ach_command(
    hypotheses: Annotated[Path, typer.Argument(metavar="HYPOTHESES.yaml", help="Hypotheses as claim patterns.")],
    output_format: Annotated[AchFormat, typer.Option("--format", help="Output format.")] = AchFormat.table,
    db: DbOption = None,
) -> None:
    """Analysis of competing hypotheses: evidence × hypotheses, diagnosticity and ranking."""
    from claimgraph.analyze.ach import ach, load_hypotheses
    from claimgraph.analyze.render import render_ach
    from claimgraph.api import kb_for_store

    with existing_store(db) as store:
        kb = kb_for_store(store)
        matrix = ach(store.corpus(), kb, load_hypotheses(hypotheses, kb))
    if output_format is AchFormat.json:
        print_json(matrix.to_dict())
    elif output_format is AchFormat.csv:
        typer.echo(matrix.to_csv(), nl=False)
    else:
        console.print(render_ach(matrix))


@timeline_app.command("check")
def timeline_check(
    reference: Annotated[
        list[Path] | None,
        typer.Option("--reference", metavar="FILE", help="More reference events (YAML) for this run only."),
    ] = None,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Flag documents whose dates for well-known events conflict with the reference timeline."""
    from claimgraph.analyze.render import render_timeline_flags
    from claimgraph.analyze.timeline import check_timeline, load_reference_file, reference_timeline

    with existing_store(db) as store:
        extra = [*store.reference_events(), *(e for path in reference or () for e in load_reference_file(path))]
        flags = check_timeline(store.corpus(), reference_timeline(extra))
    if json_output:
        print_json([flag.to_dict() for flag in flags])
    else:
        console.print(render_timeline_flags(flags))


@timeline_app.command("add")
def timeline_add(
    path: Annotated[Path, typer.Argument(metavar="FILE.yaml", help="Reference events to keep in the store.")],
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Keep reference events in the store; an entry with an existing id replaces it."""
    from claimgraph.analyze.timeline import load_reference_file

    with writable_store(db) as store:
        entries = load_reference_file(path)
        added = [store.add_reference_event(entry.to_dict(), source=str(path)) for entry in entries]
    if json_output:
        print_json(added)
    else:
        typer.echo(f"{len(added)} reference events kept from {path}")


@timeline_app.command("list")
def timeline_list(db: DbOption = None, json_output: JsonOption = False) -> None:
    """The reference timeline: built-in events and those kept in the store."""
    from claimgraph.analyze.timeline import reference_timeline

    with existing_store(db) as store:
        entries = reference_timeline(store.reference_events())
    if json_output:
        print_json([entry.to_dict() for entry in entries])
        return
    for entry in entries:
        typer.echo(f"{entry.date}  {entry.id}  {entry.description}  [{entry.source}]")
