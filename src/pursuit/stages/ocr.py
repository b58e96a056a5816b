"""The OCR stage: text for images and for PDF pages that have no text layer.

The OCR derivative sits beside the text-layer derivative, never over it. For a PDF it holds
every page in order — text-layer pages as they were, scanned pages as read by Tesseract — so
later stages read one document, and its metadata says which pages were OCRed with which model.

Each item has a budget: at most `PURSUIT_MAX_OCR_PAGES` pages go through Tesseract, and no new
page is started after `PURSUIT_OCR_TIME_BUDGET` seconds. Blank pages are found first at low
resolution and never reach Tesseract nor count against the page budget. The metadata names the
pages skipped as blank (`pages_blank`) and those left unread (`pages_not_ocred`, with `note`
saying which budget ran out), so nobody mistakes an unread page for an empty one.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from pursuit.errors import PursuitError
from pursuit.evidence.items import Item
from pursuit.extract import (
    OcrPage,
    blank_image,
    blank_pdf_pages,
    language_meta,
    ocr_image,
    ocr_pdf_page,
    tesseract_version,
)
from pursuit.extract.pdf import page_ranges, parse_ranges
from pursuit.stages.derivatives import NewDerivative, add_derivative, list_derivatives
from pursuit.stages.protection import ItemGuard
from pursuit.stages.runs import Stage, contained, discard_queued, finish_run, start_run
from pursuit.stages.text import item_bytes, shown_derivative
from pursuit.store.workspace import Workspace

__all__ = ["OcrOutcome", "ocr_wanted", "run_ocr"]


@dataclass(frozen=True, slots=True)
class OcrOutcome:
    """What the OCR stage did for one item; `error` is set when it failed."""

    derivative_id: int | None
    summary: str
    error: str | None = None


def _pdf_pages(ws: Workspace, item: Item) -> tuple[list[str], list[int]]:
    """The text-layer pages and the page numbers to OCR, from the latest text derivative."""
    with ws.read() as conn:
        texts = [d for d in list_derivatives(conn, item.id) if d.kind == "text"]
    if not texts:
        return [], []
    latest = texts[-1]
    return latest.text.split("\f"), parse_ranges(latest.meta.get("pages_without_text", ""))


@dataclass(slots=True)
class _Budget:
    """Pages read, skipped as blank, or left unread because a budget ran out."""

    pages: int
    deadline: float
    read: dict[int, OcrPage] = field(default_factory=dict)
    blank: list[int] = field(default_factory=list)
    over_pages: list[int] = field(default_factory=list)
    over_time: list[int] = field(default_factory=list)

    def meta(self, seconds: float) -> dict[str, str]:
        meta = _page_meta(self.read)
        notes = []
        if self.blank:
            meta["pages_blank"] = page_ranges(self.blank)
        if self.over_pages:
            notes.append(f"OCR capped at {self.pages} pages (PURSUIT_MAX_OCR_PAGES)")
        if self.over_time:
            notes.append(f"OCR stopped after {seconds:.0f} s (PURSUIT_OCR_TIME_BUDGET)")
        if notes:
            meta["pages_not_ocred"] = page_ranges(sorted(self.over_pages + self.over_time))
            meta["note"] = "; ".join(notes)
        return meta


def _read_pages(ws: Workspace, path: Path, wanted: list[int]) -> _Budget:
    seconds = ws.settings.ocr_time_budget
    budget = _Budget(ws.settings.max_ocr_pages, time.monotonic() + seconds)
    scan = blank_pdf_pages(path, wanted)
    for index, (number, blank) in enumerate(scan):
        if time.monotonic() > budget.deadline:
            budget.over_time += wanted[index:]
            break
        if blank:
            budget.blank.append(number)
        elif len(budget.read) >= budget.pages:
            budget.over_pages.append(number)
        else:
            budget.read[number] = ocr_pdf_page(path, number)
    return budget


def _ocr_pdf(ws: Workspace, item: Item, path: Path) -> tuple[str, dict[str, str]]:
    pages, wanted = _pdf_pages(ws, item)
    budget = _read_pages(ws, path, sorted(wanted))
    total = max([len(pages), *wanted]) if wanted else len(pages)
    pages += [""] * (total - len(pages))
    for number, page in budget.read.items():
        pages[number - 1] = page.text
    return "\f".join(pages), budget.meta(ws.settings.ocr_time_budget)


def _page_meta(pages: dict[int, OcrPage]) -> dict[str, str]:
    if not pages:
        return {"ocr_pages": ""}
    confidence = sum(p.confidence for p in pages.values()) / len(pages)
    return {
        "ocr_pages": page_ranges(list(pages)),
        "models": ",".join(f"{n}:{p.model}" for n, p in sorted(pages.items())),
        "mean_confidence": f"{confidence:.1f}",
    }


def _needs_ocr(ws: Workspace, item: Item, force: bool) -> str | None:
    """Why OCR is skipped for this item, or None when it should run."""
    if not (item.mime.startswith("image/") or item.mime == "application/pdf"):
        return f"no OCR for {item.mime}"
    with ws.read() as conn:
        found = list_derivatives(conn, item.id)
    if not force and any(d.kind == "ocr" for d in found):
        return "already OCRed (use reprocess to run again)"
    texts = [d for d in found if d.kind == "text"]
    if item.mime == "application/pdf" and texts and not texts[-1].meta.get("pages_without_text"):
        return "every page has a text layer"
    return None


def ocr_wanted(ws: Workspace, item: Item) -> bool:
    """Whether the item is one OCR is for and has no OCR derivative yet."""
    return _needs_ocr(ws, item, force=False) is None


def run_ocr(
    ws: Workspace,
    item: Item,
    force: bool = False,
    *,
    queued: int | None = None,
    guard: ItemGuard | None = None,
) -> OcrOutcome:
    """OCR an image or a PDF's scanned pages; bad content is reported, never raised."""
    skip = _needs_ocr(ws, item, force)
    if skip is not None:
        if queued is not None:
            discard_queued(ws, queued)
        return OcrOutcome(None, f"skipped: {skip}")
    run = start_run(ws, item.id, Stage.OCR, queued)

    def work() -> OcrOutcome:
        with item_bytes(ws, item, guard) as path:
            return _ocr(ws, item, run, path, guard)

    def failed(reason: str) -> OcrOutcome:
        return OcrOutcome(None, "failed", f"{item.filename}: {reason}")

    return contained(ws, run, work, failed)


def _ocr(ws: Workspace, item: Item, run: int, path: Path, guard: ItemGuard | None) -> OcrOutcome:
    try:
        if item.mime == "application/pdf":
            text, meta = _ocr_pdf(ws, item, path)
        elif blank_image(path):
            text, meta = "", {"ocr_pages": "", "pages_blank": "1"}
        else:
            page = ocr_image(path)
            text, meta = page.text, _page_meta({1: page})
        version = tesseract_version()
    except PursuitError as exc:
        finish_run(ws, run, str(exc))
        return OcrOutcome(None, "failed", f"{item.filename}: {exc}")
    if not text.strip():
        meta["empty"] = "no text found on the page(s)"
    language, languages = language_meta(text)
    new = NewDerivative("ocr", text, "tesseract", version, language, {**meta, **languages})
    with ws.write() as conn:
        shown = shown_derivative(conn, item, new, guard)
        derivative_id = add_derivative(conn, item, shown, ws.settings.actor)
    finish_run(ws, run)
    words = len(text.split())
    return OcrOutcome(
        derivative_id,
        f"derivative {derivative_id}: {words} words ({meta.get('models', 'no text')})",
    )
