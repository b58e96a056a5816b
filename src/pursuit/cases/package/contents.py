"""What goes into a court package: the items, their load-file rows and their custody with proofs.

Everything here is read in one transaction with the checkpoint it is proven against, so the
events, the proofs and the root in a package always describe one state of the log.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pursuit.cases.ftm import around, export_entities
from pursuit.cases.ftm.entity import dump_line
from pursuit.evidence.checkpoint import Checkpoint
from pursuit.evidence.custody import CustodyEvent
from pursuit.evidence.merkle import proofs_for
from pursuit.store.schema import custody_events, items, witness_items, witnesses

__all__ = [
    "LOAD_FILE_COLUMNS",
    "PackedItem",
    "Status",
    "custody_lines",
    "ftm_lines",
    "load_file",
    "packed_items",
]

LOAD_FILE_COLUMNS = (
    "control_number",
    "sha256",
    "file_name",
    "custodian",
    "acquired_at",
    "ingested_at",
    "source_url",
    "mime",
    "size",
    "item_id",
    "package_path",
    "status",
)
_UNSAFE = re.compile(r"[^\w.\-]+")


class Status:
    """Why an item's original is or is not in the package (the load file's `status`)."""

    INCLUDED = "included"
    HASH_ONLY = "hash_only"  # --hashes-only: the recipient gets the hash to match their copy
    WITHHELD = "withheld_protected_witness"  # sealed testimony never leaves in a package


@dataclass(frozen=True, slots=True)
class PackedItem:
    control_number: str
    item_id: str
    sha256: str
    file_name: str
    custodian: str
    acquired_at: str
    ingested_at: str
    source_url: str
    mime: str
    size: int
    status: str
    package_path: str  # under data/, empty when the original is not in the package

    @property
    def row(self) -> dict[str, str]:
        values = {name: str(getattr(self, name)) for name in LOAD_FILE_COLUMNS}
        return values


def _safe_name(filename: str) -> str:
    """A file name any system can unpack and `sha256sum -c` can read from a manifest line."""
    base = filename.replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = _UNSAFE.sub("_", base).strip("._") or "item"
    return cleaned[:120]


def _protected(conn: Connection, item_ids: list[str]) -> dict[str, str]:
    """Protected items among `item_ids`, with their witness's pseudonym."""
    rows = conn.execute(
        sa.select(witness_items.c.item_id, witnesses.c.pseudonym)
        .join(witnesses, witnesses.c.id == witness_items.c.witness_id)
        .where(witness_items.c.item_id.in_(item_ids))
    )
    return {str(r.item_id): str(r.pseudonym) for r in rows}


def packed_items(conn: Connection, item_ids: list[str], *, hashes_only: bool) -> list[PackedItem]:
    """The items in package order (acquisition time, then name) with their control numbers."""
    if not item_ids:
        return []
    protected = _protected(conn, item_ids)
    rows = conn.execute(
        sa.select(items)
        .where(items.c.id.in_(item_ids))
        .order_by(items.c.acquired_at, items.c.filename, items.c.id)
    )
    found: list[PackedItem] = []
    for number, r in enumerate(rows, start=1):
        control = f"PSR-{number:06d}"
        if r.id in protected:
            status, path = Status.WITHHELD, ""
        elif hashes_only:
            status, path = Status.HASH_ONLY, ""
        else:
            status, path = Status.INCLUDED, f"originals/{control}_{_safe_name(r.filename)}"
        found.append(
            PackedItem(
                control_number=control,
                item_id=str(r.id),
                sha256=str(r.sha256),
                file_name=str(r.filename),
                custodian=str(r.acquired_by),
                acquired_at=r.acquired_at.isoformat(),
                ingested_at=r.ingested_at.isoformat(),
                source_url=str(r.source_url or ""),
                mime=str(r.mime),
                size=int(r.size),
                status=status,
                package_path=path,
            )
        )
    return found


def load_file(packed: list[PackedItem]) -> bytes:
    """The e-discovery load file: one CSV row per item, in control-number order."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(LOAD_FILE_COLUMNS), lineterminator="\r\n")
    writer.writeheader()
    for item in packed:
        writer.writerow(item.row)
    return out.getvalue().encode("utf-8")


def _event_json(event: CustodyEvent) -> dict[str, Any]:
    return {
        "seq": event.seq,
        "prev_hash": event.prev_hash,
        "case_id": event.case_id,
        "item_id": event.item_id,
        "actor": event.actor,
        "action": event.action,
        "at": event.at.isoformat(),
        "details": event.details,
        "hash": event.hash,
    }


def custody_lines(conn: Connection, point: Checkpoint, item_ids: list[str]) -> bytes:
    """JSON lines: each custody event of the items up to the checkpoint, with its proof."""
    hashes = [
        str(h)
        for h in conn.scalars(
            sa.select(custody_events.c.hash).order_by(custody_events.c.seq).limit(point.event_count)
        )
    ]
    rows = conn.execute(
        sa.select(custody_events)
        .where(custody_events.c.item_id.in_(item_ids))
        .where(custody_events.c.seq <= point.event_count)
        .order_by(custody_events.c.seq)
    )
    events = [
        CustodyEvent(
            r.seq, r.case_id, r.item_id, r.actor, r.action, r.at, r.details, r.prev_hash, r.hash
        )
        for r in rows
    ]
    # Sequence numbers start at 1 and have no gaps (verify proves it), so leaf = seq - 1.
    proofs = proofs_for(hashes, [e.seq - 1 for e in events])
    lines = []
    for event in events:
        entry = _event_json(event)
        entry["proof"] = [step.as_json() for step in proofs[event.seq - 1]]
        lines.append(json.dumps(entry, ensure_ascii=False, sort_keys=True))
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


def ftm_lines(conn: Connection, case_id: str | None, target: str) -> bytes:
    """The subject as FollowTheMoney lines with its neighbours (documents, links, events)."""
    every = export_entities(conn, [case_id] if case_id else None)
    if not any(e["id"] == target for e in every):
        return b""
    chosen = around(every, target)
    return "".join(dump_line(e) + "\n" for e in chosen).encode("utf-8")
