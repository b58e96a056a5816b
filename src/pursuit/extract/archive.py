"""Zip archives: members become child items, after the archive proves it is safe to unpack.

Archives sent by sources are an attack surface: members named "../../x" or "/etc/x" (zip slip),
symbolic links pointing out of the folder, and bombs that inflate a kilobyte into gigabytes. The
whole member list is checked before a byte is written; any unsafe member refuses the archive,
naming the member, and sizes are enforced again while copying because headers can lie.
"""

from __future__ import annotations

import stat
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from pursuit import __version__
from pursuit.errors import MalformedInput, UnsafeInput
from pursuit.extract.base import ChildFile, Extracted, Probe
from pursuit.extract.limits import Limits, current_limits
from pursuit.extract.members import Budget, copy_capped, safe_filename
from pursuit.extract.officezip import ZIP_READ_ERRORS
from pursuit.extract.sniff import suffix_of

__all__ = ["Zip", "check_members"]

_ZIP_MIMES = ("application/zip", "application/x-zip-compressed")
_ENCRYPTED = 0x1
_MIN_BOMB_SIZE = 1024 * 1024


def _open(probe: Probe) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(probe.path)
    except ZIP_READ_ERRORS as exc:
        raise MalformedInput(f"corrupt zip archive: {exc}") from exc


def _problem(info: zipfile.ZipInfo, limits: Limits) -> str | None:
    """Why a member may not be unpacked, or None when it is safe."""
    name = info.filename.replace("\\", "/")
    path = PurePosixPath(name)
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        return "has an absolute path"
    if ".." in path.parts:
        return "climbs out of the archive's folder (..)"
    if stat.S_ISLNK(info.external_attr >> 16):
        return "is a symbolic link"
    if info.file_size >= _MIN_BOMB_SIZE and info.file_size > limits.max_ratio * max(
        info.compress_size, 1
    ):
        ratio = info.file_size / max(info.compress_size, 1)
        return f"inflates {ratio:.0f}-fold ({info.file_size} bytes; archive bomb)"
    return None


def check_members(archive: zipfile.ZipFile, container: str, limits: Limits) -> list[str]:
    """Refuse an archive too big to unpack; return the members that are unsafe, with why."""
    members = archive.infolist()
    if len(members) > limits.max_members:
        raise UnsafeInput(f"{container}: {len(members)} members, more than {limits.max_members}")
    total = sum(info.file_size for info in members)
    if total > limits.max_unpacked_bytes:
        raise UnsafeInput(
            f"{container}: members would unpack to {total} bytes, more than the cap of "
            f"{limits.max_unpacked_bytes} (PURSUIT_MAX_UNPACKED_BYTES); not unpacked"
        )
    unsafe = []
    for info in members:
        problem = _problem(info, limits)
        if problem is None and info.flag_bits & _ENCRYPTED:
            problem = "is encrypted and cannot be read without its password"
        if problem is not None:
            unsafe.append(f"{info.filename!r} {problem}")
    return unsafe


def _member_time(info: zipfile.ZipInfo) -> str:
    try:
        return datetime(*info.date_time, tzinfo=UTC).isoformat()
    except ValueError:
        return "?"


class Zip:
    """Zip archives (and zip-based files no better extractor claims)."""

    name = "zip"

    def match(self, probe: Probe) -> float:
        if probe.mime in _ZIP_MIMES:
            return 0.5
        if suffix_of(probe.filename) == ".zip":
            return 0.2
        return 0.0

    def extract(self, probe: Probe) -> Extracted:
        with _open(probe) as archive:
            lines = []
            for info in archive.infolist():
                flag = " (encrypted)" if info.flag_bits & _ENCRYPTED else ""
                lines.append(f"{info.filename}\t{info.file_size}\t{_member_time(info)}{flag}")
            metadata = {"members": str(len(lines))}
        return Extracted("\n".join(lines), "pursuit-zip", __version__, metadata)

    def children(self, probe: Probe, workdir: Path) -> Iterator[ChildFile]:
        """Unpack the safe members; the unsafe ones are named in an error at the end."""
        limits = current_limits()
        with _open(probe) as archive:
            unsafe = check_members(archive, probe.filename, limits)
            budget = Budget(limits.max_unpacked_bytes, probe.filename)
            for index, info in enumerate(archive.infolist(), 1):
                if info.is_dir() or any(u.startswith(repr(info.filename)) for u in unsafe):
                    continue
                target = workdir / safe_filename(info.filename, index)
                try:
                    with archive.open(info) as source:
                        copy_capped(source, target, budget, info.filename, info.file_size)
                except ZIP_READ_ERRORS as exc:
                    raise MalformedInput(
                        f"{probe.filename}: member {info.filename!r} is corrupt ({exc})"
                    ) from exc
                yield ChildFile(name=info.filename, path=target)
        if unsafe:
            raise UnsafeInput(f"{probe.filename}: members not unpacked: " + "; ".join(unsafe))
