"""The text stage: read an item's blob with the best-matching extractor and store the text."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from pursuit.errors import PursuitError
from pursuit.evidence.items import Item
from pursuit.extract import (
    ChildFile,
    Limits,
    choose,
    language_meta,
    limits,
    read,
    sniff,
)
from pursuit.settings import Settings
from pursuit.stages.derivatives import NewDerivative, add_derivative
from pursuit.stages.runs import Stage, finish_run, start_run
from pursuit.store.workspace import Workspace

__all__ = ["TextOutcome", "run_text", "workspace_limits"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class TextOutcome:
    """The result of the text stage for one item; `errors` is set when extraction failed."""

    derivative_id: int | None
    needs_ocr: bool = False
    children: list[ChildFile] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def workspace_limits(settings: Settings) -> Limits:
    """The extraction caps the workspace's settings ask for."""
    return Limits(
        max_unpacked_bytes=settings.max_unpacked_bytes, max_ocr_pages=settings.max_ocr_pages
    )


def _unpack(ws: Workspace, item: Item, workdir: Path) -> tuple[list[ChildFile], list[str]]:
    path = ws.blobs.path_for(item.sha256)
    probe = sniff(path, item.filename)
    extractor = choose(probe)
    found: list[ChildFile] = []
    try:
        for child in extractor.children(probe, workdir):
            found.append(child)
    except PursuitError as exc:
        return found, [f"{item.filename}: {exc}"]
    return found, []


def run_text(ws: Workspace, item: Item, workdir: Path | None = None) -> TextOutcome:
    """Extract text (and, with a `workdir`, unpack members); never raises for bad content."""
    run = start_run(ws, item.id, Stage.TEXT)
    path = ws.blobs.path_for(item.sha256)
    with limits(workspace_limits(ws.settings)):
        try:
            extractor, extracted = read(sniff(path, item.filename))
        except PursuitError as exc:
            finish_run(ws, run, str(exc))
            return TextOutcome(derivative_id=None, errors=[f"{item.filename}: {exc}"])
        language, languages = language_meta(extracted.text)
        meta = {"extractor": extractor.name, **extracted.metadata, **languages}
        new = NewDerivative(
            "text", extracted.text, extracted.tool, extracted.tool_version, language, meta
        )
        with ws.write() as conn:
            derivative_id = add_derivative(conn, item, new, ws.settings.actor)
        children, errors = _unpack(ws, item, workdir) if workdir is not None else ([], [])
    finish_run(ws, run, "; ".join(errors) or None)
    return TextOutcome(derivative_id, extracted.needs_ocr, children, errors)
