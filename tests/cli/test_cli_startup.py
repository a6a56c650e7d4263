"""Loading the command line stays light: the library behind a command is imported when the command runs."""

from __future__ import annotations

import json
import subprocess
import sys

from claimgraph.cli.exports import Format, Profile
from claimgraph.export import FORMATS, PROFILES

SLOW = ("claimgraph.api", "claimgraph.analyze", "claimgraph.export", "claimgraph.extract", "claimgraph.ingest",
        "datasketch", "scipy", "stix2validator", "trafilatura", "pypdf")

# ``serve`` belongs to the web server and is left out here: what is checked is every other command module.
PROBE = """
import json, sys, types
sys.modules["claimgraph.cli.serve"] = types.ModuleType("claimgraph.cli.serve")
import claimgraph.cli.app
print(json.dumps(sorted(sys.modules)))
"""


def test_loading_the_commands_loads_no_library_behind_them():
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    loaded = set(json.loads(done.stdout))
    assert "claimgraph.cli.exports" in loaded and "claimgraph.cli.analysis" in loaded
    assert sorted(m for m in loaded if any(m == slow or m.startswith(slow + ".") for slow in SLOW)) == []


def test_format_and_profile_choices_are_the_exporters():
    assert [f.value for f in Format] == list(FORMATS)
    assert [p.value for p in Profile] == list(PROFILES)
