"""The custody log, verification and checkpoints through the API, checked against the store."""

from __future__ import annotations

from fastapi.testclient import TestClient

from pursuit.evidence.checkpoint import stored_checkpoints
from pursuit.evidence.custody import iter_events
from tests.signin import as_user

from .conftest import Filled


def test_custody_log_pages_in_order_to_the_end(client: TestClient, filled: Filled) -> None:
    with filled.ws.read() as conn:
        expected = [e.hash for e in iter_events(conn)]
    seen: list[str] = []
    after: int | None = 0
    while after is not None:
        page = client.get("/api/v1/custody", params={"after": after, "limit": 3}).json()
        seen += [e["hash"] for e in page["events"]]
        after = page["next_after"]
    assert seen == expected
    assert len(expected) > 3


def test_item_custody_is_that_items_history(client: TestClient, filled: Filled) -> None:
    client.get(f"/api/v1/items/{filled.arabic.id}", headers=as_user(client, "analyst-3"))
    events = client.get(f"/api/v1/items/{filled.arabic.id}/custody").json()["events"]
    assert [e["action"] for e in events] == ["acquired", "ingested", "derived", "viewed"]
    assert {e["item_id"] for e in events} == {filled.arabic.id}
    assert events[-1]["actor"] == "analyst-3"
    assert events[1]["details"]["sha256"] == filled.arabic.sha256


def test_verify_reports_a_sound_workspace_and_logs_the_check(
    client: TestClient, filled: Filled
) -> None:
    response = client.post("/api/v1/verify", headers=as_user(client, "auditor"))
    body = response.json()
    assert response.status_code == 200
    assert (body["ok"], body["blobs_checked"], body["problems"]) == (True, 2, [])
    with filled.ws.read() as conn:
        last = list(iter_events(conn))[-1]
    assert (last.action, last.actor) == ("verified", "auditor")


def test_verify_names_a_changed_blob(client: TestClient, filled: Filled) -> None:
    path = filled.ws.blobs.path_for(filled.arabic.sha256)
    path.chmod(0o644)
    path.write_bytes(path.read_bytes() + b"!")
    body = client.post("/api/v1/verify").json()
    assert body["ok"] is False
    [problem] = body["problems"]
    assert problem["kind"] == "blob_changed" and problem["reference"] == filled.arabic.sha256
    assert problem["expected"] == filled.arabic.sha256 != problem["actual"]
    assert filled.arabic.sha256 in problem["message"] and "changed" in problem["message"]


def test_checkpoint_is_created_and_stored(client: TestClient, filled: Filled) -> None:
    response = client.post("/api/v1/checkpoints", headers=as_user(client, "auditor"))
    assert response.status_code == 201
    point = response.json()
    with filled.ws.read() as conn:
        stored = stored_checkpoints(conn)
        last = list(iter_events(conn))[-1]
    assert [(p.root, p.event_count) for p in stored] == [(point["root"], point["event_count"])]
    assert (last.action, last.actor) == ("checkpointed", "auditor")
    assert client.post("/api/v1/verify").json()["ok"] is True
