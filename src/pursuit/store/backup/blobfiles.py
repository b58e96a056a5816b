"""The blob store's files, listed for a backup and written back by a restore.

Every file under the blob folder is taken, whatever its layout, except the temporary files an
interrupted intake may have left (`.incoming-*`): they hold nothing a record points to. Files are
written back exactly as they were, under the same relative path, through a temporary file and a
rename, so a crash during restore leaves no partial blob under a real name.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import IO

__all__ = ["blob_files", "write_blob_file"]

TEMP_PREFIX = ".incoming-"


def blob_files(root: Path) -> Iterator[tuple[str, Path]]:
    """(relative POSIX path, file) for every blob file, in a stable order."""
    if not root.is_dir():
        return
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            if name.startswith(TEMP_PREFIX):
                continue
            path = Path(folder) / name
            if path.is_file() and not path.is_symlink():
                yield path.relative_to(root).as_posix(), path


def write_blob_file(root: Path, relative: PurePosixPath, stream: IO[bytes]) -> None:
    """Stream a blob file to `root/relative`, read-only once in place."""
    final = root.joinpath(*relative.parts)
    final.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=final.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            shutil.copyfileobj(stream, out, 1024 * 1024)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o444)
        os.replace(tmp, final)
    finally:
        tmp.unlink(missing_ok=True)
