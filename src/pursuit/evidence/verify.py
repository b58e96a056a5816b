"""Verification: the whole record against what the custody log vouches for.

Every blob and derivative is re-hashed, the custody chain re-walked, and every record the log
speaks of (items with their acquisition facts, derivatives, judgements, corrections, witness
registrations) held against its event, so a row rewritten, deleted or forged behind pursuit's back
is named. The database's own integrity is checked, and leftover partial files and unfinished
stages come back as warnings. The report names every problem rather than stopping at the first,
because an investigator must be able to say exactly which evidence is affected and which is sound;
a read that fails on a damaged database is one more problem, never a traceback.

Verify appends its own `verified` event; on a read-only copy (or a full disk) it cannot, and says
so in a warning instead of failing.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TypeVar

import sqlalchemy as sa

from pursuit.errors import WorkspaceError
from pursuit.evidence.checkpoint import compare_checkpoint, load_checkpoint, verify_checkpoints
from pursuit.evidence.custody import Action, CustodyEvent, append_event, iter_events, verify_chain
from pursuit.evidence.database_check import check_database, guarded, unreadable
from pursuit.evidence.decision_check import check_corrections, check_judgements, check_witnesses
from pursuit.evidence.leftovers import partial_files
from pursuit.evidence.logged import gather
from pursuit.evidence.problems import Problem, ProblemKind
from pursuit.evidence.record_check import check_derivative_records, check_item_records
from pursuit.evidence.unfinished import RunAlive, unfinished_stages
from pursuit.settings import Settings
from pursuit.store.blobs import sha256_file
from pursuit.store.schema import derivatives, items, sealed_blobs
from pursuit.store.workspace import Workspace, open_workspace, writable

__all__ = ["Problem", "ProblemKind", "RunAlive", "VerifyReport", "verify_at", "verify_workspace"]

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class VerifyReport:
    blobs_checked: int
    derivatives_checked: int
    events_checked: int
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    items_checked: int = 0
    recorded: bool = True  # whether the `verified` event could be appended
    read_only: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems


def _check_blobs(ws: Workspace, on_blob: Callable[[], None] | None) -> tuple[int, list[Problem]]:
    with ws.read() as conn:
        rows = conn.execute(sa.select(items.c.sha256, items.c.id, items.c.filename)).all()
    by_hash: dict[str, list[str]] = {}
    for r in rows:
        by_hash.setdefault(r.sha256, []).append(f"{r.id} ({r.filename})")
    problems: list[Problem] = []
    sealed = _sealed_originals(ws)
    for sha, owners in sorted(by_hash.items()):
        path = ws.blobs.path_for(sha)
        who = ", ".join(owners)
        if not path.is_file() and sha in sealed:
            problems += _check_sealed(ws, sealed[sha], who)
        elif not path.is_file():
            problems.append(Problem(ProblemKind.BLOB_MISSING, sha, sha, None, context=who))
        else:
            actual = sha256_file(path)
            if actual != sha:
                problems.append(Problem(ProblemKind.BLOB_CHANGED, sha, sha, actual, context=who))
        if on_blob is not None:
            on_blob()
    return len(by_hash), problems


def _sealed_originals(ws: Workspace) -> dict[str, list[str]]:
    """Protected testimony is stored only sealed: plaintext hash → its sealed files' hashes."""
    with ws.read() as conn:
        rows = conn.execute(
            sa.select(sealed_blobs.c.sha256, sealed_blobs.c.sealed_sha256).where(
                sealed_blobs.c.kind == "original"
            )
        ).all()
    found: dict[str, list[str]] = {}
    for r in rows:
        found.setdefault(r.sha256, []).append(r.sealed_sha256)
    return found


def _check_sealed(ws: Workspace, hashes: list[str], who: str) -> list[Problem]:
    """A sealed original checked without the key: its ciphertext against its recorded hash."""
    problems: list[Problem] = []
    for sealed in hashes:
        path = ws.blobs.path_for(sealed).with_name(f"{sealed}.enc")
        if not path.is_file():
            problems.append(Problem(ProblemKind.BLOB_MISSING, sealed, sealed, None, context=who))
        elif (actual := sha256_file(path)) != sealed:
            problems.append(Problem(ProblemKind.BLOB_CHANGED, sealed, sealed, actual, context=who))
    return problems


def _check_derivatives(ws: Workspace) -> tuple[int, list[Problem]]:
    problems: list[Problem] = []
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
        actual = hashlib.sha256(r.text.encode("utf-8")).hexdigest()
        if actual != r.text_sha256:
            kind = ProblemKind.DERIVATIVE_CHANGED
            problems.append(Problem(kind, str(r.id), r.text_sha256, actual, context=r.item_id))
    return len(rows), problems


def _load_events(ws: Workspace) -> list[CustodyEvent]:
    with ws.read() as conn:
        return list(iter_events(conn))


def _log_problems(
    ws: Workspace, events: list[CustodyEvent], exported: Path | None
) -> list[Problem]:
    problems = verify_chain(iter(events))
    with ws.read() as conn:
        problems += verify_checkpoints(conn)
        if exported is not None:
            label = f"exported checkpoint {exported}"
            problems += compare_checkpoint(conn, load_checkpoint(exported), label)
    return problems


