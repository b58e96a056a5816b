"""Items: list, look at, read, download and upload evidence; every look is logged."""

from __future__ import annotations

import base64
from typing import Annotated

from fastapi import APIRouter, File, Form, Query, UploadFile
from fastapi.responses import FileResponse, JSONResponse, PlainTextResponse

from pursuit.api.schemas import (
    DerivativeOut,
    IntakeResponse,
    IntakeResultOut,
    ItemDetail,
    ItemList,
    ItemOut,
    StageRunOut,
)
from pursuit.errors import IntegrityError
from pursuit.evidence.cases import DEFAULT_CASE
from pursuit.evidence.custody import Action
from pursuit.evidence.items import Method, list_items
from pursuit.http.auth import Signed
from pursuit.http.deps import Ws, acting
from pursuit.http.scope import case_for, item_for, readable_cases, require_ingest_into
from pursuit.stages.intake import IntakeResult, ingest_file
from pursuit.stages.item_view import ItemView, item_text, item_view, record_access
from pursuit.stages.upload import intake_options, safe_filename, spooled

__all__ = ["router"]

router = APIRouter(prefix="/items", tags=["items"])

Limit = Annotated[int, Query(ge=1, le=1000)]
Offset = Annotated[int, Query(ge=0)]


def _detail(view: ItemView) -> ItemDetail:
    base = ItemOut.model_validate(view.item).model_dump()
    return ItemDetail(
        **base,
        derivatives=[DerivativeOut.of(d) for d in view.derivatives],
        stage_runs=[StageRunOut.model_validate(r) for r in view.runs],
        children=[c.id for c in view.children],
    )


@router.get("", response_model=ItemList, summary="Items, optionally of one case")
def items_list(
    ws: Ws,
    who: Signed,
    case: Annotated[str | None, Query(description="Case id or name.")] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> ItemList:
    """Items of the cases the signed-in user may read."""
    readable = readable_cases(who)
    with ws.read() as conn:
        case_id = case_for(conn, who, case).id if case else None
        found = list_items(conn, case_id=case_id)
    found = [i for i in found if readable is None or i.case_id in readable]
    page = [ItemOut.model_validate(i) for i in found[offset : offset + limit]]
    return ItemList(items=page, total=len(found))


@router.get("/{item_id}", response_model=ItemDetail, summary="One item (logged as viewed)")
def item_detail(item_id: str, ws: Ws, who: Signed) -> ItemDetail:
    """Metadata, acquisition facts, derivatives and stage runs; appends a `viewed` event (one
    per user and item in half an hour)."""
    with ws.read() as conn:
        item_for(conn, who, item_id)
    view = item_view(ws, item_id)
    record_access(ws, view.item, who.name, Action.VIEWED, via="api")
    return _detail(view)


@router.get("/{item_id}/text", response_class=PlainTextResponse, summary="An item's extracted text")
def item_text_route(
    item_id: str, ws: Ws, who: Signed, derivative: int | None = None
) -> PlainTextResponse:
    """The newest text derivative, or the one asked for; appends a `viewed` event (one per
    user and item in half an hour)."""
    with ws.read() as conn:
        item_for(conn, who, item_id)
    item, chosen = item_text(ws, item_id, derivative)
    record_access(ws, item, who.name, Action.VIEWED, via="api", derivative=chosen.id)
    headers = {
        "X-Pursuit-Derivative": str(chosen.id),
        "X-Pursuit-Tool": f"{chosen.tool} {chosen.tool_version}",
        "X-Pursuit-Text-SHA256": chosen.text_sha256,
    }
    return PlainTextResponse(chosen.text, headers=headers)


@router.get("/{item_id}/blob", response_class=FileResponse, summary="The original bytes")
def item_blob(item_id: str, ws: Ws, who: Signed) -> FileResponse:
    """Streams the stored bytes with their recorded SHA-256; appends an `exported` event."""
    with ws.read() as conn:
        item = item_for(conn, who, item_id)
    path = ws.blobs.path_for(item.sha256)
    if not path.is_file():
        raise IntegrityError(f"blob {item.sha256} of item {item.id} is missing from the store")
    record_access(ws, item, who.name, Action.EXPORTED, via="api", sha256=item.sha256)
    digest = base64.b64encode(bytes.fromhex(item.sha256)).decode()
    headers = {"X-Pursuit-SHA256": item.sha256, "Repr-Digest": f"sha-256=:{digest}:"}
    return FileResponse(path, media_type=item.mime, filename=item.filename, headers=headers)


def _status(results: list[IntakeResult]) -> int:
    top = results[0].status if results else "failed"
    return {"new": 201, "duplicate": 200}.get(top, 422)


@router.post(
    "", response_model=IntakeResponse, status_code=201, summary="Upload a file as evidence"
)
def item_upload(
    ws: Ws,
    who: Signed,
    file: Annotated[UploadFile, File(description="The evidence file.")],
    case: Annotated[str, Form()] = DEFAULT_CASE,
    acquired_by: Annotated[str | None, Form()] = None,
    acquired_at: Annotated[str | None, Form(description="ISO 8601; UTC if no zone")] = None,
    method: Annotated[Method, Form()] = Method.UPLOAD,
    source_url: Annotated[str | None, Form()] = None,
    notes: Annotated[str, Form()] = "",
) -> JSONResponse:
    """Takes the file in (members of archives become child items): 201 new, 200 duplicate.
    The user must be allowed to ingest in the case; only users allowed in every case open a
    new one."""
    with ws.read() as conn:
        require_ingest_into(conn, who, case)
    actor = who.name
    options = intake_options(case, acquired_by or actor, acquired_at, method, source_url, notes)
    name = safe_filename(file.filename)
    with spooled(file.file, name, ws.settings.max_upload_bytes) as path:
        results = list(ingest_file(acting(ws, actor), path, options, label=name, filename=name))
    body = IntakeResponse(results=[IntakeResultOut.model_validate(r) for r in results])
    return JSONResponse(body.model_dump(mode="json"), status_code=_status(results))
