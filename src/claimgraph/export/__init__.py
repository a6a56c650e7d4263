"""Exports of the claim graph: STIX 2.1 (and import), GraphML, GEXF, CSV, JSON and the HTML briefing."""

from claimgraph.export.exporter import FORMATS, export
from claimgraph.export.stix_mapping import PROFILES

__all__ = ["FORMATS", "PROFILES", "export"]
