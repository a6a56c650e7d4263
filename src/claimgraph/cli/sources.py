"""``claimgraph source grade`` and ``claimgraph source list``: Admiralty reliability grades A–F."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer
from rich.table import Table

from claimgraph.cli.app import app
from claimgraph.cli.common import DbOption, JsonOption, console, existing_store, print_json, writable_store
from claimgraph.store import GRADE_MEANINGS

source_app = typer.Typer(help="Reliability grades (A-F) of outlets and speakers.", no_args_is_help=True)
app.add_typer(source_app, name="source")

Grade = StrEnum("Grade", {g: g for g in GRADE_MEANINGS})


@source_app.command("grade")
def grade(
    name: Annotated[str, typer.Argument(metavar="NAME", help="Outlet (as the documents name it) or speaker.")],
    value: Annotated[
        Grade,
        typer.Argument(
            metavar="GRADE", case_sensitive=False, help=", ".join(f"{g} {m}" for g, m in GRADE_MEANINGS.items())
        ),
    ],
    speaker: Annotated[bool, typer.Option("--speaker", help="NAME is a speaker, not an outlet.")] = False,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Set the reliability grade of an outlet or speaker.

    NAME is an outlet as the documents name it, or with --speaker a speaker.
    """
    with writable_store(db) as store:
        result = store.set_grade(name, value.value, kind="speaker" if speaker else "outlet")
    if json_output:
        print_json(result)
    else:
        typer.echo(f"{result['kind']} {result['name']}: {result['grade']} ({result['meaning']})")


@source_app.command("list")
def list_sources(db: DbOption = None, json_output: JsonOption = False) -> None:
    """List sources with their grades.

    Every outlet of the stored documents (F, cannot be judged, until graded) and every graded speaker.
    """
    with existing_store(db) as store:
        rows = store.sources()
    if json_output:
        print_json(rows)
        return
    table = Table("source", "kind", "grade", "meaning", "docs", title=f"{len(rows)} sources", title_justify="left")
    for s in rows:
        table.add_row(
            s["name"], s["kind"], s["grade"], s["meaning"], "" if s["documents"] is None else str(s["documents"])
        )
    console.print(table)
