"""The audit trail: who signed in, read protected data, exported, decided or changed rights.

The trail is not a second log: it is the hash-chained custody log read for the actions that
concern people rather than evidence, so it is as tamper-evident as the evidence's history.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pursuit.evidence.custody import Action, CustodyEvent
from pursuit.store.schema import custody_events

__all__ = ["AUDITED", "audit_trail"]

AUDITED = frozenset(
    {
        Action.SIGNED_IN,
        Action.SIGNIN_FAILED,
        Action.SIGNED_OUT,
        Action.USER_ADDED,
        Action.PERMISSION_CHANGED,
        Action.TOKEN_ISSUED,
        Action.VIEWED,
        Action.EXPORTED,
        Action.IMPORTED,
        Action.JUDGED,
        Action.CORRECTED,
        Action.WITNESS_REGISTERED,
        Action.WITNESS_REVEALED,
        Action.WITNESS_ERASED,
        Action.CASE_KEY_ROTATED,
        Action.WATCHED,
        Action.UNWATCHED,
        Action.ALERT_DISMISSED,
    }
)


def audit_trail(
    conn: Connection,
    *,
    actions: Iterable[Action | str] | None = None,
    actor: str | None = None,
    since: datetime | None = None,
    limit: int = 1000,
) -> list[CustodyEvent]:
    """Audited events, newest first, filtered by action, actor and time."""
    wanted = sorted(str(Action(a)) for a in (actions if actions is not None else AUDITED))
    query = sa.select(custody_events).where(custody_events.c.action.in_(wanted))
    if actor is not None:
        query = query.where(custody_events.c.actor == actor)
    if since is not None:
        query = query.where(custody_events.c.at >= since)
    rows = conn.execute(query.order_by(custody_events.c.seq.desc()).limit(limit))
    return [
        CustodyEvent(
            seq=r.seq,
            case_id=r.case_id,
            item_id=r.item_id,
            actor=r.actor,
            action=r.action,
            at=r.at,
            details=r.details,
            prev_hash=r.prev_hash,
            hash=r.hash,
        )
        for r in rows
    ]
