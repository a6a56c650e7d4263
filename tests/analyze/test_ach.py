"""Competing hypotheses: parsing, the evidence × hypotheses matrix, diagnosticity and ranking."""

from __future__ import annotations

import csv
import io
import json
from importlib import resources
from pathlib import Path

import pytest
import yaml
from analysis_builders import DocBuilder, corpus_of

from claimgraph.analyze.ach import ach, load_hypotheses, parse_hypotheses
from claimgraph.errors import InputError
from claimgraph.kb import KnowledgeBase

HYPOTHESES = {"hypotheses": [
    {"id": "H1", "label": "ISI supports ISKP", "patterns": [{"subject": "ISI", "relation": "supports",
                                                             "object": "ISKP"}]},
    {"id": "H2", "label": "ISKP is hostile to Pakistan",
     "patterns": [{"subject": "ISKP", "relation": ["attacks", "rival_of"], "object": "Pakistan",
                   "include_parts": True}]},
]}


def _corpus():
    patron = (DocBuilder("patron")
              .claim("The spy agency trains the Khorasan branch.", "kb:isi", "supports", "kb:iskp")
              .claim("The branch has never struck the army.", "kb:iskp", "attacks", "kb:pakistan-army", negated=True))
    enemy = (DocBuilder("enemy")
             .claim("The branch bombed an army post.", "kb:iskp", "attacks", "kb:pakistan-army")
             .claim("The branch is an enemy of Pakistan.", "kb:pakistan", "rival_of", "kb:iskp"))
    other = (DocBuilder("other")
             .claim("The branch is at war with the Taliban.", "kb:iskp", "rival_of", "kb:afghan-taliban")
             .claim("The agency reportedly funds the branch.", "kb:isi", "supports", "kb:iskp", hedged=True))
    return corpus_of(patron, enemy, other)


def test_matrix_verdicts_diagnosticity_and_ranking(kb: KnowledgeBase) -> None:
    matrix = ach(_corpus(), kb, parse_hypotheses(HYPOTHESES, kb))
    verdicts = {row.evidence.text: row.verdicts for row in matrix.rows}
    assert verdicts == {
        "The spy agency trains the Khorasan branch.": {"H1": "consistent", "H2": "inconsistent"},
        "The branch has never struck the army.": {"H1": "not_applicable", "H2": "inconsistent"},
        "The branch bombed an army post.": {"H1": "inconsistent", "H2": "consistent"},
        "The branch is an enemy of Pakistan.": {"H1": "inconsistent", "H2": "consistent"},
        "The agency reportedly funds the branch.": {"H1": "consistent", "H2": "inconsistent"},
    }
    diagnosticity = {row.evidence.text: row.diagnosticity for row in matrix.rows}
    assert diagnosticity["The branch has never struck the army."] == 1
    assert diagnosticity["The spy agency trains the Khorasan branch."] == 2
    assert [score.hypothesis.id for score in matrix.ranking] == ["H1", "H2"]
    h1, h2 = matrix.ranking
    assert (h1.inconsistent, h2.inconsistent) == (2, 3)
    assert h1.inconsistency < h2.inconsistency


def test_ranking_is_weighted_by_credibility(kb: KnowledgeBase) -> None:
    # Two denials of H1 that corroborate each other (credibility 2, weight 0.8) outweigh three hedged,
    # uncorroborated denials of H2 (credibility 4, weight 0.4): H2 ranks first with more inconsistent items.
    docs = [DocBuilder(f"denial{i}").claim(f"The agency does not pay the branch, source {i} says.", "kb:isi",
                                           "supports", "kb:iskp", negated=True) for i in range(2)]
    docs += [DocBuilder(f"hedge{i}").claim(f"The branch has perhaps never attacked Pakistan, note {i}.", "kb:iskp",
                                           "attacks", "kb:pakistan", negated=True, hedged=True) for i in range(3)]
    matrix = ach(corpus_of(*docs), kb, parse_hypotheses(HYPOTHESES, kb))
    by_id = {score.hypothesis.id: score for score in matrix.ranking}
    assert (by_id["H1"].inconsistent, by_id["H2"].inconsistent) == (2, 3)
    assert by_id["H1"].inconsistency == pytest.approx(1.6)
    assert by_id["H2"].inconsistency == pytest.approx(1.2)
    assert [score.hypothesis.id for score in matrix.ranking] == ["H2", "H1"]


