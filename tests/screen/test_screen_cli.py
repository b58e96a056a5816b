"""`pursuit screen` on a small list against a FollowTheMoney file built from real watch-list
records, and against the workspace's persons."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from pursuit.cli.screen import screen
from pursuit.errors import MalformedInput
from pursuit.store.workspace import Workspace
from tests.resolve.builders import add_document

LIST = (
    "id,name,birth_date,nationality,note\n"
    "q1,Tahir Jalil Habbouch Al-Tikriti,,IRAQ,withheld alias of eu:row00014\n"
    '"q2","AL-AHMAD, Mahmoud Dhiyab",1953,,withheld alias of ofac:7871\n'
    "q3,Wilhelmina Kowalczyk-Brandauer,1990,Poland,not on the list\n"
    "q4,,1970,,\n"
)


def _app() -> typer.Typer:
    app = typer.Typer()
    app.command()(screen)
    app.command("noop")(lambda: None)
    return app


@pytest.fixture
def records_csv(tmp_path: Path) -> Path:
    path = tmp_path / "list.csv"
    path.write_text(LIST, encoding="utf-8")
    return path


def test_json_output_ranks_the_listed_person_first(
    records_csv: Path, watchlist_ftm: Path, tmp_path: Path
) -> None:
    out = tmp_path / "hits.json"
    result = CliRunner().invoke(
        _app(), ["screen", str(records_csv), "--against", str(watchlist_ftm), "--output", str(out)]
    )
    assert result.exit_code == 0, result.output
    document = json.loads(out.read_text(encoding="utf-8"))
    by_id = {r["id"]: r for r in document["results"]}
    assert set(by_id) == {"q1", "q2", "q3"}
    assert by_id["q1"]["candidates"][0]["entity_id"] == "eu:row00014"
    assert by_id["q1"]["candidates"][0]["match"] is True
    assert by_id["q2"]["candidates"][0]["entity_id"] == "ofac:7871"
    assert not any(c["match"] for c in by_id["q3"]["candidates"])
    for r in document["results"]:
        scores = [c["score"] for c in r["candidates"]]
        assert scores == sorted(scores, reverse=True)
        assert all(c["reasons"] for c in r["candidates"])
        assert all(c["match"] == (c["score"] >= document["threshold"]) for c in r["candidates"])
    assert document["skipped"] == [{"line": 5, "id": "q4", "problem": "empty name"}]
    assert "skipped line 5 (q4): empty name" in result.output


def test_csv_output_gives_every_record_a_row(
    records_csv: Path, watchlist_ftm: Path, tmp_path: Path
) -> None:
    out = tmp_path / "hits.csv"
    result = CliRunner().invoke(
        _app(),
        [
            "screen",
            str(records_csv),
            "--against",
            str(watchlist_ftm),
            "-o",
            str(out),
            "--threshold",
            "0.99",
        ],
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.read_text(encoding="utf-8").splitlines()))
    assert {r["id"] for r in rows} == {"q1", "q2", "q3"}
    first = next(r for r in rows if r["id"] == "q1" and r["rank"] == "1")
    assert first["entity_id"] == "eu:row00014" and first["reasons"]
    assert all(r["match"] == "false" for r in rows if r["score"] and float(r["score"]) < 0.99)


def test_screening_the_workspace_names_the_items_behind_a_candidate(
    ws: Workspace, records_csv: Path, tmp_path: Path
) -> None:
    ids = add_document(
        ws,
        "The register lists Tahir Jalil Habbush Al-Tikriti as head of intelligence.",
        ["Tahir Jalil Habbush Al-Tikriti"],
        "register.txt",
    )
    result = CliRunner().invoke(
        _app(),
        ["screen", str(records_csv), "--against", "all", "--home", str(ws.settings.home), "--json"],
        env={"PURSUIT_DATABASE_URL": ws.settings.database_url or ""},
    )
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    top = document["results"][0]["candidates"][0]
    assert top["entity_id"] == ids["Tahir Jalil Habbush Al-Tikriti"]
    assert len(top["items"]) == 1


def test_a_list_without_a_name_column_fails_with_a_message(
    tmp_path: Path, watchlist_ftm: Path
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("nom,naissance\nAbou Hafs,1983\n", encoding="utf-8")
    result = CliRunner().invoke(_app(), ["screen", str(bad), "--against", str(watchlist_ftm)])
    assert isinstance(result.exception, MalformedInput)
    assert "no 'name' column" in str(result.exception)


def test_a_bad_list_file_is_reported_line_by_line(records_csv: Path, tmp_path: Path) -> None:
    ftm = tmp_path / "list.ftm.jsonl"
    lines = [
        json.dumps(
            {
                "id": "p1",
                "schema": "Person",
                "properties": {"name": ["Abu Hafs al-Masri"], "nationality": ["eg"]},
            }
        ),
        "{not json",
        json.dumps({"id": "c1", "schema": "Company", "properties": {"name": ["Acme"]}}),
    ]
    ftm.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "o.json"
    result = CliRunner().invoke(
        _app(), ["screen", str(records_csv), "--against", str(ftm), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    skipped = json.loads(out.read_text(encoding="utf-8"))["skipped"]
    assert any(p["line"] == 2 and "not JSON" in p["problem"] for p in skipped)
