"""Claims: what the evidence says of a person, graded, counted by independent origin, and the
contradictions among them. Reads keep the cases the user may read; every change needs the
right to correct in the claim's case and is a custody event."""

from __future__ import annotations

from collections.abc import Collection
from typing import Annotated

from fastapi import APIRouter, Query
from sqlalchemy.engine import Connection

from pursuit.api.schemas.claims import (
    ClaimAddIn,
    ClaimGradeIn,
    ClaimGradeOut,
    ClaimList,
    ClaimOut,
    ClaimRejectIn,
    ContradictionList,
    ContradictionOut,
    GradeChangeOut,
    GradeHistory,
    ResolveIn,
)
from pursuit.cases.claims import (
    CaseClaim,
    NewClaim,
    add_claim,
    claim_json,
    contradiction_json,
    contradictions,
    find_claim,
    grade_claim,
    grade_history,
    list_claims,
    reject_claim,
    resolve_contradiction,
    restore_claim,
)
from pursuit.errors import UnknownClaim
from pursuit.http.auth import Signed
from pursuit.http.deps import Ws
from pursuit.http.scope import profile_for, readable_cases, require_in_case
from pursuit.security.roles import Permission, Principal

__all__ = ["router"]

router = APIRouter(prefix="/claims", tags=["claims"])


def _out(c: CaseClaim) -> ClaimOut:
    return ClaimOut.model_validate(claim_json(c))


def _claim_for(conn: Connection, who: Principal, cid: str, permission: Permission) -> CaseClaim:
    found = find_claim(conn, cid, readable_cases(who))
    require_in_case(who, permission, found.case_id, UnknownClaim(f"no claim with id {cid!r}"))
    return found


def _graded(conn: Connection, found: CaseClaim, cases: Collection[str] | None) -> ClaimOut:
    listed = list_claims(conn, found.subject.id, case_ids=cases, include_rejected=True)
    return _out(next(c for c in listed if c.id == found.id))


@router.get("", response_model=ClaimList, summary="Claims, graded, with their origins")
def claims_list(
    ws: Ws,
    who: Signed,
    entity: Annotated[str | None, Query(description="A profile's id or name.")] = None,
    predicate: Annotated[str | None, Query(description="Only this predicate.")] = None,
    include_rejected: bool = False,
) -> ClaimList:
    with ws.read() as conn:
        ref = profile_for(conn, who, entity).id if entity else None
        found = list_claims(
            conn, ref, predicate, readable_cases(who), include_rejected=include_rejected
        )
    return ClaimList(claims=[_out(c) for c in found])


@router.post("", response_model=ClaimOut, status_code=201, summary="Add a claim read in an item")
def claims_add(body: ClaimAddIn, ws: Ws, who: Signed) -> ClaimOut:
    new = NewClaim(
        body.entity,
        body.predicate,
        body.value,
        body.item_id,
        body.reason,
        body.quote,
        body.start,
        body.end,
        body.time,
    )
    with ws.write() as conn:
        profile = profile_for(conn, who, body.entity, Permission.CORRECT)
        made = add_claim(conn, new, who.name, case_ids=[profile.case_id])
        return _out(made)


@router.post("/{claim_id}/reject", response_model=ClaimOut, summary="Reject or restore a claim")
def claims_reject(claim_id: str, body: ClaimRejectIn, ws: Ws, who: Signed) -> ClaimOut:
    """Kept across re-extraction; `restore` withdraws an earlier rejection."""
    cases = readable_cases(who)
    with ws.write() as conn:
        found = _claim_for(conn, who, claim_id, Permission.CORRECT)
        act = restore_claim if body.restore else reject_claim
        act(conn, found.id, body.reason, who.name, item_id=body.item_id, case_ids=cases)
        return _graded(conn, found, cases)


@router.post("/{claim_id}/grade", response_model=ClaimGradeOut, summary="Grade a claim")
def claims_grade(claim_id: str, body: ClaimGradeIn, ws: Ws, who: Signed) -> ClaimGradeOut:
    """Credibility 1-6 of the claim and/or reliability A-F of one of its sources, with a reason."""
    cases = readable_cases(who)
    with ws.write() as conn:
        found = _claim_for(conn, who, claim_id, Permission.CORRECT)
        changes = grade_claim(
            conn,
            found.id,
            body.reason,
            who.name,
            credibility=body.credibility,
            reliability=body.reliability,
            source=body.source,
            case_ids=cases,
        )
        claim = _graded(conn, found, cases)
    out = [GradeChangeOut.model_validate(c) for c in changes]
    return ClaimGradeOut(changes=out, claim=claim)


@router.get("/{claim_id}/history", response_model=GradeHistory, summary="A claim's grading")
def claims_history(claim_id: str, ws: Ws, who: Signed) -> GradeHistory:
    """Every credibility set for the claim and every reliability set for its sources."""
    with ws.read() as conn:
        found = _claim_for(conn, who, claim_id, Permission.READ)
        graded = _graded(conn, found, readable_cases(who))
        targets = [found.id, *(s.key for s in graded.sources)]
        changes = [g for t in targets for g in grade_history(conn, found.case_id, t)]
    changes.sort(key=lambda g: g.made_at)
    return GradeHistory(history=[GradeChangeOut.model_validate(c) for c in changes])


@router.get(
    "/contradictions", response_model=ContradictionList, summary="A profile's contradictions"
)
def contradictions_list(
    ws: Ws, who: Signed, entity: Annotated[str, Query(description="A profile's id or name.")]
) -> ContradictionList:
    with ws.read() as conn:
        found = contradictions(conn, profile_for(conn, who, entity))
    out = [ContradictionOut.model_validate(contradiction_json(c)) for c in found]
    return ContradictionList(contradictions=out)


@router.post(
    "/contradictions/{contradiction_id}/resolve",
    response_model=ContradictionOut,
    summary="Resolve a contradiction with a reason",
)
def contradictions_resolve(
    contradiction_id: str, body: ResolveIn, ws: Ws, who: Signed
) -> ContradictionOut:
    with ws.write() as conn:
        profile = profile_for(conn, who, body.entity, Permission.CORRECT)
        done = resolve_contradiction(
            conn,
            profile.id,
            contradiction_id,
            body.reason,
            who.name,
            holds=body.holds,
            case_ids=[profile.case_id],
        )
    return ContradictionOut.model_validate(contradiction_json(done))
