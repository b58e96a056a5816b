"""Roles are per case: a user sees and touches the records of their cases, and nothing else.

A viewer of case A reads A's items, search hits and entities; B's item, text, bytes, history,
entities and dossiers answer 404 exactly as if they did not exist, and nothing of B appears in
any listing, search or the custody log. Writes need the permission in the record's case.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pursuit.security.roles import Role
from pursuit.settings import Settings
from pursuit.store.workspace import Workspace, create_workspace
from tests.http.scoped import CASE_A, TwoCases, two_cases, user


@pytest.fixture
def vws(settings: Settings, tmp_path: Path) -> Iterator[Workspace]:
    chosen = settings.model_copy(update={"vault_key_file": tmp_path / "keys" / "vault.key"})
    workspace = create_workspace(chosen)
    yield workspace
    workspace.dispose()


@pytest.fixture
def two(vws: Workspace, tmp_path: Path) -> Iterator[TwoCases]:
    made = two_cases(vws, tmp_path / "in")
    with made.client:
        yield made


def _get(two: TwoCases, who: dict[str, str], path: str, **params: Any) -> Any:
    answer = two.client.get(path, headers=who, params=params)
    assert answer.status_code == 200, (path, answer.status_code, answer.text)
    return answer.json()


def test_a_viewer_reads_their_case_and_nothing_of_the_other(two: TwoCases) -> None:
    viewer = user(two, "viewer-a", Role.VIEWER, two.case_a)
    items = _get(two, viewer, "/api/v1/items")
    assert {i["case_id"] for i in items["items"]} == {two.case_a}
    assert two.item_a in {i["id"] for i in items["items"]} and items["total"] == 2
    assert [c["id"] for c in _get(two, viewer, "/api/v1/cases")] == [two.case_a]
    assert _get(two, viewer, f"/api/v1/items/{two.item_a}")["id"] == two.item_a
    assert "Abu Dujana" in two.client.get(f"/api/v1/items/{two.item_a}/text", headers=viewer).text
    for path in ("", "/text", "/blob", "/custody"):
        answer = two.client.get(f"/api/v1/items/{two.item_b}{path}", headers=viewer)
        assert answer.status_code == 404, path
        missing = two.client.get(f"/api/v1/items/it-0000000000000000{path}", headers=viewer)
        assert answer.json() == {**missing.json(), "detail": answer.json()["detail"]}
        assert two.item_b in answer.json()["detail"]  # the same words as for no item at all
    assert two.client.get(f"/api/v1/cases/{two.case_b}", headers=viewer).status_code == 404
    assert (
        two.client.get("/api/v1/items", headers=viewer, params={"case": two.case_b}).status_code
        == 404
    )


def test_a_viewer_finds_nothing_of_the_other_case(two: TwoCases) -> None:
    viewer = user(two, "viewer-a", Role.VIEWER, two.case_a)
    admin = user(two, "admin", Role.ADMINISTRATOR, None)
    assert _get(two, admin, "/api/v1/search", q="ordered")["results"]  # both reports say it
    hits = _get(two, viewer, "/api/v1/search", q="ordered")["results"]
    assert [h["item_id"] for h in hits] == [two.item_a]
    assert _get(two, viewer, "/api/v1/search", q="Jazrawi")["results"] == []
    page = two.client.get("/search", headers=viewer, params={"q": "Jazrawi"}).text
    assert "report-b.txt" not in page and two.item_b not in page
    people = {e["id"] for e in _get(two, viewer, "/api/v1/entities")["entities"]}
    assert two.person_a in people and two.person_b not in people
    assert two.person_b not in two.client.get("/entities", headers=viewer).text
    for path in (
        f"/api/v1/entities/{two.person_b}",
        f"/entities/{two.person_b}",
        f"/entities/{two.person_b}/dossier",
    ):
        assert two.client.get(path, headers=viewer).status_code == 404, path
    assert two.client.get("/api/v1/entities/Abu Hafs al-Jazrawi", headers=viewer).status_code == 404
    assert _get(two, viewer, f"/api/v1/entities/{two.person_a}")["id"] == two.person_a


def test_a_viewer_sees_only_their_case_in_the_custody_log(two: TwoCases) -> None:
    viewer = user(two, "viewer-a", Role.VIEWER, two.case_a)
    events = _get(two, viewer, "/api/v1/custody", limit=1000)["events"]
    assert events and {e["case_id"] for e in events} == {two.case_a}
    admin = user(two, "admin", Role.ADMINISTRATOR, None)
    every = _get(two, admin, "/api/v1/custody", limit=1000)["events"]
    assert {e["case_id"] for e in every} == {two.case_a, two.case_b, None}
    home = two.client.get("/", headers=viewer).text
    assert CASE_A in home and "Mosul" not in home
    assert "Mosul" not in two.client.get("/cases", headers=viewer).text
    assert "report-b.txt" not in two.client.get("/items", headers=viewer).text
    assert two.client.get(f"/items/{two.item_b}", headers=viewer).status_code == 404
    assert two.client.get(f"/cases/{two.case_b}", headers=viewer).status_code == 404


def test_a_viewer_may_not_write_in_their_case(two: TwoCases) -> None:
    viewer = user(two, "viewer-a", Role.VIEWER, two.case_a)
    post = two.client.post
    rename = {"action": "rename", "value": "Someone", "reason": "test"}
    assert (
        post(
            f"/api/v1/entities/{two.person_a}/corrections", json=rename, headers=viewer
        ).status_code
        == 403
    )
    same = {"entity_a": two.person_a, "entity_b": two.person_a, "decision": "same"}
    assert post("/api/v1/judgements", json=same, headers=viewer).status_code == 403
    files = {"file": ("note.txt", b"A short note about the stadium.", "text/plain")}
    answer = post("/api/v1/items", files=files, data={"case": CASE_A}, headers=viewer)
    assert answer.status_code == 403
    assert post("/api/v1/verify", headers=viewer).status_code == 403


def test_an_analyst_corrects_in_their_case_and_cannot_reach_the_other(two: TwoCases) -> None:
    analyst = user(two, "analyst-a", Role.ANALYST, two.case_a)
    post = two.client.post
    rename = {"action": "rename", "value": "Abu Dujana", "reason": "the short name"}
    done = post(f"/api/v1/entities/{two.person_a}/corrections", json=rename, headers=analyst)
    assert done.status_code == 201, done.text
    other = post(f"/api/v1/entities/{two.person_b}/corrections", json=rename, headers=analyst)
    assert other.status_code == 404
    merge = {"action": "merge", "value": two.person_b, "reason": "same man"}
    across = post(f"/api/v1/entities/{two.person_a}/corrections", json=merge, headers=analyst)
    assert across.status_code == 404
    assert two.client.get(f"/api/v1/entities/{two.person_b}", headers=analyst).status_code == 404
    files = {"file": ("note.txt", b"A short note about the stadium.", "text/plain")}
    into_a = post("/api/v1/items", files=files, data={"case": CASE_A}, headers=analyst)
    assert into_a.status_code == 201, into_a.text
    for case in (two.case_b, "A new case"):  # a case of others, a case that does not exist
        answer = post("/api/v1/items", files=files, data={"case": case}, headers=analyst)
        assert answer.status_code == 404, case
    assert post("/api/v1/verify", headers=analyst).status_code == 403


def test_an_administrator_sees_both_cases(two: TwoCases) -> None:
    admin = user(two, "admin", Role.ADMINISTRATOR, None)
    items = {i["id"] for i in _get(two, admin, "/api/v1/items")["items"]}
    assert {two.item_a, two.item_b, two.testimony} <= items
    people = {e["id"] for e in _get(two, admin, "/api/v1/entities")["entities"]}
    assert {two.person_a, two.person_b} <= people
    for path in (f"/api/v1/items/{two.item_b}", f"/api/v1/entities/{two.person_b}"):
        assert two.client.get(path, headers=admin).status_code == 200
    assert two.client.post("/api/v1/verify", headers=admin).status_code == 200
