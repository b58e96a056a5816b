"""Intake: bytes into the blob store, an item with its acquisition facts, then its stages.

The order makes a half-stored item impossible: the blob is complete and renamed into place before
the item row and its custody events are written in one transaction. One bad file is reported and
the batch goes on; a file whose text cannot be read is still kept, since it is evidence, and its
failed stage is recorded. A file whose bytes cannot be stored (a full disk) is "not taken": its
partial blob is removed and no item row is written. Taking in a file the case already holds
finishes the stages a killed run left undone (`resumed` in the result); partial files of killed
runs are swept before a batch starts.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.exc import SQLAlchemyError

from pursuit.errors import PursuitError, StorageFull, UnsafeInput
from pursuit.evidence.cases import ensure_case
from pursuit.evidence.custody import Action, Detail, append_event
from pursuit.evidence.items import Acquisition, Item, Method, find_by_hash, insert_item, new_item_id
from pursuit.evidence.walk import collect
from pursuit.extract import ChildFile, sniff
from pursuit.stages.leftovers import UNPACK_PREFIX, sweep_leftovers
from pursuit.stages.nlp import run_nlp
from pursuit.stages.ocr import run_ocr
from pursuit.stages.protection import ItemGuard
from pursuit.stages.resume import pending_stages
from pursuit.stages.runs import Stage, mark_interrupted, queue_runs, stopped_by
from pursuit.stages.text import run_text
from pursuit.store.blobs import disk_full, owned_prefix
from pursuit.store.schema import items
from pursuit.store.workspace import Workspace

__all__ = ["IntakeOptions", "IntakeResult", "ingest_file", "ingest_paths"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class IntakeOptions:
    """Where items go and the acquisition facts the investigator vouches for."""

    case: str
    acquisition: Acquisition
    run_nlp: bool = True
    run_ocr: bool = True
    guard: ItemGuard | None = None  # protected testimony: sealed at rest, shown redacted
    defer_ocr: bool = False  # queue OCR for `pursuit reprocess --unfinished` instead of running it


@dataclass(frozen=True, slots=True)
class IntakeResult:
    path: str
    status: str  # new, duplicate or failed
    id: str | None = None
    sha256: str | None = None
    mime: str | None = None
    parent_id: str | None = None
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    resumed: list[str] = field(default_factory=list)  # stages a re-ingest finished
    queued: list[str] = field(default_factory=list)  # stages left for a later run

    def as_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "id": self.id,
            "sha256": self.sha256,
            "path": self.path,
            "mime": self.mime,
            "status": self.status,
        }
        if self.parent_id:
            data["parent_id"] = self.parent_id
        if self.error:
            data["error"] = self.error
        if self.warnings:
            data["warnings"] = self.warnings
        if self.resumed:
            data["resumed"] = self.resumed
        if self.queued:
            data["queued"] = self.queued
        return data


def _acquisition_details(item: Item) -> dict[str, Detail]:
    a = item.acquisition
    return {
        "filename": item.filename,
        "acquired_by": a.acquired_by,
        "acquired_at": a.acquired_at.isoformat(),
        "method": str(a.method),
        "source_url": a.source_url,
        "notes": a.notes,
        "parent_id": item.parent_id,  # so `verify` can tell a member re-parented
    }


def _record(
    ws: Workspace, item: Item, case_name: str, label: str, guard: ItemGuard | None = None
) -> tuple[Item, bool]:
    """Insert the item, or log a resubmission of bytes the case already holds."""
    actor = ws.settings.actor
    with ws.write() as conn:
        case = ensure_case(conn, case_name, actor)
        existing = find_by_hash(conn, case.id, item.sha256)
        if existing is not None:
            details: dict[str, Detail] = {
                "path": label,
                "acquired_by": item.acquisition.acquired_by,
            }
            append_event(
                conn,
                Action.RESUBMITTED,
                actor,
                case_id=case.id,
                item_id=existing.id,
                details=details,
            )
            return existing, False
        item = replace(item, case_id=case.id)
        insert_item(conn, item)
        ids = {"case_id": case.id, "item_id": item.id}
        append_event(conn, Action.ACQUIRED, actor, details=_acquisition_details(item), **ids)
        stored: dict[str, str | int] = {
            "sha256": item.sha256,
            "size": item.size,
            "mime": item.mime,
            "path": label,
        }
        append_event(conn, Action.INGESTED, actor, details=stored, **ids)
        if guard is not None:
            guard.bind(conn, item, actor)
    return item, True


def _child_options(options: IntakeOptions, parent: Item, child: ChildFile) -> IntakeOptions:
    parent_acq = parent.acquisition
    acquisition = Acquisition(
        acquired_by=parent_acq.acquired_by,
        acquired_at=child.acquired_at or parent_acq.acquired_at,
        method=Method.WEB_CAPTURE if child.source_url else Method.ARCHIVE_MEMBER,
        source_url=child.source_url or parent_acq.source_url,
        notes=f"member {child.name!r} of {parent.filename} ({parent.sha256[:12]})",
    )
    return replace(options, acquisition=acquisition)


def _redacted(
    guard: ItemGuard, name: str, label: str, options: IntakeOptions
) -> tuple[str, str, IntakeOptions]:
    """A protected item's filename, path and acquisition notes with the identity taken out."""
    acq = options.acquisition
    url = guard.redact(acq.source_url) if acq.source_url else None
    safe = replace(acq, notes=guard.redact(acq.notes), source_url=url)
    return guard.redact(name), guard.redact(label), replace(options, acquisition=safe)


