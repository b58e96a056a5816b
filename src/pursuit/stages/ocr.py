"""The OCR stage: text for images and for PDF pages that have no text layer.

The OCR derivative sits beside the text-layer derivative, never over it. For a PDF it holds
every page in order — text-layer pages as they were, scanned pages as read by Tesseract — so
later stages read one document, and its metadata says which pages were OCRed with which model.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pursuit.errors import PursuitError
from pursuit.evidence.items import Item
from pursuit.extract import OcrPage, language_meta, ocr_image, ocr_pdf_page, tesseract_version
from pursuit.extract.pdf import page_ranges, parse_ranges
from pursuit.stages.derivatives import NewDerivative, add_derivative, list_derivatives
from pursuit.stages.runs import Stage, finish_run, start_run
from pursuit.store.workspace import Workspace

__all__ = ["OcrOutcome", "run_ocr"]


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


def _ocr_pdf(ws: Workspace, item: Item, path: Path) -> tuple[str, dict[str, str]]:
    pages, wanted = _pdf_pages(ws, item)
    cap = ws.settings.max_ocr_pages
    done, skipped = wanted[:cap], wanted[cap:]
    models: dict[int, OcrPage] = {}
    for number in done:
        models[number] = ocr_pdf_page(path, number)
    total = max([len(pages), *wanted]) if wanted else len(pages)
    pages += [""] * (total - len(pages))
    for number, page in models.items():
        pages[number - 1] = page.text
    meta = _page_meta(models)
    if skipped:
        meta["pages_not_ocred"] = page_ranges(skipped)
        meta["note"] = f"OCR capped at {cap} pages (PURSUIT_MAX_OCR_PAGES)"
    return "\f".join(pages), meta


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


def run_ocr(ws: Workspace, item: Item, force: bool = False) -> OcrOutcome:
    """OCR an image or a PDF's scanned pages; bad content is reported, never raised."""
    skip = _needs_ocr(ws, item, force)
    if skip is not None:
        return OcrOutcome(None, f"skipped: {skip}")
    run = start_run(ws, item.id, Stage.OCR)
    path = ws.blobs.path_for(item.sha256)
    try:
        if item.mime == "application/pdf":
            text, meta = _ocr_pdf(ws, item, path)
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
        derivative_id = add_derivative(conn, item, new, ws.settings.actor)
    finish_run(ws, run)
    words = len(text.split())
    return OcrOutcome(
        derivative_id,
        f"derivative {derivative_id}: {words} words ({meta.get('models', 'no text')})",
    )
