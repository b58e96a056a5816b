"""What every page route shares: rendering a template into a response."""

from __future__ import annotations

from typing import Any

from fastapi.responses import HTMLResponse

from pursuit.render import render

__all__ = ["page"]


def page(template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(render(template, **context), status_code=status_code)
