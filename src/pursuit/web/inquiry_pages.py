"""Pages that ask questions of the evidence: search, entities, an entity, its dossier."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse

from pursuit.api.deps import Actor, Ws
from pursuit.api.entities import EntityType
from pursuit.cases.dossier import build_dossier
from pursuit.errors import InputError
from pursuit.evidence.custody import Action, Detail, append_event
from pursuit.resolve.entities import list_entities
from pursuit.search import SearchHit
from pursuit.search import search as run_search
from pursuit.web.pages import page

__all__ = ["router"]

router = APIRouter(include_in_schema=False)


def _search(ws: Ws, q: str, language: str | None) -> tuple[list[SearchHit], str | None]:
    if not q.strip():
        return [], None
    try:
        with ws.read() as conn:
            return run_search(conn, q, 50, language or None), None
    except InputError as exc:
        return [], str(exc)


@router.get("/search", response_class=HTMLResponse)
def search(
    ws: Ws,
    q: Annotated[str, Query(max_length=1000)] = "",
    language: Annotated[str, Query(max_length=2)] = "",
) -> HTMLResponse:
    hits, problem = _search(ws, q, language)
    return page("search.html", q=q, hits=hits, problem=problem, language=language)


@router.get("/entities", response_class=HTMLResponse)
def entities(
    ws: Ws, type: EntityType | None = None, done: Annotated[str, Query(max_length=200)] = ""
) -> HTMLResponse:
    with ws.read() as conn:
        found = list_entities(conn, str(type) if type else None)
    return page("entities.html", entities=found, chosen=type, types=list(EntityType), done=done)


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity(
    entity_id: str, ws: Ws, done: Annotated[str, Query(max_length=200)] = ""
) -> HTMLResponse:
    with ws.read() as conn:
        dossier = build_dossier(conn, entity_id)
    return page("entity.html", dossier=dossier, done=done)


@router.get("/entities/{entity_id}/dossier", response_class=HTMLResponse)
def dossier(entity_id: str, ws: Ws, actor: Actor) -> HTMLResponse:
    """The dossier page; reading it is logged as a `viewed` event naming the entity."""
    with ws.read() as conn:
        built = build_dossier(conn, entity_id)
    with ws.write() as conn:
        details: dict[str, Detail] = {"entity": built.entity.id, "dossier": True, "via": "web"}
        append_event(conn, Action.VIEWED, actor, case_id=built.entity.case_id, details=details)
    return page("dossier.html", dossier=built, standalone=False)
