"""``claimgraph eval``: score the extractor against gold annotations."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from claimgraph.cli.app import app
from claimgraph.cli.common import JsonOption, print_json, user_errors


@app.command("eval")
def evaluate(
    gold: Annotated[Path, typer.Argument(metavar="GOLD.jsonl", help="Gold annotations, one JSON a line.")],
    docs_dir: Annotated[
        Path, typer.Argument(metavar="DOCS_DIR", help="Folder of the documents <id>.txt.", exists=True, file_okay=False)
    ],
    json_output: JsonOption = False,
) -> None:
    """Score the extractor against gold annotations.

    Precision, recall and F1 of actors, events and relations, plus attribution and hedging accuracy.
    """
    from claimgraph.api import score_extractor

    with user_errors():
        report = score_extractor(gold, docs_dir)
    if json_output:
        print_json(report.to_dict())
    else:
        typer.echo(report.format_table())
