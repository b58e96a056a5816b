"""A person's claims page: each claim with its grade, corroboration and origins, and the
contradictions work list, with forms to grade, reject and resolve (over the API's core)."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Form, Query
from fastapi.responses import HTMLResponse, RedirectResponse

from pursuit.cases.claims import (
    claim_json,
    contradiction_json,
    find_claim,
    grade_claim,
    profile_facts,
    reject_claim,
    resolve_contradiction,
    restore_claim,
)
from pursuit.errors import UnknownClaim
from pursuit.http.auth import Signed
from pursuit.http.deps import Ws
from pursuit.http.scope import profile_for, readable_cases, require_in_case
from pursuit.security.roles import Permission
from pursuit.web.pages import page

__all__ = ["router"]

router = APIRouter(include_in_schema=False)

Reason = Annotated[str, Form(max_length=4000)]
Short = Annotated[str, Form(max_length=200)]


def _back(entity_id: str, note: str) -> RedirectResponse:
    return RedirectResponse(f"/entities/{quote(entity_id)}/claims?done={quote(note)}", 303)


@router.get("/entities/{entity_id}/claims", response_class=HTMLResponse)
def claims_page(
    entity_id: str, ws: Ws, who: Signed, done: Annotated[str, Query(max_length=300)] = ""
) -> HTMLResponse:
    with ws.read() as conn:
        facts = profile_facts(conn, profile_for(conn, who, entity_id))
    return page(
        "claims.html",
        profile=facts.profile,
        claims=[claim_json(c) for c in facts.claims],
        contradictions=[contradiction_json(c) for c in facts.contradictions],
        done=done,
    )


def _checked_claim(ws: Ws, who: Signed, claim_id: str) -> str:
    with ws.read() as conn:
        found = find_claim(conn, claim_id, readable_cases(who))
    hidden = UnknownClaim(f"no claim with id {claim_id!r}")
    require_in_case(who, Permission.CORRECT, found.case_id, hidden)
    return found.subject.id


@router.post("/claims/{claim_id}/grade")
def claims_grade_form(
    claim_id: str,
    ws: Ws,
    who: Signed,
    reason: Reason,
    credibility: Short = "",
    reliability: Short = "",
    source: Short = "",
) -> RedirectResponse:
    subject = _checked_claim(ws, who, claim_id)
    with ws.write() as conn:
        grade_claim(
            conn,
            claim_id,
            reason,
            who.name,
            credibility=credibility or None,
            reliability=reliability or None,
            source=source or None,
            case_ids=readable_cases(who),
        )
    return _back(subject, f"claim {claim_id} graded")


@router.post("/claims/{claim_id}/reject")
def claims_reject_form(
    claim_id: str,
    ws: Ws,
    who: Signed,
    reason: Reason,
    restore: Annotated[bool, Form()] = False,
) -> RedirectResponse:
    subject = _checked_claim(ws, who, claim_id)
    act = restore_claim if restore else reject_claim
    with ws.write() as conn:
        act(conn, claim_id, reason, who.name, case_ids=readable_cases(who))
    return _back(subject, f"claim {claim_id} {'restored' if restore else 'rejected'}")


@router.post("/entities/{entity_id}/contradictions/{contradiction_id}/resolve")
def claims_resolve_form(
    entity_id: str,
    contradiction_id: str,
    ws: Ws,
    who: Signed,
    reason: Reason,
    holds: Short = "",
) -> RedirectResponse:
    with ws.write() as conn:
        profile = profile_for(conn, who, entity_id, Permission.CORRECT)
        resolve_contradiction(
            conn,
            profile.id,
            contradiction_id,
            reason,
            who.name,
            holds=holds,
            case_ids=[profile.case_id],
        )
    return _back(profile.id, f"contradiction {contradiction_id} resolved")
