"""The screening page: an Arabic name meets its spelling without hamza, and decisions on hits
taken on the page are shown on the next screening, a "not same" hit no longer proposed."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from pursuit.screen import SCREEN_THRESHOLD
from pursuit.store.workspace import Workspace
from tests.resolve.builders import add_document
from tests.signin import as_user, signed_client

HAMZA = "أبو يوسف البلجيكي"
NO_HAMZA = "ابو يوسف البلجيكي"
ROW = re.compile(
    r'<tr class="candidate" data-entity="(?P<entity>[^"]+)" data-match="(?P<match>\w+)">'
    r'.*?<td class="score">(?P<score>[\d.]+)</td>.*?<td class="decision">(?P<decision>.*?)<form',
    re.S,
)


@pytest.fixture
def person(ws: Workspace) -> str:
    ids = add_document(ws, f"قال الشاهد إن {HAMZA} كان حارسا في السجن.", [HAMZA], "ar.txt")
    return ids[HAMZA]


@pytest.fixture
def client(ws: Workspace, person: str) -> Iterator[TestClient]:
    with signed_client(ws) as c:
        yield c


def _rows(html: str) -> list[dict[str, str]]:
    return [m.groupdict() for m in ROW.finditer(html)]


def test_the_spelling_without_hamza_is_proposed_on_the_page(
    client: TestClient, person: str
) -> None:
    page = client.post("/screen", data={"names": f"{NO_HAMZA}\n", "against": "all"})
    assert page.status_code == 200
    top = _rows(page.text)[0]
    assert top["entity"] == person and top["match"] == "true"
    assert float(top["score"]) >= SCREEN_THRESHOLD
    answer = client.post("/api/v1/screen", json={"name": NO_HAMZA, "against": "all"}).json()
    assert answer["results"][0]["candidates"][0]["score"] >= SCREEN_THRESHOLD


def test_a_not_same_taken_on_the_page_is_shown_on_the_next_screening(
    client: TestClient, person: str
) -> None:
    page = client.post("/screen", data={"names": NO_HAMZA, "against": "all"})
    key = re.search(r'name="key" value="(screen:[0-9a-f]+)"', page.text)
    assert key is not None
    decided = client.post(
        "/screen/decide",
        data={
            "names": NO_HAMZA,
            "key": key.group(1),
            "entity_id": person,
            "decision": "not_same",
            "reason": "different father",
            "against": "all",
        },
        headers=as_user(client, "reviewer-9"),
    )
    assert decided.status_code == 200
    top = _rows(decided.text)[0]
    assert top["match"] == "false" and "not same" in top["decision"]
    assert "reviewer-9" in top["decision"] and "different father" in top["decision"]
    again = _rows(client.post("/screen", data={"names": NO_HAMZA, "against": "all"}).text)[0]
    assert again == top
