"""``claimgraph claims`` and ``claimgraph events``."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer
from rich.table import Column, Table

from claimgraph.cli.app import app
from claimgraph.cli.common import (
    RATING_NOTE,
    DbOption,
    JsonOption,
    console,
    existing_store,
    flags,
    print_json,
    rating_code,
    short_id,
)
from claimgraph.model import RELATIONS

Relation = StrEnum("Relation", {name: name for name in RELATIONS})
ActorOption = Annotated[str | None, typer.Option(help="Only those naming this actor (id, name or alias).")]
DocOption = Annotated[str | None, typer.Option(help="Only those of this document (id prefix, source or title).")]
LimitOption = Annotated[int | None, typer.Option(min=1, help="Show at most this many.")]
OffsetOption = Annotated[int, typer.Option(min=0, help="Skip this many first.")]


@app.command("claims")
def claims(
    actor: ActorOption = None,
    relation: Annotated[Relation | None, typer.Option(help="Only this relation.")] = None,
    doc: DocOption = None,
    limit: LimitOption = None,
    offset: OffsetOption = 0,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """List claims with speaker, rating and evidence.

    Subject, relation, object, who asserted it, hedged/negated marks, the Admiralty rating (source
    reliability A–F and credibility 1–6, judged over the whole store), document and evidence sentence.
    """
    from claimgraph.api import rated_claims

    with existing_store(db) as store:
        rows = rated_claims(
            store, actor=actor, relation=relation.value if relation else None, doc=doc, limit=limit, offset=offset
        )
    if json_output:
        print_json(rows)
        return
    table = Table(
        Column("subject", ratio=2),
        Column("relation", ratio=2),
        Column("object", ratio=2),
        Column("asserted by", ratio=2),
        Column("marks", ratio=1),
        Column("rating", no_wrap=True),
        Column("doc", no_wrap=True),
        Column("evidence", ratio=6),
        title=f"{len(rows)} claims",
        title_justify="left",
        caption=RATING_NOTE,
        caption_justify="left",
        expand=True,
    )
    for c in rows:
        table.add_row(
            c["subject_name"],
            c["relation"],
            c["object_name"],
            c["asserted_by"]["name"],
            flags(c),
            rating_code(c),
            short_id(c["doc_id"]),
            c["evidence"]["text"],
        )
    console.print(table)


@app.command("events")
def events(
    actor: ActorOption = None,
    doc: DocOption = None,
    kind: Annotated[str | None, typer.Option(help="Only events of this kind, e.g. attack.")] = None,
    limit: LimitOption = None,
    offset: OffsetOption = 0,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """List events with date, place, actors and rating.

    Date, place, perpetrators, claimants, casualties and the Admiralty rating of the report (source
    reliability A–F and credibility 1–6, judged against the other sources of the same event), one row per
    document that reports them.
    """
    from claimgraph.api import rated_events

    with existing_store(db) as store:
        rows = rated_events(store, actor=actor, doc=doc, kind=kind, limit=limit, offset=offset)
        names = {a["id"]: a["name"] for a in store.actors()}
    if json_output:
        print_json(rows)
        return
    table = Table(
        "date",
        "kind",
        "place",
        "perpetrators",
        "claimed by",
        "killed",
        "wounded",
        "rating",
        "doc",
        title=f"{len(rows)} events",
        title_justify="left",
        caption=RATING_NOTE,
        caption_justify="left",
    )
    for e in rows:
        place = (
            ", ".join(p for p in dict.fromkeys((e["place"]["name"], e["place"]["country"])) if p) if e["place"] else ""
        )
        table.add_row(
            e["date"] or "",
            e["kind"],
            place,
            ", ".join(names.get(a, a) for a in e["perpetrators"]),
            ", ".join(names.get(a, a) for a in e["claimed_by"]),
            "" if e["killed"] is None else str(e["killed"]),
            "" if e["wounded"] is None else str(e["wounded"]),
            rating_code(e),
            short_id(e["doc_id"]),
        )
    console.print(table)
