"""A damaged backup file is refused with a clear message, and the target stays empty."""

from __future__ import annotations

import io
import tarfile
from pathlib import Path

import pytest

from pursuit.errors import MalformedInput
from pursuit.evidence.backup import backup_workspace
from pursuit.evidence.restore import restore_workspace
from pursuit.settings import Settings
from pursuit.store.workspace import Workspace


def test_a_cut_or_garbled_backup_is_refused(sqlite_settings: Settings, tmp_path: Path) -> None:
    from pursuit.store.workspace import create_workspace

    ws: Workspace = create_workspace(sqlite_settings)
    whole = tmp_path / "whole.tar"
    backup_workspace(ws, whole)
    ws.dispose()
    cut = tmp_path / "cut.tar"
    cut.write_bytes(whole.read_bytes()[: len(whole.read_bytes()) // 2 + 7])
    garbled = tmp_path / "garbled.tar"
    with tarfile.open(garbled, "w") as tar:
        body = b'{"format": \xff\xfe}'
        info = tarfile.TarInfo("manifest.json")
        info.size = len(body)
        tar.addfile(info, io.BytesIO(body))
    for bad in (cut, garbled):
        target = Settings(home=tmp_path / f"into-{bad.stem}")
        with pytest.raises(MalformedInput):
            restore_workspace(target, bad)
        assert not (target.home / "pursuit.sqlite").exists()
