"""``claimgraph actors`` and ``claimgraph show ACTOR``."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.table import Table

from claimgraph.cli.app import app
from claimgraph.cli.common import (
    DbOption,
    JsonOption,
    console,
    existing_store,
    flags,
    print_json,
    rating_words,
    short_id,
)


@app.command("actors")
def actors(db: DbOption = None, json_output: JsonOption = False) -> None:
    """List the actors of the store.

    With how many documents, mentions and claims name each.
    """
    with existing_store(db) as store:
        rows = store.actors()
    if json_output:
        print_json(rows)
        return
    table = Table(
        "name", "id", "type", "origin", "docs", "mentions", "claims", title=f"{len(rows)} actors", title_justify="left"
    )
    for a in rows:
        table.add_row(
            a["name"], a["id"], a["type"], a["origin"], str(a["documents"]), str(a["mentions"]), str(a["claims"])
        )
    console.print(table)


@app.command("show")
def show(
    actor: Annotated[str, typer.Argument(metavar="ACTOR", help="Actor id, name or alias.")],
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Show an actor's relations with their evidence.

    Each relation with its evidence sentence, document, who asserted it, whether it is hedged or negated,
    and its Admiralty rating (source reliability A–F, credibility 1–6); then the events the actor took
    part in.
    """
    from claimgraph.api import rated_claims, rated_events, store_ratings

    with existing_store(db) as store:
        record = store.actor(actor)
        ratings = store_ratings(store)
        claims = rated_claims(store, actor=record["id"], ratings=ratings)
        events = rated_events(store, actor=record["id"], ratings=ratings)
        names = {a["id"]: a["name"] for a in store.actors()}
    if json_output:
        print_json({"actor": record, "claims": claims, "events": events})
        return
    aliases = f"  (also: {', '.join(record['aliases'])})" if record["aliases"] else ""
    console.print(f"{record['name']}  {record['id']}  {record['type']}{aliases}", markup=False)
    console.print(
        f"{record['documents']} documents, {record['mentions']} mentions, {len(claims)} claims, {len(events)} events",
        markup=False,
    )
    for claim in claims:
        print_claim(claim)
    for event in events:
        print_event(event, names)


def _source(item: dict[str, Any]) -> str:
    where = item["doc_title"] or short_id(item["doc_id"])
    outlet = f", {item['outlet']}" if item["outlet"] else ""
    copy = f", copy of {short_id(item['duplicate_of'])}" if item["duplicate_of"] else ""
    return f"{where} [{short_id(item['doc_id'])}{outlet}{copy}]"


def print_claim(claim: dict[str, Any]) -> None:
    """One claim as a short block: the relation, its marks, who asserts it, where, its rating and the sentence."""
    marks = flags(claim)
    console.print()
    console.print(
        f"{claim['subject_name']} —{claim['relation']}→ {claim['object_name']}" + (f"  [{marks}]" if marks else ""),
        markup=False,
    )
    console.print(f"  asserted by {claim['asserted_by']['name']} in {_source(claim)}", markup=False)
    console.print(f"  {rating_words(claim)}", markup=False)
    console.print(f"  “{claim['evidence']['text']}”", markup=False)


def print_event(event: dict[str, Any], names: dict[str, str]) -> None:
    """One event as a short block: kind, date, place, participants, casualties, where, rating and the sentence."""
    place = event["place"]["name"] if event["place"] else "place not stated"
    parts = [event["kind"], event["date"] or "date not stated", place]
    if event["perpetrators"]:
        parts.append("by " + ", ".join(names.get(a, a) for a in event["perpetrators"]))
    if event["claimed_by"]:
        parts.append("claimed by " + ", ".join(names.get(a, a) for a in event["claimed_by"]))
    if event["killed"] is not None:
        parts.append(f"{event['killed']} killed")
    console.print()
    console.print(" · ".join(parts) + ("  [hedged]" if event["hedged"] else ""), markup=False)
    console.print(f"  reported by {event['asserted_by']['name']} in {_source(event)}", markup=False)
    console.print(f"  {rating_words(event)}", markup=False)
    console.print(f"  “{event['evidence']['text']}”", markup=False)
