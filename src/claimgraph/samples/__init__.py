"""The sample corpus shipped with claimgraph: short articles with opposing accounts of real actors."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def sample_corpus_dir() -> Path:
    """The folder of the bundled sample articles (Markdown with YAML front matter)."""
    return Path(str(resources.files("claimgraph.samples") / "corpus"))
