"""The application: the REST API under /api/v1, its documentation at /docs, and the web UI at /.

`create_app` takes an open workspace and keeps it on `app.state`; nothing reads the environment
here, so tests build their own workspace and hand it in. This module is the only one that sees
both the API and the web UI: they are siblings and never import each other.

Every route passes two gates before it runs: the cross-site guard (`http.guard`) and the
permission table (`http.permissions`), which needs a signed-in user for everything but signing
in. The OpenAPI document and its page are served from the package, behind sign-in too, so the
documentation works offline and tells an anonymous caller nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from fastapi import APIRouter, Depends, FastAPI
from fastapi.responses import HTMLResponse, JSONResponse

from pursuit import __version__
from pursuit.api import (
    cases,
    claims,
    corrections,
    custody,
    entities,
    exchange,
    identity,
    incidents,
    items,
    names,
    package,
    roles,
    search,
    verify,
    watch,
)
from pursuit.http.errors import install_error_handlers
from pursuit.http.guard import LOOPBACK_HOSTS, CrossSiteGuard
from pursuit.http.headers import SecurityHeaders
from pursuit.http.permissions import authorize
from pursuit.render import render, render_error
from pursuit.store.workspace import Workspace
from pursuit.web.routes import router as web_router

__all__ = ["API_PREFIX", "create_app"]

API_PREFIX = "/api/v1"

DESCRIPTION = (
    "Evidence, custody log, search, entities, identity and screening of one pursuit workspace. "
    "Every call needs a signed-in user: a browser session, or `Authorization: Bearer <token>` "
    "(`pursuit user token NAME`). Every read of an item's content and every export is appended "
    "to the hash-chained custody log, naming that user."
)


def _api_router() -> APIRouter:
    api = APIRouter(prefix=API_PREFIX)
    for module in (
        cases,
        items,
        custody,
        search,
        entities,
        corrections,
        verify,
        identity,
        names,
        roles,
        claims,
        incidents,
        watch,
        package,
        exchange,
    ):
        api.include_router(module.router)
    return api


def _docs_router(app: FastAPI) -> APIRouter:
    docs = APIRouter(include_in_schema=False)

    @docs.get("/openapi.json")
    def openapi_document() -> JSONResponse:
        return JSONResponse(app.openapi())

    @docs.get("/docs", response_class=HTMLResponse)
    def api_docs() -> HTMLResponse:
        spec: dict[str, Any] = app.openapi()
        return HTMLResponse(render("api_docs.html", spec=spec))

    return docs


def create_app(ws: Workspace, allowed_hosts: Iterable[str] = LOOPBACK_HOSTS) -> FastAPI:
    """The app serving `ws`, answering only `allowed_hosts` (see `pursuit.http.guard`)."""
    app = FastAPI(
        title="pursuit",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
    )
    app.add_middleware(SecurityHeaders)
    app.add_middleware(CrossSiteGuard, allowed_hosts=tuple(allowed_hosts))
    app.state.workspace = ws
    gate = [Depends(authorize)]
    app.include_router(_api_router(), dependencies=gate)
    app.include_router(_docs_router(app), dependencies=gate)
    app.include_router(web_router, dependencies=gate)
    install_error_handlers(app, render_error)
    return app
