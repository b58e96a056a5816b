"""An export killed half-way (`kill -9` while the bag is being made) leaves its hidden staging
folder beside the output; the next export to that folder clears it and writes a sound package.
Run as a user runs it: a real `pursuit export` process, killed with its bagging child."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pursuit.settings import Settings
from tests.cases.package.test_package import SUSPECT, check, env

__all__ = ["env"]

PURSUIT = str(Path(sys.executable).parent / "pursuit")


@pytest.fixture
def settings(sqlite_settings: Settings) -> Settings:
    """The crash is the same on either database: SQLite, as a user's laptop runs it."""
    return sqlite_settings


def _export(env: dict[str, str], out: Path) -> list[str]:
    return [PURSUIT, "export", "--format", "package", "--entity", SUSPECT, "-o", str(out)]


def _kill_while_staging(env: dict[str, str], out: Path) -> list[Path]:
    """Start an export, kill it and its children once the staging folder holds files."""
    process = subprocess.Popen(
        _export(env, out),
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline and process.poll() is None:
            staged = [p for p in out.parent.glob(".pursuit-package-*") if any(p.rglob("*.txt"))]
            if staged:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
                return staged
            time.sleep(0.005)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    pytest.fail("the export finished before it could be killed while staging")


def test_a_killed_export_is_cleared_by_the_next(env: dict[str, str], tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / "suspect.zip"
    staged = _kill_while_staging(env, out)
    assert not out.exists()  # nothing half-written under the name asked for
    assert all(p.exists() for p in staged)
    again = subprocess.run(
        _export(env, out), env={**os.environ, **env}, capture_output=True, text=True, timeout=300
    )
    assert again.returncode == 0, again.stderr
    assert "removed 1 partial file(s) of stopped runs" in again.stderr
    assert not any(p.exists() for p in staged)
    assert sorted(p.name for p in out_dir.iterdir()) == ["suspect.zip"]
    code, report = check(env, out)
    assert code == 0 and report["ok"] is True
