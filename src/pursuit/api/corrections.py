"""Reviewers' corrections of extracted names: rename, retype, delete and merge.

A correction is a new record beside the raw extraction; re-running extraction applies it again
instead of undoing it. The same core functions serve the CLI (`pursuit correct`) and the web UI.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path
from pydantic import BaseModel, Field

from pursuit.api.schemas import CorrectionDoneOut, CorrectionList, CorrectionOut
from pursuit.corrections import CorrectionAction, correct_mention
from pursuit.corrections.store import active_corrections
from pursuit.errors import NotFound
from pursuit.http.auth import Signed
from pursuit.http.deps import Ws
from pursuit.http.scope import (
    readable_cases,
    require_entity_correction,
    require_for_mention,
)
from pursuit.resolve.decisions import Recorded, correct_identity
from pursuit.resolve.profiles import Profile, get_profile
from pursuit.security.roles import Permission

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
    supersede: bool = Field(
        default=False,
        description="Override earlier identity decisions this merge contradicts (needs a reason).",
    )


def _profile(ws: Ws, entity_id: str) -> Profile | None:
    with ws.read() as conn:
        try:
            return get_profile(conn, entity_id)
        except NotFound:
            return None


@router.post(
    "/mentions/{mention_id}/corrections",
    response_model=CorrectionDoneOut,
    status_code=201,
    summary="Correct a mention",
)
def correct_one_mention(
    mention_id: Annotated[int, Path(ge=1)], body: CorrectionIn, ws: Ws, who: Signed
) -> CorrectionDoneOut:
    value, actor = body.value.strip(), who.name
    with ws.write() as conn:
        require_for_mention(conn, who, Permission.CORRECT, mention_id)
        cid = correct_mention(conn, mention_id, body.action, value, actor, body.reason)
    done = Recorded("correction", cid, "")
    return CorrectionDoneOut.of(done, body.action, mention=mention_id)


@router.post(
    "/entities/{entity_id}/corrections",
    response_model=CorrectionDoneOut,
    status_code=201,
    summary="Correct an entity",
)
def correct_one_entity(
    entity_id: str, body: CorrectionIn, ws: Ws, who: Signed
) -> CorrectionDoneOut:
    with ws.write() as conn:
        require_entity_correction(conn, who, entity_id, body.action, body.value)
        done = correct_identity(
            conn,
            entity_id,
            body.action,
            body.value,
            who.name,
            body.reason,
            supersede=body.supersede,
        )
    return CorrectionDoneOut.of(done, body.action, _profile(ws, done.entity_id))


@router.get(
    "/corrections", response_model=CorrectionList, summary="Reviewers' corrections, oldest first"
)
def corrections_list(ws: Ws, who: Signed) -> CorrectionList:
    readable = readable_cases(who)
    with ws.read() as conn:
        found = [c for c in active_corrections(conn) if readable is None or c.case_id in readable]
    return CorrectionList(corrections=[CorrectionOut.model_validate(c) for c in found])
