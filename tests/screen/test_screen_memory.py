"""Screening remembers: a hit a reviewer judged is shown with that decision on every later run.

The user's path: a text naming a man is taken in, `pursuit screen list.csv --output hits.json`
flags him, the reviewer records "not same" on that hit, and the next run shows who decided it and
when, with the hit no longer a match; "same" shows as confirmed. The decision holds after the
entity is merged into a larger identity, and only for the record it was taken on.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
import typer
from click.testing import Result
from typer.testing import CliRunner

from pursuit.cli import app as pursuit_app
from pursuit.cli.screen import screen, screen_decide
from pursuit.errors import InputError
from pursuit.resolve.judgements import Decision, JudgementSource, record_judgement
from pursuit.screen import (
    SCREEN_THRESHOLD,
    HitMemory,
    ScreenIndex,
    ScreenOptions,
    load_memory,
    load_profiles,
    record_hit_decision,
    record_key,
    screen_file,
    screen_records,
)
from pursuit.screen.records import read_records
from pursuit.stages.intake import ingest_paths
from pursuit.store.workspace import Workspace
from tests.evidence.helpers import options
from tests.resolve.builders import add_document

REPORT = "The guard Abu Yusuf al-Baljiki was among the shooters in Khasham in March 2015."
LIST = (
    "id,name,birth_date,nationality\n"
    "q1,Abou Youssef al-Beljiki,,\n"
    "q2,Wilhelmina Kowalczyk-Brandauer,1990,Poland\n"
)
HAMZA = "أبو يوسف البلجيكي"
NO_HAMZA = "ابو يوسف البلجيكي"


def _screen_app() -> typer.Typer:
    app = typer.Typer()
    app.command("screen")(screen)
    app.command("screen-decide")(screen_decide)
    return app


def _run(app: typer.Typer, ws: Workspace, *args: str) -> Result:
    env = {"PURSUIT_DATABASE_URL": ws.settings.database_url or "", "PURSUIT_ACTOR": "reviewer-3"}
    result = CliRunner().invoke(app, [*args, "--home", str(ws.settings.home)], env=env)
    assert result.exit_code == 0, result.output
    return result


def _hits(ws: Workspace, listed: Path, out: Path) -> dict[str, Any]:
    _run(pursuit_app, ws, "screen", str(listed), "--against", "all", "--output", str(out))
    document: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return document


def _top(document: dict[str, Any], record_id: str = "q1") -> dict[str, Any]:
    found: dict[str, Any] = next(r for r in document["results"] if r["id"] == record_id)
    return found


@pytest.fixture
def listed(tmp_path: Path) -> Path:
    path = tmp_path / "list.csv"
    path.write_text(LIST, encoding="utf-8")
    return path


@pytest.fixture
def ingested(ws: Workspace, tmp_path: Path) -> Workspace:
    text = tmp_path / "report.txt"
    text.write_text(REPORT, encoding="utf-8")
    # What `pursuit ingest` does, through the core: its command leaves a PostgreSQL
    # connection open at exit, which pytest (warnings as errors) would count against this test.
    assert [r.status for r in ingest_paths(ws, [text], options(nlp=True))] == ["new"]
    return ws


def test_a_hit_judged_not_same_is_no_longer_a_match(
    ingested: Workspace, listed: Path, tmp_path: Path
) -> None:
    first = _top(_hits(ingested, listed, tmp_path / "hits.json"))
    hit = first["candidates"][0]
    assert "Baljiki" in hit["name"] and hit["match"] is True and hit["decision"] is None
    assert first["key"].startswith("screen:")

    _run(
        pursuit_app,
        ingested,
        "review",
        "judge",
        first["key"],
        hit["entity_id"],
        "not_same",
        "--reason",
        "born in Liège in 1990, the guard is older",
    )
    second = _top(_hits(ingested, listed, tmp_path / "again.json"))
    assert second["key"] == first["key"]
    again = next(c for c in second["candidates"] if c["entity_id"] == hit["entity_id"])
    assert again["score"] == hit["score"]
    assert again["match"] is False
    assert again["decision"]["decision"] == "not_same"
    assert again["decision"]["decided_by"] == "reviewer-3"
    assert again["decision"]["reason"] == "born in Liège in 1990, the guard is older"
    assert again["decision"]["decided_at"][:4].isdigit()
    judged = [r for r in again["reasons"] if r["code"] == "judged_not_same"]
    assert len(judged) == 1 and judged[0]["detail"].startswith("by reviewer-3 on ")
    assert judged[0]["text"].startswith("judged not the same person by reviewer-3 on ")
    assert not any(
        c["decision"]
        for c in _top(_hits(ingested, listed, tmp_path / "b.json"), "q2")["candidates"]
    )


def test_same_shows_confirmed_in_json_csv_and_text(
    ingested: Workspace, listed: Path, tmp_path: Path
) -> None:
    first = _top(_hits(ingested, listed, tmp_path / "hits.json"))
    hit = first["candidates"][0]
    app = _screen_app()
    _run(
        app, ingested, "screen-decide", first["key"], hit["entity_id"], "same", "--reason", "photo"
    )
    confirmed = _top(_hits(ingested, listed, tmp_path / "again.json"))["candidates"][0]
    assert confirmed["match"] is True and confirmed["decision"]["decision"] == "same"
    assert any(
        r["code"] == "confirmed_same" and r["text"].startswith("confirmed the same person by ")
        for r in confirmed["reasons"]
    )

    out = tmp_path / "hits.csv"
    _run(pursuit_app, ingested, "screen", str(listed), "--against", "all", "--output", str(out))
    rows = list(csv.DictReader(out.read_text(encoding="utf-8").splitlines()))
    row = next(r for r in rows if r["id"] == "q1" and r["entity_id"] == hit["entity_id"])
    assert (row["decision"], row["decided_by"], row["decision_reason"]) == (
        "same",
        "reviewer-3",
        "photo",
    )
    assert row["record_key"] == first["key"] and row["match"] == "true"
    assert "; confirmed the same person by reviewer-3 on " in row["reasons"]  # words in CSV
    text = _run(app, ingested, "screen", str(listed), "--against", "all").stdout
    assert first["key"] in text and "confirmed the same person" in text


def test_a_decision_holds_after_the_entity_is_merged(ws: Workspace, listed: Path) -> None:
    ids = add_document(
        ws,
        "Abu Yusuf al-Baljiki guarded the prison; Abou Youssef al-Beljiki signed the list.",
        ["Abu Yusuf al-Baljiki", "Abou Youssef al-Beljiki"],
    )
    first, second = sorted(ids.values())
    record = read_records(listed).records[0]
    with ws.write() as conn:
        record_hit_decision(conn, record_key(record), second, Decision.NOT_SAME, "alice", "alibi")
        record_judgement(conn, first, second, Decision.SAME, "bob", source=JudgementSource.REVIEW)
    report = screen_file(listed, load_profiles(ws, None), ScreenOptions(), load_memory(ws))
    merged = report.results[0].candidates
    assert [c.entity_id for c in merged] == [first]
    assert merged[0].match is False
    assert merged[0].decision is not None and merged[0].decision.entity_id == second
    assert merged[0].decision.decided_by == "alice"


def test_a_decision_is_tied_to_the_person_screened_not_to_the_row_id(
    ws: Workspace, tmp_path: Path
) -> None:
    ids = add_document(ws, "Abu Yusuf al-Baljiki guarded the prison.", ["Abu Yusuf al-Baljiki"])
    lists = tmp_path / "a.csv", tmp_path / "b.csv"
    lists[0].write_text("id,name,birth_date\n1,Abu Yusuf al-Baljiki,1990\n", encoding="utf-8")
    lists[1].write_text(
        "id,name,birth_date\n7,Abu Yusuf  al-Baljiki,1990\n1,Abu Yusuf al-Baljiki,1971\n",
        encoding="utf-8",
    )
    judged = read_records(lists[0]).records[0]
    with ws.write() as conn:
        record_hit_decision(conn, record_key(judged), ids["Abu Yusuf al-Baljiki"], "not_same", "al")
        memory = HitMemory.load(conn)
    index = ScreenIndex(load_profiles(ws, None).profiles)
    same_man, other_man = screen_records(
        index, read_records(lists[1]).records, ScreenOptions(), memory
    )
    assert same_man.candidates[0].decision is not None
    assert other_man.candidates[0].decision is None


def test_a_screening_decision_needs_a_record_key(ws: Workspace) -> None:
    with ws.write() as conn, pytest.raises(InputError, match="record key"):
        record_hit_decision(conn, "list.csv#q1", "en-1", "not_same", "al")


def test_the_hamza_spelling_is_flagged_by_pursuit_screen(ws: Workspace, tmp_path: Path) -> None:
    ids = add_document(ws, f"قال الشاهد إن {HAMZA} كان حارسا.", [HAMZA], "ar.txt")
    listed = tmp_path / "list.csv"
    listed.write_text(f"id,name\nq1,{NO_HAMZA}\n", encoding="utf-8")
    top = _top(_hits(ws, listed, tmp_path / "hits.json"))["candidates"][0]
    assert top["entity_id"] == ids[HAMZA]
    assert top["score"] >= SCREEN_THRESHOLD and top["match"] is True
