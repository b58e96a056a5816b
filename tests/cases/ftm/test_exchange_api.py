"""GET /api/v1/export/ftm: the cases a user may export, and nothing of the others."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from pursuit.evidence.cases import get_case
from pursuit.evidence.custody import Action, iter_events
from pursuit.security.roles import Role
from pursuit.store.workspace import Workspace
from tests.cases import claims_corpus, incident_corpus
from tests.signin import bearer, signed_client


def test_export_route_streams_the_readable_cases_only(ws: Workspace, tmp_path: Path) -> None:
    suwar = incident_corpus.ingest_corpus(ws, tmp_path / "suwar")
    raqqa = claims_corpus.build(ws, tmp_path / "raqqa").ids
    with ws.read() as conn:
        case_id = get_case(conn, claims_corpus.CASE).id
    client = signed_client(ws)
    every = client.get("/api/v1/export/ftm")
    assert every.status_code == 200
    assert every.headers["x-pursuit-sha256"] == hashlib.sha256(every.content).hexdigest()
    ids = {json.loads(line)["id"] for line in every.text.splitlines()}
    assert set(suwar.values()) | set(raqqa.values()) <= ids

    analyst = bearer(ws, "ana", Role.ANALYST, case=case_id)
    scoped = client.get("/api/v1/export/ftm", headers=analyst)
    assert scoped.status_code == 200
    ids = {json.loads(line)["id"] for line in scoped.text.splitlines()}
    assert set(raqqa.values()) <= ids and not set(suwar.values()) & ids
    refused = client.get(
        "/api/v1/export/ftm", params={"case": incident_corpus.CASE}, headers=analyst
    )
    assert refused.status_code == 404
    viewer = bearer(ws, "vic", Role.VIEWER, case=case_id)
    assert client.get("/api/v1/export/ftm", headers=viewer).status_code == 403
    with ws.read() as conn:
        actors = [e.actor for e in iter_events(conn) if e.action == Action.EXPORTED]
    assert actors == ["tester", "ana"]
