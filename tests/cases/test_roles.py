"""Roles in a case, from real text taken in through intake: proposed with their reasons, set by
analysts with a reason (kept across re-extraction), and screening that spares the journalist and
the witness unless asked for everyone."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from pursuit.cases.roles import (
    CaseRole,
    case_role_list,
    persons_of_interest,
    role_history,
    role_of,
    set_role,
)
from pursuit.cli.roles import app as role_app
from pursuit.cli.roles import roles as roles_command
from pursuit.cli.screen import screen
from pursuit.errors import InputError
from pursuit.evidence.items import Acquisition, Method, get_item
from pursuit.resolve.profiles import get_profile
from pursuit.stages.intake import IntakeOptions, ingest_paths
from pursuit.stages.nlp import run_nlp
from pursuit.store.workspace import Workspace
from tests.signin import signed_client

EMIR = "Abu Hafs al-Jazrawi"
JOURNALIST = "Lina Haddad"
WITNESS = "Omar Suleiman"
DEFECTOR = (
    "Statement of a defector, taken in Gaziantep in 2018.\n\n"
    f"I served as a guard in Khasham. Our emir was {EMIR}. In March 2015 eleven men were held in "
    "the school. I protested to the emir; the emir answered that the prisoners had to be "
    "executed. The next morning they were shot in the square. I saw the executions."
)
ARTICLE = (
    "The emir of Khasham\n\n"
    f"By {JOURNALIST}\n\n"
    f"The journalist {JOURNALIST} spent two years documenting the killings in Khasham. "
    f"A witness, {WITNESS}, told us that {EMIR}, the emir, gave the order. "
    f"{WITNESS} said he saw the prisoners taken from the school."
)


def _ingest(ws: Workspace, folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    acquisition = Acquisition(
        acquired_by="investigator-3",
        acquired_at=datetime(2024, 5, 2, 10, 0, tzinfo=UTC),
        method=Method.UPLOAD,
    )
    options = IntakeOptions(case="khasham", acquisition=acquisition, run_ocr=False)
    results = list(ingest_paths(ws, [path], options))
    assert results[0].id is not None
    return results[0].id


@pytest.fixture
def case(ws: Workspace, tmp_path: Path) -> dict[str, str]:
    return {
        "defector": _ingest(ws, tmp_path, "defector.txt", DEFECTOR),
        "article": _ingest(ws, tmp_path, "article.txt", ARTICLE),
    }


def _by_name(ws: Workspace) -> dict[str, Any]:
    with ws.read() as conn:
        return {p.name: p for p in case_role_list(conn)}


def test_the_order_carried_by_reported_speech_ties_the_emir_to_the_execution(
    ws: Workspace, case: dict[str, str]
) -> None:
    with ws.read() as conn:
        emir = get_profile(conn, EMIR)
    assert "executed" in emir.properties.get("ordered", [])
    ordered = next(a for a in emir.attested["ordered"] if a.value == "executed")
    assert case["defector"] in ordered.items
    assert "emir" in emir.properties["role"]


def test_roles_are_proposed_with_their_reasons(ws: Workspace, case: dict[str, str]) -> None:
    found = _by_name(ws)
    emir = found[EMIR]
    assert emir.role is CaseRole.SUSPECT and emir.origin == "proposed"
    assert emir.reason.startswith("role emir in 2 items") or "emir" in emir.reason
    assert found[JOURNALIST].role is CaseRole.INVESTIGATOR
    assert "journalist" in found[JOURNALIST].reason.lower() or "By" in found[JOURNALIST].reason
    assert found[WITNESS].role is CaseRole.WITNESS


def test_a_set_role_wins_is_kept_in_history_and_survives_re_extraction(
    ws: Workspace, case: dict[str, str]
) -> None:
    with ws.write() as conn:
        made = set_role(conn, WITNESS, "source", "quoted only; did not see it", "analyst-1")
    assert made.role is CaseRole.SOURCE and made.origin == "set"
    for item_id in case.values():
        with ws.read() as conn:
            item = get_item(conn, item_id)
        run_nlp(ws, item)
    with ws.read() as conn:
        again = role_of(conn, WITNESS)
        history = role_history(conn, [again.entity_id])
    assert again.role is CaseRole.SOURCE and again.origin == "set"
    assert again.reason == "quoted only; did not see it"
    assert any(p.role is CaseRole.WITNESS for p in again.proposals)
    assert [(h.role, h.made_by) for h in history] == [(CaseRole.SOURCE, "analyst-1")]


def test_an_unknown_role_is_refused_and_nothing_changes(
    ws: Workspace, case: dict[str, str]
) -> None:
    with ws.write() as conn, pytest.raises(InputError, match="unknown role 'perpetrator'"):
        set_role(conn, EMIR, "perpetrator", "he did it", "analyst-1")
    with ws.write() as conn, pytest.raises(InputError, match="reason"):
        set_role(conn, EMIR, "suspect", "  ", "analyst-1")
    with ws.read() as conn:
        emir = role_of(conn, EMIR)
        assert role_history(conn, [emir.entity_id]) == []
    assert emir.origin == "proposed"


def _cli(ws: Workspace, command: Any, *args: str, expect: int = 0) -> Any:
    app = typer.Typer()
    app.command()(command)
    app.command("noop")(lambda: None)
    env = {"PURSUIT_DATABASE_URL": ws.settings.database_url or "", "PURSUIT_ACTOR": "carol"}
    argv = [command.__name__, *args, "--home", str(ws.settings.home), "--json"]
    result = CliRunner().invoke(app, argv, env=env)
    assert result.exit_code == expect, result.output
    return json.loads(result.stdout) if expect == 0 else result


def _flagged(report: dict[str, Any]) -> dict[str, str]:
    return {
        r["id"]: c.get("interest", "")
        for r in report["results"]
        for c in r["candidates"]
        if c["match"]
    }


def test_screening_spares_the_journalist_and_the_witness_unless_asked_for_all(
    ws: Workspace, case: dict[str, str], tmp_path: Path
) -> None:
    register = tmp_path / "register.csv"
    register.write_text(
        f"id,name\nr1,{JOURNALIST}\nr2,{WITNESS}\nr3,Abou Hafs al-Jazraoui\n", encoding="utf-8"
    )
    default = _flagged(_cli(ws, screen, str(register)))
    assert set(default) == {"r3"}
    assert default["r3"].startswith("suspect: ")
    everyone = _flagged(_cli(ws, screen, str(register), "--against", "all"))
    assert {"r1", "r2", "r3"} <= set(everyone)
    assert everyone["r3"].startswith("suspect: ")
    with ws.read() as conn:
        assert len(persons_of_interest(conn)) == 1


def test_the_api_screens_persons_of_interest_by_default(
    ws: Workspace, case: dict[str, str]
) -> None:
    records = [{"id": "r1", "name": JOURNALIST}, {"id": "r3", "name": EMIR}]
    with signed_client(ws) as client:
        default = client.post("/api/v1/screen", json={"records": records}).json()
        everyone = client.post("/api/v1/screen", json={"records": records, "against": "all"})
        wrong = client.post("/api/v1/screen", json={"records": records, "against": "some"})
    assert set(_flagged(default)) == {"r3"}
    assert "suspect" in _flagged(default)["r3"]
    assert {"r1", "r3"} <= set(_flagged(everyone.json()))
    assert wrong.status_code in (400, 422)


def test_roles_from_the_cli_and_the_api(ws: Workspace, case: dict[str, str]) -> None:
    listed = _cli(ws, roles_command)
    names = {r["name"]: r for r in listed["roles"]}
    assert names[EMIR]["role"] == "suspect" and names[EMIR]["proposals"]
    runner, home = CliRunner(), str(ws.settings.home)
    env = {"PURSUIT_DATABASE_URL": ws.settings.database_url or "", "PURSUIT_ACTOR": "carol"}
    bad = runner.invoke(
        role_app, ["set", EMIR, "villain", "--reason", "x", "--home", home], env=env
    )
    assert bad.exit_code != 0 and "unknown role" in str(bad.exception or bad.output)
    done = runner.invoke(
        role_app, ["set", JOURNALIST, "other", "--reason", "editor", "--home", home], env=env
    )
    assert done.exit_code == 0, done.output
    with signed_client(ws) as client:
        entity = names[EMIR]["entity_id"]
        got = client.get(f"/api/v1/entities/{entity}/role").json()
        refused = client.post(
            f"/api/v1/entities/{entity}/role", json={"role": "villain", "reason": "x"}
        )
        made = client.post(
            f"/api/v1/entities/{entity}/role", json={"role": "suspect", "reason": "two sources"}
        )
        page = client.get(f"/entities/{entity}")
    assert got["role"] == "suspect" and got["origin"] == "proposed"
    assert refused.status_code == 422 and "unknown role" in refused.text
    assert made.status_code == 200 and made.json()["origin"] == "set"
    assert made.json()["history"][0]["made_by"] == "tester"
    assert "Role in the case" in page.text and "two sources" in page.text
    assert 'name="csrf_token"' in page.text
    journalist = names[JOURNALIST]["entity_id"]
    with signed_client(ws) as client:
        other = client.get(f"/api/v1/entities/{journalist}/role").json()
    assert other["role"] == "other" and other["history"][0]["made_by"] == "carol"
