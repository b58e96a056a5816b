"""Which stages of an item never finished, so a later run can finish them.

A process killed mid-ingest leaves items that are stored but have no text, or text but no
mentions; re-ingesting the same file used to call them duplicates and leave them so for ever.
A stage is unfinished when its newest run failed, was queued and never started, or is missing
while the item needs it. A run still going in a live process is left to that process. Mentions
are also unfinished when they were made before the newest text or OCR derivative, which happens
when an upload's OCR ran later than its language stage.
"""

from __future__ import annotations

from collections.abc import Sequence

from pursuit.evidence.items import Item
from pursuit.stages.derivatives import latest_derivative
from pursuit.stages.ocr import ocr_wanted
from pursuit.stages.runs import RunStatus, Stage, StageRun, latest_runs
from pursuit.store.workspace import Workspace

__all__ = ["is_open", "pending_stages"]


def is_open(run: StageRun | None) -> bool:
    """True when the run is missing, failed or waiting: nobody is doing it or it did not end."""
    return run is None or run.status in (RunStatus.FAILED, RunStatus.QUEUED)


def _nlp_pending(ws: Workspace, item: Item, run: StageRun | None) -> bool:
    with ws.read() as conn:
        newest = latest_derivative(conn, item.id)
    if newest is None or not newest.text.strip():
        return False
    if is_open(run):
        return True
    assert run is not None
    return run.status is RunStatus.DONE and run.started_at < newest.created_at


def pending_stages(
    ws: Workspace, item: Item, stages: Sequence[Stage] = (Stage.TEXT, Stage.OCR, Stage.NLP)
) -> list[Stage]:
    """Among `stages`, those the item still needs, in pipeline order."""
    runs = {run.stage: run for run in latest_runs(ws, item.id)}
    found: list[Stage] = []
    if Stage.TEXT in stages and is_open(runs.get(Stage.TEXT)):
        found.append(Stage.TEXT)
    ocr_run = runs.get(Stage.OCR)
    if Stage.OCR in stages and is_open(ocr_run) and ocr_wanted(ws, item):
        found.append(Stage.OCR)
    if Stage.NLP in stages and _nlp_pending(ws, item, runs.get(Stage.NLP)):
        found.append(Stage.NLP)
    return found
