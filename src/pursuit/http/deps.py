"""What every route depends on: the workspace, and who is acting.

The acting user is the signed-in user (`pursuit.http.auth`); no header can claim another name.
"""

from __future__ import annotations

import dataclasses
from typing import Annotated

from fastapi import Depends, Request

from pursuit.store.workspace import Workspace

__all__ = ["Actor", "Ws", "acting", "current_actor", "get_workspace"]


def get_workspace(request: Request) -> Workspace:
    """The workspace the app was created for."""
    ws: Workspace = request.app.state.workspace
    return ws


async def current_actor(request: Request) -> str:
    """The signed-in user's name, recorded in every custody event a request appends."""
    from pursuit.http.auth import current_principal

    return (await current_principal(request)).name


def acting(ws: Workspace, actor: str) -> Workspace:
    """The same workspace (engine, blobs) whose core calls record `actor` as the one acting."""
    if ws.settings.actor == actor:
        return ws
    settings = ws.settings.model_copy(update={"actor": actor})
    return dataclasses.replace(ws, settings=settings)


Ws = Annotated[Workspace, Depends(get_workspace)]
Actor = Annotated[str, Depends(current_actor)]
