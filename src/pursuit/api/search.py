"""Full-text search across items' text, folding Arabic and Latin spelling variants."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from pursuit.api.schemas import SearchResponse
from pursuit.http.auth import Signed
from pursuit.http.deps import Ws
from pursuit.http.scope import readable_cases
from pursuit.search import search_across
from pursuit.stages.item_view import record_protected_reads

__all__ = ["router"]

router = APIRouter(prefix="/search", tags=["search"])

Q = Annotated[str, Query(description="Words to find; every word must occur.", max_length=1000)]
Limit = Annotated[int, Query(ge=1, le=200)]
Language = Annotated[
    str | None,
    Query(description="Only texts in this language (ISO 639-1).", pattern="^[A-Za-z]{2}$"),
]


@router.get("", response_model=SearchResponse, summary="Search items' text")
def search_items(
    q: Q, ws: Ws, who: Signed, limit: Limit = 20, language: Language = None, exact: bool = False
) -> SearchResponse:
    """Hits in the cases the user may read, then hits of the query's other scripts and
    spellings (unless `exact`), each saying which form found it; a snippet of protected
    testimony is logged as a read of it (once per user and item in half an hour)."""
    with ws.read() as conn:
        found = search_across(conn, q, limit, language, readable_cases(who), expand=not exact)
    record_protected_reads(ws, who.name, [h.item_id for h in found.hits], via="search")
    return SearchResponse.of(q, found)
