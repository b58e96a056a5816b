"""Incidents from the command line, the API and the web pages: one view, the same answers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from fastapi import Depends
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from pursuit.api import incidents as api_incidents
from pursuit.app import API_PREFIX, create_app
from pursuit.cli import incidents as cli_incidents
from pursuit.http.permissions import authorize
from pursuit.security.roles import Role
from pursuit.store.workspace import Workspace
from pursuit.web import incident_pages
from tests.cases.incident_corpus import MASSACRE_FILES, ingest_corpus
from tests.signin import BASE_URL, bearer


@pytest.fixture
def corpus(ws: Workspace, tmp_path: Path) -> dict[str, str]:
    return ingest_corpus(ws, tmp_path / "files")


def _client(ws: Workspace, name: str = "tester", role: Role = Role.ADMINISTRATOR) -> TestClient:
    """The app with the incident routes, included here until the app lists them itself."""
    app = create_app(ws)
    paths = {getattr(r, "path", "") for r in app.routes}
    gate = [Depends(authorize)]
    if f"{API_PREFIX}/incidents" not in paths:
        app.include_router(api_incidents.router, prefix=API_PREFIX, dependencies=gate)
    if "/incidents" not in paths:
        app.include_router(incident_pages.router, dependencies=gate)
    client = TestClient(app, base_url=BASE_URL)
    client.headers.update(bearer(ws, name, role))
    return client


def test_cli_prints_the_incidents_as_json(ws: Workspace, corpus: dict[str, str]) -> None:
    app = typer.Typer()
    app.command("incidents")(cli_incidents.incidents)
    app.add_typer(cli_incidents.app)
    home = str(ws.settings.home)
    url = ws.settings.database_url
    runner = CliRunner(env={"PURSUIT_DATABASE_URL": url} if url else None)
    result = runner.invoke(app, ["incidents", "--json", "--home", home])
    assert result.exit_code == 0, result.output
    listed = json.loads(result.stdout)["incidents"]
    suwar = next(i for i in listed if i["place"] == "Suwar")
    assert sorted(suwar["items"]) == sorted(corpus[n] for n in MASSACRE_FILES)
    assert set(suwar) >= {"id", "kind", "place", "date", "victims", "persons"}
    assert set(suwar) >= {"corroboration", "items", "elements"}
    bad = runner.invoke(
        app,
        [
            "incident",
            "element",
            suwar["id"],
            "war_crime_murder",
            "motive",
            "gap",
            "--reason",
            "x",
            "--home",
            home,
        ],
    )
    assert bad.exit_code != 0


def test_api_lists_shows_and_sets_an_element(ws: Workspace, corpus: dict[str, str]) -> None:
    client = _client(ws)
    listed = client.get(f"{API_PREFIX}/incidents").json()["incidents"]
    suwar = next(i for i in listed if i["place"] == "Suwar")
    one = client.get(f"{API_PREFIX}/incidents/{suwar['id']}")
    assert one.status_code == 200 and one.json()["victims"]["count"] == 300
    body = {
        "crime": "war_crime_murder",
        "element": "aware_status",
        "status": "supported",
        "reason": "he visited the site",
    }
    set_ = client.post(f"{API_PREFIX}/incidents/{suwar['id']}/elements", json=body)
    assert set_.status_code == 200
    row = next(e for e in set_.json()["elements"] if e["element"] == "aware_status")
    assert row["status"] == "supported" and row["set_by"]["reason"] == "he visited the site"
    assert client.get(f"{API_PREFIX}/incidents/ic-nothing").status_code == 404
    bad = client.post(
        f"{API_PREFIX}/incidents/{suwar['id']}/elements", json={**body, "element": "motive"}
    )
    assert bad.status_code == 404 and "motive" in bad.text


def test_a_viewer_may_read_but_not_change(ws: Workspace, corpus: dict[str, str]) -> None:
    client = _client(ws)
    suwar = next(i for i in client.get(f"{API_PREFIX}/incidents").json()["incidents"])
    viewer = _client(ws, "viewer-1", Role.VIEWER)
    assert viewer.get(f"{API_PREFIX}/incidents/{suwar['id']}").status_code == 200
    split = viewer.post(
        f"{API_PREFIX}/incidents/{suwar['id']}/split",
        json={"members": [suwar["items"][0]], "reason": "no"},
    )
    assert split.status_code == 403


def test_web_pages_show_the_incident_and_its_forms(ws: Workspace, corpus: dict[str, str]) -> None:
    client = _client(ws)
    listing = client.get("/incidents")
    assert listing.status_code == 200 and "Suwar" in listing.text
    suwar = next(
        i
        for i in client.get(f"{API_PREFIX}/incidents").json()["incidents"]
        if i["place"] == "Suwar"
    )
    page = client.get(f"/incidents/{suwar['id']}")
    assert page.status_code == 200
    assert "ordered" in page.text and "War crime of murder" in page.text
    assert page.text.count('name="csrf_token"') >= 3
