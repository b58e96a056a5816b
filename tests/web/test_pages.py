"""The web UI's pages, rendered by the real app over a workspace built by real intake."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from pursuit.cases.dossier import build_dossier
from pursuit.evidence.custody import iter_events
from pursuit.render import render_dossier
from tests.signin import as_user

from .conftest import CASE, Corpus


def test_home_summarises_the_workspace(client: TestClient, corpus: Corpus) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert CASE in page.text
    assert "3 items in 1 case(s)" in page.text
    assert "Never verified" in page.text
    client.post("/verify")
    assert "no problems" in client.get("/").text


def test_case_page_lists_its_items(client: TestClient, corpus: Corpus) -> None:
    page = client.get(f"/cases/{CASE}")
    assert page.status_code == 200
    for item_id in corpus.ids.values():
        assert f'href="/items/{item_id}"' in page.text
    assert "<bdi>شهادة.txt</bdi>" in page.text


def test_item_page_shows_text_facts_derivatives_and_history(
    client: TestClient, corpus: Corpus
) -> None:
    item_id = corpus.ids["statement-en.txt"]
    page = client.get(f"/items/{item_id}", headers=as_user(client, "analyst-3"))
    assert page.status_code == 200
    html = page.text
    assert "ordered the execution of prisoners" in html
    assert "investigator-7" in html and "testimony" in html
    with corpus.ws.read() as conn:
        events = list(iter_events(conn, item_id))
    sha = events[1].detail_map["sha256"]
    assert re.search(rf'<td class="hash">{sha}</td>', html), "derivative's parent hash"
    assert [e.action for e in events][-1] == "viewed"
    assert (events[-1].actor, events[-1].detail_map["via"]) == ("analyst-3", "web")
    history = html.split('id="custody"')[1]
    assert history.count("<tr>") == len(events) + 1
    assert "viewed" in history and "analyst-3" in history


def test_arabic_text_keeps_its_own_direction(client: TestClient, corpus: Corpus) -> None:
    html = client.get(f"/items/{corpus.ids['شهادة.txt']}").text
    assert '<p dir="auto">قَالَ الشَّاهِدُ' in html


def test_search_page_marks_arabic_hits_found_without_diacritics(
    client: TestClient, corpus: Corpus
) -> None:
    html = client.get("/search", params={"q": "الجزراوي", "exact": "true"}).text
    assert "2 result(s)" in html
    assert f'href="/items/{corpus.ids["شهادة.txt"]}"' in html
    assert "<mark>الجزراوي</mark>" in html
    across = client.get("/search", params={"q": "الجزراوي"}).text
    assert "3 result(s)" in across and 'id="expansions"' in across
    assert f'href="/items/{corpus.ids["statement-en.txt"]}"' in across
    assert "(transliteration)" in across  # the English statement, found as al-Jazrawi


def test_search_page_with_no_words_says_so(client: TestClient, corpus: Corpus) -> None:
    html = client.get("/search", params={"q": "!!"}).text
    assert "has no words to look for" in html


def test_entities_entity_and_dossier_pages(client: TestClient, corpus: Corpus) -> None:
    assert corpus.person_id is not None
    listing = client.get("/entities", params={"type": "person"}).text
    assert f'href="/entities/{corpus.person_id}"' in listing
    assert "Berlin" not in listing
    entity = client.get(f"/entities/{corpus.person_id}").text
    assert f'href="/items/{corpus.ids["statement-en.txt"]}"' in entity
    assert "<mark>Abu Hafs al-Jazrawi</mark>" in entity
    assert f'href="/entities/{corpus.person_id}/dossier"' in entity
    dossier = client.get(f"/entities/{corpus.person_id}/dossier", headers=as_user(client, "p"))
    assert "Evidence manifest" in dossier.text
    with corpus.ws.read() as conn:
        last = list(iter_events(conn))[-1]
    assert (last.action, last.actor, last.detail_map["entity"]) == ("viewed", "p", corpus.person_id)


def test_verify_button_shows_every_problem(client: TestClient, corpus: Corpus) -> None:
    assert "all sound" in client.post("/verify").text
    with corpus.ws.read() as conn:
        sha = str(list(iter_events(conn, corpus.ids["notes-mixed.txt"]))[1].detail_map["sha256"])
    path = corpus.ws.blobs.path_for(sha)
    path.chmod(0o644)
    path.write_text("altered", encoding="utf-8")
    html = client.post("/verify").text
    assert "1 problem(s)" in html
    assert f"blob {sha} was changed" in html


def test_upload_form_takes_a_file_in_and_escapes_its_text(
    client: TestClient, corpus: Corpus
) -> None:
    hostile = b"<script>alert('x')</script> seen in Raqqa"
    page = client.post(
        "/items",
        files={"file": ("<img src=x onerror=alert(1)>.txt", hostile, "text/plain")},
        data={"case": CASE, "acquired_by": "field-team", "method": "upload"},
    )
    assert page.status_code == 200
    assert "new" in page.text
    assert "<img" not in page.text
    assert "&lt;img src=x onerror=alert(1)&gt;.txt" in page.text
    item_id = re.search(r'href="/items/(it-[0-9a-f]+)"', page.text)
    assert item_id is not None
    item = client.get(f"/items/{item_id.group(1)}").text
    assert "<script>alert" not in item
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in item


def test_standalone_dossier_for_the_cli_has_no_navigation(corpus: Corpus) -> None:
    assert corpus.person_id is not None
    with corpus.ws.read() as conn:
        html = render_dossier(build_dossier(conn, corpus.person_id))
    assert "<header>" not in html and 'href="/items/' not in html
    assert "Evidence manifest" in html and "statement-en.txt" in html
