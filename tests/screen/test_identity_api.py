"""The identity API in-process: screening, OpenRefine reconciliation, review and judgements."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from pursuit.app import create_app
from pursuit.evidence.custody import iter_events
from pursuit.resolve.profiles import list_profiles
from pursuit.resolve.resolution import resolve_persons
from pursuit.store.workspace import Workspace
from tests.resolve.builders import add_document
from tests.signin import as_user, signed_client

JAZRAWI = "Abu Hafs al-Jazrawi"
FRENCH = "Abou Hafs al-Jazraoui"
MASRI = "Abu Hafs al-Masri"


def build_app(ws: Workspace) -> FastAPI:
    """The real app."""
    return create_app(ws)


@pytest.fixture
def people(ws: Workspace) -> dict[str, str]:
    ids = add_document(
        ws,
        f"A defector said {JAZRAWI} ran the checkpoint; {MASRI} was in Mosul.",
        [JAZRAWI, MASRI],
        "testimony.txt",
    )
    return ids | add_document(ws, f"Selon un témoin, {FRENCH} dirigeait.", [FRENCH], "fr.txt")


@pytest.fixture
def client(ws: Workspace, people: dict[str, str]) -> Iterator[TestClient]:
    with signed_client(ws) as c:
        yield c


def test_screen_one_record_and_a_batch(client: TestClient, people: dict[str, str]) -> None:
    one = client.post(
        "/api/v1/screen", json={"name": "Abou Hafs el-Jazraoui", "id": "x1", "against": "all"}
    )
    assert one.status_code == 200, one.text
    top = one.json()["results"][0]["candidates"][0]
    assert top["entity_id"] in {people[JAZRAWI], people[FRENCH]} and top["reasons"]
    assert top["items"]
    batch = client.post(
        "/api/v1/screen",
        json={
            "records": [{"name": MASRI}, {"name": ""}, {"name": "Wilhelmina Brandauer"}],
            "against": "all",
        },
    )
    body = batch.json()
    assert [r["name"] for r in body["results"]] == [MASRI, "Wilhelmina Brandauer"]
    assert body["results"][0]["candidates"][0]["entity_id"] == people[MASRI]
    assert body["skipped"][0]["problem"] == "empty name"


def test_screen_refuses_a_single_unreadable_record(client: TestClient) -> None:
    answer = client.post("/api/v1/screen", json={"name": "A"})
    assert answer.status_code == 422
    assert "fewer than two letters" in answer.json()["detail"]


def test_reconciliation_manifest_and_queries(client: TestClient, people: dict[str, str]) -> None:
    manifest = client.get("/api/v1/reconcile").json()
    assert manifest["versions"] and manifest["defaultTypes"][0]["id"] == "Person"
    queries = {
        "q0": {"query": MASRI, "type": "Person", "limit": 2},
        "q1": {"query": FRENCH, "properties": [{"pid": "nationality", "v": "France"}]},
    }
    posted = client.post("/api/v1/reconcile", data={"queries": json.dumps(queries)}).json()
    assert posted["q0"]["result"][0]["id"] == people[MASRI]
    assert 0 <= posted["q0"]["result"][0]["score"] <= 100
    assert len(posted["q0"]["result"]) <= 2
    got = client.get("/api/v1/reconcile", params={"queries": json.dumps(queries)}).json()
    assert got["q1"]["result"][0]["id"] == posted["q1"]["result"][0]["id"]
    jsonp = client.get("/api/v1/reconcile", params={"callback": "cb"})
    assert jsonp.text.startswith("cb(")
    assert client.post("/api/v1/reconcile", data={"queries": "[1"}).status_code == 422


def test_review_queue_decisions_and_history(
    ws: Workspace, client: TestClient, people: dict[str, str]
) -> None:
    resolve_persons(ws)
    queue = client.get("/api/v1/review").json()
    assert queue["counts"]["pending"] >= 1
    entry = queue["entries"][0]
    assert {s["entity_id"] for s in entry["sides"]} == {people[JAZRAWI], people[FRENCH]}
    assert entry["sides"][0]["mentions"][0]["item_id"]
    decided = client.post(
        f"/api/v1/review/{entry['proposal']}/decision",
        json={"decision": "same", "reason": "same scar"},
        headers=as_user(client, "alice"),
    )
    assert decided.status_code == 200 and decided.json()["decided_by"] == "alice"
    assert (
        client.get("/api/v1/review").json()["counts"]["pending"] == queue["counts"]["pending"] - 1
    )
    history = client.get("/api/v1/judgements", params={"entity": people[JAZRAWI]}).json()
    assert history["judgements"][0]["reason"] == "same scar"
    with ws.read() as conn:
        merged = [e for e in list_profiles(conn, "person") if FRENCH in [e.name, *e.aliases]]
        judged = [e for e in iter_events(conn) if e.action == "judged"]
    assert JAZRAWI in [merged[0].name, *merged[0].aliases]
    assert judged[-1].actor == "alice"


def test_judgements_on_screening_hits_and_bulk(client: TestClient, people: dict[str, str]) -> None:
    made = client.post(
        "/api/v1/judgements",
        json={
            "entity_a": "list.csv#q1",
            "entity_b": people[MASRI],
            "decision": "not_same",
            "source": "screening",
        },
    )
    assert made.status_code == 201 and made.json()["source"] == "screening"
    withdrawn = client.post(
        "/api/v1/judgements/withdraw", json={"entity_a": "list.csv#q1", "entity_b": people[MASRI]}
    )
    assert withdrawn.json() == {"withdrawn": 1}
    bad = client.post("/api/v1/review/decisions", json={"proposal_ids": [999], "decision": "same"})
    assert bad.status_code == 404


def test_web_review_page_decides_and_resumes(
    ws: Workspace, client: TestClient, people: dict[str, str]
) -> None:
    resolve_persons(ws)
    page = client.get("/review")
    assert page.status_code == 200
    assert "Abou Hafs al-Jazraoui" in page.text and "testimony.txt" in page.text
    queue = client.get("/api/v1/review").json()["entries"]
    proposal = queue[0]["proposal"]
    answer = client.post(
        "/review", data={"one": f"{proposal}:not_same"}, headers=as_user(client, "bob")
    )
    assert answer.status_code == 200
    assert "You last decided" in answer.text and "not_same" in answer.text
    assert f'id="proposal-{proposal}"' not in answer.text
    history = client.get("/review/history")
    assert "bob" in history.text and "not_same" in history.text
    bulk = client.post("/review", data={"bulk": "same"})
    assert bulk.status_code == 422


def test_screening_decisions_through_the_api_hold_for_batches_and_reconciliation(
    client: TestClient, people: dict[str, str]
) -> None:
    batch = {
        "records": [{"id": "a", "name": MASRI}, {"id": "b", "name": "Abu Hafs al-Masry"}],
        "against": "all",
    }
    first = client.post("/api/v1/screen", json=batch).json()["results"]
    hit = first[0]["candidates"][0]
    assert hit["entity_id"] == people[MASRI] and hit["match"] is True and hit["decision"] is None
    made = client.post(
        "/api/v1/screen/decisions",
        json={
            "key": first[0]["key"],
            "entity_id": people[MASRI],
            "decision": "not_same",
            "reason": "the listed man died in 2001",
        },
        headers=as_user(client, "carol"),
    )
    assert made.status_code == 201 and made.json()["source"] == "screening"
    second = client.post("/api/v1/screen", json=batch).json()["results"]
    judged = second[0]["candidates"][0]
    assert judged["match"] is False
    assert {k: judged["decision"][k] for k in ("decision", "decided_by", "reason")} == {
        "decision": "not_same",
        "decided_by": "carol",
        "reason": "the listed man died in 2001",
    }
    assert second[1]["candidates"][0]["decision"] is None  # another spelling, another record
    queries = {"q0": {"query": MASRI}}
    answer = client.post("/api/v1/reconcile", data={"queries": json.dumps(queries)}).json()
    assert answer["q0"]["result"][0]["match"] is False
    assert "judged not the same person by carol" in answer["q0"]["result"][0]["description"]
    refused = client.post(
        "/api/v1/screen/decisions",
        json={"key": "list.csv#q1", "entity_id": people[MASRI], "decision": "same"},
    )
    assert refused.status_code == 422
