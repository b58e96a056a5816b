"""Incident pages: the case's events, one event with its sources, persons answerable and the
element matrix, and forms to merge, split and set an element's status (with a reason)."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Form, Query
from fastapi.responses import HTMLResponse, RedirectResponse

from pursuit.cases.incident_edits import merge_incidents, set_element_status, split_incident
from pursuit.cases.incidents import get_incident, list_incidents
from pursuit.errors import UnknownIncident
from pursuit.http.auth import Signed
from pursuit.http.deps import Ws
from pursuit.http.scope import readable_cases, require_in_case
from pursuit.security.roles import Permission, Principal
from pursuit.web.pages import page

__all__ = ["router"]

router = APIRouter(include_in_schema=False)
Reason = Annotated[str, Form(max_length=4000)]


def _back(incident_id: str, note: str) -> RedirectResponse:
    return RedirectResponse(f"/incidents/{quote(incident_id)}?done={quote(note)}", status_code=303)


def _may_change(ws: Ws, who: Principal, ref: str) -> None:
    with ws.read() as conn:
        found = get_incident(conn, ref, readable_cases(who))
    hidden = UnknownIncident(f"no incident with id {ref!r}")
    require_in_case(who, Permission.CORRECT, found.case_id, hidden)


@router.get("/incidents", response_class=HTMLResponse)
def incidents_page(ws: Ws, who: Signed) -> HTMLResponse:
    with ws.read() as conn:
        found = list_incidents(conn, readable_cases(who), matrix=False)
    return page("incidents.html", incidents=found.incidents, unplaced=found.unplaced)


@router.get("/incidents/{incident_id}", response_class=HTMLResponse)
def incident_page(
    incident_id: str, ws: Ws, who: Signed, done: Annotated[str, Query(max_length=200)] = ""
) -> HTMLResponse:
    with ws.read() as conn:
        found = get_incident(conn, incident_id, readable_cases(who))
    return page("incident.html", incident=found, done=done)


@router.post("/incidents/{incident_id}/merge")
def incident_merge_form(
    incident_id: str,
    ws: Ws,
    who: Signed,
    other: Annotated[str, Form(max_length=64)],
    reason: Reason = "",
) -> RedirectResponse:
    for ref in (incident_id, other.strip()):
        _may_change(ws, who, ref)
    with ws.write() as conn:
        merged = merge_incidents(
            conn, [incident_id, other.strip()], reason, who.name, readable_cases(who)
        )
    return _back(merged, f"merged into {merged}")


@router.post("/incidents/{incident_id}/split")
def incident_split_form(
    incident_id: str,
    ws: Ws,
    who: Signed,
    member: Annotated[list[str], Form(max_length=200)],
    reason: Reason = "",
) -> RedirectResponse:
    _may_change(ws, who, incident_id)
    with ws.write() as conn:
        made = split_incident(conn, incident_id, member, reason, who.name, readable_cases(who))
    return _back(made.split_off, f"split off from {made.kept}")


@router.post("/incidents/{incident_id}/elements")
def incident_element_form(
    incident_id: str,
    ws: Ws,
    who: Signed,
    crime: Annotated[str, Form(max_length=64)],
    element: Annotated[str, Form(max_length=64)],
    status: Annotated[str, Form(max_length=16)],
    reason: Reason = "",
) -> RedirectResponse:
    _may_change(ws, who, incident_id)
    with ws.write() as conn:
        made = set_element_status(
            conn, incident_id, crime, element, status, reason, who.name, readable_cases(who)
        )
    return _back(incident_id, f"{made.crime} / {made.element}: {made.status}")
