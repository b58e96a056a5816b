"""Errors reach the client as the status the handler table names, with a clear message."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from pursuit.errors import (
    AccessDenied,
    EmptyInput,
    IntegrityError,
    UnknownCase,
    UnknownItem,
    UnreadableInput,
    WorkspaceBusy,
)
from pursuit.evidence.custody import iter_events
from pursuit.http.errors import status_for

from .conftest import Filled


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/items/it-doesnotexist",
        "/api/v1/items/it-doesnotexist/text",
        "/api/v1/items/it-doesnotexist/blob",
        "/api/v1/items/it-doesnotexist/custody",
    ],
)
def test_unknown_item_is_404_naming_it(client: TestClient, filled: Filled, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response.json() == {
        "error": "UnknownItem",
        "detail": "no item with id or hash 'it-doesnotexist'",
    }


def test_unknown_entity_and_case_are_404(client: TestClient, filled: Filled) -> None:
    entity = client.get("/api/v1/entities/en-nobody/dossier")
    assert (entity.status_code, entity.json()["error"]) == (404, "UnknownEntity")
    case = client.get("/api/v1/items", params={"case": "no such case"})
    assert case.status_code == 404
    assert "no such case" in case.json()["detail"]


def test_failed_lookups_append_no_custody_event(client: TestClient, filled: Filled) -> None:
    with filled.ws.read() as conn:
        before = len(list(iter_events(conn)))
    client.get("/api/v1/items/it-doesnotexist")
    with filled.ws.read() as conn:
        assert len(list(iter_events(conn))) == before


def test_anonymous_and_bad_tokens_are_refused_with_401(client: TestClient, filled: Filled) -> None:
    path = f"/api/v1/items/{filled.english.id}"
    for headers in ({"Authorization": ""}, {"Authorization": "Bearer pst_not-a-token"}):
        response = client.get(path, headers=headers)
        assert response.status_code == 401, headers
        assert response.headers["www-authenticate"] == "Bearer"


def test_the_table_maps_each_kind_of_error() -> None:
    assert status_for(UnknownItem("x")) == 404
    assert status_for(UnknownCase("x")) == 404
    assert status_for(EmptyInput("x")) == 422
    assert status_for(UnreadableInput("x")) == 400
    assert status_for(AccessDenied("x")) == 403
    assert status_for(WorkspaceBusy("x")) == 503
    assert status_for(IntegrityError("x")) == 409


def test_web_pages_answer_errors_in_html(client: TestClient, filled: Filled) -> None:
    response = client.get("/items/it-doesnotexist")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "no item with id or hash" in response.text


def test_openapi_lists_the_endpoints(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/api/v1/cases",
        "/api/v1/items",
        "/api/v1/items/{item_id}",
        "/api/v1/items/{item_id}/text",
        "/api/v1/items/{item_id}/blob",
        "/api/v1/search",
        "/api/v1/entities",
        "/api/v1/entities/{entity_id}/dossier",
        "/api/v1/custody",
        "/api/v1/verify",
        "/api/v1/checkpoints",
    ):
        assert path in paths
    assert not any(p == "/" or p.startswith("/cases") for p in paths)
    assert client.get("/docs").status_code == 200
