"""``claimgraph kb search|show|add``: the knowledge base, built-in plus the user entries kept in a store."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Column, Table

from claimgraph.cli.app import app
from claimgraph.cli.common import DbOption, JsonOption, console, print_json, user_errors, writable_store

if TYPE_CHECKING:
    from claimgraph.kb import KBActor, KnowledgeBase

kb_app = typer.Typer(help="Search, show and extend the knowledge base.", no_args_is_help=True)
app.add_typer(kb_app, name="kb")


@kb_app.command("search")
def kb_search(
    text: Annotated[str, typer.Argument(help="A name, alias or part of one.")],
    limit: Annotated[int, typer.Option(min=1, help="Show at most this many.")] = 10,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Find actors and places by name or alias (spelling variants and near misses included)."""
    from claimgraph.api import knowledge_base
    from claimgraph.kb.search import search

    with user_errors():
        kb = knowledge_base(db)
        hits = search(kb, text, limit)
    rows = [{**_summary(entry), "score": round(score, 1)} for entry, score in hits]
    if json_output:
        print_json(rows)
        return
    table = Table(
        "score",
        Column("id", no_wrap=True),
        "name",
        "type/kind",
        "country",
        "aliases",
        title=f"{len(rows)} entries",
        title_justify="left",
    )
    for row in rows:
        aliases = row.get("aliases", [])
        table.add_row(
            f"{row['score']:.0f}",
            row["id"],
            row["name"],
            row.get("type") or row.get("kind") or "",
            row.get("country") or "",
            ", ".join(aliases[:3]) + (f" (+{len(aliases) - 3})" if len(aliases) > 3 else ""),
        )
    console.print(table)


@kb_app.command("show")
def kb_show(
    entry: Annotated[str, typer.Argument(metavar="ACTOR", help="Id (kb:… or place:…), name or alias.")],
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Everything the knowledge base holds about one actor or place."""
    from claimgraph.api import find_kb_entry, knowledge_base

    with user_errors():
        kb = knowledge_base(db)
        found = find_kb_entry(kb, entry)
    data = _summary(found)
    if json_output:
        print_json(data)
        return
    for key, value in data.items():
        typer.echo(f"{key}: {_readable(key, value, kb)}")


@kb_app.command("add")
def kb_add(
    file: Annotated[Path, typer.Argument(metavar="FILE", help="User entries: .yaml, .yml, .json or .csv.")],
    db: DbOption = None,
) -> None:
    """Validate a file of actors/places and keep it with the store; later ingests use its entries."""
    from claimgraph.api import kb_add_file

    with writable_store(db) as store:
        actors, places = kb_add_file(store, file)
        url = store.url
    typer.echo(f"{file}: {actors} actors and {places} places kept in {url}")


def _summary(entry: Any) -> dict[str, Any]:
    from claimgraph.kb.entries import entry_to_mapping

    return {**entry_to_mapping(entry), "source": entry.source}


def _readable(key: str, value: Any, kb: KnowledgeBase) -> str:
    if key == "parent":
        parent = kb.actor(value) or kb.place(value)
        return f"{parent.name} ({value})" if parent else str(value)
    if key == "affiliations":
        return "; ".join(
            f"{a['relation']} {_name(kb, a['target'])}"
            + (f" since {a['since']}" if a.get("since") else "")
            + (f" until {a['until']}" if a.get("until") else "")
            for a in value
        )
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return str(value)


def _name(kb: KnowledgeBase, actor_id: str) -> str:
    actor: KBActor | None = kb.actor(actor_id)
    return f"{actor.name} ({actor_id})" if actor else actor_id
