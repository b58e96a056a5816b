"""The manifest of a backup: what it holds, where it came from, and a SHA-256 per member.

It is the last member of the archive and is written from what was actually streamed, so a restore
can re-hash every member against it before touching the target, and name any member that changed.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from pursuit.errors import MalformedInput
from pursuit.store.backup.codec import Codec

__all__ = ["FORMAT", "FORMAT_VERSION", "CustodyHead", "Manifest", "MemberDigest", "TableDump"]

FORMAT = "pursuit-backup"
FORMAT_VERSION = 1


@dataclass(frozen=True, slots=True)
class MemberDigest:
    sha256: str
    size: int


@dataclass(frozen=True, slots=True)
class TableDump:
    """One table's rows: JSON lines in primary-key order, gzipped, with each column's codec."""

    name: str
    member: str
    rows: int
    columns: dict[str, Codec]


@dataclass(frozen=True, slots=True)
class CustodyHead:
    """The custody log of the source as it stood in the snapshot: length, last hash, Merkle root."""

    event_count: int
    head_hash: str
    root: str


@dataclass(frozen=True, slots=True)
class Manifest:
    pursuit_version: str
    created_at: str
    created_by: str
    source_dialect: str
    revisions: list[str]
    tables: list[TableDump]
    custody: CustodyHead
    blob_count: int
    blob_bytes: int
    members: dict[str, MemberDigest] = field(default_factory=dict)
    format: str = FORMAT
    format_version: int = FORMAT_VERSION

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=1, sort_keys=True, ensure_ascii=False)

    @property
    def row_counts(self) -> dict[str, int]:
        return {t.name: t.rows for t in self.tables}


def _table(data: dict[str, Any]) -> TableDump:
    columns = {str(k): Codec(v) for k, v in data["columns"].items()}
    return TableDump(str(data["name"]), str(data["member"]), int(data["rows"]), columns)


def parse_manifest(text: str, label: str) -> Manifest:
    """A manifest read back, refusing anything that is not a backup this code can read."""
    try:
        data = json.loads(text)
        if data.get("format") != FORMAT:
            raise MalformedInput(f"{label}: not a pursuit backup (format {data.get('format')!r})")
        if int(data["format_version"]) > FORMAT_VERSION:
            raise MalformedInput(
                f"{label}: backup format {data['format_version']} is newer than this pursuit "
                f"reads ({FORMAT_VERSION}); restore it with a newer pursuit"
            )
        members = {
            str(k): MemberDigest(str(v["sha256"]), int(v["size"]))
            for k, v in data["members"].items()
        }
        return Manifest(
            pursuit_version=str(data["pursuit_version"]),
            created_at=str(data["created_at"]),
            created_by=str(data["created_by"]),
            source_dialect=str(data["source_dialect"]),
            revisions=[str(r) for r in data["revisions"]],
            tables=[_table(t) for t in data["tables"]],
            custody=CustodyHead(**data["custody"]),
            blob_count=int(data["blob_count"]),
            blob_bytes=int(data["blob_bytes"]),
            members=members,
            format_version=int(data["format_version"]),
        )
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise MalformedInput(f"{label}: the backup's manifest cannot be read ({exc})") from exc


__all__ += ["parse_manifest"]
