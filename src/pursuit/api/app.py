"""The application: the REST API under /api/v1, its OpenAPI page at /docs, and the web UI at /.

`create_app` takes an open workspace and keeps it on `app.state`; nothing reads the environment
here, so tests build their own workspace and hand it in.
"""

from __future__ import annotations

from collections.abc import Callable

from fastapi import APIRouter, FastAPI

from pursuit import __version__
from pursuit.api import (
    cases,
    corrections,
    custody,
    entities,
    identity,
    items,
    names,
    search,
    verify,
)
from pursuit.api.deps import current_actor
from pursuit.api.errors import install_error_handlers
from pursuit.store.workspace import Workspace
from pursuit.web.render import render_error
from pursuit.web.routes import router as web_router

__all__ = ["API_PREFIX", "create_app"]

API_PREFIX = "/api/v1"

DESCRIPTION = (
    "Evidence, custody log, search and entities of one pursuit workspace. Every read of an "
    "item's content and every export is appended to the hash-chained custody log, naming the "
    "acting user (header `X-Pursuit-Actor`)."
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
    ):
        api.include_router(module.router)
    return api


def create_app(ws: Workspace, actor_dependency: Callable[..., str] | None = None) -> FastAPI:
    """The app serving `ws`; `actor_dependency` replaces how the acting user is found."""
    app = FastAPI(title="pursuit", version=__version__, description=DESCRIPTION)
    app.state.workspace = ws
    app.include_router(_api_router())
    app.include_router(web_router)
    install_error_handlers(app, render_error)
    if actor_dependency is not None:
        app.dependency_overrides[current_actor] = actor_dependency
    return app
