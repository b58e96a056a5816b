"""The role form on the entity page: a person's role in his case, set with a reason.

The page shows the role in force (set by an analyst, or proposed with the claim or words it
rests on — never a finding); the form posts here, the setting is kept in history, and the
browser goes back to the entity page, so reloading never records it twice.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Form
from fastapi.responses import RedirectResponse
from sqlalchemy.engine import Connection

from pursuit.cases.roles import CaseRole, PersonRole, parse_role, role_of, set_role
from pursuit.entities import EntityType
from pursuit.http.auth import Signed
from pursuit.http.deps import Ws
from pursuit.http.scope import profile_for
from pursuit.resolve.profiles import Profile
from pursuit.security.roles import Permission

__all__ = ["ROLE_CHOICES", "person_role", "router"]

router = APIRouter(include_in_schema=False)
ROLE_CHOICES = [r.value for r in CaseRole]


def person_role(conn: Connection, profile: Profile) -> PersonRole | None:
    """The role block's content for the entity page; None for anything but a person."""
    if profile.type is not EntityType.PERSON:
        return None
    return role_of(conn, profile.id)


@router.post("/entities/{entity_id}/role")
def role_form(
    entity_id: str,
    role: Annotated[str, Form(max_length=32)],
    reason: Annotated[str, Form(max_length=4000)],
    ws: Ws,
    who: Signed,
) -> RedirectResponse:
    chosen = parse_role(role)
    with ws.write() as conn:
        profile = profile_for(conn, who, entity_id, Permission.CORRECT)
        made = set_role(conn, profile.id, chosen, reason, who.name)
    note = f"role set: {made.role}"
    return RedirectResponse(f"/entities/{quote(made.entity_id)}?done={quote(note)}", 303)
