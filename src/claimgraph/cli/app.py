"""The ``claimgraph`` command line: a thin face over ``claimgraph.api`` and the store.

Each module imported at the bottom registers its commands on ``app``; a new command module is one more
import line there. Command modules import the heavier library modules (extraction, ingest, analysis)
inside their commands, so that ``claimgraph --help`` and the store listings start fast.
"""

from __future__ import annotations

import typer

app = typer.Typer(
    name="claimgraph",
    help="Evidence-linked claim graphs from articles about armed conflict and terrorism.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


def main() -> None:
    """Entry point of the ``claimgraph`` console script."""
    app()


from claimgraph.cli import ingest  # noqa: E402, F401, I001
from claimgraph.cli import documents  # noqa: E402, F401
from claimgraph.cli import actors  # noqa: E402, F401
from claimgraph.cli import claims  # noqa: E402, F401
from claimgraph.cli import kb  # noqa: E402, F401
from claimgraph.cli import sources  # noqa: E402, F401
from claimgraph.cli import evaluate  # noqa: E402, F401
from claimgraph.cli import demo  # noqa: E402, F401
from claimgraph.cli import analysis  # noqa: E402, F401
from claimgraph.cli import exports  # noqa: E402, F401
from claimgraph.cli import serve  # noqa: E402, F401
