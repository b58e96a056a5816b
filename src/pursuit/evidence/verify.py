"""Verification: re-hash every blob and derivative and re-walk the custody chain.

The report names every problem it finds rather than stopping at the first, because an
investigator must be able to say exactly which evidence is affected and which is still sound.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa

from pursuit.evidence.blobs import sha256_file
from pursuit.evidence.checkpoint import compare_checkpoint, load_checkpoint, verify_checkpoints
from pursuit.evidence.custody import Action, append_event, iter_events, verify_chain
from pursuit.store.schema import derivatives, items
from pursuit.store.workspace import Workspace

__all__ = ["VerifyReport", "verify_workspace"]


@dataclass(frozen=True, slots=True)
class VerifyReport:
    blobs_checked: int
    derivatives_checked: int
    events_checked: int
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _check_blobs(ws: Workspace, on_blob: Callable[[], None] | None) -> tuple[int, list[str]]:
    with ws.read() as conn:
        rows = conn.execute(sa.select(items.c.sha256, items.c.id, items.c.filename)).all()
    by_hash: dict[str, list[str]] = {}
    for r in rows:
        by_hash.setdefault(r.sha256, []).append(f"{r.id} ({r.filename})")
    problems: list[str] = []
    for sha, owners in sorted(by_hash.items()):
        path = ws.blobs.path_for(sha)
        who = ", ".join(owners)
        if not path.is_file():
            problems.append(f"blob {sha} is missing (item {who})")
        else:
            actual = sha256_file(path)
            if actual != sha:
                problems.append(f"blob {sha} was changed: it now hashes to {actual} (item {who})")
        if on_blob is not None:
            on_blob()
    return len(by_hash), problems


def _check_derivatives(ws: Workspace) -> tuple[int, list[str]]:
    problems: list[str] = []
    with ws.read() as conn:
        rows = conn.execute(
            sa.select(
                derivatives.c.id,
                derivatives.c.item_id,
                derivatives.c.text,
                derivatives.c.text_sha256,
            )
        ).all()
    for r in rows:
        if hashlib.sha256(r.text.encode("utf-8")).hexdigest() != r.text_sha256:
            problems.append(f"derivative {r.id} of item {r.item_id}: its text was changed")
    return len(rows), problems


def verify_workspace(
    ws: Workspace,
    checkpoint_file: Path | None = None,
    on_blob: Callable[[], None] | None = None,
) -> VerifyReport:
    """Check everything, log the check as a custody event, and report what failed."""
    blob_count, problems = _check_blobs(ws, on_blob)
    derivative_count, more = _check_derivatives(ws)
    problems += more
    with ws.read() as conn:
        events = list(iter_events(conn))
        problems += verify_chain(iter(events))
        problems += verify_checkpoints(conn)
        if checkpoint_file is not None:
            label = f"exported checkpoint {checkpoint_file}"
            problems += compare_checkpoint(conn, load_checkpoint(checkpoint_file), label)
    with ws.write() as conn:
        details = {"blobs": blob_count, "events": len(events), "problems": len(problems)}
        append_event(conn, Action.VERIFIED, ws.settings.actor, details=details)
    return VerifyReport(blob_count, derivative_count, len(events), problems)
