"""`pursuit backup`: a whole workspace, database and blobs, into one file with a manifest.

The database is read from one consistent snapshot, so the rows, the custody log and the head the
manifest records all belong to the same moment; blobs are immutable and content-addressed, so they
can be copied after the snapshot closes without letting writers wait for gigabytes of copying.
The manifest records the custody log's length, last hash and Merkle root as they stood: a restore
re-checks the restored log against them, and whoever keeps the backup's own SHA-256 apart can
later prove which backup they hold. Making a backup is itself a custody event of the source.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Connection

import pursuit
from pursuit.evidence.custody import GENESIS, Action, Detail, append_event
from pursuit.evidence.merkle import leaf_hash as _leaf  # the log's Merkle hashing, streamed
from pursuit.evidence.merkle import node_hash as _node
from pursuit.store.backup import (
    ArchiveWriter,
    CustodyHead,
    Manifest,
    TableDump,
    blob_files,
    dump_table,
    dumped_tables,
    snapshot,
)
from pursuit.store.backup.snapshot import read_revisions
from pursuit.store.schema import custody_events
from pursuit.store.workspace import Workspace

__all__ = ["BackupReport", "Progress", "RollingRoot", "backup_workspace"]

Progress = Callable[[str, int], None]
"""Told (phase, amount) as work advances: "rows", "blobs", "bytes", "checked"."""

_SHA256 = re.compile(r"[0-9a-f]{64}")


class RollingRoot:
    """The custody log's Merkle root computed one hash at a time, in memory of O(log n)."""

    def __init__(self) -> None:
        self.levels: list[bytes | None] = []
        self.count = 0
        self.head = GENESIS

    def add(self, hex_hash: str) -> None:
        node, level = _leaf(hex_hash), 0
        while level < len(self.levels) and self.levels[level] is not None:
            node = _node(self.levels[level], node)  # type: ignore[arg-type]
            self.levels[level] = None
            level += 1
        if level == len(self.levels):
            self.levels.append(node)
        else:
            self.levels[level] = node
        self.count, self.head = self.count + 1, hex_hash

    def root(self) -> str:
        """The same root as `merkle_root`: an odd node is carried up unchanged."""
        carried: bytes | None = None
        for node in self.levels:
            if node is not None:
                carried = node if carried is None else _node(node, carried)
        return GENESIS if carried is None else carried.hex()


@dataclass(frozen=True, slots=True)
class BackupReport:
    path: Path
    sha256: str
    size: int
    tables: dict[str, int]
    blob_count: int
    blob_bytes: int
    custody: CustodyHead
    warnings: list[str] = field(default_factory=list)


def _custody_head(conn: Connection) -> CustodyHead:
    rolling = RollingRoot()
    query = sa.select(custody_events.c.hash).order_by(custody_events.c.seq)
    for digest in conn.execution_options(yield_per=5000).scalars(query):
        rolling.add(str(digest))
    return CustodyHead(rolling.count, rolling.head, rolling.root())


def _dump_database(
    ws: Workspace, writer: ArchiveWriter, progress: Progress
) -> tuple[list[TableDump], CustodyHead, list[str]]:
    """Every table, the custody head and the schema's revisions, from one snapshot."""
    folder = writer.path.parent
    with snapshot(ws.settings) as conn, tempfile.TemporaryDirectory(dir=folder) as tmp:
        revisions = read_revisions(conn)
        head = _custody_head(conn)
        dumps = []
        for table in dumped_tables(conn):
            dump = dump_table(conn, table, Path(tmp), lambda n: progress("rows", n))
            staged = Path(tmp) / Path(dump.member).name
            writer.add_file(dump.member, staged)
            staged.unlink()
            dumps.append(dump)
    return dumps, head, revisions


def _copy_blobs(
    ws: Workspace, writer: ArchiveWriter, progress: Progress
) -> tuple[int, int, list[str]]:
    """Stream every blob file in; note files whose bytes no longer match their address.

    Plain blobs are named by their SHA-256, sealed testimony by its ciphertext's (`HASH.enc`).
    Whether every item still has its blob is `pursuit verify`'s question, not the backup's.
    """
    count = size = 0
    warnings: list[str] = []
    for relative, path in blob_files(ws.blobs.root):
        digest = writer.add_file(f"blobs/{relative}", path)
        address = Path(relative).name.removesuffix(".enc")
        if _SHA256.fullmatch(address) and digest.sha256 != address:
            warnings.append(
                f"blob file {relative} does not match its address (now {digest.sha256}); "
                "copied as it is"
            )
        count, size = count + 1, size + digest.size
        progress("blobs", 1)
        progress("bytes", digest.size)
    return count, size, warnings


def _no_progress(_phase: str, _amount: int) -> None:
    return None


def backup_workspace(
    ws: Workspace, path: Path, on_progress: Progress | None = None
) -> BackupReport:
    """Write the whole workspace to `path` (which must not exist) and log the backup."""
    progress = on_progress or _no_progress
    writer = ArchiveWriter(path)
    try:
        dumps, head, revisions = _dump_database(ws, writer, progress)
        blob_count, blob_bytes, warnings = _copy_blobs(ws, writer, progress)
        manifest = Manifest(
            pursuit_version=pursuit.__version__,
            created_at=datetime.now(UTC).isoformat(),
            created_by=ws.settings.actor,
            source_dialect=ws.dialect,
            revisions=revisions,
            tables=dumps,
            custody=head,
            blob_count=blob_count,
            blob_bytes=blob_bytes,
            members=dict(writer.members),
        )
        whole = writer.finish(manifest)
    except BaseException:
        writer.abort()
        raise
    with ws.write() as conn:
        details: dict[str, Detail] = {
            "backup": path.name,
            "sha256": whole.sha256,
            "events": head.event_count,
            "root": head.root,
        }
        append_event(conn, Action.EXPORTED, ws.settings.actor, details=details)
    tables = {d.name: d.rows for d in dumps}
    return BackupReport(
        path, whole.sha256, whole.size, tables, blob_count, blob_bytes, head, warnings
    )
