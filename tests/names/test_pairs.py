"""`pursuit names compare` on real CSV files, including the bad ones people have."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pursuit.cli import app
from pursuit.errors import MalformedInput
from pursuit.names import DEFAULT_THRESHOLD, compare_names, compare_pairs_csv

runner = CliRunner()


def _write(path: Path, rows: list[list[str]], encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def test_scores_are_added_and_other_columns_kept(tmp_path: Path) -> None:
    source = _write(
        tmp_path / "pairs.csv",
        [
            ["case", "name_a", "name_b"],
            ["1", "Abu Hafs al-Jazrawi", "أبو حفص الجزراوي"],
            ["2", "Abu Hafs al-Jazrawi", "Abu Hafs al-Masri"],
            ["3", "", "Abu Hafs"],
        ],
    )
    out = tmp_path / "out.csv"
    report = compare_pairs_csv(source, out)
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["case"] for r in rows] == ["1", "2", "3"]
    assert rows[0]["match"] == "true" and rows[1]["match"] == "false"
    assert float(rows[1]["score"]) < DEFAULT_THRESHOLD
    assert "; nisbas point to different origins: SA vs EG; " in rows[1]["reasons"]  # words
    assert rows[2]["score"] == "" and report.skipped == [(4, "empty name")]


def test_missing_columns_are_named(tmp_path: Path) -> None:
    source = _write(tmp_path / "bad.csv", [["first", "second"], ["a", "b"]])
    with pytest.raises(MalformedInput, match="name_a, name_b; found first, second"):
        compare_pairs_csv(source, tmp_path / "out.csv")


def test_windows_encoded_file_is_read_and_said_so(tmp_path: Path) -> None:
    source = _write(
        tmp_path / "latin1.csv",
        [["name_a", "name_b"], ["Abou Hafs al-Jazraoui", "Abû Hafs al-Jazrâwî"]],
        encoding="cp1252",
    )
    report = compare_pairs_csv(source, tmp_path / "out.csv")
    assert "cp1252" in report.encoding and report.matches == 1


def test_cli_writes_output_and_reports(tmp_path: Path) -> None:
    source = _write(
        tmp_path / "pairs.csv",
        [["name_a", "name_b"], ["Abu Yusuf al-Baljiki", "Abou Youssef al-Beljiki"], ["x", ""]],
    )
    out = tmp_path / "out.csv"
    result = runner.invoke(app, ["names", "compare", "--input", str(source), "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert "1 match(es), 1 skipped" in result.output
    assert "row 3 skipped: empty name" in result.output
    bad = runner.invoke(
        app, ["names", "compare", "--input", str(tmp_path / "none.csv"), "--output", str(out)]
    )
    assert bad.exit_code != 0


def test_precision_on_the_sanctions_pairs(shared_data: Path) -> None:
    """Held-out half of real list pairs: at the default threshold, few false matches."""
    import hashlib

    with (shared_data / "sanctions-names" / "name_pairs.csv").open(encoding="utf-8") as handle:
        rows = [
            r
            for r in csv.DictReader(handle)
            if hashlib.sha256(r["pair_id"].encode()).digest()[0] % 2 == 1
            and r["pair_type"] != "pos_kunya_vs_name"
        ][::4]
    predicted = [
        (r, compare_names(r["name_a"], r["name_b"]).score >= DEFAULT_THRESHOLD) for r in rows
    ]
    true_pos = sum(1 for r, hit in predicted if hit and r["same_person"] == "1")
    false_pos = sum(1 for r, hit in predicted if hit and r["same_person"] == "0")
    assert true_pos / (true_pos + false_pos) >= 0.95
    assert true_pos >= 0.35 * sum(1 for r in rows if r["same_person"] == "1")
