"""Fixtures of the CLI tests: a runner, a store URL in tmp_path and small documents written for the tests."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from claimgraph.cli.app import app

ARTICLES = {
    "bannu.md": """---
title: Raid on a police post in Bannu
outlet: Frontier Test Desk
published: 2024-03-05
tags:
  perspective: pakistani
---
Tehrik-i-Taliban Pakistan (TTP) attacked a police post in Bannu on 4 March 2024, killing three officers.
The TTP claimed responsibility for the raid. Pakistan's foreign ministry said that the Afghan Taliban
shelter the TTP.
""",
    "kabul.txt": """The Afghan Taliban denied that they shelter the TTP, a spokesman said in Kabul.
Islamic State Khorasan Province (ISKP) claimed a bombing in Kabul on 2 September 2024 that killed six people.
Afghan officials said ISKP may be receiving help from abroad.
""",
    "sahel.txt": """Jama'at Nusrat al-Islam wal-Muslimin (JNIM) ambushed a convoy of the Malian army near Gao in
May 2024. JNIM is a branch of al-Qaeda in the Sahel, according to the United Nations.
""",
}


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'cli.db'}"


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    """A folder with three short articles of invented wording about real actors."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


Invoke = Callable[..., Any]


@pytest.fixture
def cli(runner: CliRunner) -> Invoke:
    """Run ``claimgraph ARGS``; returns the Click result."""

    def invoke(*args: str, env: dict[str, str] | None = None, stdin: str | None = None) -> Any:
        return runner.invoke(app, list(args), env=env, input=stdin)

    return invoke


@pytest.fixture
def cli_json(cli: Invoke) -> Invoke:
    """Run ``claimgraph ARGS`` that must succeed and print JSON; returns the parsed output."""

    def invoke(*args: str) -> Any:
        result = cli(*args)
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    return invoke
