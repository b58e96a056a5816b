"""The dossier on the web and through the API: the page with its map and graph, an incident's
page, the PDF download (an export: logged, and refused to a role that may only read)."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from pursuit.demo.build import DemoSummary
from pursuit.evidence.custody import iter_events
from pursuit.resolve.profiles import get_profile
from pursuit.security.roles import Role
from pursuit.settings import Settings
from pursuit.store.workspace import Workspace, open_workspace
from tests.signin import bearer, signed_client

SUSPECT = "Abu Hafs al-Jazrawi"


@pytest.fixture(scope="module")
def served(demo_built: tuple[Settings, DemoSummary]) -> Iterator[tuple[Workspace, TestClient]]:
    ws = open_workspace(demo_built[0])
    with signed_client(ws, "lina") as client:
        yield ws, client
    ws.dispose()


def _suspect(ws: Workspace) -> str:
    with ws.read() as conn:
        return get_profile(conn, SUSPECT).id


def _exports(ws: Workspace) -> list[dict[str, object]]:
    with ws.read() as conn:
        return [json.loads(e.details) for e in iter_events(conn) if e.action == "exported"]


def test_the_dossier_page_shows_the_map_the_graph_and_offers_the_pdf(
    served: tuple[Workspace, TestClient],
) -> None:
    ws, client = served
    ident = _suspect(ws)
    page = client.get(f"/entities/{ident}/dossier")
    assert page.status_code == 200
    assert '<svg class="map"' in page.text and '<svg class="graph"' in page.text
    assert f'href="/entities/{ident}/dossier.pdf"' in page.text
    assert " style=" not in page.text and "<script" not in page.text  # under the CSP
    assert "style-src 'self'" in page.headers["content-security-policy"]


def test_an_incident_dossier_is_served_by_its_id(served: tuple[Workspace, TestClient]) -> None:
    ws, client = served
    listed = client.get("/api/v1/incidents").json()
    chosen = next(i for i in listed["incidents"] if i["coordinates"])
    page = client.get(f"/entities/{chosen['id']}/dossier")
    assert page.status_code == 200 and "The incident" in page.text
    body = client.get(f"/api/v1/entities/{chosen['id']}/dossier").json()
    assert body["kind"] == "incident" and body["incident"]["id"] == chosen["id"]
    assert client.get("/entities/ic-0000000000000000/dossier").status_code == 404


def test_the_pdf_download_is_an_export_logged_in_custody(
    served: tuple[Workspace, TestClient], tmp_path_factory: pytest.TempPathFactory
) -> None:
    ws, client = served
    ident = _suspect(ws)
    before = len(_exports(ws))
    got = client.get(f"/entities/{ident}/dossier.pdf")
    assert got.status_code == 200 and got.headers["content-type"] == "application/pdf"
    assert got.content.startswith(b"%PDF-")
    assert f'filename="dossier-{ident}.pdf"' in got.headers["content-disposition"]
    pdf = tmp_path_factory.mktemp("web") / "dossier.pdf"
    pdf.write_bytes(got.content)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True).stdout
    assert SUSPECT in text.decode("utf-8")
    logged = _exports(ws)[before:]
    assert [(e["entity"], e["format"], e["via"]) for e in logged] == [(ident, "pdf", "web")]


def test_the_api_gives_json_with_the_new_sections_and_a_pdf(
    served: tuple[Workspace, TestClient],
) -> None:
    ws, client = served
    ident = _suspect(ws)
    body = client.get(f"/api/v1/entities/{ident}/dossier").json()
    assert {"claims", "places", "graph", "role", "timeline", "manifest"} <= set(body)
    assert body["claims"] and all(c["citations"] for c in body["claims"])
    assert body["manifest"][0]["custody"]
    pdf = client.get(f"/api/v1/entities/{ident}/dossier", params={"format": "pdf"})
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")


def test_a_viewer_reads_the_dossier_but_may_not_download_it(
    served: tuple[Workspace, TestClient],
) -> None:
    ws, client = served
    ident = _suspect(ws)
    viewer = bearer(ws, "vera", Role.VIEWER)
    assert client.get(f"/entities/{ident}/dossier", headers=viewer).status_code == 200
    assert client.get(f"/entities/{ident}/dossier.pdf", headers=viewer).status_code == 403
    api = client.get(f"/api/v1/entities/{ident}/dossier", params={"format": "pdf"}, headers=viewer)
    assert api.status_code == 403
