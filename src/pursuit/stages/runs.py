"""Stage runs: one row per attempt to run a stage on an item.

A run is written as failed ("interrupted") before the work starts and marked done only at the
end, so a crash or a kill leaves an honest record instead of an item that looks processed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

import sqlalchemy as sa

from pursuit.store.schema import stage_runs
from pursuit.store.workspace import Workspace

__all__ = ["RunStatus", "Stage", "StageRun", "finish_run", "latest_runs", "start_run"]

INTERRUPTED = "interrupted before it finished"


class Stage(StrEnum):
    TEXT = "text"
    OCR = "ocr"
    NLP = "nlp"


class RunStatus(StrEnum):
    DONE = "done"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class StageRun:
    item_id: str
    stage: str
    status: str
    error: str | None
    started_at: datetime
    finished_at: datetime | None


def start_run(ws: Workspace, item_id: str, stage: Stage) -> int:
    with ws.write() as conn:
        result = conn.execute(
            stage_runs.insert().values(
                item_id=item_id,
                stage=str(stage),
                status=str(RunStatus.FAILED),
                error=INTERRUPTED,
                started_at=datetime.now(UTC),
            )
        )
        key = result.inserted_primary_key
        assert key is not None
        return int(key[0])


def finish_run(ws: Workspace, run_id: int, error: str | None = None) -> None:
    status = RunStatus.DONE if error is None else RunStatus.FAILED
    with ws.write() as conn:
        conn.execute(
            stage_runs.update()
            .where(stage_runs.c.id == run_id)
            .values(status=str(status), error=error, finished_at=datetime.now(UTC))
        )


def latest_runs(ws: Workspace, item_id: str) -> list[StageRun]:
    """The newest run of each stage for an item."""
    with ws.read() as conn:
        rows = conn.execute(
            sa.select(stage_runs).where(stage_runs.c.item_id == item_id).order_by(stage_runs.c.id)
        ).all()
    newest: dict[str, StageRun] = {}
    for r in rows:
        newest[r.stage] = StageRun(
            r.item_id, r.stage, r.status, r.error, r.started_at, r.finished_at
        )
    return list(newest.values())
