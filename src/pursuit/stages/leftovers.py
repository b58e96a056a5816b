"""Partial files a killed process left behind: found, and removed when that is safe.

A `kill -9` or a power cut during intake leaves the blob store's half-written `.incoming-…`
file and the `pursuit-unpack-…` folder the members were written to; nothing else ever removes
them. Each such name carries the pid and host of the process that made it, so the next write
command removes a leftover only when it was made before this process started and its maker is
gone (the same liveness test stage runs use, which allows for pids being reused). Names from
older versions carry no owner: a file among them is removed when no process holds it open, a
folder only once it is a day old; younger ones are reported and left alone.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import socket
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from pursuit.stages.liveness import Owner, owner_alive
from pursuit.store.blobs import TEMP_PREFIX

__all__ = [
    "PACKAGE_PREFIX",
    "UNPACK_PREFIX",
    "UPLOAD_PREFIX",
    "Leftover",
    "find_leftovers",
    "sweep_folder",
    "sweep_leftovers",
]

log = logging.getLogger(__name__)

UNPACK_PREFIX = "pursuit-unpack-"
UPLOAD_PREFIX = "pursuit-upload-"
# The court package is staged in a hidden folder beside the .zip it becomes.
PACKAGE_PREFIX = ".pursuit-package-"
# Leftovers in the system's temporary folder; the blob store and an output folder have their own.
_TEMP_DIR_PREFIXES = (UNPACK_PREFIX, UPLOAD_PREFIX, "pursuit-ocr-", "pursuit-lent-")
_PREFIXES = (TEMP_PREFIX, *_TEMP_DIR_PREFIXES, PACKAGE_PREFIX)
_OWNED = re.compile(r"^(?P<pid>\d+)@(?P<host>.+)-[A-Za-z0-9_]+$")
_STARTED = datetime.now(UTC)
_SLACK = timedelta(minutes=1)
_UNOWNED_AGE = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Leftover:
    """A partial file or folder; `removed` is False when it was only reported."""

    path: Path
    size: int
    removed: bool
    reason: str


def _candidates(blob_root: Path) -> list[Path]:
    found: list[Path] = []
    if blob_root.is_dir():
        found += sorted(blob_root.glob(f"{TEMP_PREFIX}*"))
    temp = Path(tempfile.gettempdir())
    for prefix in _TEMP_DIR_PREFIXES:
        found += sorted(temp.glob(f"{prefix}*"))
    return found


def _owner(name: str) -> Owner | None:
    for prefix in _PREFIXES:
        if name.startswith(prefix):
            match = _OWNED.match(name[len(prefix) :])
            return Owner(match["host"], int(match["pid"])) if match else None
    return None


def _size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def _open_anywhere(path: Path) -> bool:
    """Whether any process we can see holds the file open (Linux /proc; False elsewhere)."""
    target = str(path.resolve())
    for fd_dir in Path("/proc").glob("[0-9]*/fd"):
        try:
            links = [os.readlink(fd) for fd in fd_dir.iterdir()]
        except OSError:
            continue
        if target in links:
            return True
    return False


def _verdict(path: Path, modified: datetime, now: datetime) -> tuple[bool, str]:
    """Whether the leftover may be removed, and why (or why not)."""
    owner = _owner(path.name)
    if modified > _STARTED - (_SLACK if owner is None else timedelta(0)):
        return False, "newer than this process: may still be in use"
    if owner is not None:
        if owner.host != socket.gethostname():
            return False, f"made on another host ({owner.host})"
        if owner_alive(owner, modified, now):
            return False, f"its process {owner.pid} is still running"
        return True, f"its process {owner.pid} stopped"
    if path.is_file() and not _open_anywhere(path):
        return True, "no process holds it open"
    if now - modified > _UNOWNED_AGE:
        return True, "older than a day, from a process that named no owner"
    return False, "names no owner and is younger than a day"


def find_leftovers(blob_root: Path, remove: bool = False) -> list[Leftover]:
    """Partial files and folders of stopped runs; with `remove`, those safe to remove go."""
    return _judge(_candidates(blob_root), remove)


def _judge(paths: list[Path], remove: bool) -> list[Leftover]:
    now = datetime.now(UTC)
    found: list[Leftover] = []
    for path in paths:
        try:
            modified = datetime.fromtimestamp(path.lstat().st_mtime, UTC)
            size = _size(path)
        except OSError:
            continue  # removed meanwhile by its owner
        safe, reason = _verdict(path, modified, now)
        removed = remove and safe and _remove(path)
        found.append(Leftover(path, size, removed, reason))
    return found


def _remove(path: Path) -> bool:
    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()
    except OSError as exc:
        log.warning("could not remove leftover %s: %s", path, exc)
        return False
    return True


def sweep_folder(folder: Path, prefix: str) -> list[Leftover]:
    """Remove the `prefix` leftovers of stopped runs from one folder (a package's staging
    folders beside its output), logging what went and what stays."""
    return _report(_judge(sorted(folder.glob(f"{prefix}*")), remove=True))


def sweep_leftovers(blob_root: Path) -> list[Leftover]:
    """Remove what killed runs left behind, logging what went and what stays (and why)."""
    return _report(find_leftovers(blob_root, remove=True))


def _report(found: list[Leftover]) -> list[Leftover]:
    gone = [f for f in found if f.removed]
    if gone:
        freed = sum(f.size for f in gone) / 1024**2
        log.warning("removed %d partial file(s) of stopped runs (%.1f MB)", len(gone), freed)
    for kept in (f for f in found if not f.removed and "still running" not in f.reason):
        log.warning("partial file left in place: %s (%s)", kept.path, kept.reason)
    return found
