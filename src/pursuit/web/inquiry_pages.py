"""Pages that ask questions of the evidence: search, entities, an entity, its dossier."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse

from pursuit.cases.dossier import build_dossier
from pursuit.entities import EntityType
from pursuit.errors import InputError
from pursuit.evidence.custody import Detail
from pursuit.http.auth import Signed
from pursuit.http.deps import Ws
from pursuit.http.scope import profile_for, readable_cases
from pursuit.resolve.profiles import list_profiles
from pursuit.search import SearchHit
from pursuit.search import search as run_search
from pursuit.security.roles import Principal
from pursuit.stages.item_view import record_protected_reads, record_view
from pursuit.web.pages import page
from pursuit.web.role_pages import ROLE_CHOICES, person_role

__all__ = ["router"]

router = APIRouter(include_in_schema=False)


def _search(
    ws: Ws, who: Principal, q: str, language: str | None
) -> tuple[list[SearchHit], str | None]:
    """Hits in the cases the user may read; snippets of protected testimony are logged."""
    if not q.strip():
        return [], None
    try:
        with ws.read() as conn:
            hits = run_search(conn, q, 50, language or None, readable_cases(who))
    except InputError as exc:
        return [], str(exc)
    record_protected_reads(ws, who.name, [h.item_id for h in hits], via="search")
    return hits, None


@router.get("/search", response_class=HTMLResponse)
def search(
    ws: Ws,
    who: Signed,
    q: Annotated[str, Query(max_length=1000)] = "",
    language: Annotated[str, Query(max_length=2)] = "",
) -> HTMLResponse:
    hits, problem = _search(ws, who, q, language)
    return page("search.html", q=q, hits=hits, problem=problem, language=language)


@router.get("/entities", response_class=HTMLResponse)
def entities(
    ws: Ws,
    who: Signed,
    type: EntityType | None = None,
    done: Annotated[str, Query(max_length=200)] = "",
) -> HTMLResponse:
    with ws.read() as conn:
        found = list_profiles(conn, type, case_ids=readable_cases(who))
    return page("entities.html", entities=found, chosen=type, types=list(EntityType), done=done)


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity(
    entity_id: str, ws: Ws, who: Signed, done: Annotated[str, Query(max_length=200)] = ""
) -> HTMLResponse:
    """The entity page; contexts quoted from protected testimony are logged as reads."""
    with ws.read() as conn:
        profile = profile_for(conn, who, entity_id)
        dossier = build_dossier(conn, profile.id, facts=False)
        role = person_role(conn, profile)
    record_protected_reads(ws, who.name, [m.item_id for m in dossier.mentions], via="entity")
    return page("entity.html", dossier=dossier, done=done, role=role, role_choices=ROLE_CHOICES)


@router.get("/entities/{entity_id}/dossier", response_class=HTMLResponse)
def dossier(entity_id: str, ws: Ws, who: Signed) -> HTMLResponse:
    """The dossier page; reading it is logged as a `viewed` event naming the entity (once per
    user and entity in half an hour), and its contexts from protected testimony as reads."""
    with ws.read() as conn:
        built = build_dossier(conn, profile_for(conn, who, entity_id).id)
    details: dict[str, Detail] = {"entity": built.entity.id, "dossier": True, "via": "web"}
    record_view(ws, who.name, built.entity.case_id, details)
    record_protected_reads(ws, who.name, [m.item_id for m in built.mentions], via="entity")
    return page("dossier.html", dossier=built, standalone=False)
