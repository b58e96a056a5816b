"""Items through the API: listing, looking (logged), reading text and downloading bytes."""

from __future__ import annotations

import base64
import hashlib

from fastapi.testclient import TestClient

from pursuit.evidence.custody import iter_events, verify_chain
from tests.signin import as_user

from .conftest import ARABIC, CASE, ENGLISH, Filled


def _actions(filled: Filled, item_id: str) -> list[tuple[str, str]]:
    with filled.ws.read() as conn:
        return [(e.action, e.actor) for e in iter_events(conn, item_id)]


def test_cases_list_counts_items(client: TestClient, filled: Filled) -> None:
    response = client.get("/api/v1/cases")
    assert response.status_code == 200
    [case] = response.json()
    assert (case["id"], case["name"], case["item_count"]) == (filled.case_id, CASE, 2)
    assert client.get(f"/api/v1/cases/{CASE}").json()["id"] == filled.case_id


def test_items_filter_by_case_name_and_page(client: TestClient, filled: Filled) -> None:
    body = client.get("/api/v1/items", params={"case": CASE, "limit": 1}).json()
    assert body["total"] == 2
    assert [i["id"] for i in body["items"]] == [filled.english.id]
    second = client.get("/api/v1/items", params={"case": CASE, "offset": 1}).json()
    assert [i["filename"] for i in second["items"]] == ["شهادة.txt"]


def test_viewing_an_item_appends_a_viewed_event_naming_the_actor(
    client: TestClient, filled: Filled
) -> None:
    item_id = filled.english.id
    response = client.get(f"/api/v1/items/{item_id}", headers=as_user(client, "analyst-3"))
    assert response.status_code == 200
    body = response.json()
    assert body["sha256"] == filled.english.sha256
    assert body["acquisition"]["acquired_by"] == "investigator-7"
    assert body["acquisition"]["source_url"] == "https://example.org/report"
    [derivative] = body["derivatives"]
    assert derivative["tool"] == "plain-text"
    assert derivative["parent_sha256"] == filled.english.sha256
    assert {r["stage"]: r["status"] for r in body["stage_runs"]} == {"text": "done", "nlp": "done"}
    assert _actions(filled, item_id)[-1] == ("viewed", "analyst-3")
    with filled.ws.read() as conn:
        assert verify_chain(iter_events(conn)) == []


def test_without_a_header_the_settings_actor_acts(client: TestClient, filled: Filled) -> None:
    client.get(f"/api/v1/items/{filled.arabic.id}")
    assert _actions(filled, filled.arabic.id)[-1] == ("viewed", "tester")


def test_failed_stage_runs_show_their_error(client: TestClient, filled: Filled) -> None:
    runs = client.get(f"/api/v1/items/{filled.arabic.id}").json()["stage_runs"]
    nlp = next(r for r in runs if r["stage"] == "nlp")
    assert nlp["status"] == "failed"
    assert nlp["error"] == "no Arabic model could read this text"


def test_item_text_is_the_derivative_and_is_logged(client: TestClient, filled: Filled) -> None:
    response = client.get(f"/api/v1/items/{filled.arabic.id}/text")
    assert response.status_code == 200
    assert response.text == ARABIC
    assert response.headers["x-pursuit-tool"] == "plain-text 1.0"
    assert _actions(filled, filled.arabic.id)[-1][0] == "viewed"


def test_blob_streams_the_original_bytes_with_their_hash(
    client: TestClient, filled: Filled
) -> None:
    response = client.get(
        f"/api/v1/items/{filled.english.id}/blob", headers=as_user(client, "court-clerk")
    )
    assert response.status_code == 200
    assert response.content == ENGLISH.encode("utf-8")
    digest = hashlib.sha256(response.content).hexdigest()
    assert response.headers["x-pursuit-sha256"] == digest == filled.english.sha256
    b64 = base64.b64encode(bytes.fromhex(digest)).decode()
    assert response.headers["repr-digest"] == f"sha-256=:{b64}:"
    assert "report-en.txt" in response.headers["content-disposition"]
    assert _actions(filled, filled.english.id)[-1] == ("exported", "court-clerk")


def test_item_by_hash_prefix(client: TestClient, filled: Filled) -> None:
    response = client.get(f"/api/v1/items/{filled.english.sha256[:12]}")
    assert response.json()["id"] == filled.english.id


def test_a_header_cannot_claim_another_actor(client: TestClient, filled: Filled) -> None:
    headers = {**as_user(client, "signed-in-user"), "X-Pursuit-Actor": "judge.smith@icc"}
    client.get(f"/api/v1/items/{filled.english.id}", headers=headers)
    assert _actions(filled, filled.english.id)[-1] == ("viewed", "signed-in-user")
