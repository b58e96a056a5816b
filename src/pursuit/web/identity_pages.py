"""Web pages for names and screening: compare two names, screen a list of names.

Both pages show proposals with their scores and reasons; nothing here records a finding. A
screening hit is decided in the review queue or through the API's judgements.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse

from pursuit.api.deps import Ws
from pursuit.api.identity import _index
from pursuit.names import DEFAULT_THRESHOLD, compare_names, parse_name
from pursuit.names.pairs import MAX_NAME
from pursuit.screen.engine import SCREEN_THRESHOLD, ScreenOptions, screen_one
from pursuit.screen.records import records_from_rows
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


@router.post("/screen", response_class=HTMLResponse)
def screen_names(
    request: Request, ws: Ws, names: Annotated[str, Form(max_length=MAX_LINES * MAX_NAME)]
) -> HTMLResponse:
    lines = [line.strip() for line in names.splitlines() if line.strip()][:MAX_LINES]
    rows = [(n, [f"line{n}", line, "", "", ""]) for n, line in enumerate(lines, start=1)]
    taken = records_from_rows(["id", "name", "birth_date", "nationality", "gender"], rows)
    index = _index(request, ws)
    options = ScreenOptions()
    results = [screen_one(index, record, options) for record in taken.records]
    return page(
        "screen.html",
        threshold=SCREEN_THRESHOLD,
        names=names,
        results=results,
        skipped=taken.skipped,
        profiles=len(index),
    )
