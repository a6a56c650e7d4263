"""``claimgraph extract``: the JSON contract, input order, failures and the table format."""

from __future__ import annotations

import json
from pathlib import Path

from claimgraph.ingest import iter_documents
from claimgraph.model import text_id

# The keys DESIGN.md's extraction contract names (more may follow as the extractor grows).
CONTRACT = {
    "document": {"id", "title", "url", "outlet", "published"},
    "actors": {"id", "name", "type", "wikidata", "aliases", "mentions"},
    "places": {"id", "name", "country", "mentions"},
    "events": {
        "id",
        "kind",
        "date",
        "date_precision",
        "place",
        "perpetrators",
        "claimed_by",
        "targets",
        "killed",
        "wounded",
        "evidence",
    },
    "claims": {
        "id",
        "subject",
        "relation",
        "object",
        "object_name",
        "polarity",
        "hedged",
        "asserted_by",
        "time",
        "confidence",
        "evidence",
    },
}
SPAN = {"start", "end", "text"}


def clean_text(path: Path) -> str:
    (doc,) = iter_documents([path])
    return doc.text


def check_contract(output: dict, text: str) -> None:
    assert set(output) == set(CONTRACT)
    assert CONTRACT["document"] <= set(output["document"])
    assert output["document"]["id"] == text_id(text)
    for section in ("actors", "places", "events", "claims"):
        for item in output[section]:
            assert CONTRACT[section] <= set(item), (section, item)
    spans = [m for a in output["actors"] for m in a["mentions"]] + [m for p in output["places"] for m in p["mentions"]]
    spans += [e["evidence"] for e in output["events"]] + [c["evidence"] for c in output["claims"]]
    for span in spans:
        assert set(span) == SPAN
        assert text[span["start"] : span["end"]] == span["text"]
    for claim in output["claims"]:
        assert claim["polarity"] in ("affirmed", "negated")
        assert set(claim["asserted_by"]) == {"id", "name"}
        assert isinstance(claim["hedged"], bool)
    for event in output["events"]:
        assert event["place"] is None or {"name", "country"} <= set(event["place"])


def test_one_document_prints_one_object_of_the_contract(cli, articles):
    path = articles / "bannu.md"
    result = cli("extract", str(path), "--format", "json")
    assert result.exit_code == 0, result.output
    output = json.loads(result.stdout)
    check_contract(output, clean_text(path))
    assert output["document"]["title"] == "Raid on a police post in Bannu"
    assert output["document"]["outlet"] == "Frontier Test Desk"
    assert "kb:ttp" in {a["id"] for a in output["actors"]}


def test_several_documents_print_a_list_in_input_order(cli, articles):
    paths = [articles / "sahel.txt", articles / "bannu.md", articles / "kabul.txt"]
    result = cli("extract", *map(str, paths))  # json is the default format
    assert result.exit_code == 0, result.output
    outputs = json.loads(result.stdout)
    assert [o["document"]["id"] for o in outputs] == [text_id(clean_text(p)) for p in paths]
    for output, path in zip(outputs, paths, strict=True):
        check_contract(output, clean_text(path))


def test_failed_inputs_go_to_stderr_and_the_rest_still_print(cli, articles, tmp_path):
    missing = tmp_path / "gone.txt"
    empty = tmp_path / "blank.md"
    empty.write_text("   \n")
    result = cli("extract", str(articles / "kabul.txt"), str(missing), str(empty), str(articles / "sahel.txt"))
    assert result.exit_code == 1
    outputs = json.loads(result.stdout)
    assert [o["document"]["id"] for o in outputs] == [
        text_id(clean_text(articles / n)) for n in ("kabul.txt", "sahel.txt")
    ]
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 2
    assert errors[0].startswith(f"{missing}: ") and errors[1].startswith(f"{empty}: ")


def test_table_format_names_actors_and_claims(cli, articles):
    result = cli("extract", str(articles / "bannu.md"), "--format", "table")
    assert result.exit_code == 0, result.output
    assert "Tehrik-i-Taliban Pakistan" in result.stdout
    assert "Claims" in result.stdout and "Events" in result.stdout
    assert not result.stdout.lstrip().startswith("{")
