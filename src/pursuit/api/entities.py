"""Entities and their dossiers: who and what the evidence mentions, and where."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse, JSONResponse, Response

from pursuit.api.schemas import (
    DossierOut,
    EntityDetail,
    EntityList,
    EntityOut,
    MentionOut,
    document,
)
from pursuit.cases.dossier import Dossier, build_dossier, is_incident_ref
from pursuit.entities import EntityType
from pursuit.evidence.custody import Action, Detail, append_event
from pursuit.http.auth import Signed
from pursuit.http.deps import Ws
from pursuit.http.scope import profile_for, readable_cases, require_in_case
from pursuit.render import render_dossier
from pursuit.render.pdf import print_pdf
from pursuit.resolve.profiles import list_profiles
from pursuit.security.roles import Permission, Principal
from pursuit.stages.item_view import record_protected_reads

__all__ = ["router"]

router = APIRouter(prefix="/entities", tags=["entities"])


class DossierFormat(StrEnum):
    JSON = "json"
    HTML = "html"
    PDF = "pdf"


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


def _dossier(ws: Ws, who: Principal, ref: str) -> Dossier:
    """The dossier of an entity or incident (`ic-…`) the user may export."""
    with ws.read() as conn:
        if not is_incident_ref(ref):
            ref = profile_for(conn, who, ref, Permission.EXPORT).id
        built = build_dossier(conn, ref, case_ids=readable_cases(who))
    require_in_case(who, Permission.EXPORT, built.entity.case_id)
    return built


@router.get(
    "/{entity_id}/dossier",
    response_model=DossierOut,
    responses={200: {"content": {"text/html": {}, "application/pdf": {}}}},
    summary="An entity's or incident's dossier (logged as exported)",
)
def entity_dossier(
    entity_id: str, ws: Ws, who: Signed, format: DossierFormat = DossierFormat.JSON
) -> Response:
    """The dossier of a person, organization or place, or of an incident (`ic-…` id): identity,
    role, claims with their sources, incidents, timeline, places, links and the evidence
    manifest with custody, as JSON, a standalone page or a PDF; needs the right to export in
    the subject's case."""
    dossier = _dossier(ws, who, entity_id)
    _log_export(ws, who.name, dossier, format)
    if format is DossierFormat.HTML:
        return HTMLResponse(render_dossier(dossier))
    if format is DossierFormat.PDF:
        name = f"dossier-{dossier.entity.id}.pdf"
        headers = {"Content-Disposition": f'attachment; filename="{name}"'}
        return Response(
            print_pdf(render_dossier(dossier)), media_type="application/pdf", headers=headers
        )
    return JSONResponse(document(DossierOut.of(dossier)))
