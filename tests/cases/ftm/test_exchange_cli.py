"""`pursuit export --format ftm` and `pursuit import --format ftm` as users run them, on SQLite;
export and import themselves run on PostgreSQL too in test_export.py and test_import.py."""

from __future__ import annotations

import json
from pathlib import Path

from pursuit.settings import Settings
from tests.cli.test_cli import run

STATEMENT = "Statement: the guard Abu Dujana al-Tunisi beat prisoners in Raqqa in 2015."


def test_export_then_import_with_exit_codes(sqlite_settings: Settings, tmp_path: Path) -> None:
    settings = sqlite_settings
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "statement.txt").write_text(STATEMENT, encoding="utf-8")
    assert run(settings, "init").returncode == 0
    assert run(settings, "ingest", str(tmp_path / "in"), "--case", "raqqa").returncode == 0
    out = tmp_path / "raqqa.ftm.jsonl"
    done = run(settings, "export", "--format", "ftm", "--case", "raqqa", "-o", str(out))
    assert done.returncode == 0, done.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert any(json.loads(x)["schema"] == "PlainText" for x in lines)
    assert "FtM entities written" in done.stderr

    bad = tmp_path / "bad.jsonl"
    bad.write_text(lines[0] + "\n" + '{"id": "x", "schema": "Spaceship"}\n', encoding="utf-8")
    refused = run(settings, "import", "--format", "ftm", str(bad), "--case", "partner")
    assert refused.returncode == 1
    assert "line 2: unknown schema 'Spaceship'" in refused.stderr

    taken = run(settings, "import", "--format", "ftm", str(out), "--case", "partner", "--json")
    assert taken.returncode == 0, taken.stderr
    assert json.loads(taken.stdout)["entities"] == len(lines)

    usage = run(settings, "export", "--format", "ftm", "--hashes-only")
    assert usage.returncode == 2
    missing = run(settings, "import", "--format", "ftm", str(tmp_path / "nope.jsonl"))
    assert missing.returncode == 1 and "cannot read" in missing.stderr
