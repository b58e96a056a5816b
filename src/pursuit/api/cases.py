"""Cases: the investigations a workspace holds, with how many items each has."""

from __future__ import annotations

from fastapi import APIRouter

from pursuit.api.schemas import CaseOut
from pursuit.cases.overview import item_counts
from pursuit.evidence.cases import Case, list_cases
from pursuit.http.auth import Signed
from pursuit.http.deps import Ws
from pursuit.http.scope import case_for, readable_cases

__all__ = ["router"]

router = APIRouter(prefix="/cases", tags=["cases"])


def _out(case: Case, count: int) -> CaseOut:
    return CaseOut.model_validate(case).model_copy(update={"item_count": count})


@router.get("", response_model=list[CaseOut], summary="The cases the user may read")
def cases_list(ws: Ws, who: Signed) -> list[CaseOut]:
    readable = readable_cases(who)
    with ws.read() as conn:
        counts = item_counts(conn)
        held = [c for c in list_cases(conn) if readable is None or c.id in readable]
    return [_out(c, counts.get(c.id, 0)) for c in held]


@router.get("/{case_ref}", response_model=CaseOut, summary="One case, by id or name")
def case_detail(case_ref: str, ws: Ws, who: Signed) -> CaseOut:
    with ws.read() as conn:
        case = case_for(conn, who, case_ref)
        return _out(case, item_counts(conn).get(case.id, 0))
