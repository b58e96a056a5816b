"""Analysts' decisions on incidents: merges, splits and element statuses, kept as history.

A merge or split is stored as links between incident mentions (their keys, "item:offset"), not
between incident ids: mentions are re-extracted with the same keys from unchanged text, so the
decision survives `pursuit reprocess --stage nlp` and any later re-clustering. A merge links
every mention of one incident to every mention of the other as "same"; a split links every moved
mention to every remaining one as "different" and keeps the moved ones together. The contrary
earlier links between those mentions are withdrawn (`deleted_at`), never deleted, so the whole
history stays readable. Element statuses are rows; the latest for an element wins.

Helpers never commit: the caller owns the transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pursuit.errors import InvalidIncidentDecision
from pursuit.store.schema import element_statuses, incident_links

__all__ = [
    "ElementStatus",
    "IncidentDecision",
    "LinkDecision",
    "StatusRecord",
    "decision_history",
    "link_pairs",
    "record_links",
    "record_status",
    "status_records",
]


class LinkDecision(StrEnum):
    SAME = "same"
    DIFFERENT = "different"


class IncidentDecision(StrEnum):
    MERGE = "merge"
    SPLIT = "split"


class ElementStatus(StrEnum):
    """Where the evidence stands on one element of one crime for one incident."""

    SUPPORTED = "supported"
    GAP = "gap"
    CONTRADICTED = "contradicted"


@dataclass(frozen=True, slots=True)
class StatusRecord:
    """An analyst's status for one element of one incident, with the reason given."""

    incident_id: str
    crime: str
    element: str
    status: ElementStatus
    reason: str
    made_by: str
    made_at: datetime


def _reason(reason: str) -> str:
    text = reason.strip()
    if not text:
        raise InvalidIncidentDecision("a reason is needed: it is kept in the case's history")
    return text


def link_pairs(conn: Connection, case_id: str) -> dict[LinkDecision, set[frozenset[str]]]:
    """The links in force for a case's mentions: "same" pairs and "different" pairs."""
    query = sa.select(incident_links.c.key_a, incident_links.c.key_b, incident_links.c.decision)
    query = query.where(incident_links.c.case_id == case_id, incident_links.c.deleted_at.is_(None))
    found: dict[LinkDecision, set[frozenset[str]]] = {d: set() for d in LinkDecision}
    for r in conn.execute(query):
        found[LinkDecision(str(r.decision))].add(frozenset((str(r.key_a), str(r.key_b))))
    return found


def _withdraw(conn: Connection, case_id: str, pairs: set[frozenset[str]], now: datetime) -> None:
    live = sa.select(incident_links.c.id, incident_links.c.key_a, incident_links.c.key_b).where(
        incident_links.c.case_id == case_id, incident_links.c.deleted_at.is_(None)
    )
    ids = [
        int(r.id) for r in conn.execute(live) if frozenset((str(r.key_a), str(r.key_b))) in pairs
    ]
    if ids:
        conn.execute(
            incident_links.update().where(incident_links.c.id.in_(ids)).values(deleted_at=now)
        )


def record_links(
    conn: Connection,
    case_id: str,
    links: Iterable[tuple[str, str, LinkDecision]],
    action: IncidentDecision,
    reason: str,
    actor: str,
) -> int:
    """Store links (withdrawing earlier ones between the same mentions); how many were stored."""
    why, now = _reason(reason), datetime.now(UTC)
    rows = [
        {
            "case_id": case_id,
            "key_a": min(a, b),
            "key_b": max(a, b),
            "decision": str(decision),
            "action": str(action),
            "reason": why,
            "made_by": actor,
            "made_at": now,
        }
        for a, b, decision in links
    ]
    _withdraw(conn, case_id, {frozenset((str(r["key_a"]), str(r["key_b"]))) for r in rows}, now)
    if rows:
        conn.execute(incident_links.insert(), rows)
    return len(rows)


def record_status(conn: Connection, case_id: str, record: StatusRecord) -> None:
    """Store an analyst's element status; the latest one for the element wins."""
    conn.execute(
        element_statuses.insert().values(
            case_id=case_id,
            incident_id=record.incident_id,
            crime=record.crime,
            element=record.element,
            status=str(record.status),
            reason=_reason(record.reason),
            made_by=record.made_by,
            made_at=record.made_at,
        )
    )


def status_records(conn: Connection, incident_ids: Iterable[str]) -> list[StatusRecord]:
    """Every status set on these incident ids, oldest first (the last one per element wins)."""
    query = sa.select(element_statuses).where(
        element_statuses.c.incident_id.in_(sorted(incident_ids))
    )
    return [
        StatusRecord(
            str(r.incident_id),
            str(r.crime),
            str(r.element),
            ElementStatus(str(r.status)),
            str(r.reason),
            str(r.made_by),
            r.made_at,
        )
        for r in conn.execute(query.order_by(element_statuses.c.id))
    ]


def decision_history(conn: Connection, keys: Iterable[str]) -> list[dict[str, object]]:
    """Merges and splits that touched these mentions, withdrawn ones included, oldest first."""
    wanted = sorted(set(keys))
    query = sa.select(incident_links).where(
        sa.or_(incident_links.c.key_a.in_(wanted), incident_links.c.key_b.in_(wanted))
    )
    seen: dict[tuple[str, str, str, str], dict[str, object]] = {}
    for r in conn.execute(query.order_by(incident_links.c.id)):
        made = r.made_at.isoformat()
        seen.setdefault(
            (str(r.action), str(r.reason), str(r.made_by), made),
            {"action": r.action, "reason": r.reason, "made_by": r.made_by, "made_at": made},
        )
    return list(seen.values())
