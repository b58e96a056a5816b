"""The custody log, page by page, for the workspace or one item."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from pursuit.api.schemas import CustodyEventOut, CustodyPage
from pursuit.cases.overview import custody_page
from pursuit.http.auth import Signed
from pursuit.http.deps import Ws
from pursuit.http.scope import item_for, readable_cases
from pursuit.security.roles import Principal

__all__ = ["router"]

router = APIRouter(tags=["custody"])

After = Annotated[int, Query(ge=0, description="Only events after this sequence number.")]
Limit = Annotated[int, Query(ge=1, le=1000)]


def _page(
    ws: Ws, who: Principal, after: int, limit: int, item_id: str | None = None
) -> CustodyPage:
    """Events of the cases the user may read; events of no case (sign-ins, people and their
    roles) for administrators only."""
    with ws.read() as conn:
        if item_id is not None:
            item_id = item_for(conn, who, item_id).id
        scope = readable_cases(who)
        events = custody_page(conn, after, limit + 1, item_id, cases=scope, caseless=who.is_admin)
    more = len(events) > limit
    events = events[:limit]
    return CustodyPage(
        events=[CustodyEventOut.of(e) for e in events],
        next_after=events[-1].seq if more else None,
    )


@router.get("/custody", response_model=CustodyPage, summary="The custody log")
def custody_log(ws: Ws, who: Signed, after: After = 0, limit: Limit = 100) -> CustodyPage:
    return _page(ws, who, after, limit)


@router.get("/items/{item_id}/custody", response_model=CustodyPage, summary="An item's history")
def item_custody(
    item_id: str, ws: Ws, who: Signed, after: After = 0, limit: Limit = 100
) -> CustodyPage:
    return _page(ws, who, after, limit, item_id)
