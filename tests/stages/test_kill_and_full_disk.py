"""`pursuit ingest` killed with SIGKILL mid-batch, then run again: every file ends with an item
and its text, and no partial file stays. A real full disk (a 2 MB tmpfs): one clear line per
file not taken, nothing stored half, exit 1."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from pursuit.evidence.items import list_items
from pursuit.settings import Settings
from pursuit.stages.runs import RunStatus, Stage, latest_runs
from pursuit.store.workspace import open_workspace

PURSUIT = [str(Path(sys.executable).parent / "pursuit")]


def _env(tmp: Path) -> dict[str, str]:
    return {**os.environ, "TMPDIR": str(tmp), "PURSUIT_ACTOR": "tester"}


def _count(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute("select count(*) from items").fetchone()[0])
    except sqlite3.Error:
        return 0


def _kill_mid_batch(home: Path, folder: Path, tmp: Path, rng: random.Random) -> None:
    """Start an ingest and SIGKILL it once it has taken in a few more files."""
    db = home / "pursuit.sqlite"
    before = _count(db)
    child = subprocess.Popen(
        [*PURSUIT, "ingest", str(folder), "--home", str(home)],
        env=_env(tmp),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    goal = before + rng.randint(1, 4)
    deadline = time.monotonic() + 120
    while child.poll() is None and _count(db) < goal and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(rng.random() * 0.3)
    child.send_signal(signal.SIGKILL)
    child.wait()


def test_killed_ingests_resume_to_every_item_with_its_text(tmp_path: Path) -> None:
    folder, home, tmp = tmp_path / "in", tmp_path / "ws", tmp_path / "tmp"
    folder.mkdir()
    tmp.mkdir()
    for n in range(40):
        body = f"Statement {n}. The convoy left Raqqa at dawn on {n + 1} March 2015.\n"
        (folder / f"statement-{n:02}.txt").write_text(body * 200, encoding="utf-8")
    rng = random.Random(7)
    for _ in range(4):
        _kill_mid_batch(home, folder, tmp, rng)
    assert 0 < _count(home / "pursuit.sqlite") < 40  # the kills landed mid-batch
    done = subprocess.run(
        [*PURSUIT, "ingest", str(folder), "--home", str(home)],
        env=_env(tmp),
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    ws = open_workspace(Settings(home=home, actor="tester"))
    with ws.read() as conn:
        items = list_items(conn)
    assert sorted(i.filename for i in items) == sorted(p.name for p in folder.iterdir())
    for item in items:
        runs = {r.stage: r.status for r in latest_runs(ws, item.id)}
        assert runs.get(Stage.TEXT) is RunStatus.DONE, item.filename
        assert runs.get(Stage.NLP) is RunStatus.DONE, item.filename
    ws.dispose()
    assert not list((home / "blobs").glob(".incoming-*"))
    assert not list(tmp.glob("pursuit-*"))


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "disk"
    mount.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)],
        capture_output=True,
        check=False,
    )
    if made.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (needs root)")
    yield mount
    subprocess.run(["umount", str(mount)], check=False)


def test_a_full_disk_takes_nothing_half_and_names_each_file_not_taken(
    tiny_disk: Path, tmp_path: Path
) -> None:
    home, folder = tiny_disk / "ws", tmp_path / "in"
    folder.mkdir()
    for n in range(6):
        (folder / f"video-{n}.bin").write_bytes(os.urandom(450_000))
    subprocess.run([*PURSUIT, "init", "--home", str(home)], env=_env(tmp_path), check=True)
    done = subprocess.run(
        [*PURSUIT, "ingest", str(folder), "--home", str(home)],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    refused = [line for line in done.stderr.splitlines() if "not taken: disk full" in line]
    assert refused, done.stderr
    ws = open_workspace(Settings(home=home, actor="tester"))
    with ws.read() as conn:
        items = list_items(conn)
    ws.dispose()
    assert len(items) + len(refused) == 6
    for item in items:
        assert ws.blobs.path_for(item.sha256).stat().st_size == item.size
    stored = [p for p in (home / "blobs").rglob("*") if p.is_file()]
    assert len(stored) == len(items)  # no partial or orphan blob
