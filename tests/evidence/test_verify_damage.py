"""`verify` on a damaged SQLite file and on a write-protected forensic copy: a report, never a
traceback, and no write to a copy that must stay untouched."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from pursuit.settings import Settings
from pursuit.store.workspace import create_workspace, open_workspace

from .helpers import ingest
from .record import Record, build_record, pursuit_verify, sql

PAGE = 4096


def _protect(folder: Path) -> None:
    """`chmod -R a-w`, as an examiner write-protects a forensic copy."""
    for path in [folder, *folder.rglob("*")]:
        path.chmod(path.stat().st_mode & ~0o222)


def _unprotect(folder: Path) -> None:
    for path in [folder, *folder.rglob("*")]:
        path.chmod(path.stat().st_mode | 0o200)


@pytest.fixture
def record(sqlite_settings: Settings, tmp_path: Path) -> Iterator[Record]:
    built = build_record(sqlite_settings, tmp_path)
    yield built
    built.ws.dispose()


def _copy(record: Record, tmp_path: Path) -> Settings:
    record.ws.dispose()  # the last connection closing folds the WAL into the file
    copy = tmp_path / "forensic-copy"
    shutil.copytree(record.settings.home, copy)
    _protect(copy)
    return record.settings.model_copy(update={"home": copy})


def test_write_protected_copy_verifies_without_writing(record: Record, tmp_path: Path) -> None:
    settings = _copy(record, tmp_path)
    before = {p: p.stat().st_mtime_ns for p in settings.home.rglob("*")}
    try:
        code, report = pursuit_verify(settings)
        after = {p: p.stat().st_mtime_ns for p in settings.home.rglob("*")}
    finally:
        _unprotect(settings.home)
    assert (code, report["ok"], report["read_only"], report["recorded"]) == (0, True, True, False)
    assert report["items"] == 3 and report["problems"] == []
    assert "read-only" in report["warnings"][0]["message"]
    assert after == before


def test_write_protected_copy_still_names_tampering(record: Record, tmp_path: Path) -> None:
    item = record.items["notes.txt"]
    sql(record.ws, "UPDATE items SET acquired_by = 'mallory' WHERE id = :i", i=item)
    settings = _copy(record, tmp_path)
    try:
        code, report = pursuit_verify(settings)
    finally:
        _unprotect(settings.home)
    assert code == 1
    assert [(p["kind"], p["reference"]) for p in report["problems"]] == [("item_changed", item)]


def test_corrupted_database_page_is_named_not_a_crash(
    sqlite_settings: Settings, tmp_path: Path
) -> None:
    ws = create_workspace(sqlite_settings)
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(200):
        (folder / f"note-{n:03}.txt").write_text(f"Note {n}: seen at the checkpoint.", "utf-8")
    assert all(r.status == "new" for r in ingest(ws, folder))
    ws.dispose()
    db = sqlite_settings.home / "pursuit.sqlite"
    pages = db.stat().st_size // PAGE
    with db.open("r+b") as f:
        for fraction in (0.4, 0.5, 0.6):
            f.seek(int(pages * fraction) * PAGE)
            f.write(os.urandom(PAGE // 2))
    code, report = pursuit_verify(sqlite_settings)
    assert code == 1 and report["ok"] is False
    kinds = {p["kind"] for p in report["problems"]}
    assert kinds & {"database_damaged", "database_unreadable"}, report["problems"]


def test_read_only_open_refuses_writes(sqlite_settings: Settings) -> None:
    create_workspace(sqlite_settings).dispose()
    ws = open_workspace(sqlite_settings, read_only=True)
    try:
        from pursuit.errors import WorkspaceError

        with pytest.raises(WorkspaceError, match="read-only"), ws.write():
            pass
    finally:
        ws.dispose()


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 3 MB file system of the test's own, to fill up; skipped where mounting is not allowed."""
    mount = tmp_path / "small"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip("cannot mount a small file system here (needs root)")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=True)


def _fill(folder: Path) -> None:
    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError:
        pass
    finally:
        os.close(fd)


def test_full_disk_still_verifies_and_says_it_could_not_record(
    small_disk: Path, tmp_path: Path
) -> None:
    settings = Settings(home=small_disk / "ws", actor="tester")
    ws = create_workspace(settings)
    folder = tmp_path / "notes"
    folder.mkdir()
    for n in range(10):
        (folder / f"note-{n}.txt").write_text(f"Note {n}: seen at the bridge.", "utf-8")
    assert all(r.status == "new" for r in ingest(ws, folder))
    ws.dispose()
    _fill(small_disk)
    code, report = pursuit_verify(settings)
    assert (code, report["ok"], report["items"], report["recorded"]) == (0, True, 10, False)
    [warning] = report["warnings"]
    assert (
        warning["kind"] == "not_recorded"
        and "could not be opened for writing" in warning["message"]
    )
