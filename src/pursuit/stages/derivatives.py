"""Derivatives: what a tool made from an item, kept beside it and never over it."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pursuit.evidence.custody import Action, append_event
from pursuit.evidence.items import Item
from pursuit.search.index import index_text
from pursuit.store.schema import derivatives

__all__ = [
    "Derivative",
    "NewDerivative",
    "add_derivative",
    "latest_derivative",
    "list_derivatives",
]


@dataclass(frozen=True, slots=True)
class NewDerivative:
    kind: str
    text: str
    tool: str
    tool_version: str
    language: str | None = None
    meta: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Derivative:
    id: int
    item_id: str
    kind: str
    tool: str
    tool_version: str
    parent_sha256: str
    text: str
    text_sha256: str
    language: str | None
    meta: dict[str, str]
    created_at: datetime


def add_derivative(conn: Connection, item: Item, new: NewDerivative, actor: str) -> int:
    """Store a derivative of `item`, index its text and log it; returns its id."""
    text_sha = hashlib.sha256(new.text.encode("utf-8")).hexdigest()
    result = conn.execute(
        derivatives.insert().values(
            item_id=item.id,
            kind=new.kind,
            tool=new.tool,
            tool_version=new.tool_version,
            parent_sha256=item.sha256,
            text=new.text,
            text_sha256=text_sha,
            language=new.language,
            meta=new.meta,
            created_at=datetime.now(UTC),
        )
    )
    key = result.inserted_primary_key
    assert key is not None
    derivative_id = int(key[0])
    if new.text.strip():
        index_text(conn, derivative_id, item.id, new.text)
    details: dict[str, str | int] = {
        "derivative": derivative_id,
        "kind": new.kind,
        "tool": f"{new.tool} {new.tool_version}",
        "parent_sha256": item.sha256,
        "text_sha256": text_sha,
    }
    append_event(
        conn, Action.DERIVED, actor, case_id=item.case_id, item_id=item.id, details=details
    )
    return derivative_id


def _from_row(r: sa.Row[tuple[object, ...]]) -> Derivative:
    m = r._mapping
    return Derivative(
        id=int(m["id"]),
        item_id=str(m["item_id"]),
        kind=str(m["kind"]),
        tool=str(m["tool"]),
        tool_version=str(m["tool_version"]),
        parent_sha256=str(m["parent_sha256"]),
        text=str(m["text"]),
        text_sha256=str(m["text_sha256"]),
        language=m["language"],
        meta=dict(m["meta"] or {}),
        created_at=m["created_at"],
    )


def list_derivatives(conn: Connection, item_id: str) -> list[Derivative]:
    query = sa.select(derivatives).where(derivatives.c.item_id == item_id)
    return [_from_row(r) for r in conn.execute(query.order_by(derivatives.c.id))]


def latest_derivative(conn: Connection, item_id: str) -> Derivative | None:
    """The newest text-bearing derivative (OCR or text), which later stages read."""
    found = [d for d in list_derivatives(conn, item_id) if d.kind in ("text", "ocr")]
    with_text = [d for d in found if d.text.strip()]
    pool = with_text or found
    return pool[-1] if pool else None
