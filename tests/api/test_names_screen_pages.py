"""Names and screening from the API and the web UI, over a workspace built from real text."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from pursuit.stages.intake import ingest_paths
from pursuit.store.workspace import Workspace
from tests.evidence.helpers import options


def test_names_compare_api_scores_pairs_with_reasons(client: TestClient) -> None:
    response = client.post(
        "/api/v1/names/compare",
        json={
            "pairs": [
                {"name_a": "Abu Hafs al-Jazrawi", "name_b": "أبو حفص الجزراوي"},
                {"name_a": "Abu Hafs al-Jazrawi", "name_b": "Abu Hafs al-Masri"},
                {"name_a": " ", "name_b": "Abu Hafs"},
            ]
        },
    )
    assert response.status_code == 200
    same, other, empty = response.json()["results"]
    assert same["match"] is True and "kunya_equal" in [r["code"] for r in same["reasons"]]
    origins = next(r for r in other["reasons"] if r["code"] == "nisba_origin_differs")
    assert other["match"] is False and origins["weight"] >= other["score"]
    # Words for people beside the code, as pursuit has always written them.
    assert origins["text"] == f"nisbas point to different origins: {origins['detail']}"
    assert empty["score"] is None and empty["skipped"] == "empty name"
    assert client.post("/api/v1/names/compare", json={"pairs": []}).status_code == 422


def test_names_parse_api(client: TestClient) -> None:
    parsed = client.get("/api/v1/names/parse", params={"name": "Abou Youssef al-Beljiki"}).json()
    assert parsed["kunya"] == "Abou Youssef" and parsed["nisba_origin"] == "BE"


def test_web_pages_compare_and_screen(client: TestClient, ws: Workspace, tmp_path: Path) -> None:
    text = tmp_path / "report.txt"
    text.write_text(
        "The guard Abu Yusuf al-Baljiki was among the shooters in Khasham in March 2015.",
        encoding="utf-8",
    )
    assert [r.status for r in ingest_paths(ws, [text], options(nlp=True))] == ["new"]
    compared = client.post(
        "/names", data={"name_a": "Abu Hafs al-Jazrawi", "name_b": "Abou Hafs al-Jazraoui"}
    )
    assert "proposed as the same person" in compared.text and "kunya equal" in compared.text
    screened = client.post("/screen", data={"names": "Abou Youssef al-Beljiki\nJohn Smith\n"})
    assert screened.status_code == 200
    assert "2 name(s) screened" in screened.text
    assert "Abu Yusuf al-Baljiki" in screened.text
