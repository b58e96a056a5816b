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

from pursuit.resolve.judgements import JudgementSource
from pursuit.screen.index import ScreenIndex
from pursuit.screen.profiles import profiles_from_workspace
from pursuit.store.schema import corrections, entities, judgements, mentions
from pursuit.store.workspace import Workspace

__all__ = ["IndexCache", "shared_index", "workspace_version"]


def workspace_version(conn: Connection) -> tuple[object, ...]:
    """Values that change whenever the workspace's persons could have changed.

    Decisions on screening hits join no persons, so they leave the index as it is: they are read
    afresh on each screening (`memory.py`), and a reviewer deciding hit after hit does not make
    the server rebuild the index each time."""
    merging = judgements.c.source != str(JudgementSource.SCREENING)
    return tuple(
        conn.execute(
            sa.select(
                sa.select(sa.func.max(mentions.c.id)).scalar_subquery(),
                sa.select(sa.func.count()).select_from(entities).scalar_subquery(),
                sa.select(sa.func.max(judgements.c.id)).where(merging).scalar_subquery(),
                sa.select(sa.func.count(judgements.c.deleted_at)).where(merging).scalar_subquery(),
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


def shared_index(holder: object, ws: Workspace) -> ScreenIndex:
    """The index kept on `holder` (a server's application state) for `ws`, made on first use."""
    cache = getattr(holder, "screen_index_cache", None)
    if not isinstance(cache, IndexCache):
        cache = IndexCache()
        setattr(holder, "screen_index_cache", cache)  # noqa: B010
    return cache.get(ws)
