"""Watch lists and alerts over HTTP: who is watched, what raised an alert, and dismissing one.

Reads keep the cases the user may read; listing alerts first scans for new items mentioning a
watched person, so an item taken in anywhere (the command line, an upload, a worker) shows up.
Watching, unwatching and dismissing need the right to correct in the person's case, a reason,
and are appended to the audit trail. An alert is news to look at, never a finding.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel, Field

from pursuit.cases.alerts import Alert, dismiss_alert, get_alert
from pursuit.cases.alerts_view import current_alerts
from pursuit.cases.watch import Watch, list_watches, unwatch_person, watch_person
from pursuit.errors import UnknownAlert
from pursuit.http.auth import Signed
from pursuit.http.deps import Ws
from pursuit.http.scope import case_for, profile_for, readable_cases, require_in_case
from pursuit.security.roles import Permission, Principal

__all__ = [
    "AlertListOut",
    "AlertOut",
    "WatchListOut",
    "WatchOut",
    "router",
]

router = APIRouter(tags=["watch lists"])


class AlertReasonOut(BaseModel):
    code: str = Field(description="item, spelling, context, record, score, matched_name, …")
    text: str


class AlertOut(BaseModel):
    id: int
    case_id: str
    watch_id: int
    entity_id: str
    name: str
    kind: str = Field(description="mention (a new item names him) or screening (a match).")
    source: str = Field(description="item:<id>, or the screened record's key.")
    item_id: str | None
    score: float | None
    reasons: list[AlertReasonOut]
    created_at: datetime
    state: str = Field(description="open or dismissed")
    dismissed_by: str | None
    dismissed_at: datetime | None
    dismiss_reason: str | None

    @classmethod
    def of(cls, a: Alert) -> AlertOut:
        return cls(
            id=a.id,
            case_id=a.case_id,
            watch_id=a.watch_id,
            entity_id=a.entity_id,
            name=a.name,
            kind=str(a.kind),
            source=a.source,
            item_id=a.item_id,
            score=a.score,
            reasons=[AlertReasonOut(code=r.code, text=r.text) for r in a.reasons],
            created_at=a.created_at,
            state=str(a.state),
            dismissed_by=a.dismissed_by,
            dismissed_at=a.dismissed_at,
            dismiss_reason=a.dismiss_reason,
        )


class AlertListOut(BaseModel):
    alerts: list[AlertOut]


class WatchOut(BaseModel):
    id: int
    case_id: str
    entity_id: str
    name: str
    reason: str
    watched_by: str
    watched_at: datetime
    active: bool
    ended_by: str | None
    ended_at: datetime | None
    end_reason: str | None

    @classmethod
    def of(cls, w: Watch) -> WatchOut:
        return cls(
            id=w.id,
            case_id=w.case_id,
            entity_id=w.entity_id,
            name=w.name,
            reason=w.reason,
            watched_by=w.watched_by,
            watched_at=w.watched_at,
            active=w.active,
            ended_by=w.ended_by,
            ended_at=w.ended_at,
            end_reason=w.end_reason,
        )


class WatchListOut(BaseModel):
    watches: list[WatchOut]


class WatchIn(BaseModel):
    entity: str = Field(min_length=1, max_length=200, description="The person's id or name.")
    reason: str = Field(min_length=1, max_length=4000, description="Why; kept with the watch.")


class DismissIn(BaseModel):
    reason: str = Field(min_length=1, max_length=4000, description="Why; kept with the alert.")


CaseQuery = Annotated[str | None, Query(max_length=200, description="Only this case's.")]
AllQuery = Annotated[bool, Query(alias="all", description="Include ended or dismissed ones.")]


def _cases(ws: Ws, who: Principal, case: str | None) -> set[str] | None:
    readable = readable_cases(who)
    if case is None:
        return readable
    with ws.read() as conn:
        return {case_for(conn, who, case).id}


@router.get("/watch", response_model=WatchListOut, summary="Watched persons")
def watch_list(ws: Ws, who: Signed, case: CaseQuery = None, all_: AllQuery = False) -> WatchListOut:
    """The watch list of the cases the user may read; with `all`, ended watches too."""
    cases = _cases(ws, who, case)
    with ws.read() as conn:
        found = list_watches(conn, case_ids=cases, include_ended=all_)
    return WatchListOut(watches=[WatchOut.of(w) for w in found])


@router.post("/watch", response_model=WatchOut, status_code=201, summary="Watch a person")
def watch_add(body: WatchIn, ws: Ws, who: Signed) -> WatchOut:
    """Items taken in from now on that mention him, and screening matches, raise alerts."""
    with ws.write() as conn:
        profile = profile_for(conn, who, body.entity, Permission.CORRECT)
        return WatchOut.of(watch_person(conn, profile.id, body.reason, who.name))


@router.post("/watch/remove", response_model=WatchOut, summary="Stop watching a person")
def watch_remove(body: WatchIn, ws: Ws, who: Signed) -> WatchOut:
    """The watch ends with the reason given; it and its alerts stay on record."""
    with ws.write() as conn:
        profile = profile_for(conn, who, body.entity, Permission.CORRECT)
        return WatchOut.of(unwatch_person(conn, profile.id, body.reason, who.name))


@router.get("/alerts", response_model=AlertListOut, summary="Alerts on watched persons")
def alerts_list(
    ws: Ws, who: Signed, case: CaseQuery = None, all_: AllQuery = False
) -> AlertListOut:
    """Open alerts, newest first, each with its reasons; with `all`, dismissed ones too."""
    found = current_alerts(ws, case_ids=_cases(ws, who, case), include_dismissed=all_)
    return AlertListOut(alerts=[AlertOut.of(a) for a in found])


AlertId = Annotated[int, Path(ge=1)]


@router.post("/alerts/{alert_id}/dismiss", response_model=AlertOut, summary="Dismiss an alert")
def alert_dismiss(alert_id: AlertId, body: DismissIn, ws: Ws, who: Signed) -> AlertOut:
    """Dismiss with a reason; the alert stays on record (listed with `all`)."""
    with ws.write() as conn:
        found = get_alert(conn, alert_id, case_ids=readable_cases(who))
        hidden = UnknownAlert(f"no alert with id {alert_id}")
        require_in_case(who, Permission.CORRECT, found.case_id, hidden)
        return AlertOut.of(dismiss_alert(conn, found.id, body.reason, who.name))
