"""The review queue page: proposed pairs side by side with their evidence, and the decisions.

Each pair shows both names with their other spellings and the sentences they stand in, linked to
the items; buttons record "same", "not same" or "unsure" for one pair, or for every ticked pair at
once. Pending pairs are listed best first and leave the page once decided, so coming back resumes
where the reviewer stopped; the history page shows who decided what and when.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Query
from fastapi.responses import HTMLResponse, RedirectResponse

from pursuit.errors import InputError
from pursuit.http.auth import Signed
from pursuit.http.deps import Ws
from pursuit.http.scope import readable_cases, require_for_proposals
from pursuit.resolve.judgements import Decision, judgement_history
from pursuit.resolve.review import (
    QueueStatus,
    decide_many,
    last_decision,
    queue_counts,
    review_queue,
)
from pursuit.resolve.sides import entity_side
from pursuit.security.roles import Permission
from pursuit.web.pages import page

__all__ = ["router"]

router = APIRouter(include_in_schema=False)

PAGE_SIZE = 10


@router.get("/review", response_class=HTMLResponse)
def review_page(
    ws: Ws,
    who: Signed,
    status: QueueStatus = QueueStatus.PENDING,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> HTMLResponse:
    """Pairs of the cases the user may read."""
    actor, scope = who.name, readable_cases(who)
    with ws.read() as conn:
        entries = review_queue(conn, status, PAGE_SIZE, offset, case_ids=scope)
        pairs = [
            (e, entity_side(conn, e.proposal.entity_a), entity_side(conn, e.proposal.entity_b))
            for e in entries
        ]
        counts = queue_counts(conn, case_ids=scope)
        last = last_decision(conn, actor)
    return page(
        "review.html",
        pairs=pairs,
        counts=counts,
        status=status,
        statuses=list(QueueStatus),
        offset=offset,
        page_size=PAGE_SIZE,
        last=last,
        actor=actor,
        decisions=list(Decision),
    )


def _parse(one: str | None, bulk: str | None, ids: list[int]) -> tuple[list[int], Decision]:
    if one:
        proposal, _, decision = one.partition(":")
        if not proposal.isdigit():
            raise InputError(f"not a proposal: {proposal!r}")
        return [int(proposal)], Decision(decision)
    if not bulk or not ids:
        raise InputError("tick at least one pair, then choose a decision")
    return ids, Decision(bulk)


@router.post("/review", response_class=HTMLResponse)
def review_decide(
    ws: Ws,
    who: Signed,
    one: Annotated[str | None, Form()] = None,
    bulk: Annotated[str | None, Form()] = None,
    ids: Annotated[list[int] | None, Form()] = None,
    reason: Annotated[str, Form(max_length=2000)] = "",
    status: Annotated[QueueStatus, Form()] = QueueStatus.PENDING,
    supersede: Annotated[bool, Form()] = False,
) -> RedirectResponse:
    """Record the decision(s), then show the queue again at the next pending pair."""
    chosen, decision = _parse(one, bulk, ids or [])
    with ws.write() as conn:
        require_for_proposals(conn, who, Permission.JUDGE, chosen)
        decide_many(conn, chosen, decision, who.name, reason, supersede=supersede)
    return RedirectResponse(f"/review?status={status}", status_code=303)


@router.get("/review/history", response_class=HTMLResponse)
def review_history(
    ws: Ws, who: Signed, entity: Annotated[str | None, Query(max_length=200)] = None
) -> HTMLResponse:
    with ws.read() as conn:
        rows = judgement_history(conn, entity, limit=500, case_ids=readable_cases(who))
    return page("review_history.html", judgements=rows, entity=entity)
