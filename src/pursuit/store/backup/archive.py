"""The backup file: an uncompressed tar whose members are hashed as they stream through.

Tables are gzipped JSON-lines members and blobs are copied as they are (most evidence is already
compressed), so the tar itself stays uncompressed and a restore can read any member directly.
Nothing is ever held whole in memory: blobs of gigabytes pass through in small chunks. The file is
written beside its final name and renamed only when complete, so a failed backup leaves no
half-written file that could later pass for a backup.
"""

from __future__ import annotations

import hashlib
import os
import tarfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path, PurePosixPath
from typing import IO, BinaryIO

from pursuit.errors import MalformedInput, UnreadableInput, UnsafeInput, WorkspaceError
from pursuit.store.backup.manifest import Manifest, MemberDigest, parse_manifest

__all__ = ["MANIFEST", "ArchiveReader", "ArchiveWriter", "MemberCheck", "member_path"]

MANIFEST = "manifest.json"
CHUNK = 1024 * 1024


class _HashingReader:
    """A read-only stream that hashes and counts what passes through it."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream
        self.digest = hashlib.sha256()
        self.size = 0

    def read(self, n: int = -1) -> bytes:
        chunk = self.stream.read(n if n >= 0 else CHUNK)
        self.digest.update(chunk)
        self.size += len(chunk)
        return chunk


class _HashingWriter:
    """A write-only file that hashes the whole archive as it is written."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.digest = hashlib.sha256()
        self.size = 0

    def write(self, data: bytes) -> int:
        self.digest.update(data)
        self.size += len(data)
        return self.stream.write(data)


def member_path(name: str) -> PurePosixPath:
    """A member's name as a relative path, refusing names that would climb out of a folder."""
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise UnsafeInput(f"backup member {name!r} has an unsafe path")
    return path


class ArchiveWriter:
    """Writes members one after the other, then the manifest, then renames into place."""

    def __init__(self, path: Path) -> None:
        if path.exists():
            raise WorkspaceError(f"{path} already exists; choose a new file for the backup")
        self.path = path
        self.partial = path.with_name(path.name + ".partial")
        self._file = self.partial.open("xb")
        self._out = _HashingWriter(self._file)
        self._tar = tarfile.open(  # noqa: SIM115 (closed by finish)
            fileobj=self._out, mode="w|", format=tarfile.PAX_FORMAT
        )  # type: ignore[call-overload]
        self.members: dict[str, MemberDigest] = {}
        self._mtime = int(time.time())

    def add_stream(self, name: str, stream: IO[bytes], size: int) -> MemberDigest:
        """Copy exactly `size` bytes of `stream` in as member `name`, hashing them on the way."""
        info = tarfile.TarInfo(str(member_path(name)))
        info.size, info.mtime, info.mode = size, self._mtime, 0o444
        reader = _HashingReader(stream)
        self._tar.addfile(info, reader)
        digest = MemberDigest(reader.digest.hexdigest(), reader.size)
        self.members[name] = digest
        return digest

    def add_file(self, name: str, source: Path) -> MemberDigest:
        with source.open("rb") as stream:
            return self.add_stream(name, stream, os.fstat(stream.fileno()).st_size)

    def finish(self, manifest: Manifest) -> MemberDigest:
        """Write the manifest, close, flush to disk and rename; the whole file's digest."""
        import io

        data = manifest.to_json().encode("utf-8")
        info = tarfile.TarInfo(MANIFEST)
        info.size, info.mtime, info.mode = len(data), self._mtime, 0o444
        self._tar.addfile(info, io.BytesIO(data))
        self._tar.close()
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()
        os.replace(self.partial, self.path)
        return MemberDigest(self._out.digest.hexdigest(), self._out.size)

    def abort(self) -> None:
        """Drop the half-written file."""
        self._file.close()
        self.partial.unlink(missing_ok=True)


class MemberCheck:
    """What re-hashing an archive's members against its manifest found."""

    def __init__(self) -> None:
        self.changed: list[str] = []
        self.missing: list[str] = []
        self.unexpected: list[str] = []

    @property
    def ok(self) -> bool:
        return not (self.changed or self.missing or self.unexpected)

    def describe(self) -> list[str]:
        return (
            [f"member {n} does not match the manifest's SHA-256" for n in self.changed]
            + [f"member {n} named by the manifest is missing" for n in self.missing]
            + [f"member {n} is not named by the manifest" for n in self.unexpected]
        )


class ArchiveReader:
    """Reads a backup file: its manifest, a check of every member, and members as streams."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self._tar = tarfile.open(path, mode="r:")  # noqa: SIM115 (closed by close)
            members = self._tar.getmembers()  # reads the whole index: a cut file fails here
        except FileNotFoundError as exc:
            raise UnreadableInput(f"{path}: no such file") from exc
        except (tarfile.TarError, OSError, EOFError) as exc:
            raise MalformedInput(f"{path}: not a pursuit backup, or cut short ({exc})") from exc
        self._members = {m.name: m for m in members if m.isfile()}

    def manifest(self) -> Manifest:
        if MANIFEST not in self._members:
            raise MalformedInput(f"{self.path}: not a pursuit backup (no {MANIFEST})")
        with self.open(MANIFEST) as stream:
            raw = stream.read()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise MalformedInput(f"{self.path}: the manifest is damaged ({exc.reason})") from exc
        return parse_manifest(text, str(self.path))

    def open(self, name: str) -> IO[bytes]:
        stream = self._tar.extractfile(self._members[name])
        if stream is None:
            raise MalformedInput(f"{self.path}: member {name} cannot be read")
        return stream

    def names(self) -> list[str]:
        return [n for n in self._members if n != MANIFEST]

    def check(
        self, manifest: Manifest, on_member: Callable[[int], None] | None = None
    ) -> MemberCheck:
        """Re-hash every member in archive order (one sequential read of the file)."""
        found = MemberCheck()
        for name in self.names():
            expected = manifest.members.get(name)
            if expected is None:
                found.unexpected.append(name)
                continue
            if _digest(self.open(name)) != expected:
                found.changed.append(name)
            if on_member is not None:
                on_member(self._members[name].size)
        found.missing = sorted(set(manifest.members) - set(self._members))
        return found

    def close(self) -> None:
        self._tar.close()


def _chunks(stream: IO[bytes]) -> Iterator[bytes]:
    while chunk := stream.read(CHUNK):
        yield chunk


def _digest(stream: IO[bytes]) -> MemberDigest:
    digest, size = hashlib.sha256(), 0
    with stream:
        for chunk in _chunks(stream):
            digest.update(chunk)
            size += len(chunk)
    return MemberDigest(digest.hexdigest(), size)
