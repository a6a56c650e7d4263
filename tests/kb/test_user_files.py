"""User knowledge-base files (YAML, JSON, CSV): parsing, validation errors, merging, and mappings."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from claimgraph.errors import KBError
from claimgraph.kb import KBActor, KBPlace, builtin_kb, entry_to_mapping, load_kb, read_user_file
from claimgraph.kb.entries import actor_from_mapping, place_from_mapping


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


GOOD_YAML = """
actors:
  - id: example-front
    name: Example Liberation Front
    type: armed_group
    sector: REB
    aliases: [ELF, Example Front]
    country: Pakistan
    parent: ttp
    wikidata: Q42
    affiliations:
      - {relation: splinter_of, target: ttp, since: "2024-03"}
places:
  - {id: example-town, name: Exampletown, kind: town, country: Pakistan, admin_level: 3, parent: pk-kp,
     lat: 34.1, lon: 71.2}
"""


def test_yaml_user_file(tmp_path):
    actors, places = read_user_file(write(tmp_path, "mine.yaml", GOOD_YAML))
    actor, = actors
    assert (actor.id, actor.name, actor.parent, actor.wikidata) == (
        "kb:example-front", "Example Liberation Front", "kb:ttp", "Q42")
    assert actor.affiliations[0].target == "kb:ttp" and actor.affiliations[0].since == "2024-03"
    assert actor.source == str(tmp_path / "mine.yaml")
    place, = places
    assert (place.id, place.parent, place.lat) == ("place:example-town", "place:pk-kp", 34.1)


def test_json_user_file_uses_the_same_format(tmp_path):
    data = {"actors": [{"id": "kb:json-group", "name": "JSON Group", "type": "armed_group"}]}
    actors, places = read_user_file(write(tmp_path, "mine.json", json.dumps(data)))
    assert [a.id for a in actors] == ["kb:json-group"] and places == []


def test_csv_user_file(tmp_path):
    text = ("id,name,type,aliases,country,parent,wikidata,sector\n"
            "new-brigade,New Brigade,armed_group,NB; New Brigade Pakistan ,Pakistan,bla,,SEP\n"
            "\n"
            "jane-doe,Jane Doe,person,,,new-brigade,Q7,\n")
    actors, places = read_user_file(write(tmp_path, "mine.csv", text))
    assert places == []
    assert [(a.id, a.aliases, a.parent, a.sector, a.wikidata) for a in actors] == [
        ("kb:new-brigade", ["NB", "New Brigade Pakistan"], "kb:bla", "SEP", None),
        ("kb:jane-doe", [], "kb:new-brigade", None, "Q7")]
    kb = load_kb([tmp_path / "mine.csv"])
    assert kb.ancestors("kb:jane-doe") == ["kb:new-brigade", "kb:bla"]


def test_csv_with_byte_order_mark_and_only_required_columns(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes("\ufeffid,name,type\nx-group,X Group,armed_group\n".encode())
    actors, _ = read_user_file(path)
    assert actors[0].id == "kb:x-group"


@pytest.mark.parametrize(("name", "text", "reason"), [
    ("a.yaml", "actors:\n  - {id: a, name: A, type: armed_group, colour: red}\n", "unknown field(s) colour"),
    ("a.yaml", "actors:\n  - {id: a, type: armed_group}\n", "field 'name' is required"),
    ("a.yaml", "actors:\n  - {id: a, name: A, type: militia}\n", "type 'militia' is not one of"),
    ("a.yaml", "actors:\n  - {id: a, name: A, type: armed_group, sector: XYZ}\n", "sector 'XYZ' is not one of"),
    ("a.yaml", "actors:\n  - {id: a, name: A, type: armed_group, wikidata: 12345}\n", "field 'wikidata' must be text"),
    ("a.yaml", "actors:\n  - {id: a, name: A, type: armed_group, wikidata: Q12x}\n", "is not a Wikidata item id"),
    ("a.yaml", "actors:\n  - {id: a, name: A, type: armed_group, aliases: AA}\n", "'aliases' must be a list"),
    ("a.yaml", "actors:\n  - {id: a, name: A, type: armed_group, aliases: [1, 2]}\n",
     "'aliases' must be a list of text"),
    ("a.yaml", "actors:\n  - {id: 'Bad Id', name: A, type: armed_group}\n", "must be lower-case letters"),
    ("a.yaml", "actors:\n  - {id: a, name: A, type: armed_group}\n  - {id: a, name: B, type: person}\n",
     "actor 'kb:a': duplicate id in the same file"),
    ("a.yaml", "actors:\n  - {id: a, name: A, type: armed_group, affiliations: [{relation: hates, target: ttp}]}\n",
     "affiliation relation 'hates' is not one of"),
    ("a.yaml", "actors:\n  - {id: a, name: A, type: armed_group, affiliations: [{relation: member_of}]}\n",
     "each affiliation needs 'relation' and 'target'"),
    ("a.yaml", "actors:\n  - {id: a, name: A, type: armed_group, affiliations: [{relation: member_of, target: ttp, "
               "since: last year}]}\n", "must be YYYY, YYYY-MM or YYYY-MM-DD"),
    ("a.yaml", "places:\n  - {id: p, name: P, kind: town, lat: 95, lon: 10}\n", "lat must be a number from -90 to 90"),
    ("a.yaml", "places:\n  - {id: p, name: P, kind: town, lat: 10, lon: east}\n", "lon must be a number"),
    ("a.yaml", "places:\n  - {id: p, name: P, kind: town, lat: 10}\n", "give both lat and lon"),
    ("a.yaml", "places:\n  - {id: p, name: P, kind: village}\n", "kind 'village' is not one of"),
    ("a.yaml", "places:\n  - {id: p, name: P, kind: town, admin_level: 9}\n", "admin_level must be a whole number"),
    ("a.yaml", "places:\n  - {id: p, name: P, kind: town}\n  - {id: place:p, name: Q, kind: city}\n",
     "place 'place:p': duplicate id in the same file"),
    ("a.yaml", "people:\n  - {id: a}\n", "unknown top-level key(s) people"),
    ("a.yaml", "- just\n- a list\n", "expected a mapping with 'actors' and/or 'places'"),
    ("a.yaml", "actors:\n  - just text\n", "each actor must be a mapping of fields"),
    ("a.yaml", "actors: [\n", "not valid YAML"),
    ("a.txt", "id,name\n", "unsupported file type '.txt'"),
    ("a.csv", "id,name,type,colour\nx,X,person,red\n", "unknown column(s) colour"),
    ("a.csv", "id,name\nx,X\n", "missing column(s) type"),
    ("a.csv", "", "empty CSV file"),
    ("a.csv", "id,name,type\nx,X,person,extra\n", "row 2: more values than columns"),
    ("a.csv", "id,name,type\nx,X,person\ny,,person\n", "row 3: actor 'y': field 'name' is required"),
    ("a.csv", "id,name,type\nx,X,person\nx,Y,person\n", "actor 'kb:x': duplicate id in the same file"),
])
def test_invalid_user_files_give_one_line_errors_naming_the_file(tmp_path, name, text, reason):
    path = write(tmp_path, name, text)
    with pytest.raises(KBError) as caught:
        read_user_file(path)
    message = str(caught.value)
    assert message.startswith(str(path) + ":")
    assert reason in message
    assert "\n" not in message


def test_missing_file(tmp_path):
    with pytest.raises(KBError, match="cannot read file"):
        read_user_file(tmp_path / "absent.yaml")


@pytest.mark.parametrize(("text", "reason"), [
    ("actors:\n  - {id: a, name: A, type: armed_group, parent: no-such-group}\n",
     "parent 'kb:no-such-group' is not an actor"),
    ("actors:\n  - {id: a, name: A, type: armed_group, affiliations: [{relation: allied_with, target: nobody}]}\n",
     "affiliation target 'kb:nobody' is not an actor"),
    ("actors:\n  - {id: a, name: A, type: armed_group, country: Atlantis}\n",
     "country 'Atlantis' is not the name of a state"),
    ("actors:\n  - {id: a, name: A, type: armed_group, parent: a}\n", "cannot be its own parent"),
    ("places:\n  - {id: p, name: P, kind: town, parent: nowhere}\n", "parent 'place:nowhere' is not a place"),
    ("places:\n  - {id: p, name: P, kind: town, metonym_of: nobody}\n", "metonym_of 'kb:nobody' is not an actor"),
])
def test_references_are_checked_after_the_merge(tmp_path, text, reason):
    path = write(tmp_path, "refs.yaml", text)
    read_user_file(path)  # each entry is valid on its own
    with pytest.raises(KBError) as caught:
        load_kb([path])
    assert str(caught.value).startswith(f"{path}: ")
    assert reason in str(caught.value)


def test_user_entries_extend_and_override_builtin_ones_by_id(tmp_path):
    override = "actors:\n  - {id: iskp, name: Islamic State Khorasan, type: armed_group, aliases: [ISKP]}\n"
    extension = write(tmp_path, "extension.yaml", GOOD_YAML)
    path = write(tmp_path, "override.yaml", override)
    kb = load_kb([extension, path])
    assert kb.actors["kb:iskp"].name == "Islamic State Khorasan"
    assert kb.actors["kb:iskp"].source == str(path)
    assert kb.actors["kb:example-front"].parent == "kb:ttp"
    assert kb.places["place:example-town"].country == "Pakistan"
    assert builtin_kb().actors["kb:iskp"].name == "Islamic State Khorasan Province"  # the built-in KB is untouched
    assert "kb:example-front" not in builtin_kb().actors


def test_later_sources_win_and_extra_entries_come_last(tmp_path):
    first = write(tmp_path, "first.csv", "id,name,type\nz-group,Z One,armed_group\n")
    second = write(tmp_path, "second.csv", "id,name,type\nz-group,Z Two,armed_group\n")
    assert load_kb([first, second]).actors["kb:z-group"].name == "Z Two"
    extra = ([KBActor("kb:z-group", "Z Three", "armed_group")], [KBPlace("place:z", "Zville", "town", "Mali")])
    kb = load_kb([first, second], extra=extra)
    assert kb.actors["kb:z-group"].name == "Z Three" and kb.places["place:z"].country == "Mali"
    assert load_kb() is builtin_kb()


def test_extra_entries_are_checked_too():
    with pytest.raises(KBError, match="parent 'kb:nowhere'"):
        load_kb(extra=([KBActor("kb:q", "Q", "person", parent="kb:nowhere")], []))


def test_entry_to_mapping_round_trips_every_builtin_entry():
    kb = builtin_kb()
    for actor in kb.actors.values():
        mapping = entry_to_mapping(actor)
        assert dataclasses.replace(actor_from_mapping(mapping, actor.source)) == actor
        assert json.loads(json.dumps(mapping)) == mapping
    for place in kb.places.values():
        assert place_from_mapping(entry_to_mapping(place), place.source) == place


def test_entry_to_mapping_leaves_out_empty_fields():
    mapping = entry_to_mapping(KBActor("kb:a", "A", "person"))
    assert mapping == {"id": "kb:a", "name": "A", "type": "person"}


def test_written_mappings_reload_as_a_user_file(tmp_path):
    kb = builtin_kb()
    data = {"actors": [entry_to_mapping(kb.actors["kb:majeed-brigade"])],
            "places": [entry_to_mapping(kb.places["place:bajaur"])]}
    actors, places = read_user_file(write(tmp_path, "export.json", json.dumps(data)))
    assert actors[0].parent == "kb:bla" and places[0].name == "Bajaur"
