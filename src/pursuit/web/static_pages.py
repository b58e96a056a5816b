"""The style sheet, served from the package so pages work offline and under a strict CSP."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import Response

from pursuit.render import stylesheet

__all__ = ["router"]

router = APIRouter(include_in_schema=False)


@router.get("/static/pursuit.css")
def style_sheet() -> Response:
    return Response(stylesheet(), media_type="text/css; charset=utf-8")
