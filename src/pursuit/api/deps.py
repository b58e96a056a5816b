"""What every route depends on: the workspace, and who is acting.

The acting user comes from the `X-Pursuit-Actor` header or, without it, from the settings. Real
authentication arrives later; it replaces `current_actor` through FastAPI's dependency overrides
(or by passing `actor_dependency` to `create_app`), and no route changes.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from typing import Annotated

from fastapi import Depends, Header, Request

from pursuit.errors import InputError
from pursuit.store.workspace import Workspace

__all__ = ["Actor", "Ws", "acting", "current_actor", "get_workspace"]

ACTOR_MAX = 200


def get_workspace(request: Request) -> Workspace:
    """The workspace the app was created for."""
    ws: Workspace = request.app.state.workspace
    return ws


def _clean_actor(value: str) -> str:
    actor = value.strip()
    if not actor or len(actor) > ACTOR_MAX:
        raise InputError(f"X-Pursuit-Actor must be 1 to {ACTOR_MAX} characters")
    if any(unicodedata.category(ch).startswith("C") for ch in actor):
        raise InputError("X-Pursuit-Actor must not hold control characters")
    return actor


def current_actor(
    request: Request,
    x_pursuit_actor: Annotated[str | None, Header(description="Who is acting.")] = None,
) -> str:
    """The acting user's name, recorded in every custody event a request appends."""
    if x_pursuit_actor is not None:
        return _clean_actor(x_pursuit_actor)
    return get_workspace(request).settings.actor


def acting(ws: Workspace, actor: str) -> Workspace:
    """The same workspace (engine, blobs) whose core calls record `actor` as the one acting."""
    if ws.settings.actor == actor:
        return ws
    settings = ws.settings.model_copy(update={"actor": actor})
    return dataclasses.replace(ws, settings=settings)


Ws = Annotated[Workspace, Depends(get_workspace)]
Actor = Annotated[str, Depends(current_actor)]
