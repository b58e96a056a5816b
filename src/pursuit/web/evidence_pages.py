"""Pages over the evidence: home, cases, items, one item with its history, upload, verify."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, UploadFile
from fastapi.responses import HTMLResponse

from pursuit.cases.overview import item_counts, last_event, overview
from pursuit.evidence.cases import DEFAULT_CASE, get_case, list_cases
from pursuit.evidence.custody import Action
from pursuit.evidence.items import Method, list_items
from pursuit.evidence.verify import verify_workspace
from pursuit.http.auth import Signed
from pursuit.http.deps import Ws, acting
from pursuit.http.scope import (
    case_for,
    item_for,
    readable_cases,
    require_everywhere,
    require_ingest_into,
)
from pursuit.security.roles import Permission
from pursuit.stages.intake import ingest_file
from pursuit.stages.item_view import item_view, record_access
from pursuit.stages.upload import intake_options, safe_filename, spooled
from pursuit.web.pages import page

__all__ = ["router"]

router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def home(ws: Ws, who: Signed) -> HTMLResponse:
    with ws.read() as conn:
        summary = overview(conn, readable_cases(who), caseless=who.is_admin)
    return page("home.html", summary=summary, database=ws.dialect)


@router.get("/cases", response_class=HTMLResponse)
def cases(ws: Ws, who: Signed) -> HTMLResponse:
    readable = readable_cases(who)
    with ws.read() as conn:
        counts = item_counts(conn)
        found = [c for c in list_cases(conn) if readable is None or c.id in readable]
    return page("cases.html", cases=found, counts=counts)


@router.get("/cases/{case_ref}", response_class=HTMLResponse)
def case(case_ref: str, ws: Ws, who: Signed) -> HTMLResponse:
    with ws.read() as conn:
        found = case_for(conn, who, case_ref)
        held = list_items(conn, case_id=found.id)
    return page("case.html", case=found, items=held, methods=list(Method))


@router.get("/items", response_class=HTMLResponse)
def items(ws: Ws, who: Signed) -> HTMLResponse:
    readable = readable_cases(who)
    with ws.read() as conn:
        held = [i for i in list_items(conn) if readable is None or i.case_id in readable]
        names = {c.id: c.name for c in list_cases(conn) if readable is None or c.id in readable}
    return page("items.html", items=held, case_names=names, methods=list(Method))


@router.get("/items/{item_id}", response_class=HTMLResponse)
def item(item_id: str, ws: Ws, who: Signed) -> HTMLResponse:
    """The item page; opening it appends a `viewed` event (one per user and item in half an
    hour), shown in the history below."""
    with ws.read() as conn:
        item_for(conn, who, item_id)
    found = item_view(ws, item_id)
    record_access(ws, found.item, who.name, Action.VIEWED, via="web")
    view = item_view(ws, found.item.id, with_history=True)
    with ws.read() as conn:
        case_found = get_case(conn, view.item.case_id)
    return page("item.html", view=view, case=case_found)


@router.post("/items", response_class=HTMLResponse)
def upload(
    ws: Ws,
    who: Signed,
    file: Annotated[UploadFile, File()],
    case: Annotated[str, Form()] = DEFAULT_CASE,
    acquired_by: Annotated[str, Form()] = "",
    acquired_at: Annotated[str, Form()] = "",
    method: Annotated[Method, Form()] = Method.UPLOAD,
    source_url: Annotated[str, Form()] = "",
    notes: Annotated[str, Form()] = "",
) -> HTMLResponse:
    with ws.read() as conn:
        require_ingest_into(conn, who, case)
    actor = who.name
    options = intake_options(case, acquired_by or actor, acquired_at, method, source_url, notes)
    name = safe_filename(file.filename)
    with spooled(file.file, name, ws.settings.max_upload_bytes) as path:
        results = list(ingest_file(acting(ws, actor), path, options, label=name, filename=name))
    failed = any(r.status == "failed" for r in results)
    return page("uploaded.html", status_code=422 if failed else 200, results=results, case=case)


@router.get("/verify", response_class=HTMLResponse)
def verify_form(ws: Ws, who: Signed) -> HTMLResponse:
    require_everywhere(who, Permission.VERIFY, "verification")
    with ws.read() as conn:
        last = last_event(conn, Action.VERIFIED)
    return page("verify.html", report=None, last=last)


@router.post("/verify", response_class=HTMLResponse)
def verify_run(ws: Ws, who: Signed) -> HTMLResponse:
    require_everywhere(who, Permission.VERIFY, "verification")
    report = verify_workspace(acting(ws, who.name))
    with ws.read() as conn:
        last = last_event(conn, Action.VERIFIED)
    return page("verify.html", report=report, last=last)
