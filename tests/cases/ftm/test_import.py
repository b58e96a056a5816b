"""FtM import: an export taken into a fresh workspace exports again to the same entities; bad
lines are named by number and change nothing stored; re-imports keep every version."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa

from pursuit.cases.ftm import export_ftm, import_ftm, imported_entities
from pursuit.errors import EmptyInput, MalformedInput
from pursuit.evidence.custody import Action, iter_events
from pursuit.settings import Settings
from pursuit.store.schema import ftm_entities
from pursuit.store.workspace import Workspace, create_workspace
from tests.cases import claims_corpus, incident_corpus
from tests.cases.ftm.corpus import by_id, row_counts

PERSON = {"id": "p-1", "schema": "Person", "properties": {"name": ["Abu Omar al-Shishani"]}}
GOOD = json.dumps(PERSON)


def _lines(*lines: str) -> bytes:
    return ("\n".join(lines) + "\n").encode()


def test_export_import_export_round_trips(ws: Workspace, tmp_path: Path) -> None:
    incident_corpus.ingest_corpus(ws, tmp_path / "suwar")
    claims_corpus.build(ws, tmp_path / "raqqa")
    first = export_ftm(ws, "tester")
    fresh = create_workspace(Settings(home=tmp_path / "fresh", actor="partner"))
    try:
        done = import_ftm(fresh, first.text.encode(), "case.ftm.jsonl", "partner case", "partner")
        assert (done.new, done.updated, done.unchanged) == (len(first.lines), 0, 0)
        second = export_ftm(fresh, "partner")
        with fresh.read() as conn:
            listed = imported_entities(conn)
    finally:
        fresh.dispose()
    a, b = by_id(first.lines), by_id(second.lines)
    assert sorted(a) == sorted(b)
    for entity_id, entity in a.items():
        assert b[entity_id] == entity, entity_id
    assert second.text == first.text
    people = {e.caption for e in listed if e.schema == "Person"}
    assert {claims_corpus.EMIR, incident_corpus.EMIR, "أبو قاسم الحلبي"} <= people
    assert {e.imported_by for e in listed} == {"partner"}


BAD = [
    ("{not json", "line 2: not JSON"),
    ('{"id": "x", "schema": "Spaceship", "properties": {}}', "line 2: unknown schema 'Spaceship'"),
    (
        '{"id": "x", "schema": "Person", "properties": {"name": ["A"], "shoeSize": ["42"]}}',
        "line 2: schema Person has no property 'shoeSize'",
    ),
    (
        '{"id": "x", "schema": "Person", "properties": {"name": ["A"], "birthDate": ["soon"]}}',
        "line 2: property 'birthDate': Invalid value",
    ),
    ('{"id": "x", "schema": "Person", "properties": {}}', "line 2: schema Person needs name"),
    ('{"schema": "Person", "properties": {"name": ["A"]}}', "line 2: has no id"),
    ('{"id": "x", "schema": "Thing", "properties": {"name": ["A"]}}', "abstract"),
    ('{"id": "x", "schema": "Person", "properties": {"name": "A"}}', "must be a list of strings"),
    ('["Person"]', "line 2: is not a JSON object"),
    (GOOD, "line 2: id 'p-1' already appeared on line 1"),
]


@pytest.mark.parametrize(("line", "message"), BAD)
def test_a_bad_line_is_named_and_nothing_is_stored(
    ws: Workspace, tmp_path: Path, line: str, message: str
) -> None:
    before = row_counts(ws)
    with pytest.raises(MalformedInput) as caught:
        import_ftm(ws, _lines(GOOD, line, GOOD.replace("p-1", "p-2")), "in.jsonl", "c", "tester")
    assert message in str(caught.value)
    assert "nothing was imported" in str(caught.value)
    assert row_counts(ws) == before


def test_every_bad_line_is_named_and_empty_input_refused(ws: Workspace) -> None:
    body = _lines("{", GOOD, "", '{"id": "y", "schema": "Nope"}', "[]")
    with pytest.raises(MalformedInput) as caught:
        import_ftm(ws, body, "in.jsonl", None, "tester")
    assert [p.split(":")[0] for p in str(caught.value).splitlines()[1:]] == [
        "line 1",
        "line 4",
        "line 5",
    ]
    with pytest.raises(EmptyInput):
        import_ftm(ws, b"\n\n", "empty.jsonl", None, "tester")
    with pytest.raises(MalformedInput, match="not UTF-8"):
        import_ftm(ws, b"\xff\xfe{}", "binary.jsonl", None, "tester")
    assert row_counts(ws)["ftm_entities"] == 0


def test_reimport_keeps_versions_and_logs_each_import(ws: Workspace) -> None:
    first = import_ftm(ws, _lines(GOOD), "a.jsonl", "partner", "tester")
    again = import_ftm(ws, _lines(GOOD), "a.jsonl", "partner", "tester")
    assert (first.new, again.new, again.unchanged) == (1, 0, 1)
    changed = dict(PERSON, properties={"name": ["Abu Omar al-Shishani"], "nationality": ["ge"]})
    third = import_ftm(ws, _lines(json.dumps(changed)), "b.jsonl", "partner", "tester")
    assert (third.new, third.updated) == (0, 1)
    with ws.read() as conn:
        versions = conn.execute(sa.select(ftm_entities.c.line, ftm_entities.c.source_name)).all()
        [entity] = imported_entities(conn)
        imported = [e for e in iter_events(conn) if e.action == Action.IMPORTED]
    assert sorted(versions) == [(1, "a.jsonl"), (1, "b.jsonl")]
    assert entity.data["properties"]["nationality"] == ["ge"]
    assert entity.source_sha256 == third.sha256
    assert [e.detail_map["sha256"] for e in imported] == [first.sha256, first.sha256, third.sha256]
    assert [e.detail_map["unchanged"] for e in imported] == [0, 1, 0]
    assert {e.case_id for e in imported} == {first.case_id}
    exported = by_id(export_ftm(ws, "tester").lines)
    assert exported["p-1"] == changed


def test_the_workspace_own_entity_wins_over_an_imported_one(ws: Workspace, tmp_path: Path) -> None:
    claims_corpus.build(ws, tmp_path / "raqqa")
    ours = by_id(export_ftm(ws, "tester").lines)
    [emir_id] = [k for k, e in ours.items() if e["properties"].get("name") == [claims_corpus.EMIR]]
    other = {"id": emir_id, "schema": "Person", "properties": {"name": ["Someone else"]}}
    import_ftm(ws, _lines(json.dumps(other)), "other.jsonl", claims_corpus.CASE, "tester")
    assert by_id(export_ftm(ws, "tester").lines)[emir_id] == ours[emir_id]
