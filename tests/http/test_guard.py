"""The cross-site guard, against the real app on a real workspace.

A hostile page in the same browser can send a form to the local server, and a rebound DNS name
can make the browser read the answers; the guard must stop both before any route runs, and let
the app's own pages and scripts through.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from pursuit.app import create_app
from pursuit.http.guard import HostName, allowed_hosts_for, parse_host
from pursuit.store.schema import corrections, judgements
from pursuit.store.workspace import Workspace
from tests.api.conftest import PERSON, Filled, fill
from tests.signin import bearer, signed_client

HOSTILE = {"Origin": "http://evil.example", "Sec-Fetch-Site": "cross-site"}
OWN = {"Origin": "http://127.0.0.1", "Sec-Fetch-Site": "same-origin"}


@pytest.fixture
def filled(ws: Workspace) -> Filled:
    return fill(ws)


@pytest.fixture
def client(ws: Workspace) -> Iterator[TestClient]:
    with signed_client(ws) as test_client:
        yield test_client


def rows(ws: Workspace, table: sa.Table) -> int:
    with ws.read() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())


def rename(client: TestClient, filled: Filled, headers: dict[str, str]) -> int:
    form = {"action": "rename", "value": "Someone Else", "reason": "forged"}
    url = f"/entities/{filled.entity_id}/corrections"
    return client.post(url, data=form, headers=headers, follow_redirects=False).status_code


def test_cross_site_form_post_is_refused_and_changes_nothing(
    client: TestClient, filled: Filled
) -> None:
    form = {"action": "rename", "value": "Someone Else", "reason": "forged"}
    refused = client.post(f"/entities/{filled.entity_id}/corrections", data=form, headers=HOSTILE)
    assert refused.status_code == 403
    assert "cross-site" in refused.text and refused.headers["content-type"].startswith("text/")
    assert rows(filled.ws, corrections) == 0
    names = [e["name"] for e in client.get("/api/v1/entities").json()["entities"]]
    assert names == [PERSON]


def test_cross_site_api_writes_are_refused_in_json(client: TestClient, filled: Filled) -> None:
    merge = {"action": "rename", "value": "Someone Else"}
    url = f"/api/v1/entities/{filled.entity_id}/corrections"
    refused = client.post(url, json=merge, headers={"Origin": "http://evil.example"})
    assert refused.status_code == 403
    body = refused.json()
    assert body["error"] == "CrossSiteRefused" and "http://evil.example" in body["detail"]
    judged = {"entity_a": "record-1", "entity_b": filled.entity_id, "decision": "same"}
    hit = client.post("/api/v1/judgements", json={**judged, "source": "screening"}, headers=HOSTILE)
    assert hit.status_code == 403
    assert rows(filled.ws, corrections) == 0 and rows(filled.ws, judgements) == 0


def test_same_origin_form_post_passes(client: TestClient, filled: Filled) -> None:
    assert rename(client, filled, OWN) == 303
    assert rows(filled.ws, corrections) == 1


def test_a_script_without_origin_passes(client: TestClient, filled: Filled) -> None:
    judged = {"entity_a": "record-1", "entity_b": filled.entity_id, "decision": "same"}
    made = client.post("/api/v1/judgements", json={**judged, "source": "screening"})
    assert made.status_code == 201, made.text
    assert rows(filled.ws, judgements) == 1


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "null"},
        {"Sec-Fetch-Site": "same-site"},  # another port or subdomain of the same site
        {"Origin": "http://127.0.0.1:9000"},  # another local server
        {"Origin": "https://127.0.0.1"},
        {"Origin": "http://127.0.0.1", "Sec-Fetch-Site": "cross-site"},
    ],
)
def test_other_origins_are_refused(
    client: TestClient, filled: Filled, headers: dict[str, str]
) -> None:
    assert rename(client, filled, headers) == 403
    assert rows(filled.ws, corrections) == 0


def test_a_typed_address_passes(client: TestClient, filled: Filled) -> None:
    """Sec-Fetch-Site: none is a request the user made, e.g. a bookmark or the address bar."""
    assert rename(client, filled, {"Sec-Fetch-Site": "none"}) == 303


@pytest.mark.parametrize(
    "host", ["evil.example", "127.0.0.1.evil.example", "localhost.evil.example:8000", "", "a b"]
)
def test_foreign_host_is_refused_even_for_reading(
    client: TestClient, filled: Filled, host: str
) -> None:
    page = client.get("/", headers={"Host": host})
    assert page.status_code == 400 and "not one this server answers to" in page.text
    api = client.get("/api/v1/items", headers={"Host": host})
    assert api.status_code == 400 and api.json()["error"] == "HostRefused"


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost", "LOCALHOST:1234", "[::1]:8000"])
def test_loopback_names_are_answered(client: TestClient, filled: Filled, host: str) -> None:
    assert client.get("/api/v1/items", headers={"Host": host}).status_code == 200


def test_listed_names_are_answered_behind_a_wildcard_bind(ws: Workspace) -> None:
    allowed = allowed_hosts_for("0.0.0.0", ["case.example.org", "10.1.2.3:8443"])
    assert "0.0.0.0" not in allowed
    app = create_app(ws, allowed_hosts=allowed)
    with TestClient(app, base_url="https://case.example.org") as remote:
        remote.headers.update(bearer(ws))
        assert remote.get("/api/v1/items").status_code == 200
        own = {"Origin": "https://case.example.org"}
        assert remote.post("/api/v1/verify", headers=own).status_code == 200
        assert remote.get("/", headers={"Host": "10.1.2.3:8443"}).status_code == 200
        assert remote.get("/", headers={"Host": "10.1.2.3:80"}).status_code == 400
        assert remote.get("/", headers={"Host": "evil.example"}).status_code == 400


@pytest.mark.parametrize(
    ("value", "parsed"),
    [
        ("Example.ORG.", HostName("example.org")),
        ("example.org:8443", HostName("example.org", 8443)),
        ("[::1]:8000", HostName("::1", 8000)),
        ("::1", HostName("::1")),
        ("example.org:http", None),
        ("user@example.org", None),
        ("[::1", None),
    ],
)
def test_host_names_are_read_strictly(value: str, parsed: HostName | None) -> None:
    assert parse_host(value) == parsed
