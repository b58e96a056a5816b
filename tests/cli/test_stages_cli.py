"""`pursuit reprocess`, `pursuit correct` and `pursuit names compare` as users run them."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from pursuit.settings import Settings

from .test_cli import run


@pytest.fixture
def sqlite_only(tmp_path: Path) -> Settings:
    return Settings(home=tmp_path / "ws", actor="cli-tester")


def test_reprocess_and_corrections_survive(sqlite_only: Settings, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "The guard Abu Yusuf al-Baljiki was among the shooters in Khasham in March 2015.",
        encoding="utf-8",
    )
    (folder / "b_broken.pdf").write_bytes(b"%PDF-1.7\nnot really a pdf\n")
    assert run(sqlite_only, "init").returncode == 0
    assert run(sqlite_only, "ingest", str(folder), "--case", "khasham").returncode == 0
    people = json.loads(run(sqlite_only, "entities", "--type", "person", "--json").stdout)
    guard = next(e for e in people["entities"] if "Baljiki" in e["name"])
    fixed = run(sqlite_only, "correct", "entity", guard["id"], "rename", "Yassin Bouzerda")
    assert fixed.returncode == 0, fixed.stderr
    again = run(sqlite_only, "reprocess", "--stage", "nlp", "--json")
    assert again.returncode == 0, again.stderr
    assert all(json.loads(line)["ok"] for line in again.stdout.splitlines())
    names = {
        e["name"] for e in json.loads(run(sqlite_only, "entities", "--json").stdout)["entities"]
    }
    assert "Yassin Bouzerda" in names and guard["name"] not in names
    text = run(sqlite_only, "reprocess", "--stage", "text")
    assert text.returncode == 1
    assert "b_broken.pdf" in text.stderr and "1 failed" in text.stderr


def test_names_compare_command(sqlite_only: Settings, tmp_path: Path) -> None:
    source = tmp_path / "pairs.csv"
    source.write_text(
        "name_a,name_b,note\nAbu Hafs al-Jazrawi,أبو حفص الجزراوي,register\n"
        "Abu Hafs al-Jazrawi,Abu Hafs al-Masri,lists\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.csv"
    done = run(sqlite_only, "names", "compare", "--input", str(source), "--output", str(out))
    assert done.returncode == 0, done.stderr
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["note"], r["match"]) for r in rows] == [("register", "true"), ("lists", "false")]
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("a,b\nx,y\n", encoding="utf-8")
    refused = run(sqlite_only, "names", "compare", "--input", str(wrong), "--output", str(out))
    assert refused.returncode == 1 and "name_a" in refused.stderr
