"""Uploading evidence through the API runs the real intake and answers with its results."""

from __future__ import annotations

from fastapi.testclient import TestClient

from pursuit.evidence.custody import iter_events
from pursuit.evidence.items import list_items
from pursuit.store.workspace import Workspace
from tests.signin import as_user

NOTE = b"Witness B saw the convoy leave Raqqa at dawn on 12 June 2014.\n"


def _upload(client: TestClient, name: str, data: bytes, **fields: str) -> tuple[int, dict]:
    form = {"case": "Convoy", "acquired_by": "field-team-2", **fields}
    response = client.post(
        "/api/v1/items",
        files={"file": (name, data, "text/plain")},
        data=form,
        headers=as_user(client, "uploader"),
    )
    return response.status_code, response.json()


def test_upload_then_duplicate(client: TestClient, ws: Workspace) -> None:
    status, body = _upload(
        client, "note.txt", NOTE, acquired_at="2024-05-02T08:00:00+02:00", method="testimony"
    )
    assert status == 201
    [first] = body["results"]
    assert first["status"] == "new"
    status, body = _upload(client, "copy-of-note.txt", NOTE)
    assert status == 200
    [again] = body["results"]
    assert (again["status"], again["id"]) == ("duplicate", first["id"])
    with ws.read() as conn:
        [item] = list_items(conn)
        actions = [(e.action, e.actor) for e in iter_events(conn, item.id)]
    assert item.acquisition.acquired_by == "field-team-2"
    assert item.acquisition.acquired_at.isoformat() == "2024-05-02T06:00:00+00:00"
    assert str(item.acquisition.method) == "testimony"
    assert ("acquired", "uploader") in actions
    assert actions[-1] == ("resubmitted", "uploader")


def test_uploaded_text_is_searchable(client: TestClient, ws: Workspace) -> None:
    status, body = _upload(client, "note.txt", NOTE)
    assert status == 201
    hits = client.get("/api/v1/search", params={"q": "convoy dawn"}).json()["results"]
    assert [h["item_id"] for h in hits] == [body["results"][0]["id"]]


def test_a_path_in_the_file_name_is_dropped(client: TestClient, ws: Workspace) -> None:
    status, body = _upload(client, "../../etc/evil.txt", NOTE)
    assert status == 201
    with ws.read() as conn:
        assert [i.filename for i in list_items(conn)] == ["evil.txt"]


def test_empty_upload_fails_clearly_and_stores_nothing(client: TestClient, ws: Workspace) -> None:
    status, body = _upload(client, "empty.txt", b"")
    assert status == 422
    assert "empty" in body["results"][0]["error"]
    with ws.read() as conn:
        assert list_items(conn) == []


def test_bad_acquisition_time_is_refused(client: TestClient, ws: Workspace) -> None:
    status, body = _upload(client, "note.txt", NOTE, acquired_at="last tuesday")
    assert status == 422
    assert "ISO 8601" in body["detail"]
