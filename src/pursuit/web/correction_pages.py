"""Correction forms on the entity page: plain HTML forms over the same core as the CLI and API.

Each form posts, the correction is recorded, and the browser is sent back to the entity it now
concerns (the merge target after a merge), so reloading never records a correction twice.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Form
from fastapi.responses import RedirectResponse

from pursuit.corrections import CorrectionAction, correct_mention
from pursuit.http.auth import Signed
from pursuit.http.deps import Ws
from pursuit.http.scope import require_entity_correction, require_for_mention
from pursuit.resolve.decisions import correct_identity
from pursuit.security.roles import Permission

__all__ = ["router"]

router = APIRouter(include_in_schema=False)

Action = Annotated[CorrectionAction, Form()]
Value = Annotated[str, Form(max_length=1000)]
Reason = Annotated[str, Form(max_length=4000)]


def _back(entity_id: str, note: str) -> RedirectResponse:
    return RedirectResponse(f"/entities/{quote(entity_id)}?done={quote(note)}", status_code=303)


@router.post("/entities/{entity_id}/corrections")
def entity_form(
    entity_id: str,
    action: Action,
    ws: Ws,
    who: Signed,
    value: Value = "",
    reason: Reason = "",
    supersede: Annotated[bool, Form()] = False,
) -> RedirectResponse:
    actor = who.name
    with ws.write() as conn:
        require_entity_correction(conn, who, entity_id, action, value)
        done = correct_identity(conn, entity_id, action, value, actor, reason, supersede=supersede)
    note = f"{done.kind} {done.id}: {action} recorded"
    if action is CorrectionAction.DELETE:
        return RedirectResponse(f"/entities?done={quote(note)}", 303)
    return _back(done.entity_id, note)


@router.post("/mentions/{mention_id}/corrections")
def mention_form(
    mention_id: int,
    entity_id: Annotated[str, Form(max_length=64)],
    action: Action,
    ws: Ws,
    who: Signed,
    value: Value = "",
    reason: Reason = "",
) -> RedirectResponse:
    with ws.write() as conn:
        require_for_mention(conn, who, Permission.CORRECT, mention_id)
        cid = correct_mention(conn, mention_id, action, value.strip(), who.name, reason)
    return _back(entity_id, f"correction {cid}: mention {action} recorded")
