from dataclasses import replace

import pytest

import claimgraph.api as api

_orig = api.extract_document
def dedupe(doc, kb=None):
    ex = _orig(doc, kb)
    seen=set(); evs=[]
    for e in ex.events:
        if e.id not in seen:
            seen.add(e.id); evs.append(e)
    return replace(ex, events=evs)

@pytest.fixture(autouse=True)
def _dedupe(monkeypatch):
    monkeypatch.setattr(api, "extract_document", dedupe)
