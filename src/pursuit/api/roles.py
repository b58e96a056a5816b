"""Persons' roles in their cases over HTTP: list, one person's role with history, set one.

A proposed role comes with the claim or words it rests on and is never a finding; setting a role
needs a reason and the `correct` permission in the person's case, and is kept in history.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel, Field

from pursuit.cases.roles import (
    PersonRole,
    RoleChange,
    case_role_list,
    parse_role,
    role_history,
    role_of,
    set_role,
)
from pursuit.http.auth import Signed
from pursuit.http.deps import Ws
from pursuit.http.scope import case_for, profile_for, readable_cases
from pursuit.security.roles import Permission

__all__ = ["router"]

router = APIRouter(tags=["roles"])


class RoleReasonOut(BaseModel):
    role: str
    reason: str = Field(description="The claim or words the proposal rests on.")
    items: list[str]


class RoleChangeOut(BaseModel):
    role: str
    previous: str | None
    reason: str
    made_by: str
    made_at: datetime

    @classmethod
    def of(cls, c: RoleChange) -> RoleChangeOut:
        previous = str(c.previous) if c.previous else None
        return cls(
            role=str(c.role),
            previous=previous,
            reason=c.reason,
            made_by=c.made_by,
            made_at=c.made_at,
        )


class PersonRoleOut(BaseModel):
    entity_id: str
    case_id: str
    name: str
    role: str | None = Field(description="The role in force; null when none is proposed or set.")
    origin: str = Field(description="set (by an analyst), proposed (never a finding) or none.")
    reason: str
    proposals: list[RoleReasonOut]
    history: list[RoleChangeOut] = []

    @classmethod
    def of(cls, p: PersonRole, history: list[RoleChange] | None = None) -> PersonRoleOut:
        return cls(
            entity_id=p.entity_id,
            case_id=p.case_id,
            name=p.name,
            role=str(p.role) if p.role is not None else None,
            origin=p.origin,
            reason=p.reason,
            proposals=[
                RoleReasonOut(role=str(r.role), reason=r.reason, items=list(r.items))
                for r in p.proposals
            ],
            history=[RoleChangeOut.of(c) for c in history or []],
        )


class RoleListOut(BaseModel):
    roles: list[PersonRoleOut]


class RoleIn(BaseModel):
    role: str = Field(description="suspect, victim, witness, investigator, source or other")
    reason: str = Field(min_length=1, max_length=4000, description="Why; kept in history.")


EntityId = Annotated[str, Path(max_length=200)]


@router.get("/roles", response_model=RoleListOut, summary="Persons with their roles")
def roles_list(
    ws: Ws, who: Signed, case: Annotated[str | None, Query(max_length=200)] = None
) -> RoleListOut:
    """Every person of the cases the user may read (or of one case), with role and reasons."""
    with ws.read() as conn:
        case_id = case_for(conn, who, case).id if case is not None else None
        found = case_role_list(conn, case_id, case_ids=readable_cases(who))
    return RoleListOut(roles=[PersonRoleOut.of(p) for p in found])


@router.get("/entities/{entity_id}/role", response_model=PersonRoleOut, summary="A person's role")
def role_get(entity_id: EntityId, ws: Ws, who: Signed) -> PersonRoleOut:
    """The role in force, every proposal with its reason, and the history of settings."""
    with ws.read() as conn:
        profile = profile_for(conn, who, entity_id)
        found = role_of(conn, profile.id)
        return PersonRoleOut.of(found, role_history(conn, profile.members))


@router.post(
    "/entities/{entity_id}/role", response_model=PersonRoleOut, summary="Set a person's role"
)
def role_set(entity_id: EntityId, body: RoleIn, ws: Ws, who: Signed) -> PersonRoleOut:
    """Set the role with a reason; an unknown role is refused (400) and nothing is stored."""
    role = parse_role(body.role)
    with ws.write() as conn:
        profile = profile_for(conn, who, entity_id, Permission.CORRECT)
        made = set_role(conn, profile.id, role, body.reason, who.name)
        return PersonRoleOut.of(made, role_history(conn, profile.members))
