"""The entity page of a merged person: the count it states is the list it shows, every edge
agrees, and a merge form cannot silently contradict a recorded decision."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from pursuit.resolve.profiles import get_profile, list_profiles

from .conftest import Corpus


def _merge_all_jazrawi(client: TestClient, corpus: Corpus) -> tuple[str, int]:
    with corpus.ws.read() as conn:
        people = [p for p in list_profiles(conn, "person") if "حفص" in p.name or "Hafs" in p.name]
    assert len(people) >= 2, [p.name for p in people]
    target = people[0].id
    for other in people[1:]:
        page = client.post(
            f"/entities/{other.id}/corrections",
            data={"action": "merge", "value": target, "reason": "same man"},
            follow_redirects=True,
        )
        assert page.status_code == 200, page.text
    with corpus.ws.read() as conn:  # the profile's id is its smallest member's
        merged = get_profile(conn, target).id
    return merged, sum(p.mention_count for p in people)


def test_merged_person_page_lists_every_mention_it_counts(
    client: TestClient, corpus: Corpus
) -> None:
    target, total = _merge_all_jazrawi(client, corpus)
    page = client.get(f"/entities/{target}").text
    stated = re.search(r"(\d+) mention\(s\) in (\d+) item\(s\)", page)
    assert stated is not None
    rows = page.split('<table id="mentions">', 1)[1].split("</table>", 1)[0].count("<tr")
    assert int(stated.group(1)) == total == rows - 1  # one header row
    assert int(stated.group(2)) == 3
    api = client.get(f"/api/v1/entities/{target}").json()
    assert api["mentions"] == total == len(api["mention_list"])
    listing = client.get("/api/v1/entities", params={"type": "person"}).json()["entities"]
    shown = next(e for e in listing if e["id"] == target)
    assert shown["mentions"] == total and "أبو حفص الجزراوي" in [
        shown["name"],
        *shown["aliases"],
    ]
    dossier = client.get(f"/api/v1/entities/{target}/dossier").json()
    assert len(dossier["mentions"]) == total


def test_a_contradicting_merge_form_is_refused_and_named(
    client: TestClient, corpus: Corpus
) -> None:
    target, _ = _merge_all_jazrawi(client, corpus)
    with corpus.ws.read() as conn:
        others = [p for p in list_profiles(conn) if p.id != target]
    other = others[0].id
    answer = client.post(
        "/api/v1/judgements",
        json={"entity_a": other, "entity_b": target, "decision": "not_same", "reason": "apart"},
    )
    assert answer.status_code == 201, answer.text
    refused = client.post(
        f"/entities/{other}/corrections",
        data={"action": "merge", "value": target, "reason": "looks alike"},
    )
    assert refused.status_code == 409
    assert "apart" in refused.text and "supersede" in refused.text
    api = client.post(
        f"/api/v1/entities/{other}/corrections",
        json={"action": "merge", "value": target, "reason": "looks alike"},
    )
    assert api.status_code == 409 and "judgement #" in api.text
    with corpus.ws.read() as conn:
        assert all(other not in p.members or p.id == other for p in list_profiles(conn))