def _record_problems(ws: Workspace, events: list[CustodyEvent]) -> list[Problem]:
    """Every record against the events that vouch for it; each table checked on its own."""
    logged = gather(events)
    checks = {
        "items": check_item_records,
        "derivatives": check_derivative_records,
        "judgements": check_judgements,
        "corrections": check_corrections,
        "witnesses": check_witnesses,
    }
    problems: list[Problem] = []
    none: list[Problem] = []
    with ws.read() as conn:
        for table, check in checks.items():
            found, bad = guarded(f"table {table}", partial(check, conn, logged), none)
            problems += found + bad
            if bad:
                conn.rollback()
    return problems


def _count_items(ws: Workspace) -> int:
    with ws.read() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(items)).scalar_one())


def _database(ws: Workspace) -> list[Problem]:
    with ws.read() as conn:
        return check_database(conn)


def _record_check(ws: Workspace, counts: dict[str, int], problems: int) -> list[Problem]:
    """Append the `verified` event; a warning instead when the workspace cannot take it."""
    if ws.read_only:
        reason = "the workspace was opened read-only"
        return [Problem(ProblemKind.NOT_RECORDED, "verified", actual=reason)]
    try:
        with ws.write() as conn:
            details = {**counts, "problems": problems}
            append_event(conn, Action.VERIFIED, ws.settings.actor, details=details)
    except (sa.exc.DBAPIError, WorkspaceError, OSError) as exc:
        reason = str(exc.orig) if isinstance(exc, sa.exc.DBAPIError) else str(exc)
        return [Problem(ProblemKind.NOT_RECORDED, "verified", actual=reason.splitlines()[0])]
    return []


def verify_workspace(
    ws: Workspace,
    checkpoint_file: Path | None = None,
    on_blob: Callable[[], None] | None = None,
    run_alive: RunAlive | None = None,
) -> VerifyReport:
    """Check everything, log the check as a custody event, and report what failed."""
    problems: list[Problem] = []

    def run(what: str, check: Callable[[], T], empty: T) -> T:
        value, bad = guarded(what, check, empty)
        problems.extend(bad)
        return value

    none: list[Problem] = []
    counted: tuple[int, list[Problem]] = (0, [])
    no_events: list[CustodyEvent] = []
    problems += run("the database", lambda: _database(ws), none)
    blob_count, found = run("items and blobs", lambda: _check_blobs(ws, on_blob), counted)
    derivative_count, more = run("derivatives", lambda: _check_derivatives(ws), counted)
    problems += found + more
    events = run("the custody log", lambda: _load_events(ws), no_events)
    problems += run("the custody log", lambda: _log_problems(ws, events, checkpoint_file), none)
    problems += _record_problems(ws, events)
    warnings, unreadable_runs = _warnings(ws, run_alive)
    problems += unreadable_runs
    item_count = run("items", lambda: _count_items(ws), 0)
    counts = {"blobs": blob_count, "items": item_count, "events": len(events)}
    unrecorded = _record_check(ws, counts, len(problems))
    return VerifyReport(
        blob_count,
        derivative_count,
        len(events),
        problems,
        warnings + unrecorded,
        items_checked=item_count,
        recorded=not unrecorded,
        read_only=ws.read_only,
    )


def _warnings(ws: Workspace, run_alive: RunAlive | None) -> tuple[list[Problem], list[Problem]]:
    """Warnings, and the problems met while gathering them (a table that cannot be read)."""

    def stages() -> list[Problem]:
        with ws.read() as conn:
            return unfinished_stages(conn, run_alive)

    none: list[Problem] = []
    found, bad = guarded("table stage_runs", stages, none)
    return partial_files(ws.blobs) + found, bad


def _open(settings: Settings, read_only: bool) -> tuple[Workspace, str]:
    """Open for writing where possible, so the check is recorded; read-only otherwise, with why."""
    if read_only:
        return open_workspace(settings, read_only=True), "it was asked to open read-only"
    if not writable(settings):
        return open_workspace(settings, read_only=True), "the workspace is write-protected"
    try:
        return open_workspace(settings), ""
    except sa.exc.OperationalError as exc:  # a full disk or a lock held: check what can be read
        reason = str(exc.orig).splitlines()[0]
        log.warning("cannot open the workspace for writing (%s); verifying read-only", reason)
        return open_workspace(
            settings, read_only=True
        ), f"it could not be opened for writing ({reason})"


def _because(report: VerifyReport, reason: str) -> VerifyReport:
    """The report with the reason the check was not recorded made specific."""
    if not reason:
        return report
    detail = f"the workspace was opened read-only: {reason}"
    warnings = [
        replace(w, actual=detail) if w.kind is ProblemKind.NOT_RECORDED else w
        for w in report.warnings
    ]
    return replace(report, warnings=warnings)


def verify_at(
    settings: Settings,
    read_only: bool = False,
    checkpoint_file: Path | None = None,
    run_alive: RunAlive | None = None,
) -> VerifyReport:
    """Open the workspace `settings` names and verify it; a database too damaged to open is
    reported as a problem. Read-only when asked, or when the workspace cannot be written."""
    try:
        ws, reason = _open(settings, read_only)
    except sa.exc.DBAPIError as exc:
        problem = unreadable("the workspace database", exc)
        return VerifyReport(0, 0, 0, [problem], recorded=False, read_only=read_only)
    try:
        return _because(verify_workspace(ws, checkpoint_file, run_alive=run_alive), reason)
    finally:
        ws.dispose()
