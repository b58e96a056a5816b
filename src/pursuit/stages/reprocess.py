"""Re-running one stage for one item or for all, keeping every earlier derivative.

Investigators fix an OCR language, upgrade a model or correct an extractor and need to redo just
that step — not take everything in again. Each run appends new derivatives and stage-run rows.
With `unfinished`, only items whose newest run of the stage did not end done are taken: what a
killed process left undone, and OCR an upload queued for later.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from pursuit.evidence.items import Item, get_item, list_items
from pursuit.stages.leftovers import sweep_leftovers
from pursuit.stages.nlp import run_nlp
from pursuit.stages.ocr import run_ocr
from pursuit.stages.protection import GuardFor, ItemGuard
from pursuit.stages.resume import pending_stages
from pursuit.stages.runs import (
    RunStatus,
    Stage,
    discard_queued,
    latest_runs,
    mark_interrupted,
    queue_runs,
)
from pursuit.stages.text import run_text
from pursuit.store.workspace import Workspace

__all__ = ["ReprocessResult", "reprocess", "resume_unfinished"]


@dataclass(frozen=True, slots=True)
class ReprocessResult:
    item_id: str
    filename: str
    stage: str
    ok: bool
    detail: str


def _one(
    ws: Workspace, item: Item, stage: Stage, queued: int, guard: ItemGuard | None
) -> ReprocessResult:
    if stage is Stage.TEXT:
        outcome = run_text(ws, item, queued=queued, guard=guard)
        ok = outcome.derivative_id is not None
        detail = "; ".join(outcome.errors) or f"derivative {outcome.derivative_id}"
    elif stage is Stage.OCR:
        ocr = run_ocr(ws, item, force=True, queued=queued, guard=guard)
        ok, detail = ocr.error is None, ocr.error or ocr.summary
    else:
        nlp = run_nlp(ws, item, queued=queued)
        ok = nlp.error is None
        detail = nlp.error or "; ".join([f"{nlp.mentions} mentions", *nlp.warnings])
    return ReprocessResult(item.id, item.filename, str(stage), ok, detail)


def reprocess(
    ws: Workspace,
    stage: Stage,
    item_ref: str | None = None,
    on_start: Callable[[int], None] | None = None,
    guard_for: GuardFor | None = None,
    *,
    unfinished: bool = False,
) -> Iterator[ReprocessResult]:
    """Run `stage` again on one item (by id or hash) or on every item of the workspace.

    Runs left unfinished by a process that died are first written down as failed; every item is
    then queued, so the item pages show what waits, and worked through in order. `guard_for`
    lends protected testimony's plaintext (and redaction) to the text and OCR stages; without it
    those stages fail for sealed items rather than read them.
    """
    mark_interrupted(ws)
    sweep_leftovers(ws.blobs.root)
    with ws.read() as conn:
        targets = [get_item(conn, item_ref)] if item_ref else list_items(conn)
    if unfinished:
        targets = [t for t in targets if pending_stages(ws, t, [stage])]
    if on_start is not None:
        on_start(len(targets))
    waiting = _waiting(ws, targets, stage) if unfinished else {}
    fresh = [t.id for t in targets if t.id not in waiting]
    queued = dict(zip(fresh, queue_runs(ws, fresh, stage), strict=True))
    try:
        for item in targets:
            guard = guard_for(item) if guard_for is not None else None
            run = waiting.get(item.id) or queued.pop(item.id)
            yield _one(ws, item, stage, run, guard)
    finally:
        for run in queued.values():
            discard_queued(ws, run)


def _waiting(ws: Workspace, targets: Sequence[Item], stage: Stage) -> dict[str, int]:
    """Runs already queued for these items (an upload's OCR): taken up rather than doubled."""
    found: dict[str, int] = {}
    for item in targets:
        for run in latest_runs(ws, item.id):
            if run.stage is stage and run.status is RunStatus.QUEUED:
                found[item.id] = run.id
    return found


def resume_unfinished(
    ws: Workspace,
    stages: Sequence[Stage] = (Stage.TEXT, Stage.OCR, Stage.NLP),
    item_ref: str | None = None,
    on_start: Callable[[int], None] | None = None,
    guard_for: GuardFor | None = None,
) -> Iterator[ReprocessResult]:
    """Finish every stage items still need, in pipeline order (text before OCR before NLP)."""
    for stage in stages:
        yield from reprocess(ws, stage, item_ref, on_start, guard_for, unfinished=True)
