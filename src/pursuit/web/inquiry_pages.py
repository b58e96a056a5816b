"""Pages that ask questions of the evidence: search, entities, an entity, its dossier."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse, Response

from pursuit.cases.dossier import Dossier, build_dossier, is_incident_ref
from pursuit.cases.watch import watch_of
from pursuit.entities import EntityType
from pursuit.errors import InputError
from pursuit.evidence.custody import Action, Detail, append_event
from pursuit.http.auth import Signed
from pursuit.http.deps import Ws
from pursuit.http.scope import profile_for, readable_cases, require_in_case
from pursuit.render import render_dossier
from pursuit.render.pdf import print_pdf
from pursuit.resolve.profiles import list_profiles
from pursuit.search import SearchResult, search_across
from pursuit.security.roles import Permission, Principal
from pursuit.stages.item_view import record_protected_reads, record_view
from pursuit.web.pages import page
from pursuit.web.role_pages import ROLE_CHOICES, person_role

__all__ = ["router"]

router = APIRouter(include_in_schema=False)


def _search(
    ws: Ws, who: Principal, q: str, language: str | None, exact: bool
) -> tuple[SearchResult, str | None]:
    """Hits in the cases the user may read; snippets of protected testimony are logged."""
    if not q.strip():
        return SearchResult([]), None
    try:
        with ws.read() as conn:
            found = search_across(
                conn, q, 50, language or None, readable_cases(who), expand=not exact
            )
    except InputError as exc:
        return SearchResult([]), str(exc)
    record_protected_reads(ws, who.name, [h.item_id for h in found.hits], via="search")
    return found, None


@router.get("/search", response_class=HTMLResponse)
def search(
    ws: Ws,
    who: Signed,
    q: Annotated[str, Query(max_length=1000)] = "",
    language: Annotated[str, Query(max_length=2)] = "",
    exact: bool = False,
) -> HTMLResponse:
    found, problem = _search(ws, who, q, language, exact)
    return page(
        "search.html",
        q=q,
        hits=found.hits,
        expansions=found.expansions,
        exact=exact,
        problem=problem,
        language=language,
    )


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
        watch = watch_of(conn, profile) if role is not None else None
    record_protected_reads(ws, who.name, [m.item_id for m in dossier.mentions], via="entity")
    return page(
        "entity.html",
        dossier=dossier,
        done=done,
        role=role,
        role_choices=ROLE_CHOICES,
        watch=watch,
    )


def _dossier(ws: Ws, who: Principal, ref: str, permission: Permission) -> Dossier:
    """The dossier of an entity or incident (`ic-…`) of a case the user may read, once the
    user's role there is checked for `permission`."""
    with ws.read() as conn:
        if not is_incident_ref(ref):
            ref = profile_for(conn, who, ref, permission).id
        built = build_dossier(conn, ref, case_ids=readable_cases(who))
    require_in_case(who, permission, built.entity.case_id)
    return built


@router.get("/entities/{entity_id}/dossier", response_class=HTMLResponse)
def dossier(entity_id: str, ws: Ws, who: Signed) -> HTMLResponse:
    """The dossier page of an entity or an incident; reading it is logged as a `viewed` event
    naming the subject (once per user and subject in half an hour), and its contexts from
    protected testimony as reads."""
    built = _dossier(ws, who, entity_id, Permission.READ)
    details: dict[str, Detail] = {"entity": built.entity.id, "dossier": True, "via": "web"}
    record_view(ws, who.name, built.entity.case_id, details)
    record_protected_reads(ws, who.name, [m.item_id for m in built.mentions], via="entity")
    return page("dossier.html", dossier=built, standalone=False)


@router.get("/entities/{entity_id}/dossier.pdf")
def dossier_pdf(entity_id: str, ws: Ws, who: Signed) -> Response:
    """The dossier printed to PDF, as a download; needs the right to export, and is logged as
    an `exported` custody event like the command line's."""
    built = _dossier(ws, who, entity_id, Permission.EXPORT)
    body = print_pdf(render_dossier(built))
    details: dict[str, Detail] = {
        "entity": built.entity.id,
        "format": "pdf",
        "items": len(built.manifest),
        "via": "web",
    }
    with ws.write() as conn:
        append_event(conn, Action.EXPORTED, who.name, case_id=built.entity.case_id, details=details)
    name = f"dossier-{built.entity.id}.pdf"
    disposition = {"Content-Disposition": f'attachment; filename="{name}"'}
    return Response(body, media_type="application/pdf", headers=disposition)
