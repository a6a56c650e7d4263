"""Read an analyst's YAML file (hypotheses, reference events)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from claimgraph.errors import InputError


def read_yaml_file(path: Path) -> Any:
    """The parsed content of ``path``; InputError naming the file when it cannot be read or is not YAML."""
    try:
        return yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(str(path), exc.strerror or "cannot be read") from exc
    except yaml.YAMLError as exc:
        raise InputError(str(path), f"not valid YAML ({str(exc).splitlines()[0]})") from exc
