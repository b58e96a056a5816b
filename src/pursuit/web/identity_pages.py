"""Web pages for names and screening: compare two names, screen a list of names.

Both pages show proposals with their scores and reasons; nothing here records a finding. Each
screening candidate carries the decision a reviewer took on it, if any, and buttons to take one:
a hit judged "not same" shows who decided it and when, and is no longer proposed as a match.
The names go through the same batched screening as the CLI and the API (`screen_input`).
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse

from pursuit.cases.alerts_screening import screening_alerts
from pursuit.cases.roles_screening import INTEREST, against_everyone, index_of_interest
from pursuit.http.auth import Signed
from pursuit.http.deps import Ws
from pursuit.http.scope import require_for_entities
from pursuit.http.screening import screen_index_for
from pursuit.names import DEFAULT_THRESHOLD, compare_names, parse_name
from pursuit.names.pairs import MAX_NAME
from pursuit.resolve.judgements import Decision
from pursuit.screen import ScreenOptions, load_memory, record_hit_decision, screen_input
from pursuit.screen.engine import SCREEN_THRESHOLD
from pursuit.screen.records import records_from_rows
from pursuit.security.roles import Permission, Principal
from pursuit.web.pages import page

__all__ = ["router"]

router = APIRouter(include_in_schema=False)
MAX_LINES = 200


@router.get("/names", response_class=HTMLResponse)
def names_page() -> HTMLResponse:
    return page("names.html", threshold=DEFAULT_THRESHOLD)


@router.post("/names", response_class=HTMLResponse)
def names_compare(
    name_a: Annotated[str, Form(max_length=MAX_NAME)],
    name_b: Annotated[str, Form(max_length=MAX_NAME)],
) -> HTMLResponse:
    found = compare_names(name_a, name_b) if name_a.strip() and name_b.strip() else None
    return page(
        "names.html",
        threshold=DEFAULT_THRESHOLD,
        name_a=name_a,
        name_b=name_b,
        result=found,
        parts=[parse_name(name_a), parse_name(name_b)] if found else [],
    )


@router.get("/screen", response_class=HTMLResponse)
def screen_page() -> HTMLResponse:
    return page("screen.html", threshold=SCREEN_THRESHOLD, results=None)


NamesForm = Annotated[str, Form(max_length=MAX_LINES * MAX_NAME)]


def _screened(
    request: Request, ws: Ws, who: Principal, names: str, against: str = INTEREST
) -> HTMLResponse:
    """The names screened against the persons of the cases the user may screen in: those of
    interest (suspects, watch list) unless `against` is "all"."""
    lines = [line.strip() for line in names.splitlines() if line.strip()][:MAX_LINES]
    rows = [(n, [f"line{n}", line, "", "", ""]) for n, line in enumerate(lines, start=1)]
    taken = records_from_rows(["id", "name", "birth_date", "nationality", "gender"], rows)
    with ws.read() as conn:
        index = index_of_interest(
            conn,
            screen_index_for(request, ws, who),
            against_everyone(against),
            who.cases_with(Permission.SCREEN),
        )
    report = screen_input(index, taken, ScreenOptions(), load_memory(ws))
    with ws.write() as conn:  # a match on a watched person raises an alert
        screening_alerts(conn, report)
    return page(
        "screen.html",
        threshold=SCREEN_THRESHOLD,
        names=names,
        against=against,
        results=report.results,
        skipped=report.skipped,
        profiles=report.profile_count,
        decisions=list(Decision),
    )


AgainstForm = Annotated[Literal["interest", "all"], Form()]


@router.post("/screen", response_class=HTMLResponse)
def screen_names(
    request: Request, ws: Ws, who: Signed, names: NamesForm, against: AgainstForm = "interest"
) -> HTMLResponse:
    return _screened(request, ws, who, names, against)


@router.post("/screen/decide", response_class=HTMLResponse)
def screen_decide(
    request: Request,
    ws: Ws,
    who: Signed,
    names: NamesForm,
    key: Annotated[str, Form(max_length=200)],
    entity_id: Annotated[str, Form(max_length=200)],
    decision: Annotated[Decision, Form()],
    reason: Annotated[str, Form(max_length=2000)] = "",
    against: AgainstForm = "interest",
) -> HTMLResponse:
    """Record the decision on one hit, then show the same names screened again."""
    with ws.write() as conn:
        require_for_entities(conn, who, Permission.JUDGE, entity_id)
        record_hit_decision(conn, key, entity_id, decision, who.name, reason)
    return _screened(request, ws, who, names, against)
