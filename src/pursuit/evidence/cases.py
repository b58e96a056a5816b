"""Cases: every item belongs to one, and a case is the unit of access control."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pursuit.errors import InputError, UnknownCase
from pursuit.evidence.custody import Action, append_event
from pursuit.store.schema import cases

__all__ = ["DEFAULT_CASE", "Case", "ensure_case", "get_case", "list_cases"]

DEFAULT_CASE = "default"


@dataclass(frozen=True, slots=True)
class Case:
    id: str
    name: str
    description: str
    created_at: datetime
    created_by: str


def _row_to_case(row: sa.Row[tuple[object, ...]]) -> Case:
    m = row._mapping
    return Case(
        id=str(m["id"]),
        name=str(m["name"]),
        description=str(m["description"]),
        created_at=m["created_at"],
        created_by=str(m["created_by"]),
    )


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:40] or "case"


def get_case(conn: Connection, ref: str) -> Case:
    """A case by id or by name."""
    row = conn.execute(
        sa.select(cases).where(sa.or_(cases.c.id == ref, cases.c.name == ref))
    ).first()
    if row is None:
        raise UnknownCase(f"no case named or numbered {ref!r}")
    return _row_to_case(row)


def ensure_case(conn: Connection, name: str, actor: str, description: str = "") -> Case:
    """The case called `name`, created (and logged) if it does not exist yet."""
    name = name.strip()
    if not name:
        raise InputError("a case needs a name")
    try:
        return get_case(conn, name)
    except UnknownCase:
        pass
    case_id = f"{_slug(name)}-{uuid.uuid4().hex[:6]}"
    now = datetime.now(UTC)
    conn.execute(
        cases.insert().values(
            id=case_id, name=name, description=description, created_at=now, created_by=actor
        )
    )
    append_event(conn, Action.CASE_CREATED, actor, case_id=case_id, details={"name": name})
    return get_case(conn, case_id)


def list_cases(conn: Connection) -> list[Case]:
    return [_row_to_case(r) for r in conn.execute(sa.select(cases).order_by(cases.c.name))]
