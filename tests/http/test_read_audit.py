"""Reads are audited without flooding the log: one `viewed` event per user, item and window.

Looking at an item fifty times leaves one event naming who looked; another user's look is
another event. Search snippets and entity contexts quoted from a protected witness's testimony
are reads of it, logged the same way; exports are each logged, never folded together.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from pursuit.evidence.custody import CustodyEvent, iter_events, verify_chain
from pursuit.security.roles import Role
from pursuit.settings import Settings
from pursuit.store.schema import mentions
from pursuit.store.workspace import Workspace, create_workspace
from tests.http.scoped import TwoCases, two_cases, user


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


def _events(two: TwoCases, item_id: str, action: str = "viewed") -> list[CustodyEvent]:
    with two.ws.read() as conn:
        return [e for e in iter_events(conn, item_id) if e.action == action]


def test_fifty_looks_are_one_event_per_user(two: TwoCases) -> None:
    first = user(two, "analyst-a", Role.ANALYST, two.case_a)
    second = user(two, "viewer-a", Role.VIEWER, two.case_a)
    for _ in range(25):
        assert two.client.get(f"/api/v1/items/{two.item_a}", headers=first).status_code == 200
        assert two.client.get(f"/api/v1/items/{two.item_a}/text", headers=first).status_code == 200
    assert two.client.get(f"/items/{two.item_a}", headers=first).status_code == 200
    assert [e.actor for e in _events(two, two.item_a)] == ["analyst-a"]
    for _ in range(50):
        two.client.get(f"/api/v1/items/{two.item_a}", headers=second)
    assert [e.actor for e in _events(two, two.item_a)] == ["analyst-a", "viewer-a"]
    with two.ws.read() as conn:
        assert verify_chain(iter_events(conn)) == []


def test_each_export_is_its_own_event(two: TwoCases) -> None:
    analyst = user(two, "analyst-a", Role.ANALYST, two.case_a)
    for _ in range(3):
        assert (
            two.client.get(f"/api/v1/items/{two.item_a}/blob", headers=analyst).status_code == 200
        )
    assert len(_events(two, two.item_a, "exported")) == 3


def test_anonymous_requests_record_nothing(two: TwoCases) -> None:
    before = len(_events(two, two.item_a))
    assert two.client.get(f"/api/v1/items/{two.item_a}").status_code == 401
    assert len(_events(two, two.item_a)) == before


def test_a_search_quoting_testimony_is_a_read_of_it(two: TwoCases) -> None:
    viewer = user(two, "viewer-a", Role.VIEWER, two.case_a)
    hits = two.client.get("/api/v1/search", params={"q": "cables"}, headers=viewer).json()
    assert [h["item_id"] for h in hits["results"]] == [two.testimony]
    [event] = _events(two, two.testimony)
    assert (event.actor, json.loads(event.details)) == ("viewer-a", {"via": "search"})
    assert event.case_id == two.case_a
    two.client.get("/api/v1/search", params={"q": "cables"}, headers=viewer)
    two.client.get("/search", params={"q": "cables"}, headers=viewer)
    assert len(_events(two, two.testimony)) == 1
    assert _events(two, two.item_a) == []  # plain evidence in a search is not logged


def test_entity_contexts_from_testimony_are_reads_of_it(two: TwoCases) -> None:
    reviewer = user(two, "reviewer-a", Role.REVIEWER, two.case_a)
    query = sa.select(mentions.c.entity_id).where(
        mentions.c.item_id == two.testimony, mentions.c.entity_id.is_not(None)
    )
    with two.ws.read() as conn:
        mentioned = list(conn.scalars(query))
    assert mentioned, "the testimony should mention someone"
    entity = str(mentioned[0])
    assert two.client.get(f"/entities/{entity}", headers=reviewer).status_code == 200
    assert two.client.get(f"/api/v1/entities/{entity}", headers=reviewer).status_code == 200
    [event] = [e for e in _events(two, two.testimony) if e.actor == "reviewer-a"]
    assert json.loads(event.details) == {"via": "entity"}
