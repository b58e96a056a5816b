"""Cases: the investigations a workspace holds, with how many items each has."""

from __future__ import annotations

from fastapi import APIRouter

from pursuit.api.deps import Ws
from pursuit.api.overview import item_counts
from pursuit.api.schemas import CaseOut
from pursuit.cases.registry import Case, get_case, list_cases

__all__ = ["router"]

router = APIRouter(prefix="/cases", tags=["cases"])


def _out(case: Case, count: int) -> CaseOut:
    return CaseOut.model_validate(case).model_copy(update={"item_count": count})


@router.get("", response_model=list[CaseOut], summary="All cases")
def cases_list(ws: Ws) -> list[CaseOut]:
    with ws.read() as conn:
        counts = item_counts(conn)
        return [_out(c, counts.get(c.id, 0)) for c in list_cases(conn)]


@router.get("/{case_ref}", response_model=CaseOut, summary="One case, by id or name")
def case_detail(case_ref: str, ws: Ws) -> CaseOut:
    with ws.read() as conn:
        case = get_case(conn, case_ref)
        return _out(case, item_counts(conn).get(case.id, 0))
