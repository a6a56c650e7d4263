"""``claimgraph export``, ``claimgraph import`` and ``claimgraph report``: STIX, graphs, tables, briefings.

The exports are imported inside each command (they are slow to load), so that the other commands start fast.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from claimgraph.cli.app import app
from claimgraph.cli.common import DbOption, existing_store, writable_store
from claimgraph.errors import InputError


class Format(StrEnum):
    """``claimgraph.export.FORMATS``, spelt out here so that loading the command line does not load the exports."""

    stix = "stix"
    graphml = "graphml"
    gexf = "gexf"
    csv = "csv"
    json = "json"


class Profile(StrEnum):
    """``claimgraph.export.PROFILES`` (see ``Format``)."""

    default = "default"
    opencti = "opencti"


ActorOption = Annotated[
    str | None, typer.Option("--actor", metavar="A", help="Only claims and events of this actor (id, name or alias).")
]


@app.command("export")
def export_command(
    fmt: Annotated[Format, typer.Option("--format", "-f", case_sensitive=False, help="Output format.")],
    output: Annotated[
        str,
        typer.Option(
            "--output", "-o", metavar="PATH", help="Output file; for csv a folder (three files) or a name prefix."
        ),
    ],
    actor: ActorOption = None,
    doc: Annotated[
        str | None, typer.Option("--doc", metavar="D", help="Only this document (id, id prefix, title or file name).")
    ] = None,
    since: Annotated[
        str | None,
        typer.Option("--since", metavar="DATE", help="Only documents published on or after DATE (YYYY[-MM[-DD]])."),
    ] = None,
    profile: Annotated[
        Profile,
        typer.Option(
            "--profile",
            case_sensitive=False,
            help="STIX only: 'opencti' writes custom relationship types as related-to plus a label.",
        ),
    ] = Profile.default,
    db: DbOption = None,
) -> None:
    """Export the store as STIX 2.1, GraphML, GEXF, CSV (claims, events, actors) or JSON."""
    from claimgraph.api import export

    with existing_store(db) as store:
        written = export(store, fmt.value, output, actor=actor, doc=doc, since=since, profile=profile.value)
    for path in written:
        typer.echo(f"wrote {path}")


@app.command("import")
def import_command(
    bundle: Annotated[
        Path, typer.Argument(metavar="BUNDLE.json", help="A STIX 2.1 bundle (claimgraph, OpenCTI, MISP).")
    ],
    db: DbOption = None,
) -> None:
    """Import threat actors, identities, locations and relationships from a STIX 2.1 bundle.

    New actors and places become user KB entries kept with the store (their source is the bundle); the
    relationships become claims, one document per STIX report.
    """
    from claimgraph.api import import_stix

    with writable_store(db) as store:
        found = import_stix(bundle, store)
    claims = sum(len(e.claims) for e in found.extractions)
    events = sum(len(e.events) for e in found.extractions)
    added = sum(getattr(r, "status", "") != "duplicate" for r in found.stored)
    typer.echo(
        f"{bundle}: {len(found.actors)} new actors and {len(found.places)} new places in the KB; "
        f"{added} of {len(found.extractions)} documents stored ({claims} claims, {events} events)"
    )
    for reason in found.skipped:
        typer.echo(f"skipped {reason}", err=True)


@app.command("report")
def report_command(
    output: Annotated[Path, typer.Option("--output", "-o", metavar="brief.html", help="The HTML file to write.")],
    actor: ActorOption = None,
    topic: Annotated[
        str | None,
        typer.Option("--topic", metavar="T", help="Only claims and events whose sentence, actors or place mention T."),
    ] = None,
    db: DbOption = None,
) -> None:
    """Write a self-contained HTML briefing: summary, network, timeline, contradictions, sources, evidence."""
    from claimgraph.api import report

    with existing_store(db) as store:
        page = report(store, actor=actor, topic=topic)
        try:
            output.write_text(page, encoding="utf-8")
        except OSError as exc:
            raise InputError(str(output), exc.strerror or "cannot be written") from exc
    typer.echo(f"wrote {output}")
