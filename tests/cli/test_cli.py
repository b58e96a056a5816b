"""The command-line contract of DESIGN.md, run as users run it: a real `pursuit` process.

A command that opens a PostgreSQL workspace is run on both databases (set-up, ingest, verify,
search; two ingests at once); the error paths and checkpoints run on SQLite, since the code
behind them is tested on both databases in tests/evidence."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pursuit.settings import Settings

PURSUIT = str(Path(sys.executable).parent / "pursuit")


def run(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PURSUIT_HOME=str(settings.home), PURSUIT_ACTOR="cli-tester")
    if settings.database_url:
        env["PURSUIT_DATABASE_URL"] = settings.database_url
    return subprocess.run([PURSUIT, *args], env=env, capture_output=True, text=True, timeout=300)


def _folder(tmp_path: Path, n: int = 3) -> Path:
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    for i in range(n):
        (folder / f"statement-{i}.txt").write_text(
            f"Statement {i}: the guard Abu Dujana al-Tunisi beat prisoners in Raqqa in 2015.",
            encoding="utf-8",
        )
    return folder


def test_init_ingest_verify_search(settings: Settings, tmp_path: Path) -> None:
    assert run(settings, "init").returncode == 0
    done = run(settings, "ingest", str(_folder(tmp_path)), "--case", "raqqa", "--json")
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert [line["status"] for line in lines] == ["new"] * 3
    assert set(lines[0]) >= {"id", "sha256", "path", "mime", "status"}
    again = run(settings, "ingest", str(_folder(tmp_path)), "--case", "raqqa", "--json")
    assert [json.loads(x)["status"] for x in again.stdout.splitlines()] == ["duplicate"] * 3
    checked = run(settings, "verify", "--json")
    assert checked.returncode == 0, checked.stderr
    assert json.loads(checked.stdout)["ok"] is True
    found = run(settings, "search", "prisoners", "--json")
    assert found.returncode == 0
    results = json.loads(found.stdout)["results"]
    assert len(results) == 3 and set(results[0]) >= {"item_id", "filename", "snippet", "score"}
    assert all(r["expansion"] is None for r in results)  # every word as typed: exact hits


def test_verify_fails_with_exit_1_and_names_the_problem(
    sqlite_settings: Settings, tmp_path: Path
) -> None:
    settings = sqlite_settings
    run(settings, "ingest", str(_folder(tmp_path, 1)))
    blob = next(p for p in (settings.home / "blobs").rglob("*") if p.is_file())
    blob.chmod(0o644)
    blob.write_bytes(blob.read_bytes() + b" tampered")
    checked = run(settings, "verify")
    assert checked.returncode == 1
    assert "was changed" in checked.stderr and blob.name in checked.stderr


def test_missing_workspace_and_usage_errors(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path / "nowhere")
    missing = run(settings, "verify")
    assert missing.returncode == 1
    assert "pursuit init" in missing.stderr
    assert run(settings, "ingest").returncode == 2
    assert run(settings, "no-such-command").returncode == 2


def test_ingest_of_missing_path_exits_1_with_report(
    sqlite_settings: Settings, tmp_path: Path
) -> None:
    settings = sqlite_settings
    done = run(settings, "ingest", str(tmp_path / "nothing-here.pdf"))
    assert done.returncode == 1
    assert "no such file" in done.stderr


def test_checkpoint_export_and_compare(sqlite_settings: Settings, tmp_path: Path) -> None:
    settings = sqlite_settings
    run(settings, "ingest", str(_folder(tmp_path, 2)))
    exported = tmp_path / "cp.json"
    assert run(settings, "checkpoint", "-o", str(exported)).returncode == 0
    assert run(settings, "verify", "--checkpoint", str(exported)).returncode == 0
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    bad = run(settings, "verify", "--checkpoint", str(tmp_path / "bad.json"))
    assert bad.returncode == 1 and "not a pursuit checkpoint" in bad.stderr


@pytest.mark.slow
def test_two_ingest_processes_at_once(settings: Settings, tmp_path: Path) -> None:
    """Two writers on one workspace queue for the lock; nothing is lost or forked."""
    run(settings, "init")
    folders = []
    for name in ("a", "b"):
        folder = tmp_path / name
        folder.mkdir()
        for i in range(15):
            (folder / f"{name}-{i}.txt").write_text(f"{name} document {i}", encoding="utf-8")
        (folder / "shared.txt").write_text("the same bytes in both folders", encoding="utf-8")
        folders.append(folder)
    env = dict(os.environ, PURSUIT_HOME=str(settings.home))
    if settings.database_url:
        env["PURSUIT_DATABASE_URL"] = settings.database_url
    procs = [
        subprocess.Popen(
            [PURSUIT, "ingest", str(f), "--json"], env=env, stdout=subprocess.PIPE, text=True
        )
        for f in folders
    ]
    outputs = [p.communicate(timeout=600)[0] for p in procs]
    assert [p.returncode for p in procs] == [0, 0]
    statuses = [json.loads(x)["status"] for out in outputs for x in out.splitlines()]
    assert statuses.count("new") == 31 and statuses.count("duplicate") == 1
    checked = run(settings, "verify", "--json")
    assert checked.returncode == 0, checked.stderr
