"""Corrections through the API and the web forms, kept when extraction runs again."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from pursuit.stages.intake import ingest_paths
from pursuit.stages.reprocess import reprocess
from pursuit.stages.runs import Stage
from pursuit.store.workspace import Workspace
from tests.evidence.helpers import options
from tests.signin import as_user

TEXT = (
    "Witnesses said the emir Abu Hafs al-Jazrawi ordered the execution of eleven civilians in "
    "Khasham in March 2015. The guard Abu Yusuf al-Baljiki was among the shooters. "
    "Later the French paper wrote that Abou Hafs al-Jazraoui had left Khasham."
)


def _ingest(ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(TEXT, encoding="utf-8")
    results = list(ingest_paths(ws, [path], options(nlp=True)))
    assert [r.status for r in results] == ["new"]


def _people(client: TestClient) -> dict[str, str]:
    found = client.get("/api/v1/entities", params={"type": "person"}).json()["entities"]
    return {e["name"]: e["id"] for e in found}


def test_rename_and_merge_survive_reextraction(
    client: TestClient, ws: Workspace, tmp_path: Path
) -> None:
    _ingest(ws, tmp_path)
    people = _people(client)
    jazrawi = people["Abu Hafs al-Jazrawi"]
    jazraoui = next(i for name, i in people.items() if name.endswith("al-Jazraoui"))
    merged = client.post(
        f"/api/v1/entities/{jazraoui}/corrections",
        json={"action": "merge", "value": jazrawi, "reason": "same emir, French spelling"},
        headers=as_user(client, "reviewer-2"),
    )
    assert merged.status_code == 201, merged.text
    assert merged.json()["kind"] == "judgement"  # a merge is a "same" decision
    shown = merged.json()["entity"]
    spellings = [shown["name"], *shown["aliases"]]
    assert "Abu Hafs al-Jazrawi" in spellings and any(a.endswith("al-Jazraoui") for a in spellings)
    renamed = client.post(
        f"/api/v1/entities/{people['Abu Yusuf al-Baljiki']}/corrections",
        json={"action": "rename", "value": "Abu Yusuf al-Beljiki", "reason": "register spelling"},
    )
    assert renamed.status_code == 201
    assert list(reprocess(ws, Stage.NLP))[0].ok
    after = _people(client)
    assert len([n for n in after if "Hafs al-Jaz" in n]) == 1  # one profile, re-extraction too
    assert "Abu Yusuf al-Beljiki" in after and "Abu Yusuf al-Baljiki" not in after
    log = client.get("/api/v1/judgements").json()["judgements"]
    assert [(j["decision"], j["decided_by"]) for j in log][-1] == ("same", "reviewer-2")
    assert log[-1]["reason"] == "same emir, French spelling"
    fixes = client.get("/api/v1/corrections").json()["corrections"]
    assert [(c["action"], c["value"]) for c in fixes] == [("rename", "Abu Yusuf al-Beljiki")]


def test_bad_corrections_are_refused_and_change_nothing(
    client: TestClient, ws: Workspace, tmp_path: Path
) -> None:
    _ingest(ws, tmp_path)
    before = _people(client)
    some = next(iter(before.values()))
    assert (
        client.post(
            "/api/v1/entities/en-nope/corrections", json={"action": "rename", "value": "x"}
        ).status_code
        == 404
    )
    assert client.post(
        f"/api/v1/entities/{some}/corrections", json={"action": "rename", "value": ""}
    ).status_code in (400, 422)
    assert (
        client.post(f"/api/v1/entities/{some}/corrections", json={"action": "explode"}).status_code
        == 422
    )
    assert (
        client.post("/api/v1/mentions/999999/corrections", json={"action": "delete"}).status_code
        == 404
    )
    assert _people(client) == before
    assert client.get("/api/v1/corrections").json()["corrections"] == []


def test_web_form_renames_an_entity(client: TestClient, ws: Workspace, tmp_path: Path) -> None:
    _ingest(ws, tmp_path)
    target = _people(client)["Abu Yusuf al-Baljiki"]
    page = client.get(f"/entities/{target}")
    assert 'action="/entities/' in page.text and "Correct this entity" in page.text
    done = client.post(
        f"/entities/{target}/corrections",
        data={"action": "rename", "value": "Yassin Bouzerda", "reason": "asylum record"},
    )
    assert done.status_code == 200 and "rename recorded" in done.text
    assert "Yassin Bouzerda" in client.get("/entities").text
