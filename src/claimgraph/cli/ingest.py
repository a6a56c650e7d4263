"""``claimgraph ingest`` (into a store) and ``claimgraph extract`` (no store, prints the contract)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from claimgraph.cli.app import app
from claimgraph.cli.common import DbOption, JsonOption, console, err_console, print_json, short_id, writable_store
from claimgraph.errors import InputError
from claimgraph.model import Extraction

if TYPE_CHECKING:
    from claimgraph.api import IngestReport
    from claimgraph.ingest import DocDefaults

PathsArgument = Annotated[
    list[str],
    typer.Argument(
        metavar="PATH", help="Files (.txt .md .html .htm .pdf .jsonl), directories, or - for standard input."
    ),
]
OutletOption = Annotated[str | None, typer.Option(help="Outlet of documents that do not name one.")]
PublishedOption = Annotated[
    str | None,
    typer.Option(
        metavar="DATE", help="Published date (YYYY-MM-DD, YYYY-MM or YYYY) of documents that do not give one."
    ),
]
TagOption = Annotated[
    list[str] | None,
    typer.Option("--tag", metavar="KEY=VALUE", help="Tag documents, e.g. --tag perspective=indian (repeatable)."),
]
TitleOption = Annotated[str | None, typer.Option(help="Title of documents that do not give one.")]


class Format(StrEnum):
    json = "json"
    table = "table"


def doc_defaults(outlet: str | None, published: str | None, tags: list[str] | None, title: str | None) -> DocDefaults:
    """The user's defaults from the command line; bad values are usage errors."""
    from claimgraph.ingest import DocDefaults, parse_date

    date = None
    if published is not None:
        date = parse_date(published)
        if date is None:
            raise typer.BadParameter(
                f"{published!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)", param_hint="--published"
            )
    parsed: dict[str, str] = {}
    for tag in tags or []:
        key, sep, value = tag.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise typer.BadParameter(f"{tag!r} is not KEY=VALUE", param_hint="--tag")
        parsed[key.strip()] = value.strip()
    return DocDefaults(outlet=outlet, published=date, title=title, tags=parsed)


@contextmanager
def progress_bar() -> Iterator[Progress]:
    """A progress display on standard error, counting documents as they are done."""
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TextColumn("{task.completed} documents"),
        TextColumn("[dim]{task.fields[current]}"),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
    ) as progress:
        yield progress


@app.command()
def ingest(
    paths: PathsArgument,
    db: DbOption = None,
    outlet: OutletOption = None,
    published: PublishedOption = None,
    tag: TagOption = None,
    title: TitleOption = None,
    json_output: JsonOption = False,
) -> None:
    """Read, extract and store documents.

    Each document is written in one transaction; re-ingesting the same text changes nothing, and a
    syndicated copy of a stored story is stored but linked to it.
    """
    from claimgraph.api import ingest_paths

    defaults = doc_defaults(outlet, published, tag, title)
    with writable_store(db) as store, progress_bar() as progress:
        task = progress.add_task("Ingesting", total=None, current="")

        def advance(source: str, _status: str) -> None:
            progress.update(task, advance=1, current=Path(source).name)

        report = ingest_paths(paths, store, defaults, progress=advance)
        url = store.url
    if json_output:
        print_json({"db": url, **report.to_dict()})
    else:
        print_ingest_summary(report, url)
    if report.failed:
        raise typer.Exit(1)


def print_ingest_summary(report: IngestReport, url: str) -> None:
    """The ingest summary table, then one line per near-duplicate and per failure."""
    typer.echo(f"store: {url}")
    table = Table(title="Ingest summary", title_justify="left")
    table.add_column("result")
    table.add_column("documents", justify="right")
    table.add_row("ingested", str(len(report.ingested)))
    table.add_row("duplicates (already stored)", str(len(report.duplicates)))
    table.add_row("near-duplicates (stored, linked)", str(len(report.near_duplicates)))
    table.add_row("failed", str(len(report.failed)), style="red" if report.failed else None)
    console.print(table)
    for doc in report.near_duplicates:
        typer.echo(f"near-duplicate: {doc.source} repeats {short_id(doc.result.duplicate_of or '')}")
    for error in report.failed:
        typer.echo(f"failed: {error}")


@app.command()
def extract(
    paths: PathsArgument,
    output_format: Annotated[
        Format, typer.Option("--format", help="json: the extraction contract; table: a readable summary.")
    ] = Format.json,
    outlet: OutletOption = None,
    published: PublishedOption = None,
    tag: TagOption = None,
    title: TitleOption = None,
) -> None:
    """Print the extraction of documents (no store).

    JSON is the extraction contract: one object for one document, a list (in input order) for several.
    """
    from claimgraph.api import iter_extractions

    defaults = doc_defaults(outlet, published, tag, title)
    extractions: list[Extraction] = []
    failures: list[InputError] = []
    with progress_bar() as progress:
        task = progress.add_task("Extracting", total=None, current="")
        for item in iter_extractions(paths, defaults):
            if isinstance(item, InputError):
                failures.append(item)
                err_console.print(str(item), markup=False, soft_wrap=True)
            else:
                extractions.append(item)
            progress.update(
                task,
                advance=1,
                current=Path(item.source if isinstance(item, InputError) else item.document.source or "").name,
            )
    if output_format is Format.json:
        if len(extractions) == 1 and not failures and len(paths) == 1:
            print_json(extractions[0].to_dict())
        elif extractions or len(paths) > 1:
            print_json([e.to_dict() for e in extractions])
    else:
        for extraction in extractions:
            print_extraction_table(extraction)
    if failures:
        raise typer.Exit(1)


def print_extraction_table(extraction: Extraction) -> None:
    """A readable summary of one extraction: actors, claims and events."""
    doc = extraction.document
    console.print(f"[bold]{doc.title or doc.source or short_id(doc.id)}[/bold]  {short_id(doc.id)}", markup=True)
    names = {a.id: a.name for a in extraction.actors}
    actors = Table("actor", "id", "type", "mentions", title="Actors", title_justify="left")
    for actor in extraction.actors:
        actors.add_row(actor.name, actor.id, actor.type, str(len(actor.mentions)))
    console.print(actors)
    claims = Table(
        "subject", "relation", "object", "asserted by", "marks", "evidence", title="Claims", title_justify="left"
    )
    for c in extraction.claims:
        marks = ", ".join(m for m, on in (("negated", c.polarity == "negated"), ("hedged", c.hedged)) if on)
        claims.add_row(
            names.get(c.subject, c.subject), c.relation, c.object_name, c.asserted_by.name, marks, c.evidence.text
        )
    console.print(claims)
    events = Table(
        "kind", "date", "place", "perpetrators", "claimed by", "killed", title="Events", title_justify="left"
    )
    for e in extraction.events:
        events.add_row(
            e.kind,
            e.date or "",
            e.place.name if e.place else "",
            ", ".join(names.get(a, a) for a in e.perpetrators),
            ", ".join(names.get(a, a) for a in e.claimed_by),
            "" if e.killed is None else str(e.killed),
        )
    console.print(events)
