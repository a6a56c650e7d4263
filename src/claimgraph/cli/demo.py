"""``claimgraph demo``: a store built from the bundled sample articles, summarised for a reader."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import typer

from claimgraph.cli.app import app
from claimgraph.cli.common import DbOption, JsonOption, console, print_json, user_errors

if TYPE_CHECKING:
    from claimgraph.api import DemoSummary


@app.command("demo")
def demo(db: DbOption = None, json_output: JsonOption = False) -> None:
    """Build a store from the sample articles and summarise it.

    The store is a fresh ./claimgraph-demo.db unless --db names another (which is added to).
    """
    from claimgraph.api import run_demo

    with user_errors():
        summary = run_demo(db)
    if json_output:
        print_json(summary.to_dict())
    else:
        print_demo(summary)
    if summary.report.failed:
        raise typer.Exit(1)


def _marks(source: dict[str, Any]) -> str:
    marks = [m for m, on in (("NEGATED", source["polarity"] == "negated"), ("hedged", source["hedged"])) if on]
    return f" [{', '.join(marks)}]" if marks else ""


def _rating(item: dict[str, Any]) -> str:
    return f" · rating {item['rating']['admiralty']}" if item["rating"] else ""


def print_demo(summary: DemoSummary) -> None:
    """The demo summary: documents, actors by type, relations with sources and speakers, events."""
    report = summary.report
    say = console.print
    say(f"[bold]claimgraph demo[/bold] — store: {summary.db_url}")
    say(
        f"{len(report.ingested)} sample articles ingested, {len(report.near_duplicates)} stored as syndicated "
        f"copies, {len(report.duplicates)} already there, {len(report.failed)} failed.",
        markup=False,
    )
    for error in report.failed:
        typer.echo(f"failed: {error}")

    say("\n[bold]Documents[/bold]")
    for d in summary.documents:
        perspective = d["tags"].get("perspective")
        copy = ", syndicated copy" if d["duplicate_of"] else ""
        say(
            f"  · {d['title'] or d['source']} — {d['outlet'] or 'no outlet'}, {d['published'] or 'undated'}"
            f"{f' ({perspective})' if perspective else ''}{copy}: {d['claims']} claims, {d['events']} events",
            markup=False,
        )

    say("\n[bold]Actors by type[/bold]")
    for kind, names in summary.actors_by_type.items():
        say(f"  {kind.replace('_', ' ')} ({len(names)}): {', '.join(names)}", markup=False)

    say(
        "\n[bold]Relations[/bold] (each with the sources that state it, who asserts it and the Admiralty rating:"
        " source reliability A–F, credibility 1–6)"
    )
    for relation in summary.relations:
        say(f"\n  {relation['subject']} —{relation['relation']}→ {relation['object']}", markup=False)
        for source in relation["sources"]:
            copy = " (syndicated copy)" if source["syndicated_copy_of"] else ""
            say(
                f"    · {source['outlet'] or source['document']}{copy}: asserted by {source['speaker']}"
                f"{_marks(source)}{_rating(source)}",
                markup=False,
            )
            say(f"      “{source['evidence']}”", markup=False, style="dim")

    say("\n[bold]Events[/bold] (one line per report)")
    for e in summary.events:
        details = [", ".join(p for p in dict.fromkeys((e["place"], e["country"])) if p) or "place not stated"]
        if e["perpetrators"]:
            details.append("by " + ", ".join(e["perpetrators"]))
        if e["claimed_by"]:
            details.append("claimed by " + ", ".join(e["claimed_by"]))
        if e["killed"] is not None:
            details.append(f"{e['killed']} killed")
        copy = " (syndicated copy)" if e["syndicated_copy_of"] else ""
        say(
            f"  · {e['date'] or 'undated'} {e['kind']}: {'; '.join(details)} — {e['outlet'] or e['document']}{copy}"
            f"{_rating(e)}",
            markup=False,
        )
    say(f"\nExplore it: claimgraph actors --db {summary.db_url}", markup=False)
    say(f"            claimgraph show ISKP --db {summary.db_url}", markup=False)
