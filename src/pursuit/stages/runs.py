"""Stage runs: one row per attempt to run a stage on an item, in the state it is really in.

A run is `queued` when a batch lists it, `running` once its work starts, and `done` or `failed`
(with the error) at the end. The row names the host and pid of the process doing the work, so a
run whose process died — a crash, a kill, a power cut — reads as failed ("interrupted") instead
of running forever, and an item is never shown as processed or failed while it is being worked
on. `mark_interrupted` writes that verdict down before a new batch starts.

`contained` is the boundary every stage runs behind: an unexpected error inside one item's stage
(a RecursionError on a hostile file, a MemoryError, a full disk, a bug) becomes that run's
failure with its reason, and the batch goes on with the next item.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.exc import SQLAlchemyError

from pursuit.stages.liveness import Owner, owner_alive, this_process
from pursuit.store.schema import stage_runs
from pursuit.store.workspace import Workspace

__all__ = [
    "INTERRUPTED",
    "RunStatus",
    "Stage",
    "StageRun",
    "contained",
    "discard_queued",
    "finish_run",
    "guarded",
    "latest_runs",
    "mark_interrupted",
    "queue_runs",
    "start_run",
    "stopped_by",
]

log = logging.getLogger(__name__)
T = TypeVar("T")
# Errors a hostile or huge input, or the machine, causes: their reason is enough, no traceback.
_EXPECTED = (RecursionError, MemoryError, OSError, SQLAlchemyError)

INTERRUPTED = "interrupted: the process running it stopped"
NEVER_STARTED = "interrupted: the process that queued it stopped before its turn"


class Stage(StrEnum):
    TEXT = "text"
    OCR = "ocr"
    NLP = "nlp"


class RunStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


UNFINISHED = (RunStatus.QUEUED, RunStatus.RUNNING)
_ENDED = (RunStatus.DONE, RunStatus.FAILED)


@dataclass(frozen=True, slots=True)
class StageRun:
    """One attempt; `started_at` is when it was queued until it starts."""

    id: int
    item_id: str
    stage: Stage
    status: RunStatus
    error: str | None
    started_at: datetime
    finished_at: datetime | None
    host: str | None = None
    pid: int | None = None

    @property
    def owner(self) -> Owner | None:
        return Owner(self.host, self.pid) if self.host and self.pid is not None else None


def _owned(status: RunStatus, now: datetime) -> dict[str, Any]:
    me = this_process()
    return {"status": str(status), "started_at": now, "host": me.host, "pid": me.pid}


def queue_runs(ws: Workspace, item_ids: Sequence[str], stage: Stage) -> list[int]:
    """Queue one run per item, in one transaction, before a batch works through them."""
    values = _owned(RunStatus.QUEUED, datetime.now(UTC))
    with ws.write() as conn:
        return [_insert(conn, {**values, "item_id": i, "stage": str(stage)}) for i in item_ids]


def _insert(conn: sa.Connection, values: dict[str, Any]) -> int:
    key = conn.execute(stage_runs.insert().values(**values)).inserted_primary_key
    assert key is not None
    return int(key[0])


def start_run(ws: Workspace, item_id: str, stage: Stage, queued: int | None = None) -> int:
    """Mark a run running in this process: the queued one given, or a new one."""
    values = _owned(RunStatus.RUNNING, datetime.now(UTC))
    with ws.write() as conn:
        if queued is None:
            return _insert(conn, {**values, "item_id": item_id, "stage": str(stage)})
        conn.execute(stage_runs.update().where(stage_runs.c.id == queued).values(**values))
        return queued


def finish_run(
    ws: Workspace, run_id: int, error: str | None = None, *, note: str | None = None
) -> None:
    """Done, or failed with `error`; a done run may carry a `note` (in the same column) saying
    what it left out, such as text beyond the language stage's cap."""
    status = RunStatus.DONE if error is None else RunStatus.FAILED
    with ws.write() as conn:
        conn.execute(
            stage_runs.update()
            .where(stage_runs.c.id == run_id)
            .values(status=str(status), error=error or note, finished_at=datetime.now(UTC))
        )


