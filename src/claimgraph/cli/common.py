"""What every command shares: the --db and --json options, output helpers and error handling."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any

import typer
from rich.console import Console

from claimgraph.errors import ClaimgraphError
from claimgraph.store import Store, open_store

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db", metavar="URL", help="Store URL or SQLite file (default: $CLAIMGRAPH_DB, else sqlite:///claimgraph.db)."
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]

console = Console(highlight=False, soft_wrap=True)
err_console = Console(stderr=True, highlight=False)


def print_json(data: Any) -> None:
    """Print ``data`` as indented JSON on standard output."""
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print ``message`` as one line on standard error; the Exit to raise."""
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn claimgraph's own errors into one line on standard error and exit status 1."""
    try:
        yield
    except ClaimgraphError as exc:
        raise fail(str(exc)) from None


@contextmanager
def existing_store(db: str | None) -> Iterator[Store]:
    """The store at ``db`` for a command that reads it (an error when there is none yet)."""
    with user_errors(), open_store(db, create=False) as store:
        yield store


@contextmanager
def writable_store(db: str | None) -> Iterator[Store]:
    """The store at ``db``, made when it does not exist yet."""
    with user_errors(), open_store(db) as store:
        yield store


def short_id(doc_id: str) -> str:
    """The first 12 hex digits of a document id (enough for ``show-text`` and ``--doc``)."""
    return doc_id.removeprefix("sha256:")[:12]


def flags(item: dict[str, Any]) -> str:
    """ "hedged" / "negated" marks of a claim or event, comma-separated."""
    marks = []
    if item.get("polarity") == "negated":
        marks.append("negated")
    if item.get("hedged"):
        marks.append("hedged")
    return ", ".join(marks)


RATING_NOTE = "rating: source reliability A–F (F: cannot be judged) and credibility 1–6 (6: cannot be judged)"


def rating_code(item: dict[str, Any]) -> str:
    """The Admiralty code of a rated claim or event, e.g. "B2" (empty when it has no rating)."""
    rating = item.get("rating")
    return rating["admiralty"] if rating else ""


def rating_words(item: dict[str, Any]) -> str:
    """The Admiralty rating spelt out: "rating B2 (usually reliable; probably true)"."""
    rating = item.get("rating")
    if not rating:
        return "not rated"
    return f"rating {rating['admiralty']} ({rating['reliability_label']}; {rating['credibility_label']})"
