"""The custody log, page by page, for the workspace or one item."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from pursuit.api.deps import Ws
from pursuit.api.overview import custody_page
from pursuit.api.schemas import CustodyEventOut, CustodyPage
from pursuit.evidence.items import get_item

__all__ = ["router"]

router = APIRouter(tags=["custody"])

After = Annotated[int, Query(ge=0, description="Only events after this sequence number.")]
Limit = Annotated[int, Query(ge=1, le=1000)]


def _page(ws: Ws, after: int, limit: int, item_id: str | None = None) -> CustodyPage:
    with ws.read() as conn:
        if item_id is not None:
            item_id = get_item(conn, item_id).id
        events = custody_page(conn, after, limit + 1, item_id)
    more = len(events) > limit
    events = events[:limit]
    return CustodyPage(
        events=[CustodyEventOut.of(e) for e in events],
        next_after=events[-1].seq if more else None,
    )


@router.get("/custody", response_model=CustodyPage, summary="The custody log")
def custody_log(ws: Ws, after: After = 0, limit: Limit = 100) -> CustodyPage:
    return _page(ws, after, limit)


@router.get("/items/{item_id}/custody", response_model=CustodyPage, summary="An item's history")
def item_custody(item_id: str, ws: Ws, after: After = 0, limit: Limit = 100) -> CustodyPage:
    return _page(ws, after, limit, item_id)
