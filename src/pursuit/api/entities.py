"""Entities and their dossiers: who and what the evidence mentions, and where."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse, JSONResponse

from pursuit.api.schemas import DossierOut, EntityDetail, EntityList, EntityOut, MentionOut
from pursuit.cases.dossier import Dossier, build_dossier
from pursuit.entities import EntityType
from pursuit.evidence.custody import Action, Detail, append_event
from pursuit.http.auth import Signed
from pursuit.http.deps import Ws
from pursuit.http.scope import profile_for, readable_cases
from pursuit.render import render_dossier
from pursuit.resolve.profiles import list_profiles
from pursuit.security.roles import Permission
from pursuit.stages.item_view import record_protected_reads

__all__ = ["router"]

router = APIRouter(prefix="/entities", tags=["entities"])


class DossierFormat(StrEnum):
    JSON = "json"
    HTML = "html"


@router.get("", response_model=EntityList, summary="Entities, most mentioned first")
def entities_list(
    ws: Ws,
    who: Signed,
    type: Annotated[EntityType | None, Query(description="Only this type.")] = None,
) -> EntityList:
    with ws.read() as conn:
        found = list_profiles(conn, type, case_ids=readable_cases(who))
    return EntityList(entities=[EntityOut.model_validate(e) for e in found])


@router.get("/{entity_id}", response_model=EntityDetail, summary="One entity with its mentions")
def entity_detail(entity_id: str, ws: Ws, who: Signed) -> EntityDetail:
    """Contexts quoted from protected testimony are logged as reads of it."""
    with ws.read() as conn:
        dossier = build_dossier(conn, profile_for(conn, who, entity_id).id, facts=False)
    record_protected_reads(ws, who.name, [m.item_id for m in dossier.mentions], via="entity")
    base = EntityOut.model_validate(dossier.entity).model_dump()
    mentions = [MentionOut.model_validate(m) for m in dossier.mentions]
    return EntityDetail.model_validate({**base, "mention_list": mentions})


def _log_export(ws: Ws, actor: str, dossier: Dossier, fmt: DossierFormat) -> None:
    details: dict[str, Detail] = {
        "entity": dossier.entity.id,
        "format": str(fmt),
        "items": len(dossier.manifest),
        "via": "api",
    }
    with ws.write() as conn:
        append_event(conn, Action.EXPORTED, actor, case_id=dossier.entity.case_id, details=details)


@router.get(
    "/{entity_id}/dossier",
    response_model=DossierOut,
    responses={200: {"content": {"text/html": {}}}},
    summary="An entity's dossier (logged as exported)",
)
def entity_dossier(
    entity_id: str, ws: Ws, who: Signed, format: DossierFormat = DossierFormat.JSON
) -> JSONResponse | HTMLResponse:
    """The mentions with their items and the evidence manifest, as JSON or a standalone page;
    needs the right to export in the entity's case."""
    with ws.read() as conn:
        dossier = build_dossier(conn, profile_for(conn, who, entity_id, Permission.EXPORT).id)
    _log_export(ws, who.name, dossier, format)
    if format is DossierFormat.HTML:
        return HTMLResponse(render_dossier(dossier))
    body = DossierOut.model_validate(dossier).model_dump(mode="json")
    return JSONResponse(body)
