"""A content-addressed blob store on the local file system.

Bytes are streamed in 1 MiB chunks into a temporary file beside their final place, hashed on the
way, fsynced, and renamed into `ab/cd/<sha256>`; so a multi-gigabyte file never sits in memory,
and a crash leaves either the whole blob or none of it. Blobs are made read-only once in place.

The temporary file's name carries the pid and host of the process writing it
(`.incoming-<pid>@<host>-…`), so a later run can tell a partial file left by a killed process
from one still being written, and remove only the former. A full disk (ENOSPC, a quota) is
turned into `StorageFull` naming the file, with the partial bytes already removed.
"""

from __future__ import annotations

import errno
import hashlib
import os
import socket
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from pursuit.errors import EmptyInput, StorageFull, UnreadableInput

__all__ = [
    "CHUNK",
    "TEMP_PREFIX",
    "BlobStore",
    "StoredBlob",
    "disk_full",
    "owned_prefix",
    "sha256_file",
]

CHUNK = 1024 * 1024
TEMP_PREFIX = ".incoming-"
_FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})
_FULL_WORDS = ("database or disk is full", "no space left on device", "disk full")


def owned_prefix(prefix: str) -> str:
    """A temporary name's prefix naming this process, so leftovers can be told from live work."""
    return f"{prefix}{os.getpid()}@{socket.gethostname()}-"


def disk_full(exc: BaseException) -> bool:
    """Whether an error (or one it wraps: a database driver's, a cause) says the disk is full."""
    seen: BaseException | None = exc
    for _ in range(6):
        if seen is None:
            return False
        if isinstance(seen, OSError) and seen.errno in _FULL_ERRNOS:
            return True
        if any(word in str(seen).lower() for word in _FULL_WORDS):
            return True
        wrapped = getattr(seen, "orig", None)
        seen = wrapped if isinstance(wrapped, BaseException) else seen.__cause__
    return False


@dataclass(frozen=True, slots=True)
class StoredBlob:
    sha256: str
    size: int
    path: Path
    existed: bool


def _chunks(stream: BinaryIO) -> Iterator[bytes]:
    while chunk := stream.read(CHUNK):
        yield chunk


def sha256_file(path: Path) -> str:
    """The SHA-256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for chunk in _chunks(stream):
            digest.update(chunk)
    return digest.hexdigest()


class BlobStore:
    """Blobs addressed by SHA-256 under one root folder."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path_for(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def exists(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def put_file(self, source: Path) -> StoredBlob:
        """Copy a file into the store; raises `UnreadableInput` or `EmptyInput` before storing."""
        try:
            with source.open("rb") as stream:
                return self.put_stream(stream, name=str(source))
        except IsADirectoryError as exc:
            raise UnreadableInput(f"{source}: is a folder, not a file") from exc
        except PermissionError as exc:
            raise UnreadableInput(f"{source}: permission denied") from exc
        except FileNotFoundError as exc:
            raise UnreadableInput(f"{source}: no such file") from exc

    def put_bytes(self, data: bytes, name: str = "<bytes>") -> StoredBlob:
        import io

        return self.put_stream(io.BytesIO(data), name=name)

    def put_stream(self, stream: BinaryIO, name: str = "<stream>") -> StoredBlob:
        """Stream bytes into the store, returning their address."""
        self.root.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        size = 0
        try:
            fd, tmp_name = tempfile.mkstemp(prefix=owned_prefix(TEMP_PREFIX), dir=self.root)
        except OSError as exc:
            if disk_full(exc):
                raise StorageFull(f"disk full while storing {name}") from exc
            raise
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as out:
                for chunk in _chunks(stream):
                    digest.update(chunk)
                    size += len(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            if size == 0:
                raise EmptyInput(f"{name}: the file is empty; there is nothing to take in")
            return self._place(tmp, digest.hexdigest(), size)
        except OSError as exc:
            if disk_full(exc):
                raise StorageFull(f"disk full while storing {name}") from exc
            raise
        finally:
            tmp.unlink(missing_ok=True)

    def _place(self, tmp: Path, sha256: str, size: int) -> StoredBlob:
        final = self.path_for(sha256)
        if final.is_file():
            return StoredBlob(sha256=sha256, size=size, path=final, existed=True)
        final.parent.mkdir(parents=True, exist_ok=True)
        os.chmod(tmp, 0o444)
        os.replace(tmp, final)
        _fsync_dir(final.parent)
        return StoredBlob(sha256=sha256, size=size, path=final, existed=False)

    def discard(self, sha256: str) -> None:
        """Remove a blob this process just placed and nothing refers to (a failed intake)."""
        self.path_for(sha256).unlink(missing_ok=True)

    def open(self, sha256: str) -> BinaryIO:
        return self.path_for(sha256).open("rb")


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
