"""Taking FtM entities in: all of a file or none of it, each version kept as received.

The whole file is read and checked first (`validate.read_lines`); only then does one write
transaction store the entities and append one `imported` custody event naming the file's
SHA-256, the case and the counts. Any failure rolls the transaction back, so a failed import
changes nothing stored.

Re-importing: an entity whose id the case already holds with the same content (compared in
canonical JSON) adds nothing and counts as unchanged; with other content it is stored as a new
version, which is the one in force; earlier versions stay, as every history here does.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pursuit.cases.ftm.validate import ReadEntity, read_lines
from pursuit.errors import MalformedInput
from pursuit.evidence.cases import DEFAULT_CASE, ensure_case
from pursuit.evidence.custody import Action, Detail, append_event
from pursuit.store.schema import ftm_entities
from pursuit.store.workspace import Workspace

__all__ = ["ImportResult", "ImportedEntity", "import_ftm", "imported_entities"]


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What one import did: the case, the file's hash, and how many entities were new,
    changed (a newer version stored) or already there unchanged."""

    case_id: str
    source: str
    sha256: str
    new: int
    updated: int
    unchanged: int

    @property
    def entities(self) -> int:
        return self.new + self.updated + self.unchanged


@dataclass(frozen=True, slots=True)
class ImportedEntity:
    """The version in force of one imported entity, with who took it in, when and from what."""

    entity_id: str
    case_id: str
    schema: str
    caption: str
    data: dict[str, Any]
    imported_by: str
    imported_at: datetime
    source_name: str
    source_sha256: str


def _digest(canonical: str) -> str:
    return hashlib.sha256(canonical.encode()).hexdigest()


def _current(conn: Connection, case_id: str) -> dict[str, str]:
    """entity id -> digest of its version in force, in one case."""
    query = sa.select(ftm_entities.c.entity_id, ftm_entities.c.digest)
    query = query.where(ftm_entities.c.case_id == case_id).order_by(ftm_entities.c.id)
    return {str(r.entity_id): str(r.digest) for r in conn.execute(query)}


def _decode(body: bytes, source: str) -> list[str]:
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise MalformedInput(
            f"{source} is not UTF-8 text (byte {exc.start}); nothing was imported"
        ) from exc
    return text.split("\n")


@dataclass(frozen=True, slots=True)
class _Origin:
    case_id: str
    source: str
    sha256: str
    actor: str
    at: datetime


def _store(conn: Connection, read: list[ReadEntity], origin: _Origin) -> tuple[int, int, int]:
    current = _current(conn, origin.case_id)
    new = updated = unchanged = 0
    for entity in read:
        digest = _digest(entity.canonical)
        before = current.get(entity.entity_id)
        if before == digest:
            unchanged += 1
            continue
        new, updated = (new + 1, updated) if before is None else (new, updated + 1)
        conn.execute(
            ftm_entities.insert().values(
                case_id=origin.case_id,
                entity_id=entity.entity_id,
                schema=entity.schema,
                caption=entity.caption,
                data=entity.raw,
                digest=digest,
                line=entity.line,
                source_name=origin.source,
                source_sha256=origin.sha256,
                imported_by=origin.actor,
                imported_at=origin.at,
            )
        )
        current[entity.entity_id] = digest
    return new, updated, unchanged


def import_ftm(
    ws: Workspace, body: bytes, source: str, case: str | None, actor: str
) -> ImportResult:
    """Check every line of `body` (a file named `source`), then store all of it in one
    transaction with its custody event, or raise and store nothing."""
    read = read_lines(_decode(body, source), source)
    sha256 = hashlib.sha256(body).hexdigest()
    with ws.write() as conn:
        case_id = ensure_case(conn, case or DEFAULT_CASE, actor).id
        origin = _Origin(case_id, source, sha256, actor, datetime.now(UTC))
        new, updated, unchanged = _store(conn, read, origin)
        details: dict[str, Detail] = {
            "format": "ftm",
            "file": source,
            "sha256": sha256,
            "entities": len(read),
            "new": new,
            "updated": updated,
            "unchanged": unchanged,
        }
        append_event(conn, Action.IMPORTED, actor, case_id=case_id, details=details)
    return ImportResult(case_id, source, sha256, new, updated, unchanged)


def imported_entities(
    conn: Connection, case_ids: Collection[str] | None = None
) -> list[ImportedEntity]:
    """The version in force of every imported entity, by case and id."""
    query = sa.select(ftm_entities).order_by(ftm_entities.c.id)
    if case_ids is not None:
        query = query.where(ftm_entities.c.case_id.in_(sorted(case_ids)))
    latest: dict[tuple[str, str], ImportedEntity] = {}
    for r in conn.execute(query):
        latest[(str(r.case_id), str(r.entity_id))] = ImportedEntity(
            entity_id=str(r.entity_id),
            case_id=str(r.case_id),
            schema=str(r.schema),
            caption=str(r.caption),
            data=json.loads(str(r.data)),
            imported_by=str(r.imported_by),
            imported_at=r.imported_at,
            source_name=str(r.source_name),
            source_sha256=str(r.source_sha256),
        )
    return [latest[k] for k in sorted(latest)]
