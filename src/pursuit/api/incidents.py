"""Incidents as events: the case's incidents, one incident, and analysts' merges, splits and
element statuses. Each route answers only incidents of cases the user may read, and changes
need the right to correct in the incident's case."""

from __future__ import annotations

from fastapi import APIRouter

from pursuit.api.schemas.incidents import (
    ElementStatusIn,
    IncidentListOut,
    IncidentOut,
    MergeIn,
    SplitIn,
)
from pursuit.cases.incident_edits import merge_incidents, set_element_status, split_incident
from pursuit.cases.incident_json import incident_json
from pursuit.cases.incidents import CaseIncident, get_incident, list_incidents
from pursuit.errors import UnknownIncident
from pursuit.http.auth import Signed
from pursuit.http.deps import Ws
from pursuit.http.scope import readable_cases, require_in_case
from pursuit.security.roles import Permission, Principal

__all__ = ["router"]

router = APIRouter(prefix="/incidents", tags=["incidents"])


def _out(incident: CaseIncident) -> IncidentOut:
    return IncidentOut.model_validate(incident_json(incident))


def _may_change(ws: Ws, who: Principal, incident_ids: list[str]) -> None:
    with ws.read() as conn:
        for ref in incident_ids:
            found = get_incident(conn, ref, readable_cases(who))
            hidden = UnknownIncident(f"no incident with id {ref!r}")
            require_in_case(who, Permission.CORRECT, found.case_id, hidden)


@router.get("", response_model=IncidentListOut, summary="Incidents as events, earliest first")
def incidents_list(ws: Ws, who: Signed) -> IncidentListOut:
    with ws.read() as conn:
        found = list_incidents(conn, readable_cases(who))
    return IncidentListOut(
        incidents=[_out(i) for i in found.incidents], unplaced=[_out(i) for i in found.unplaced]
    )


@router.get("/{incident_id}", response_model=IncidentOut, summary="One incident")
def incident_detail(incident_id: str, ws: Ws, who: Signed) -> IncidentOut:
    with ws.read() as conn:
        return _out(get_incident(conn, incident_id, readable_cases(who)))


@router.post("/{incident_id}/merge", response_model=IncidentOut, summary="Merge incidents")
def incident_merge(incident_id: str, body: MergeIn, ws: Ws, who: Signed) -> IncidentOut:
    """Join this incident and the ones named; the answer is the merged incident."""
    refs = [incident_id, *body.incidents]
    _may_change(ws, who, refs)
    with ws.write() as conn:
        merged = merge_incidents(conn, refs, body.reason, who.name, readable_cases(who))
    with ws.read() as conn:
        return _out(get_incident(conn, merged, readable_cases(who)))


@router.post("/{incident_id}/split", response_model=IncidentOut, summary="Split an incident")
def incident_split(incident_id: str, body: SplitIn, ws: Ws, who: Signed) -> IncidentOut:
    """Move the named mentions out; the answer is the incident they now form."""
    _may_change(ws, who, [incident_id])
    with ws.write() as conn:
        made = split_incident(conn, incident_id, body.members, body.reason, who.name)
    with ws.read() as conn:
        return _out(get_incident(conn, made.split_off, readable_cases(who)))


@router.post(
    "/{incident_id}/elements", response_model=IncidentOut, summary="Set an element's status"
)
def incident_element_status(
    incident_id: str, body: ElementStatusIn, ws: Ws, who: Signed
) -> IncidentOut:
    _may_change(ws, who, [incident_id])
    with ws.write() as conn:
        set_element_status(
            conn, incident_id, body.crime, body.element, body.status, body.reason, who.name
        )
    with ws.read() as conn:
        return _out(get_incident(conn, incident_id, readable_cases(who)))