def discard_queued(ws: Workspace, run_id: int) -> None:
    """Drop a queued run that will not happen (the stage skips the item, or the batch stopped)."""
    with ws.write() as conn:
        conn.execute(
            stage_runs.delete().where(
                stage_runs.c.id == run_id, stage_runs.c.status == str(RunStatus.QUEUED)
            )
        )


def stopped_by(exc: BaseException) -> str:
    """The failure reason recorded for an error nobody raised on purpose."""
    detail = str(exc).strip().splitlines()
    return f"stopped by {type(exc).__name__}: {detail[0][:300] if detail else 'no detail'}"


def _record_failure(ws: Workspace, run_id: int, exc: BaseException) -> None:
    """Mark the run failed; on a full disk this may fail too, and the run then reads as
    interrupted once this process ends."""
    try:
        finish_run(ws, run_id, stopped_by(exc))
    except (OSError, SQLAlchemyError) as again:
        log.warning("could not record the failure of run %d: %s", run_id, again)


@contextmanager
def guarded(ws: Workspace, run_id: int) -> Iterator[None]:
    """Record an unexpected error as the run's failure, so a server that survives it does not
    show the run as running for as long as it lives."""
    try:
        yield
    except BaseException as exc:
        _record_failure(ws, run_id, exc)
        raise


def contained(ws: Workspace, run_id: int, work: Callable[[], T], failed: Callable[[str], T]) -> T:
    """`work()`, or — when it raises — the run marked failed and `failed(reason)` returned.

    Interrupts (Ctrl-C, SystemExit) still stop the process; the run is marked failed first.
    """
    try:
        return work()
    except BaseException as exc:
        _record_failure(ws, run_id, exc)
        if not isinstance(exc, Exception):
            raise
        if not isinstance(exc, _EXPECTED):
            log.exception("stage run %d stopped by an unexpected error", run_id)
        return failed(stopped_by(exc))


def _as_read(run: StageRun, now: datetime) -> StageRun:
    """The run as it really stands: an unfinished run whose process is gone has failed."""
    if run.status not in UNFINISHED or owner_alive(run.owner, run.started_at, now):
        return run
    error = NEVER_STARTED if run.status is RunStatus.QUEUED else INTERRUPTED
    return replace(run, status=RunStatus.FAILED, error=error)


def _run(row: sa.Row[Any]) -> StageRun:
    return StageRun(
        id=row.id,
        item_id=row.item_id,
        stage=Stage(row.stage),
        status=RunStatus(row.status),
        error=row.error,
        started_at=row.started_at,
        finished_at=row.finished_at,
        host=row.host,
        pid=row.pid,
    )


def latest_runs(ws: Workspace, item_id: str) -> list[StageRun]:
    """The newest run of each stage for an item, in the state it really is in."""
    with ws.read() as conn:
        rows = conn.execute(
            sa.select(stage_runs).where(stage_runs.c.item_id == item_id).order_by(stage_runs.c.id)
        ).all()
    now = datetime.now(UTC)
    newest = {run.stage: run for run in map(_run, rows)}
    return [_as_read(run, now) for run in newest.values()]


def mark_interrupted(ws: Workspace) -> int:
    """Write down as failed every unfinished run whose process is gone; returns how many."""
    unfinished = [str(s) for s in UNFINISHED]
    with ws.read() as conn:
        rows = conn.execute(sa.select(stage_runs).where(stage_runs.c.status.in_(unfinished)))
        now = datetime.now(UTC)
        dead = [r for r in (_as_read(_run(row), now) for row in rows) if r.status in _ENDED]
    if dead:
        with ws.write() as conn:
            for run in dead:
                conn.execute(
                    stage_runs.update()
                    .where(stage_runs.c.id == run.id, stage_runs.c.status.in_(unfinished))
                    .values(status=str(RunStatus.FAILED), error=run.error, finished_at=now)
                )
    return len(dead)
