"""FollowTheMoney export through the API: the cases the user may export, as JSON lines."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from pursuit.cases.ftm import export_ftm
from pursuit.http.auth import Signed
from pursuit.http.deps import Ws
from pursuit.http.scope import case_for, require_in_case
from pursuit.security.roles import Permission

__all__ = ["router"]

router = APIRouter(prefix="/export", tags=["exchange"])


def _stream(lines: list[str]) -> Iterator[str]:
    for line in lines:
        yield f"{line}\n"


@router.get(
    "/ftm",
    response_class=StreamingResponse,
    responses={200: {"content": {"application/x-ndjson": {}}}},
    summary="Persons, organizations, places, documents, events and links as FtM JSON lines",
)
def export_ftm_route(
    ws: Ws,
    who: Signed,
    case: Annotated[str | None, Query(description="Only this case (name or id).")] = None,
    entity: Annotated[str | None, Query(description="One entity and its neighbours.")] = None,
) -> StreamingResponse:
    """The cases the user may export (or one of them), logged as an export naming the user;
    `X-Pursuit-Sha256` gives the SHA-256 of the body."""
    scope = who.cases_with(Permission.EXPORT)
    if case is not None:
        with ws.read() as conn:
            found = case_for(conn, who, case)
        require_in_case(who, Permission.EXPORT, found.id)
        scope = {found.id}
    done = export_ftm(ws, who.name, scope, entity)
    return StreamingResponse(
        _stream(done.lines),
        media_type="application/x-ndjson",
        headers={"X-Pursuit-Sha256": done.sha256},
    )
