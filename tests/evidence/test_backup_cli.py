"""`pursuit backup` and `pursuit restore` as users run them: exit codes, --json, refusals."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

PURSUIT = str(Path(sys.executable).parent / "pursuit")


def run(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PURSUIT_")}
    env.update(PURSUIT_HOME=str(home), PURSUIT_ACTOR="cli-tester")
    return subprocess.run([PURSUIT, *args], env=env, capture_output=True, text=True, timeout=300)


def test_backup_then_restore_from_the_command_line(tmp_path: Path) -> None:
    source, target = tmp_path / "source", tmp_path / "target"
    statement = tmp_path / "statement.txt"
    statement.write_text("The guard Abu Dujana al-Tunisi beat prisoners in Raqqa.", "utf-8")
    assert run(source, "ingest", str(statement)).returncode == 0

    made = run(source, "backup", str(tmp_path / "ws.backup"), "--json")
    assert made.returncode == 0, made.stderr
    summary = json.loads(made.stdout)
    assert summary["tables"]["items"] == 1 and summary["blobs"]["count"] == 1

    restored = run(target, "restore", str(tmp_path / "ws.backup"), "--json")
    assert restored.returncode == 0, restored.stderr
    report = json.loads(restored.stdout)
    assert report["ok"] and report["custody"] == summary["custody"]
    found = json.loads(run(target, "search", "Raqqa", "--json").stdout)
    assert len(found["results"]) == 1

    again = run(target, "restore", str(tmp_path / "ws.backup"))
    assert again.returncode == 1 and "not empty" in again.stderr
    assert run(source, "backup", str(tmp_path / "ws.backup")).returncode == 1
    missing = run(tmp_path / "other", "restore", str(tmp_path / "nothing.backup"))
    assert missing.returncode == 1 and "no such file" in missing.stderr
