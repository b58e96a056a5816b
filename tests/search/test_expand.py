"""Search across scripts and spellings on real intake: an Arabic place finds the English report,
a misspelt name finds every source, each expanded hit says how it was found and ranks below the
exact ones, and `--exact` turns it off."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from pursuit.evidence.items import Acquisition, Method
from pursuit.search import search_across
from pursuit.stages.intake import IntakeOptions, ingest_paths
from pursuit.store.workspace import Workspace
from tests.cli_runner import run
from tests.signin import signed_client

ENGLISH = (
    "Witnesses in Deir ez-Zor said that Abu Hafs al-Jazrawi, a Saudi emir of the Islamic State, "
    "ordered the arrest of eleven men in March 2015."
)
FRENCH = "Selon un rapport, Abou Hafs al-Jazraoui se trouvait à Mayadin en 2016."
ARABIC = "قال شهود في دير الزور إن أبو حفص الجزراوي أمر باعتقال أحد عشر رجلا في آذار 2015."
OTHER = "A report from Mosul on the reconstruction of the old city and its bridges."


@pytest.fixture
def files(ws: Workspace, tmp_path: Path) -> dict[str, str]:
    texts = {"report-en.txt": ENGLISH, "rapport-fr.txt": FRENCH, "shahada-ar.txt": ARABIC}
    texts["mosul.txt"] = OTHER
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    acquisition = Acquisition("tester", datetime(2024, 3, 1, tzinfo=UTC), Method.UPLOAD)
    options = IntakeOptions(case="deir", acquisition=acquisition)
    results = list(ingest_paths(ws, sorted(folder.iterdir()), options))
    assert all(r.status == "new" for r in results), results
    return {Path(r.path).name: str(r.id) for r in results}


def test_an_arabic_place_finds_the_latin_reports(ws: Workspace, files: dict[str, str]) -> None:
    with ws.read() as conn:
        exact = search_across(conn, "دير الزور", expand=False)
        found = search_across(conn, "دير الزور")
    assert [h.item_id for h in exact.hits] == [files["shahada-ar.txt"]]
    ids = [h.item_id for h in found.hits]
    assert ids[0] == files["shahada-ar.txt"]  # the exact hit first
    assert files["report-en.txt"] in ids and files["mosul.txt"] not in ids
    english = next(h for h in found.hits if h.item_id == files["report-en.txt"])
    assert english.via == "gazetteer" and "Deir" in str(english.expansion)
    assert english.score < found.hits[0].score
    used = {e.term for e in found.expansions if e.found}
    assert any("Deir" in term for term in used)


def test_a_misspelt_name_finds_every_spelling_and_script(
    ws: Workspace, files: dict[str, str]
) -> None:
    with ws.read() as conn:
        assert search_across(conn, "Jazrawy", expand=False).hits == []
        found = search_across(conn, "Jazrawy")
        arabic = search_across(conn, "الجزراوي")
    ids = {h.item_id for h in found.hits}
    assert {files["report-en.txt"], files["rapport-fr.txt"], files["shahada-ar.txt"]} <= ids
    assert files["mosul.txt"] not in ids
    vias = {h.via for h in found.hits}
    assert {"spelling", "transliteration"} <= vias
    latin = {h.item_id for h in arabic.hits if h.via == "transliteration"}
    assert files["report-en.txt"] in latin and files["rapport-fr.txt"] in latin


def test_other_cases_lend_no_spellings(ws: Workspace, files: dict[str, str]) -> None:
    with ws.read() as conn:
        found = search_across(conn, "Jazrawy", case_ids=["another-case"])
        nothing = search_across(conn, "Jazrawy", case_ids=[])
    assert found.hits == [] and found.expansions == []
    assert nothing.hits == []


def test_the_cli_and_the_api_say_which_expansions_were_used(
    ws: Workspace, files: dict[str, str]
) -> None:
    env = {"PURSUIT_HOME": str(ws.settings.home)}
    if ws.settings.database_url:
        env["PURSUIT_DATABASE_URL"] = ws.settings.database_url
    done = run(env, "search", "Jazrawy", "--json")
    assert done.exit_code == 0, done.output
    body = json.loads(done.stdout)
    assert {"term", "replaces", "via", "query", "found"} <= set(body["expansions"][0])
    assert all(r["expansion"] for r in body["results"])
    exact = json.loads(run(env, "search", "Jazrawy", "--json", "--exact").stdout)
    assert exact["results"] == [] and exact["expansions"] == []

    client = signed_client(ws)
    answer = client.get("/api/v1/search", params={"q": "دير الزور"}).json()
    assert answer["results"][0]["expansion"] is None
    assert any(r["via"] == "gazetteer" for r in answer["results"][1:])
    page = client.get("/search", params={"q": "Jazrawy"})
    assert 'id="expansions"' in page.text and "found as" in page.text
