"""Intake: bytes into the blob store, an item with its acquisition facts, then its stages.

The order makes a half-stored item impossible: the blob is complete and renamed into place before
the item row and its custody events are written in one transaction. One bad file is reported and
the batch goes on; a file whose text cannot be read is still kept, since it is evidence, and its
failed stage is recorded.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from pursuit.cases.registry import ensure_case
from pursuit.errors import PursuitError, UnsafeInput
from pursuit.evidence.custody import Action, Detail, append_event
from pursuit.evidence.items import Acquisition, Item, Method, find_by_hash, insert_item, new_item_id
from pursuit.evidence.walk import collect
from pursuit.extract import ChildFile, sniff
from pursuit.stages.nlp import run_nlp
from pursuit.stages.ocr import run_ocr
from pursuit.stages.text import run_text
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
    }


def _record(ws: Workspace, item: Item, case_name: str, label: str) -> tuple[Item, bool]:
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
    try:
        blob = ws.blobs.put_file(path)
        name = filename or path.name
        mime = sniff(blob.path, name).mime
    except PursuitError as exc:
        yield IntakeResult(path=label, status="failed", error=str(exc))
        return
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
    item, is_new = _record(ws, draft, options.case, label)
    base = IntakeResult(
        path=label,
        status="new" if is_new else "duplicate",
        id=item.id,
        sha256=item.sha256,
        mime=item.mime,
        parent_id=item.parent_id,
    )
    if not is_new:
        yield base
        return
    yield from _process(ws, item, options, base, depth)


def _process(
    ws: Workspace, item: Item, options: IntakeOptions, base: IntakeResult, depth: int
) -> Iterator[IntakeResult]:
    with tempfile.TemporaryDirectory(prefix="pursuit-unpack-") as tmp:
        outcome = run_text(ws, item, Path(tmp))
        warnings = list(outcome.errors)
        if options.run_ocr and outcome.needs_ocr:
            ocr = run_ocr(ws, item)
            if ocr.error is not None:
                warnings.append(ocr.error)
        yield replace(base, warnings=warnings)
        if options.run_nlp and outcome.derivative_id is not None:
            run_nlp(ws, item)
        if outcome.children and depth + 1 > ws.settings.max_nesting:
            error = UnsafeInput(f"containers nested deeper than {ws.settings.max_nesting} levels")
            yield IntakeResult(path=f"{base.path}!…", status="failed", error=str(error))
            return
        for child in outcome.children:
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
    found, refused = collect(paths)
    if on_start is not None:
        on_start(len(found))
    for bad in refused:
        yield IntakeResult(path=str(bad.path), status="failed", error=bad.reason)
    for candidate in found:
        yield from ingest_file(ws, candidate.path, options)
