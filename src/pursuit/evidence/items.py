"""Items: immutable pieces of evidence with how, when, by whom and from where they were acquired."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pursuit.errors import UnknownItem
from pursuit.store.schema import items

__all__ = [
    "Acquisition",
    "Item",
    "Method",
    "find_by_hash",
    "get_item",
    "insert_item",
    "list_items",
    "new_item_id",
]


class Method(StrEnum):
    """How an item was acquired."""

    UPLOAD = "upload"
    WEB_CAPTURE = "web_capture"
    TESTIMONY = "testimony"
    FIELD_DEVICE = "field_device"
    ARCHIVE_MEMBER = "archive_member"


@dataclass(frozen=True, slots=True)
class Acquisition:
    """Who acquired an item, when, how and from where: the facts a court asks first."""

    acquired_by: str
    acquired_at: datetime
    method: Method = Method.UPLOAD
    source_url: str | None = None
    notes: str = ""


@dataclass(frozen=True, slots=True)
class Item:
    id: str
    case_id: str
    sha256: str
    size: int
    filename: str
    mime: str
    acquisition: Acquisition
    parent_id: str | None
    ingested_at: datetime
    ingested_by: str


def new_item_id() -> str:
    return f"it-{uuid.uuid4().hex[:16]}"


def _from_row(row: sa.Row[tuple[object, ...]]) -> Item:
    m = row._mapping
    acquisition = Acquisition(
        acquired_by=str(m["acquired_by"]),
        acquired_at=m["acquired_at"],
        method=Method(str(m["method"])),
        source_url=m["source_url"],
        notes=str(m["notes"]),
    )
    return Item(
        id=str(m["id"]),
        case_id=str(m["case_id"]),
        sha256=str(m["sha256"]),
        size=int(m["size"]),
        filename=str(m["filename"]),
        mime=str(m["mime"]),
        acquisition=acquisition,
        parent_id=m["parent_id"],
        ingested_at=m["ingested_at"],
        ingested_by=str(m["ingested_by"]),
    )


def insert_item(conn: Connection, item: Item) -> None:
    a = item.acquisition
    conn.execute(
        items.insert().values(
            id=item.id,
            case_id=item.case_id,
            sha256=item.sha256,
            size=item.size,
            filename=item.filename,
            mime=item.mime,
            method=str(a.method),
            acquired_by=a.acquired_by,
            acquired_at=a.acquired_at,
            source_url=a.source_url,
            notes=a.notes,
            parent_id=item.parent_id,
            ingested_at=item.ingested_at,
            ingested_by=item.ingested_by,
        )
    )


def get_item(conn: Connection, ref: str) -> Item:
    """An item by id, or by a SHA-256 (or an unambiguous prefix of at least 8 hex digits)."""
    row = conn.execute(sa.select(items).where(items.c.id == ref)).first()
    if row is None and len(ref) >= 8:
        rows = conn.execute(sa.select(items).where(items.c.sha256.startswith(ref.lower()))).all()
        row = rows[0] if len(rows) == 1 else None
    if row is None:
        raise UnknownItem(f"no item with id or hash {ref!r}")
    return _from_row(row)


def find_by_hash(conn: Connection, case_id: str, sha256: str) -> Item | None:
    row = conn.execute(
        sa.select(items).where(items.c.case_id == case_id, items.c.sha256 == sha256)
    ).first()
    return None if row is None else _from_row(row)


def list_items(
    conn: Connection, case_id: str | None = None, parent_id: str | None = None
) -> list[Item]:
    query = sa.select(items).order_by(items.c.ingested_at, items.c.id)
    if case_id is not None:
        query = query.where(items.c.case_id == case_id)
    if parent_id is not None:
        query = query.where(items.c.parent_id == parent_id)
    return [_from_row(r) for r in conn.execute(query)]
