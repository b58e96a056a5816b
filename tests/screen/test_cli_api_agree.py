"""The CLI's --json and the API answer the same document for the same workspace.

Both print the response models of `pursuit.api.schemas`: a field added to one appears in the
other, and the DESIGN contract's fields stay where scripts expect them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer
from typer.testing import CliRunner

from pursuit.cli.inquiry import entities
from pursuit.cli.screen import screen
from pursuit.store.workspace import Workspace
from tests.resolve.builders import add_document
from tests.signin import signed_client

JAZRAWI = "Abu Hafs al-Jazrawi"
FRENCH = "Abou Hafs al-Jazraoui"
MASRI = "Abu Hafs al-Masri"


def _people(ws: Workspace) -> None:
    add_document(ws, f"A defector said {JAZRAWI} ran it; {MASRI} was in Mosul.", [JAZRAWI, MASRI])
    add_document(ws, f"Selon un témoin, {FRENCH} dirigeait.", [FRENCH], "fr.txt")


def _cli(ws: Workspace, command: Any, *args: str) -> Any:
    app = typer.Typer()
    app.command()(command)
    app.command("noop")(lambda: None)
    env = {"PURSUIT_DATABASE_URL": ws.settings.database_url or "", "PURSUIT_ACTOR": "carol"}
    name = command.__name__
    argv = [name, *args, "--home", str(ws.settings.home), "--json"]
    result = CliRunner().invoke(app, argv, env=env)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_entities_are_one_document_in_the_cli_and_the_api(ws: Workspace) -> None:
    _people(ws)
    printed = _cli(ws, entities)
    with signed_client(ws) as client:
        answered = client.get("/api/v1/entities").json()
    assert printed == answered
    first = printed["entities"][0]
    assert {"id", "type", "name", "aliases", "mentions", "items", "properties"} <= set(first)


def test_screening_is_one_document_in_the_cli_and_the_api(ws: Workspace, tmp_path: Path) -> None:
    _people(ws)
    listed = tmp_path / "list.csv"
    listed.write_text(f"id,name\nr1,Abou Hafs el-Jazraoui\nr2,{MASRI}\n", encoding="utf-8")
    printed = _cli(ws, screen, str(listed), "--against", "all")
    records = [{"id": "r1", "name": "Abou Hafs el-Jazraoui"}, {"id": "r2", "name": MASRI}]
    with signed_client(ws) as client:
        answered = client.post("/api/v1/screen", json={"records": records, "against": "all"}).json()
    # The API reads records from JSON, not from a file: only `against` may differ.
    assert {**printed, "against": ""} == {**answered, "against": ""}
    candidate = printed["results"][0]["candidates"][0]
    assert {"entity_id", "name", "score", "match", "reasons"} <= set(candidate)
    reason = candidate["reasons"][0]
    assert set(reason) == {"code", "detail", "weight", "text"}
    assert reason["code"] == "name_pair" and reason["text"].startswith("names ")