def ingest_file(
    ws: Workspace,
    path: Path,
    options: IntakeOptions,
    *,
    label: str | None = None,
    filename: str | None = None,
    parent: Item | None = None,
    depth: int = 0,
) -> Iterator[IntakeResult]:
    """Take in one file and, for containers, its members; yields one result per item."""
    label = label or str(path)
    guard = options.guard
    try:
        blob = ws.blobs.put_file(path) if guard is None else guard.store(path)
        name = filename or path.name
        mime = sniff(blob.path if guard is None else path, name).mime
    except PursuitError as exc:
        error = f"not taken: {exc}" if isinstance(exc, StorageFull) else str(exc)
        yield IntakeResult(path=label, status="failed", error=error)
        return
    if guard is not None:
        name, label, options = _redacted(guard, name, label, options)
    now = datetime.now(UTC)
    draft = Item(
        id=new_item_id(),
        case_id="",
        sha256=blob.sha256,
        size=blob.size,
        filename=name,
        mime=mime,
        acquisition=options.acquisition,
        parent_id=parent.id if parent else None,
        ingested_at=now,
        ingested_by=ws.settings.actor,
    )
    try:
        item, is_new = _record(ws, draft, options.case, label, guard)
    except (OSError, SQLAlchemyError) as exc:
        if not disk_full(exc):
            raise
        if guard is None and not blob.existed:
            _discard_orphan(ws, blob.sha256)
        yield IntakeResult(label, "failed", error=f"not taken: disk full while storing {label}")
        return
    base = IntakeResult(
        path=label,
        status="new" if is_new else "duplicate",
        id=item.id,
        sha256=item.sha256,
        mime=item.mime,
        parent_id=item.parent_id,
    )
    pending = [Stage.TEXT] if is_new else pending_stages(ws, item, _wanted(options))
    if not pending:
        yield base
        return
    yield from _process(ws, item, options, base, depth, pending)


def _discard_orphan(ws: Workspace, sha256: str) -> None:
    """Remove a blob just placed for an item that could not be recorded, unless another
    process recorded an item with these bytes meanwhile."""
    with ws.read() as conn:
        used = conn.execute(sa.select(items.c.id).where(items.c.sha256 == sha256).limit(1))
        if used.first() is None:
            ws.blobs.discard(sha256)


def _wanted(options: IntakeOptions) -> list[Stage]:
    return [Stage.TEXT] + [Stage.OCR] * options.run_ocr + [Stage.NLP] * options.run_nlp


