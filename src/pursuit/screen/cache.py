"""A screening index kept between requests, rebuilt only when the persons it holds change.

Building the index over a hundred thousand persons takes seconds; a single query must answer in
milliseconds. The server keeps one index per workspace and checks before each query whether
anything that shapes the profiles moved on — new mentions or entities, a judgement, a correction —
by reading a few maxima, and rebuilds only then.
"""

from __future__ import annotations

import threading

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pursuit.screen.index import ScreenIndex
from pursuit.screen.profiles import profiles_from_workspace
from pursuit.store.schema import corrections, entities, judgements, mentions
from pursuit.store.workspace import Workspace

__all__ = ["IndexCache", "workspace_version"]


def workspace_version(conn: Connection) -> tuple[object, ...]:
    """Values that change whenever the workspace's persons could have changed."""
    return tuple(
        conn.execute(
            sa.select(
                sa.select(sa.func.max(mentions.c.id)).scalar_subquery(),
                sa.select(sa.func.count()).select_from(entities).scalar_subquery(),
                sa.select(sa.func.max(judgements.c.id)).scalar_subquery(),
                sa.select(sa.func.count(judgements.c.deleted_at)).scalar_subquery(),
                sa.select(sa.func.max(corrections.c.id)).scalar_subquery(),
                sa.select(sa.func.count(corrections.c.deleted_at)).scalar_subquery(),
            )
        ).one()
    )


class IndexCache:
    """One workspace's screening index, rebuilt when `workspace_version` changes."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._version: tuple[object, ...] | None = None
        self._index: ScreenIndex | None = None

    def get(self, ws: Workspace) -> ScreenIndex:
        with ws.read() as conn:
            version = workspace_version(conn)
            with self._lock:
                if self._index is None or version != self._version:
                    self._index = ScreenIndex(profiles_from_workspace(conn).profiles)
                    self._version = version
                return self._index
