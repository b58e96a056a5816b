"""The text stage: read an item's blob with the best-matching extractor and store the text."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy.engine import Connection

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
from pursuit.stages.protection import ItemGuard
from pursuit.stages.runs import Stage, contained, finish_run, start_run
from pursuit.store.workspace import Workspace

__all__ = ["TextOutcome", "item_bytes", "run_text", "shown_derivative", "workspace_limits"]

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


@contextmanager
def item_bytes(ws: Workspace, item: Item, guard: ItemGuard | None) -> Iterator[Path]:
    """The file holding the item's bytes: its blob, or a protected item's plaintext on loan."""
    if guard is None:
        yield ws.blobs.path_for(item.sha256)
        return
    with guard.plaintext(item) as path:
        yield path


def _unpack(item: Item, path: Path, workdir: Path) -> tuple[list[ChildFile], list[str]]:
    probe = sniff(path, item.filename)
    extractor = choose(probe)
    found: list[ChildFile] = []
    try:
        for child in extractor.children(probe, workdir):
            found.append(child)
    except PursuitError as exc:
        return found, [f"{item.filename}: {exc}"]
    return found, []


def run_text(
    ws: Workspace,
    item: Item,
    workdir: Path | None = None,
    *,
    queued: int | None = None,
    guard: ItemGuard | None = None,
) -> TextOutcome:
    """Extract text (and, with a `workdir`, unpack members); never raises for bad content.

    With a `guard` (protected testimony) the plaintext is lent for the extraction only, the full
    text is sealed, and the derivative stored, indexed and shown is the redacted text.
    """
    run = start_run(ws, item.id, Stage.TEXT, queued)

    def work() -> TextOutcome:
        with item_bytes(ws, item, guard) as path:
            return _text(ws, item, workdir, run, path, guard)

    def failed(reason: str) -> TextOutcome:
        return TextOutcome(derivative_id=None, errors=[f"{item.filename}: {reason}"])

    return contained(ws, run, work, failed)


def shown_derivative(
    conn: Connection, item: Item, new: NewDerivative, guard: ItemGuard | None
) -> NewDerivative:
    """The derivative as it may be stored in the open: for protected testimony, redacted."""
    if guard is None:
        return new
    sealed = guard.keep_text(conn, item, new.text)
    meta = {k: guard.redact(v) for k, v in new.meta.items()} | sealed
    return replace(new, text=guard.redact(new.text), meta=meta)


def _text(
    ws: Workspace,
    item: Item,
    workdir: Path | None,
    run: int,
    path: Path,
    guard: ItemGuard | None,
) -> TextOutcome:
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
            derivative_id = add_derivative(
                conn, item, shown_derivative(conn, item, new, guard), ws.settings.actor
            )
        children, errors = _unpack(item, path, workdir) if workdir is not None else ([], [])
    finish_run(ws, run, "; ".join(errors) or None)
    return TextOutcome(derivative_id, extracted.needs_ocr, children, errors)
