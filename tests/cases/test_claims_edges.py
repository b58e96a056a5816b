"""`pursuit claims`, the API and the claims page answer the same claims, and refuse bad input
with nothing changed; a user's role in the claim's case decides what they may do."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from pursuit.cli.claims import app as claims_cli
from pursuit.security.roles import Role
from pursuit.settings import Settings
from pursuit.store.schema import claim_corrections, claim_grades, manual_claims
from pursuit.store.workspace import Workspace
from tests.cases.claims_corpus import CASE, EMIR, Corpus, build, ingest_one
from tests.signin import bearer, signed_client


@pytest.fixture
def corpus(ws: Workspace, tmp_path: Path) -> Corpus:
    return build(ws, tmp_path / "in")


def _cli(settings: Settings, *args: str) -> str:
    env = {"PURSUIT_HOME": str(settings.home), "PURSUIT_ACTOR": "cli-analyst"}
    if settings.database_url:
        env["PURSUIT_DATABASE_URL"] = settings.database_url
    done = CliRunner().invoke(claims_cli, list(args), env=env, catch_exceptions=False)
    assert done.exit_code == 0, done.output
    return done.stdout


def _rows(ws: Workspace) -> tuple[int, ...]:
    with ws.read() as conn:
        return tuple(
            int(conn.scalar(sa.select(sa.func.count()).select_from(t)) or 0)
            for t in (manual_claims, claim_corrections, claim_grades)
        )


def test_cli_json_and_api_answer_the_same_claims(
    ws: Workspace, settings: Settings, corpus: Corpus
) -> None:
    printed = json.loads(_cli(settings, "--entity", EMIR, "--json"))
    with signed_client(ws) as client:
        answered = client.get("/api/v1/claims", params={"entity": EMIR}).json()
        roles = client.get("/api/v1/claims", params={"entity": EMIR, "predicate": "role"}).json()
    assert printed == answered
    emir = next(c for c in printed["claims"] if c["predicate"] == "role")
    assert roles["claims"] == [emir]
    assert set(emir) >= {"id", "subject", "predicate", "value", "items", "origins", "grade"}
    assert emir["corroboration"] == 3 and len(emir["origins"]) == 3
    assert emir["subject"]["name"] == EMIR
    assert emir["grade"]["reliability"] == "F" and emir["grade"]["credibility"] == "2"


def test_api_edits_recorded_and_bad_input_refused(ws: Workspace, corpus: Corpus) -> None:
    with signed_client(ws) as client:
        claims = client.get("/api/v1/claims", params={"entity": EMIR}).json()["claims"]
        birth = next(c for c in claims if c["predicate"] == "birth" and c["value"] == "1987")
        before = _rows(ws)
        refusals = [
            client.post(
                "/api/v1/claims",
                json={
                    "entity": EMIR,
                    "predicate": "shoe_size",
                    "value": "44",
                    "item_id": corpus["monitor.txt"],
                    "reason": "x",
                    "quote": "court",
                },
            ),
            client.post(
                "/api/v1/claims",
                json={
                    "entity": EMIR,
                    "predicate": "birth",
                    "value": "2030",
                    "item_id": corpus["monitor.txt"],
                    "reason": "x",
                    "quote": "court",
                },
            ),
            client.post(
                "/api/v1/claims",
                json={
                    "entity": "en-unknown",
                    "predicate": "role",
                    "value": "emir",
                    "item_id": corpus["monitor.txt"],
                    "reason": "x",
                    "quote": "court",
                },
            ),
            client.post(
                f"/api/v1/claims/{birth['id']}/grade", json={"credibility": "9", "reason": "x"}
            ),
            client.post(f"/api/v1/claims/{birth['id']}/reject", json={"reason": ""}),
            client.post("/api/v1/claims/cl-none/reject", json={"reason": "x"}),
        ]
        assert [r.status_code for r in refusals] == [422, 422, 404, 422, 422, 404]
        assert "unknown predicate" in refusals[0].json()["detail"]
        assert _rows(ws) == before
        graded = client.post(
            f"/api/v1/claims/{birth['id']}/grade",
            json={"credibility": "4", "reason": "the register is a copy"},
        )
        assert graded.status_code == 200, graded.text
        assert graded.json()["claim"]["grade"]["credibility"] == "4"
        history = client.get(f"/api/v1/claims/{birth['id']}/history").json()["history"]
        assert [(h["grade"], h["reason"]) for h in history] == [("4", "the register is a copy")]
        rejected = client.post(f"/api/v1/claims/{birth['id']}/reject", json={"reason": "typo"})
        assert rejected.status_code == 200 and rejected.json()["rejected"] is True
        added = client.post(
            "/api/v1/claims",
            json={
                "entity": EMIR,
                "predicate": "legal_name",
                "value": "Khalid al-Harbi",
                "item_id": corpus["monitor.txt"],
                "reason": "named in the court records",
                "quote": "Court records seen by this newspaper",
            },
        )
        assert added.status_code == 201, added.text
        assert added.json()["corroboration"] == 1
        found = client.get("/api/v1/claims/contradictions", params={"entity": EMIR}).json()
        presence = next(c for c in found["contradictions"] if c["predicate"] == "presence")
        done = client.post(
            f"/api/v1/claims/contradictions/{presence['id']}/resolve",
            json={"entity": EMIR, "reason": "the witness dates are uncertain", "holds": "Raqqa"},
        )
        assert done.status_code == 200 and done.json()["resolved"] is True


def test_roles_in_the_case_decide(ws: Workspace, corpus: Corpus, tmp_path: Path) -> None:
    (tmp_path / "other.txt").write_text("A note on another matter.", encoding="utf-8")
    ingest_one(ws, tmp_path / "other.txt", None, case="another-case")
    with signed_client(ws) as client:
        emir = client.get("/api/v1/claims", params={"entity": EMIR, "predicate": "role"})
        cid = emir.json()["claims"][0]["id"]
        viewer = bearer(ws, "vera", Role.VIEWER, CASE)
        outsider = bearer(ws, "otto", Role.ANALYST, "another-case")
        body = {"credibility": "1", "reason": "x"}
        assert (
            client.post(f"/api/v1/claims/{cid}/grade", json=body, headers=viewer).status_code == 403
        )
        assert (
            client.post(f"/api/v1/claims/{cid}/grade", json=body, headers=outsider).status_code
            == 404
        )
        listed = client.get("/api/v1/claims", headers=outsider).json()["claims"]
        assert listed == []
        assert client.get(f"/api/v1/claims/{cid}/history", headers=viewer).status_code == 200


def test_claims_page_lists_and_grades(ws: Workspace, corpus: Corpus) -> None:
    with signed_client(ws) as client:
        claims = client.get("/api/v1/claims", params={"entity": EMIR}).json()["claims"]
        pid = claims[0]["subject"]["id"]
        shown = client.get(f"/entities/{pid}/claims")
        assert shown.status_code == 200
        assert "Contradictions" in shown.text and "km apart" in shown.text
        assert 'name="csrf_token"' in shown.text and "one witness" in shown.text
        emir = next(c for c in claims if c["predicate"] == "role")
        posted = client.post(
            f"/claims/{emir['id']}/grade",
            data={"credibility": "1", "reason": "checked in person"},
            follow_redirects=False,
        )
        assert posted.status_code == 303, posted.text
        again = client.get("/api/v1/claims", params={"entity": EMIR, "predicate": "role"})
        assert again.json()["claims"][0]["grade"]["credibility"] == "1"
