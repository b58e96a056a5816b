"""Backup and restore of a workspace's database and blobs, as one file (see `evidence.backup`).

This package holds the parts that need only the store: the archive, the manifest, the logical
dump of the schema's tables, and the blob files. The orchestration, which also records the
custody log's head and verifies a restored workspace, lives in `pursuit.evidence.backup`.
"""

from pursuit.store.backup.archive import MANIFEST, ArchiveReader, ArchiveWriter, member_path
from pursuit.store.backup.blobfiles import blob_files, write_blob_file
from pursuit.store.backup.codec import Codec
from pursuit.store.backup.manifest import CustodyHead, Manifest, MemberDigest, TableDump
from pursuit.store.backup.snapshot import TargetState, plain_engine, snapshot, target_state
from pursuit.store.backup.tables import (
    dump_table,
    dumped_tables,
    load_table,
    reset_sequences,
    restore_order,
)

__all__ = [
    "MANIFEST",
    "ArchiveReader",
    "ArchiveWriter",
    "Codec",
    "CustodyHead",
    "Manifest",
    "MemberDigest",
    "TableDump",
    "TargetState",
    "blob_files",
    "dump_table",
    "dumped_tables",
    "load_table",
    "member_path",
    "plain_engine",
    "reset_sequences",
    "restore_order",
    "snapshot",
    "target_state",
    "write_blob_file",
]
