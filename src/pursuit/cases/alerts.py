"""Alerts: news about a watched person, each with the reasons it was raised, never a finding.

An alert is raised when a new item mentions a watched person (`alerts_mentions.py`) or when a
screening run finds him as a match (`alerts_screening.py`). It names the watch, the person, what
raised it (the item, or the screened record's key) and why: the spellings and words in context,
or the score and the screening's reasons. An alert is raised once per watch and source, so
scanning again, or re-extracting an item, never repeats it. Dismissing needs a reason and keeps
the alert, with who dismissed it, when and why; the dismissal is appended to the audit trail.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pursuit.cases.watch import Watch
from pursuit.errors import InputError, UnknownAlert
from pursuit.evidence.custody import Action, Detail, append_event
from pursuit.store.schema import alerts

__all__ = [
    "Alert",
    "AlertKind",
    "AlertReason",
    "AlertState",
    "NewAlert",
    "dismiss_alert",
    "get_alert",
    "list_alerts",
    "raise_alert",
]


class AlertKind(StrEnum):
    MENTION = "mention"  # a new item mentions the person
    SCREENING = "screening"  # a screening run matched the person


class AlertState(StrEnum):
    OPEN = "open"
    DISMISSED = "dismissed"


@dataclass(frozen=True, slots=True)
class AlertReason:
    """One reason an alert was raised: a code for programs and words for people."""

    code: str
    text: str


@dataclass(frozen=True, slots=True)
class NewAlert:
    """What a scan or a screening run found, before it is stored."""

    kind: AlertKind
    source: str  # "item:<id>" or a screened record's key: one alert per watch and source
    reasons: tuple[AlertReason, ...]
    item_id: str | None = None
    score: float | None = None


@dataclass(frozen=True, slots=True)
class Alert:
    id: int
    case_id: str
    watch_id: int
    entity_id: str
    name: str
    kind: AlertKind
    source: str
    item_id: str | None
    score: float | None
    reasons: tuple[AlertReason, ...]
    created_at: datetime
    state: AlertState
    dismissed_by: str | None = None
    dismissed_at: datetime | None = None
    dismiss_reason: str | None = None

    @property
    def summary(self) -> str:
        """One line: the reasons' words joined."""
        return "; ".join(r.text for r in self.reasons)


def _alert(r: sa.Row[tuple[object, ...]]) -> Alert:
    reasons = tuple(
        AlertReason(str(x.get("code", "")), str(x.get("text", "")))
        for x in (r.reasons or [])
        if isinstance(x, dict)
    )
    return Alert(
        id=int(r.id),
        case_id=str(r.case_id),
        watch_id=int(r.watch_id),
        entity_id=str(r.entity_id),
        name=str(r.name),
        kind=AlertKind(r.kind),
        source=str(r.source),
        item_id=r.item_id,
        score=r.score,
        reasons=reasons,
        created_at=r.created_at,
        state=AlertState(r.state),
        dismissed_by=r.dismissed_by,
        dismissed_at=r.dismissed_at,
        dismiss_reason=r.dismiss_reason,
    )


def list_alerts(
    conn: Connection,
    *,
    case_ids: Collection[str] | None = None,
    include_dismissed: bool = False,
    entity_ids: Sequence[str] | None = None,
) -> list[Alert]:
    """Alerts of the cases given (all without `case_ids`), newest first; open ones only unless
    `include_dismissed`; with `entity_ids`, those about these entity rows."""
    query = sa.select(alerts).order_by(alerts.c.id.desc())
    if case_ids is not None:
        query = query.where(alerts.c.case_id.in_(sorted(case_ids)))
    if not include_dismissed:
        query = query.where(alerts.c.state == str(AlertState.OPEN))
    if entity_ids is not None:
        query = query.where(alerts.c.entity_id.in_(sorted(entity_ids)))
    return [_alert(r) for r in conn.execute(query)]


def get_alert(conn: Connection, alert_id: int, *, case_ids: Collection[str] | None = None) -> Alert:
    """One alert; an alert of a case outside `case_ids` is unknown, as one that does not exist."""
    row = conn.execute(sa.select(alerts).where(alerts.c.id == alert_id)).first()
    if row is None or (case_ids is not None and str(row.case_id) not in case_ids):
        raise UnknownAlert(f"no alert with id {alert_id}")
    return _alert(row)


def raise_alert(
    conn: Connection, watch: Watch, entity_id: str, name: str, new: NewAlert
) -> Alert | None:
    """Store the alert unless this watch already has one from the same source (None then)."""
    source = new.source[:200]
    known = conn.scalar(
        sa.select(alerts.c.id).where(alerts.c.watch_id == watch.id, alerts.c.source == source)
    )
    if known is not None:
        return None
    inserted = conn.execute(
        alerts.insert().values(
            case_id=watch.case_id,
            watch_id=watch.id,
            entity_id=entity_id,
            name=" ".join(name.split()),
            kind=str(new.kind),
            source=source,
            item_id=new.item_id,
            score=new.score,
            reasons=[{"code": r.code, "text": r.text} for r in new.reasons],
            created_at=datetime.now(UTC),
            state=str(AlertState.OPEN),
        )
    ).inserted_primary_key
    assert inserted is not None
    return get_alert(conn, int(inserted[0]))


def dismiss_alert(
    conn: Connection,
    alert_id: int,
    reason: str,
    actor: str,
    *,
    case_ids: Collection[str] | None = None,
) -> Alert:
    """Dismiss an open alert with a reason; it stays on record, and the audit trail says so."""
    if not reason.strip():
        raise InputError("a reason is needed to dismiss an alert (it is kept with the alert)")
    found = get_alert(conn, alert_id, case_ids=case_ids)
    if found.state is AlertState.DISMISSED:
        raise InputError(
            f"alert {alert_id} was already dismissed by {found.dismissed_by}: "
            f"{found.dismiss_reason}"
        )
    why = reason.strip()
    details: dict[str, Detail] = {
        "alert": found.id,
        "entity_id": found.entity_id,
        "name": found.name,
        "reason": why,
    }
    event = append_event(
        conn, Action.ALERT_DISMISSED, actor, case_id=found.case_id, details=details
    )
    conn.execute(
        alerts.update()
        .where(alerts.c.id == found.id)
        .values(
            state=str(AlertState.DISMISSED),
            dismissed_by=actor,
            dismissed_at=event.at,
            dismiss_reason=why,
        )
    )
    return get_alert(conn, found.id)
