"""``claimgraph docs`` and ``claimgraph show-text``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Column, Table

from claimgraph.cli.app import app
from claimgraph.cli.common import DbOption, JsonOption, console, existing_store, print_json, short_id

DocArgument = Annotated[
    str,
    typer.Argument(
        metavar="DOC", help="Document id, a unique prefix of it (as `claimgraph docs` shows), its source or title."
    ),
]


@app.command("docs")
def docs(db: DbOption = None, json_output: JsonOption = False) -> None:
    """List the stored documents, in the order they were ingested."""
    with existing_store(db) as store:
        documents = store.documents()
    if json_output:
        print_json(documents)
        return
    table = Table(
        Column("id", no_wrap=True),
        "title",
        "outlet",
        "published",
        "words",
        "claims",
        "events",
        "copy of",
        title=f"{len(documents)} documents",
        title_justify="left",
    )
    for d in documents:
        table.add_row(
            short_id(d["id"]),
            d["title"] or Path(d["source"] or "").name,
            d["outlet"] or "",
            d["published"] or "",
            str(d["n_words"]),
            str(d["claims"]),
            str(d["events"]),
            short_id(d["duplicate_of"]) if d["duplicate_of"] else "",
        )
    console.print(table)


@app.command("show-text")
def show_text(doc: DocArgument, db: DbOption = None) -> None:
    """Print a document's clean text exactly.

    The character offsets of mentions and evidence index this text.
    """
    with existing_store(db) as store:
        text = store.document(doc)["text"]
    typer.echo(text, nl=False)
