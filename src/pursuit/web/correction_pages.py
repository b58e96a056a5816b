"""Correction forms on the entity page: plain HTML forms over the same core as the CLI and API.

Each form posts, the correction is recorded, and the browser is sent back to the entity it now
concerns (the merge target after a merge), so reloading never records a correction twice.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Form
from fastapi.responses import RedirectResponse

from pursuit.api.deps import Actor, Ws
from pursuit.corrections import CorrectionAction, correct_entity, correct_mention

__all__ = ["router"]

router = APIRouter(include_in_schema=False)

Action = Annotated[CorrectionAction, Form()]
Value = Annotated[str, Form(max_length=1000)]
Reason = Annotated[str, Form(max_length=4000)]


def _back(entity_id: str, note: str) -> RedirectResponse:
    return RedirectResponse(f"/entities/{quote(entity_id)}?done={quote(note)}", status_code=303)


@router.post("/entities/{entity_id}/corrections")
def entity_form(
    entity_id: str, action: Action, ws: Ws, actor: Actor, value: Value = "", reason: Reason = ""
) -> RedirectResponse:
    with ws.write() as conn:
        cid = correct_entity(conn, entity_id, action, value.strip(), actor, reason)
    if action is CorrectionAction.DELETE:
        return RedirectResponse(f"/entities?done={quote(f'correction {cid}: deleted')}", 303)
    target = value.strip() if action is CorrectionAction.MERGE else entity_id
    return _back(target, f"correction {cid}: {action} recorded")


@router.post("/mentions/{mention_id}/corrections")
def mention_form(
    mention_id: int,
    entity_id: Annotated[str, Form(max_length=64)],
    action: Action,
    ws: Ws,
    actor: Actor,
    value: Value = "",
    reason: Reason = "",
) -> RedirectResponse:
    with ws.write() as conn:
        cid = correct_mention(conn, mention_id, action, value.strip(), actor, reason)
    return _back(entity_id, f"correction {cid}: mention {action} recorded")
