"""Read-only views the API and the web UI share: counts per case, the last check, log pages.

These are queries over the core's tables that only read; anything that changes evidence or its
history goes through the core's functions, which append the custody events.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pursuit.evidence.cases import Case, list_cases
from pursuit.evidence.custody import Action, CustodyEvent
from pursuit.store.schema import custody_events, entities, items, mentions

__all__ = [
    "CaseCount",
    "Overview",
    "custody_page",
    "item_counts",
    "last_event",
    "overview",
]


@dataclass(frozen=True, slots=True)
class CaseCount:
    case: Case
    items: int


@dataclass(frozen=True, slots=True)
class Overview:
    """What the home page shows: the cases, how much each holds, and when it was last checked."""

    cases: list[CaseCount] = field(default_factory=list)
    items: int = 0
    entities: int = 0
    events: int = 0
    last_verification: CustodyEvent | None = None


def item_counts(conn: Connection) -> dict[str, int]:
    rows = conn.execute(sa.select(items.c.case_id, sa.func.count()).group_by(items.c.case_id))
    return {str(case_id): int(n) for case_id, n in rows}


def _in_cases(
    column: sa.ColumnElement[str | None], cases: Collection[str] | None, caseless: bool
) -> sa.ColumnElement[bool]:
    """Rows of the given cases (every case when None), and rows of no case when `caseless`."""
    with_case = column.is_not(None) if cases is None else column.in_(sorted(cases))
    return sa.or_(with_case, column.is_(None)) if caseless else with_case


def _event(row: sa.Row[tuple[object, ...]]) -> CustodyEvent:
    m = row._mapping
    return CustodyEvent(
        seq=int(m["seq"]),
        case_id=m["case_id"],
        item_id=m["item_id"],
        actor=str(m["actor"]),
        action=str(m["action"]),
        at=m["at"],
        details=str(m["details"]),
        prev_hash=str(m["prev_hash"]),
        hash=str(m["hash"]),
    )


def last_event(conn: Connection, action: Action) -> CustodyEvent | None:
    """The newest custody event of one kind, e.g. the last verification."""
    query = (
        sa.select(custody_events)
        .where(custody_events.c.action == str(action))
        .order_by(custody_events.c.seq.desc())
        .limit(1)
    )
    row = conn.execute(query).first()
    return None if row is None else _event(row)


def custody_page(
    conn: Connection,
    after: int = 0,
    limit: int = 100,
    item_id: str | None = None,
    *,
    cases: Collection[str] | None = None,
    caseless: bool = True,
) -> list[CustodyEvent]:
    """Events with `seq` above `after`, in log order: keyset pages that stay stable as it grows.

    `cases` keeps the events of those cases only (None: every case); `caseless` keeps the events
    of no case (sign-ins, people and their roles), which only administrators are shown.
    """
    query = sa.select(custody_events).where(custody_events.c.seq > after)
    if item_id is not None:
        query = query.where(custody_events.c.item_id == item_id)
    if cases is not None or not caseless:
        query = query.where(_in_cases(custody_events.c.case_id, cases, caseless))
    query = query.order_by(custody_events.c.seq).limit(limit)
    return [_event(r) for r in conn.execute(query)]


def _entity_count(conn: Connection, cases: Collection[str] | None) -> int:
    mentioned = sa.select(mentions.c.entity_id).where(mentions.c.entity_id.is_not(None))
    query = sa.select(sa.func.count()).select_from(entities).where(entities.c.id.in_(mentioned))
    if cases is not None:
        query = query.where(entities.c.case_id.in_(sorted(cases)))
    return int(conn.scalar(query) or 0)


def _event_count(conn: Connection, cases: Collection[str] | None, caseless: bool) -> int:
    query = sa.select(sa.func.count()).select_from(custody_events)
    if cases is not None or not caseless:
        query = query.where(_in_cases(custody_events.c.case_id, cases, caseless))
    return int(conn.scalar(query) or 0)


def overview(
    conn: Connection, cases: Collection[str] | None = None, caseless: bool = True
) -> Overview:
    """The home page's figures, of the given cases only when `cases` is not None."""
    counts = item_counts(conn)
    held = [c for c in list_cases(conn) if cases is None or c.id in cases]
    listed = [CaseCount(c, counts.get(c.id, 0)) for c in held]
    return Overview(
        cases=listed,
        items=sum(c.items for c in listed),
        entities=_entity_count(conn, cases),
        events=_event_count(conn, cases, caseless),
        last_verification=last_event(conn, Action.VERIFIED),
    )
