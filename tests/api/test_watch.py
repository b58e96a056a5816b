"""Watch lists and alerts over the REST API and on the web page, driven through the real app:
watching, an upload naming him raising an alert, a screening match raising one, dismissing with
a reason; a viewer may read but not dismiss, and nobody unsigned gets anything."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from pursuit.app import create_app
from pursuit.security.audit import audit_trail
from pursuit.security.roles import Role
from pursuit.store.workspace import Workspace
from tests.cases.watch_corpus import EMIR, FIRST, GUARD, LATER, OTHER, ingest
from tests.signin import BASE_URL, bearer, signed_client


def _watched(ws: Workspace, client: TestClient, tmp_path: Path) -> dict[str, object]:
    ingest(ws, tmp_path / "in", "defector.txt", FIRST)
    made = client.post("/api/v1/watch", json={"entity": EMIR, "reason": "left for Europe"})
    assert made.status_code == 201, made.text
    return dict(made.json())


def _upload(client: TestClient, name: str, text: str) -> None:
    files = {"file": (name, text.encode("utf-8"), "text/plain")}
    done = client.post("/api/v1/items", files=files, data={"case": "khasham"})
    assert done.status_code in (200, 201), done.text


def test_watch_alert_and_dismiss_over_the_api(ws: Workspace, tmp_path: Path) -> None:
    with signed_client(ws) as client:
        watch = _watched(ws, client, tmp_path)
        assert watch["name"] == EMIR and watch["active"] is True
        again = client.post("/api/v1/watch", json={"entity": EMIR, "reason": "twice"})
        assert again.status_code == 422 and "already watched" in again.text
        unknown = client.post("/api/v1/watch", json={"entity": "Nobody", "reason": "x"})
        assert unknown.status_code == 404
        assert client.get("/api/v1/alerts").json() == {"alerts": []}
        _upload(client, "kilis.txt", LATER)
        _upload(client, "guards.txt", OTHER)
        (alert,) = client.get("/api/v1/alerts").json()["alerts"]
        assert alert["kind"] == "mention" and alert["name"] == EMIR
        assert {r["code"] for r in alert["reasons"]} >= {"item", "spelling", "context"}
        blank = client.post(f"/api/v1/alerts/{alert['id']}/dismiss", json={"reason": ""})
        assert blank.status_code == 422
        done = client.post(f"/api/v1/alerts/{alert['id']}/dismiss", json={"reason": "known"})
        assert done.status_code == 200 and done.json()["state"] == "dismissed"
        assert client.get("/api/v1/alerts").json() == {"alerts": []}
        kept = client.get("/api/v1/alerts", params={"all": "true"}).json()["alerts"]
        assert [(a["id"], a["dismiss_reason"]) for a in kept] == [(alert["id"], "known")]
        ended = client.post("/api/v1/watch/remove", json={"entity": EMIR, "reason": "arrested"})
        assert ended.status_code == 200 and ended.json()["end_reason"] == "arrested"
        assert client.get("/api/v1/watch").json() == {"watches": []}
        history = client.get("/api/v1/watch", params={"all": "true"}).json()["watches"]
        assert [w["reason"] for w in history] == ["left for Europe"]
    with ws.read() as conn:
        actions = {e.action for e in audit_trail(conn)}
    assert {"watched", "unwatched", "alert_dismissed"} <= actions


def test_a_screening_match_over_the_api_raises_an_alert(ws: Workspace, tmp_path: Path) -> None:
    with signed_client(ws) as client:
        _watched(ws, client, tmp_path)
        records = [{"id": "r1", "name": GUARD}, {"id": "r2", "name": "Abou Hafs al-Jazraoui"}]
        screened = client.post("/api/v1/screen", json={"records": records})
        assert screened.status_code == 200, screened.text
        (alert,) = client.get("/api/v1/alerts").json()["alerts"]
    assert alert["kind"] == "screening" and alert["score"] >= 0.86
    assert any("Abou Hafs al-Jazraoui" in r["text"] for r in alert["reasons"])


def test_a_viewer_reads_alerts_but_cannot_dismiss_or_watch(ws: Workspace, tmp_path: Path) -> None:
    with signed_client(ws) as client:
        _watched(ws, client, tmp_path)
        _upload(client, "kilis.txt", LATER)
        (alert,) = client.get("/api/v1/alerts").json()["alerts"]
    viewer = bearer(ws, "vic", Role.VIEWER, case=alert["case_id"])
    with TestClient(create_app(ws), base_url=BASE_URL) as anonymous:
        assert anonymous.get("/api/v1/alerts").status_code == 401
        page = anonymous.get("/alerts", follow_redirects=False)
        assert page.status_code in (302, 303, 401) and "alert" not in page.text.lower()
        listed = anonymous.get("/api/v1/alerts", headers=viewer)
        assert [a["id"] for a in listed.json()["alerts"]] == [alert["id"]]
        url = f"/api/v1/alerts/{alert['id']}/dismiss"
        refused = anonymous.post(url, json={"reason": "not him"}, headers=viewer)
        assert refused.status_code == 403
        body = {"entity": EMIR, "reason": "x"}
        assert anonymous.post("/api/v1/watch/remove", json=body, headers=viewer).status_code == 403
        still = anonymous.get("/api/v1/alerts", headers=viewer).json()["alerts"]
    assert [a["state"] for a in still] == ["open"]


def test_the_alerts_page_lists_reasons_and_dismisses_with_a_reason(
    ws: Workspace, tmp_path: Path
) -> None:
    with signed_client(ws) as client:
        watch = _watched(ws, client, tmp_path)
        entity = client.get(f"/entities/{watch['entity_id']}")
        assert 'id="watched"' in entity.text and "watched by tester" in entity.text
        assert 'class="watch-form"' not in entity.text  # watched already: no second watch
        _upload(client, "kilis.txt", LATER)
        page = client.get("/alerts")
        assert page.status_code == 200
        assert "kilis.txt" in page.text and "crossed into Turkey" in page.text
        assert 'name="csrf_token"' in page.text and 'name="reason"' in page.text
        alert_id = client.get("/api/v1/alerts").json()["alerts"][0]["id"]
        done = client.post(
            f"/alerts/{alert_id}/dismiss", data={"reason": "seen"}, follow_redirects=False
        )
        assert done.status_code == 303
        assert "No open alerts" in client.get("/alerts").text
        assert "seen" in client.get("/alerts", params={"all": "1"}).text
