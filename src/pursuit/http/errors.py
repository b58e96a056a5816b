"""One table maps pursuit's errors to HTTP status codes; the core never knows about HTTP.

The most specific class in an error's MRO that the table names wins, so `UnknownItem` answers 404
through `NotFound` and a new subclass needs no new line. API paths get JSON; pages of the web UI
get the same message as HTML from the renderer the app passes in.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from pursuit.errors import (
    AccessDenied,
    AmbiguousEntity,
    DecisionConflict,
    InputError,
    IntegrityError,
    NotFound,
    NotSignedIn,
    PursuitError,
    SigninThrottled,
    StorageFull,
    ToolMissing,
    UnreadableInput,
    UploadTooLarge,
    WorkspaceBusy,
    WorkspaceError,
)

__all__ = ["HANDLERS", "HtmlErrorRenderer", "install_error_handlers", "status_for"]

HANDLERS: dict[type[PursuitError], int] = {
    NotFound: 404,
    InputError: 422,
    UnreadableInput: 400,
    AccessDenied: 403,
    WorkspaceBusy: 503,
    WorkspaceError: 503,
    IntegrityError: 409,
    UploadTooLarge: 413,
    StorageFull: 507,
    DecisionConflict: 409,
    NotSignedIn: 401,
    SigninThrottled: 429,
    AmbiguousEntity: 409,
    ToolMissing: 503,  # no browser to print a PDF with: the HTML and JSON forms still work
    PursuitError: 500,
}

RETRY_AFTER_SECONDS = "5"

HtmlErrorRenderer = Callable[[int, str, str], str]


def status_for(exc: PursuitError) -> int:
    """The status of the most specific table entry the error is an instance of."""
    for cls in type(exc).__mro__:
        if issubclass(cls, PursuitError) and cls in HANDLERS:
            return HANDLERS[cls]
    return 500


def _response(request: Request, exc: PursuitError, html: HtmlErrorRenderer) -> Response:
    status = status_for(exc)
    headers = {"Retry-After": RETRY_AFTER_SECONDS} if status == 503 else None
    kind, message = type(exc).__name__, str(exc)
    api = request.url.path.startswith(("/api/", "/openapi.json"))
    if isinstance(exc, NotSignedIn) and not api and request.method in ("GET", "HEAD"):
        target = quote(request.url.path + (f"?{request.url.query}" if request.url.query else ""))
        return RedirectResponse(f"/signin?next={target}", status_code=303)
    if isinstance(exc, NotSignedIn):
        headers = {**(headers or {}), "WWW-Authenticate": "Bearer"}
    if api:
        body = {"error": kind, "detail": message}
        return JSONResponse(body, status_code=status, headers=headers)
    return HTMLResponse(html(status, kind, message), status_code=status, headers=headers)


def install_error_handlers(app: FastAPI, html: HtmlErrorRenderer) -> None:
    """Answer every `PursuitError` with its mapped status and a clear message."""

    async def handle(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, PursuitError)
        return _response(request, exc, html)

    app.add_exception_handler(PursuitError, handle)
