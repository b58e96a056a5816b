"""Search and entities through the API, including Arabic written with diacritics."""

from __future__ import annotations

from fastapi.testclient import TestClient

from pursuit.evidence.custody import iter_events
from tests.signin import as_user

from .conftest import PERSON, Filled


def test_search_finds_arabic_with_diacritics_when_asked_without(
    client: TestClient, filled: Filled
) -> None:
    response = client.get("/api/v1/search", params={"q": "الجزراوي الرقة"})
    assert response.status_code == 200
    results = response.json()["results"]
    assert [r["item_id"] for r in results] == [filled.arabic.id]
    assert "[" in results[0]["snippet"]


def test_search_in_latin_script(client: TestClient, filled: Filled) -> None:
    results = client.get("/api/v1/search", params={"q": "checkpoint"}).json()["results"]
    assert [r["filename"] for r in results] == ["report-en.txt"]


def test_search_without_words_is_refused(client: TestClient, filled: Filled) -> None:
    response = client.get("/api/v1/search", params={"q": "  ?! "})
    assert response.status_code == 422
    assert "no words" in response.json()["detail"]


def test_entities_filter_by_type(client: TestClient, filled: Filled) -> None:
    people = client.get("/api/v1/entities", params={"type": "person"}).json()["entities"]
    assert [(e["id"], e["name"], e["mentions"]) for e in people] == [(filled.entity_id, PERSON, 1)]
    assert people[0]["items"] == [filled.english.id]
    places = client.get("/api/v1/entities", params={"type": "location"}).json()
    assert places == {"entities": []}
    assert client.get("/api/v1/entities", params={"type": "planet"}).status_code == 422


def test_entity_detail_has_mentions_in_context(client: TestClient, filled: Filled) -> None:
    body = client.get(f"/api/v1/entities/{filled.entity_id}").json()
    [mention] = body["mention_list"]
    assert mention["item_id"] == filled.english.id
    assert mention["text"] == PERSON
    assert mention["after"].startswith(" ordered the execution")


def test_dossier_json_and_html_are_logged_as_exports(client: TestClient, filled: Filled) -> None:
    body = client.get(f"/api/v1/entities/{filled.entity_id}/dossier").json()
    assert [m["sha256"] for m in body["manifest"]] == [filled.english.sha256]
    html = client.get(
        f"/api/v1/entities/{filled.entity_id}/dossier",
        params={"format": "html"},
        headers=as_user(client, "prosecutor"),
    )
    assert html.headers["content-type"].startswith("text/html")
    assert filled.english.sha256 in html.text
    with filled.ws.read() as conn:
        exports = [e for e in iter_events(conn) if e.action == "exported"]
    assert [(e.actor, e.detail_map["format"]) for e in exports] == [
        ("tester", "json"),
        ("prosecutor", "html"),
    ]
