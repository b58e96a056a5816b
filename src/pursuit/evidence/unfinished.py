"""Items whose processing never finished: a stage interrupted, or never started at all.

The evidence is whole either way (the original is stored before any stage runs), so these are
warnings pointing at `pursuit reprocess`. Whether the process owning an unfinished run is still
alive is the stages' knowledge, not the evidence layer's: the caller passes `alive`, and without
it an unfinished run is reported as "unfinished (running or interrupted)".
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pursuit.evidence.problems import Problem, ProblemKind
from pursuit.store.schema import items, stage_runs

__all__ = ["RunAlive", "unfinished_stages"]

RunAlive = Callable[[str | None, int | None, datetime], bool]
"""(host, pid, started_at) of a queued or running run → whether its process still works on it."""

_UNFINISHED = ("queued", "running")
_INTERRUPTED = ("interrupted", "stopped by")


def _state(run: Any, alive: RunAlive | None) -> str | None:
    """Why the run is unfinished, or None when it ended (or is still being worked on)."""
    if run.status in _UNFINISHED:
        if alive is None:
            return "unfinished (running or interrupted)"
        return None if alive(run.host, run.pid, run.started_at) else "interrupted"
    if run.status == "failed" and str(run.error or "").startswith(_INTERRUPTED):
        return "interrupted"
    return None


def unfinished_stages(conn: Connection, alive: RunAlive | None = None) -> list[Problem]:
    """A warning per item and stage whose latest run did not finish, and per item never read."""
    newest: dict[tuple[str, str], Any] = {}
    for run in conn.execute(sa.select(stage_runs).order_by(stage_runs.c.id)):
        newest[(run.item_id, run.stage)] = run
    warnings: list[Problem] = []
    for (item_id, stage), run in sorted(newest.items()):
        if (state := _state(run, alive)) is not None:
            warnings.append(Problem(ProblemKind.STAGE_UNFINISHED, item_id, None, state, stage))
    started = {item_id for item_id, stage in newest if stage == "text"}
    for item_id in conn.execute(sa.select(items.c.id).order_by(items.c.id)).scalars():
        if item_id not in started:
            kind = ProblemKind.STAGE_UNFINISHED
            warnings.append(Problem(kind, item_id, None, "never started", "text"))
    return warnings
