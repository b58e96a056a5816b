"""The screening index a user may screen against: the persons of the cases they may screen in.

The server keeps one index of every person (`pursuit.screen.cache`). A user allowed to screen in
every case uses it as it is; any other user gets an index of the persons of their cases only,
made from the shared one and kept until the shared one is rebuilt, so a hit never names a
person of a case the user has no business in.
"""

from __future__ import annotations

import threading

import sqlalchemy as sa
from fastapi import Request

from pursuit.screen import ScreenIndex
from pursuit.screen.cache import shared_index
from pursuit.security.roles import Permission, Principal
from pursuit.store.schema import entities
from pursuit.store.workspace import Workspace

__all__ = ["screen_index_for"]

MAX_SCOPED = 32  # distinct sets of cases kept; beyond that the oldest is dropped
_lock = threading.Lock()
Scoped = dict[frozenset[str], tuple[ScreenIndex, ScreenIndex]]


def _scoped_cache(holder: object) -> Scoped:
    cache = getattr(holder, "scoped_screen_indexes", None)
    if not isinstance(cache, dict):
        cache = {}
        setattr(holder, "scoped_screen_indexes", cache)  # noqa: B010
    return cache


def _restricted(ws: Workspace, shared: ScreenIndex, cases: frozenset[str]) -> ScreenIndex:
    with ws.read() as conn:
        query = sa.select(entities.c.id).where(entities.c.case_id.in_(sorted(cases)))
        ids = {str(i) for i in conn.scalars(query)}
    return ScreenIndex([p for p in shared.profiles if p.id in ids])


def screen_index_for(request: Request, ws: Workspace, who: Principal) -> ScreenIndex:
    """The index of the persons `who` may screen against."""
    shared = shared_index(request.app.state, ws)
    allowed = who.cases_with(Permission.SCREEN)
    if allowed is None:
        return shared
    key = frozenset(allowed)
    with _lock:
        cache = _scoped_cache(request.app.state)
        kept = cache.get(key)
        if kept is not None and kept[0] is shared:
            return kept[1]
        scoped = _restricted(ws, shared, key)
        cache.pop(key, None)
        if len(cache) >= MAX_SCOPED:
            cache.pop(next(iter(cache)))
        cache[key] = (shared, scoped)
        return scoped
