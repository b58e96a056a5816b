"""The Alerts page: open alerts on watched persons with their reasons, the watch list, and the
forms to dismiss an alert, watch a person (from his entity page) or stop watching him.

Every form needs a reason, kept with the record and in the audit trail; after it the browser
is sent back (303), so reloading never records anything twice.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Form, Query
from fastapi.responses import HTMLResponse, RedirectResponse

from pursuit.cases.alerts import dismiss_alert, get_alert
from pursuit.cases.alerts_view import current_alerts
from pursuit.cases.watch import list_watches, unwatch_person, watch_person
from pursuit.errors import UnknownAlert
from pursuit.http.auth import Signed
from pursuit.http.deps import Ws
from pursuit.http.scope import profile_for, readable_cases, require_in_case
from pursuit.security.roles import Permission
from pursuit.web.pages import page

__all__ = ["router"]

router = APIRouter(include_in_schema=False)

Reason = Annotated[str, Form(max_length=4000)]


def _to_alerts(note: str) -> RedirectResponse:
    return RedirectResponse(f"/alerts?done={quote(note)}", 303)


@router.get("/alerts", response_class=HTMLResponse)
def alerts_page(
    ws: Ws,
    who: Signed,
    all_: Annotated[bool, Query(alias="all")] = False,
    done: Annotated[str, Query(max_length=300)] = "",
) -> HTMLResponse:
    cases = readable_cases(who)
    found = current_alerts(ws, case_ids=cases, include_dismissed=all_)
    with ws.read() as conn:
        watched = list_watches(conn, case_ids=cases)
    return page("alerts.html", alerts=found, watches=watched, show_all=all_, done=done)


@router.post("/alerts/{alert_id}/dismiss")
def alert_dismiss_form(alert_id: int, reason: Reason, ws: Ws, who: Signed) -> RedirectResponse:
    with ws.write() as conn:
        found = get_alert(conn, alert_id, case_ids=readable_cases(who))
        hidden = UnknownAlert(f"no alert with id {alert_id}")
        require_in_case(who, Permission.CORRECT, found.case_id, hidden)
        dismiss_alert(conn, found.id, reason, who.name)
    return _to_alerts(f"alert {alert_id} dismissed")


@router.post("/entities/{entity_id}/watch")
def watch_form(entity_id: str, reason: Reason, ws: Ws, who: Signed) -> RedirectResponse:
    with ws.write() as conn:
        profile = profile_for(conn, who, entity_id, Permission.CORRECT)
        made = watch_person(conn, profile.id, reason, who.name)
    note = f"{made.name} is on the watch list"
    return RedirectResponse(f"/entities/{quote(profile.id)}?done={quote(note)}", 303)


@router.post("/entities/{entity_id}/unwatch")
def unwatch_form(entity_id: str, reason: Reason, ws: Ws, who: Signed) -> RedirectResponse:
    with ws.write() as conn:
        profile = profile_for(conn, who, entity_id, Permission.CORRECT)
        ended = unwatch_person(conn, profile.id, reason, who.name)
    return _to_alerts(f"{ended.name} is no longer watched")