def test_outputs_csv_and_json(kb: KnowledgeBase) -> None:
    matrix = ach(_corpus(), kb, parse_hypotheses(HYPOTHESES, kb))
    rows = list(csv.reader(io.StringIO(matrix.to_csv())))
    assert rows[0][:6] == ["evidence", "document", "speaker", "claim", "sentence", "admiralty"]
    assert rows[0][6:8] == ["H1", "H2"]
    assert len(rows) == len(matrix.rows) + 1
    assert {tuple(r[6:8]) for r in rows[1:]} == {("C", "I"), ("NA", "I"), ("I", "C")}
    data = json.loads(json.dumps(matrix.to_dict()))
    assert [r["id"] for r in data["ranking"]] == ["H1", "H2"]
    assert data["hypotheses"][1]["patterns"][0]["include_parts"] is True


def test_rows_that_bear_on_no_hypothesis_are_left_out(kb: KnowledgeBase) -> None:
    matrix = ach(_corpus(), kb, parse_hypotheses(HYPOTHESES, kb))
    assert "The branch is at war with the Taliban." not in {row.evidence.text for row in matrix.rows}


def test_actor_names_resolve_by_id_name_and_alias(kb: KnowledgeBase) -> None:
    data = {"hypotheses": [{"id": "H", "patterns": [
        {"subject": ["kb:isi", "inter-services intelligence"], "relation": "supports", "object": "is-k"}]}]}
    [hypothesis] = parse_hypotheses(data, kb)
    assert hypothesis.patterns[0].subjects == {"kb:isi"}
    assert hypothesis.patterns[0].objects == {"kb:iskp"}
    assert hypothesis.label == "H"


@pytest.mark.parametrize(("data", "message"), [
    ({"hypotheses": []}, "non-empty 'hypotheses' list"),
    ({"hypotheses": [{"id": "H1", "patterns": [{"subject": "Nobody", "relation": "supports", "object": "ISKP"}]}]},
     "hypothesis H1 pattern 1: unknown actor 'Nobody'"),
    ({"hypotheses": [{"id": "H1", "patterns": [{"subject": "ISI", "relation": "funds", "object": "ISKP"}]}]},
     "unknown relation"),
    ({"hypotheses": [{"id": "H1", "patterns": [{"subject": "ISI", "object": "ISKP"}]}]}, "missing relation"),
    ({"hypotheses": [{"id": "H1", "patterns": []}]}, "needs a non-empty 'patterns' list"),
    ({"hypotheses": [{"id": "H1", "colour": "red", "patterns": []}]}, "unknown field"),
    ({"hypotheses": [{"id": "H1", "patterns": [{"subject": "ISI", "relation": "supports", "object": "ISKP"}]},
                     {"id": "H1", "patterns": [{"subject": "ISI", "relation": "supports", "object": "ISKP"}]}]},
     "used twice"),
])
def test_bad_hypotheses_are_rejected_with_the_reason(kb: KnowledgeBase, data: dict, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_hypotheses(data, kb, "h.yaml")


def test_load_hypotheses_reports_unreadable_files(kb: KnowledgeBase, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="missing.yaml"):
        load_hypotheses(tmp_path / "missing.yaml", kb)
    broken = tmp_path / "broken.yaml"
    broken.write_text("hypotheses: [", encoding="utf-8")
    with pytest.raises(InputError, match="broken.yaml: not valid YAML"):
        load_hypotheses(broken, kb)


def test_shipped_example_parses_against_the_builtin_kb() -> None:
    from claimgraph.kb import builtin_kb

    text = (resources.files("claimgraph.analyze") / "data" / "example_hypotheses.yaml").read_text(encoding="utf-8")
    hypotheses = parse_hypotheses(yaml.safe_load(text), builtin_kb())
    assert [h.id for h in hypotheses] == ["H1", "H2", "H3"]
    assert hypotheses[1].patterns[0].objects == {"kb:pakistan"}
    assert "kb:isi" in hypotheses[1].patterns[0].matched_objects
