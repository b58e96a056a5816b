"""Reviewers' corrections of extracted names: rename, retype, delete and merge.

A correction is a new record beside the raw extraction; re-running extraction applies it again
instead of undoing it. The same core functions serve the CLI (`pursuit correct`) and the web UI.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path
from pydantic import BaseModel, Field

from pursuit.api.deps import Actor, Ws
from pursuit.corrections import CorrectionAction, correct_entity, correct_mention
from pursuit.corrections.store import active_corrections
from pursuit.resolve.entities import list_entities

__all__ = ["router"]

router = APIRouter(tags=["corrections"])


class CorrectionIn(BaseModel):
    action: CorrectionAction = Field(description="rename, retype, delete or merge")
    value: str = Field(
        default="",
        max_length=1000,
        description="The new name, the new type, or the entity id to merge into.",
    )
    reason: str = Field(default="", max_length=4000, description="Why; kept with the record.")


def _entity(ws: Ws, entity_id: str) -> dict[str, Any] | None:
    with ws.read() as conn:
        found = next((e for e in list_entities(conn) if e.id == entity_id), None)
    if found is None:
        return None
    return {"id": found.id, "type": found.type, "name": found.name, "aliases": list(found.aliases)}


@router.post("/mentions/{mention_id}/corrections", status_code=201, summary="Correct a mention")
def correct_one_mention(
    mention_id: Annotated[int, Path(ge=1)], body: CorrectionIn, ws: Ws, actor: Actor
) -> dict[str, Any]:
    with ws.write() as conn:
        cid = correct_mention(conn, mention_id, body.action, body.value.strip(), actor, body.reason)
    return {"correction": cid, "mention": mention_id, "action": str(body.action)}


@router.post("/entities/{entity_id}/corrections", status_code=201, summary="Correct an entity")
def correct_one_entity(entity_id: str, body: CorrectionIn, ws: Ws, actor: Actor) -> dict[str, Any]:
    with ws.write() as conn:
        cid = correct_entity(conn, entity_id, body.action, body.value.strip(), actor, body.reason)
    shown = body.value.strip() if body.action is CorrectionAction.MERGE else entity_id
    return {"correction": cid, "action": str(body.action), "entity": _entity(ws, shown)}


@router.get("/corrections", summary="Reviewers' corrections, oldest first")
def corrections_list(ws: Ws) -> dict[str, Any]:
    with ws.read() as conn:
        found = active_corrections(conn)
    return {
        "corrections": [
            {
                "id": c.id,
                "target": str(c.target),
                "action": str(c.action),
                "value": c.value,
                "reason": c.reason,
                "made_by": c.made_by,
                "made_at": c.made_at.isoformat(),
                "entity_id": c.entity_id,
                "item_id": c.item_id,
                "original_text": c.original_text,
            }
            for c in found
        ]
    }
