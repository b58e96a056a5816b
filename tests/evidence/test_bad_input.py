"""Bad input gets a clear message; the batch goes on and the workspace still verifies."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import sqlalchemy as sa

from pursuit.evidence.verify import verify_workspace
from pursuit.store.schema import items
from pursuit.store.workspace import Workspace

from .helpers import ingest


def _count(ws: Workspace) -> int:
    with ws.read() as conn:
        return int(conn.scalar(sa.select(sa.func.count()).select_from(items)) or 0)


def test_missing_empty_and_special_files(ws: Workspace, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("a real statement", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    os.mkfifo(folder / "pipe")
    results = ingest(ws, folder, tmp_path / "does-not-exist.pdf")
    failed = {Path(r.path).name: r.error or "" for r in results if r.status == "failed"}
    assert "no such file" in failed["does-not-exist.pdf"]
    assert "empty" in failed["empty.txt"]
    assert "not a regular file" in failed["pipe"]
    assert [Path(r.path).name for r in results if r.status == "new"] == ["good.txt"]
    assert verify_workspace(ws).ok


def test_links_leaving_the_folder_are_refused(ws: Workspace, tmp_path: Path) -> None:
    secret = tmp_path / "outside.txt"
    secret.write_text("not part of the evidence", encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "inside.txt").write_text("evidence", encoding="utf-8")
    (folder / "escape.txt").symlink_to(secret)
    (folder / "escape-dir").symlink_to(tmp_path, target_is_directory=True)
    (folder / "dangling.txt").symlink_to(tmp_path / "gone")
    results = ingest(ws, folder)
    failed = {Path(r.path).name: r.error or "" for r in results if r.status == "failed"}
    assert "outside the folder" in failed["escape.txt"]
    assert "outside the folder" in failed["escape-dir"]
    assert "broken link" in failed["dangling.txt"]
    assert _count(ws) == 1


def test_invalid_utf8_and_malformed_files_are_kept_with_a_reason(
    ws: Workspace, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "latin1.txt").write_bytes(
        "Témoignage recueilli à Gaziantep, été 2015".encode("cp1252")
    )
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog")
    (folder / "broken.warc").write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99")
    (folder / "broken.html").write_bytes(b"<html><body><p>Unclosed <b>tags <div>in Mosul")
    results = ingest(ws, folder)
    by_name = {Path(r.path).name: r for r in results}
    assert all(r.status == "new" for r in by_name.values()), by_name
    assert by_name["broken.pdf"].warnings
    assert by_name["broken.warc"].warnings
    assert verify_workspace(ws).ok


def test_unsafe_zip_members_are_refused(ws: Workspace, tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("../escape.txt", "climbs out of the folder")
        archive.writestr("/etc/absolute.txt", "absolute path")
        archive.writestr("fine.txt", "a member that is fine")
    path = tmp_path / "slip.zip"
    path.write_bytes(buffer.getvalue())
    results = ingest(ws, path)
    names = [Path(r.path).name for r in results]
    assert any(n.endswith("fine.txt") for n in names)
    assert not (tmp_path / "escape.txt").exists()
    assert not any("escape.txt" in r.path and r.status == "new" for r in results)
    assert not any("absolute.txt" in r.path and r.status == "new" for r in results)
    problems = [w for r in results for w in r.warnings] + [r.error or "" for r in results]
    assert any("escape.txt" in p for p in problems)
    assert verify_workspace(ws).ok


def test_zip_bomb_is_refused(ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "bomb.zip"
    block = b"\0" * (1024 * 1024)
    with (
        zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive,
        archive.open("zeros.bin", "w", force_zip64=True) as member,
    ):
        for _ in range(1024):  # 1 GiB of zeros, about 1 MB compressed: a ratio of 1000
            member.write(block)
    assert path.stat().st_size < 20 * 1024 * 1024
    results = ingest(ws, path)
    assert results[0].status == "new"  # the archive itself is evidence and is kept
    assert not any("zeros.bin" in r.path and r.status == "new" for r in results)
    problems = [w for r in results for w in r.warnings] + [r.error or "" for r in results]
    assert any("zeros.bin" in p for p in problems)
    assert verify_workspace(ws).ok