@dataclass(slots=True)
class _Ran:
    """What one pass over an item's stages did (filled in as the stages run)."""

    stages: list[str] = field(default_factory=list)
    queued: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    children: list[ChildFile] = field(default_factory=list)
    text_ok: bool = True


def _run_stages(
    ws: Workspace, item: Item, options: IntakeOptions, workdir: Path, pending: Sequence[Stage]
) -> _Ran:
    """Run the pending stages in order; text that ran decides whether OCR is due."""
    ran = _Ran()
    ocr_due = Stage.OCR in pending
    if Stage.TEXT in pending:
        outcome = run_text(ws, item, workdir, guard=options.guard)
        ran.stages.append(Stage.TEXT)
        ran.warnings += outcome.errors
        ran.children, ran.text_ok = outcome.children, outcome.derivative_id is not None
        ocr_due = options.run_ocr and outcome.needs_ocr
    if ocr_due and options.defer_ocr:
        queue_runs(ws, [item.id], Stage.OCR)
        ran.queued.append(Stage.OCR)
    elif ocr_due:
        ocr = run_ocr(ws, item, guard=options.guard)
        ran.stages += [] if ocr.summary.startswith("skipped") else [Stage.OCR]
        ran.warnings += [ocr.error] if ocr.error else []
    if options.run_nlp and ran.text_ok and (Stage.NLP in pending or ran.stages):
        nlp = run_nlp(ws, item)
        ran.stages.append(Stage.NLP)
        ran.warnings += ([nlp.error] if nlp.error else []) + nlp.warnings
    return ran


def _process(
    ws: Workspace,
    item: Item,
    options: IntakeOptions,
    base: IntakeResult,
    depth: int,
    pending: Sequence[Stage],
) -> Iterator[IntakeResult]:
    with tempfile.TemporaryDirectory(prefix=owned_prefix(UNPACK_PREFIX)) as tmp:
        ran = _run_stages(ws, item, options, Path(tmp), pending)
        resumed = ran.stages if base.status == "duplicate" else []
        yield replace(base, warnings=ran.warnings, resumed=resumed, queued=ran.queued)
        if ran.children and depth + 1 > ws.settings.max_nesting:
            error = UnsafeInput(f"containers nested deeper than {ws.settings.max_nesting} levels")
            yield IntakeResult(path=f"{base.path}!…", status="failed", error=str(error))
            return
        for child in ran.children:
            yield from ingest_file(
                ws,
                child.path,
                _child_options(options, item, child),
                label=f"{base.path}!{child.name}",
                filename=Path(child.name).name or child.name,
                parent=item,
                depth=depth + 1,
            )


def ingest_paths(
    ws: Workspace,
    paths: list[Path],
    options: IntakeOptions,
    on_start: Callable[[int], None] | None = None,
) -> Iterator[IntakeResult]:
    """Take in files and folders; refused paths come back as failed results, never exceptions."""
    mark_interrupted(ws)
    sweep_leftovers(ws.blobs.root)
    found, refused = collect(paths)
    if on_start is not None:
        on_start(len(found))
    for bad in refused:
        yield IntakeResult(path=str(bad.path), status="failed", error=bad.reason)
    for candidate in found:
        yield from _one_file(ws, candidate.path, options)


def _one_file(ws: Workspace, path: Path, options: IntakeOptions) -> Iterator[IntakeResult]:
    """One file of a batch: whatever goes wrong with it is its result, and the batch goes on."""
    try:
        yield from ingest_file(ws, path, options)
    except (OSError, SQLAlchemyError, RecursionError, MemoryError) as exc:
        why = f"disk full while storing {path}" if disk_full(exc) else stopped_by(exc)
        yield IntakeResult(str(path), "failed", error=f"not finished: {why}")
    except Exception as exc:
        log.exception("intake of %s stopped by an unexpected error", path)
        yield IntakeResult(str(path), "failed", error=f"not finished: {stopped_by(exc)}")
