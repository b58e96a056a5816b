"""Re-running one stage for one item or for all, keeping every earlier derivative.

Investigators fix an OCR language, upgrade a model or correct an extractor and need to redo just
that step — not take everything in again. Each run appends new derivatives and stage-run rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from pursuit.evidence.items import Item, get_item, list_items
from pursuit.stages.nlp import run_nlp
from pursuit.stages.ocr import run_ocr
from pursuit.stages.runs import Stage
from pursuit.stages.text import run_text
from pursuit.store.workspace import Workspace

__all__ = ["ReprocessResult", "reprocess"]


@dataclass(frozen=True, slots=True)
class ReprocessResult:
    item_id: str
    filename: str
    stage: str
    ok: bool
    detail: str


def _one(ws: Workspace, item: Item, stage: Stage) -> ReprocessResult:
    if stage is Stage.TEXT:
        outcome = run_text(ws, item)
        ok = outcome.derivative_id is not None
        detail = "; ".join(outcome.errors) or f"derivative {outcome.derivative_id}"
    elif stage is Stage.OCR:
        ocr = run_ocr(ws, item, force=True)
        ok, detail = ocr.error is None, ocr.error or ocr.summary
    else:
        count = run_nlp(ws, item)
        ok, detail = True, f"{count} mentions"
    return ReprocessResult(item.id, item.filename, str(stage), ok, detail)


def reprocess(
    ws: Workspace,
    stage: Stage,
    item_ref: str | None = None,
    on_start: Callable[[int], None] | None = None,
) -> Iterator[ReprocessResult]:
    """Run `stage` again on one item (by id or hash) or on every item of the workspace."""
    with ws.read() as conn:
        targets = [get_item(conn, item_ref)] if item_ref else list_items(conn)
    if on_start is not None:
        on_start(len(targets))
    for item in targets:
        yield _one(ws, item, stage)
