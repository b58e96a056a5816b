"""Commands over evidence: init, ingest, verify, checkpoint."""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import sqlalchemy as sa
import typer
from tqdm import tqdm

from pursuit.cases.alerts_mentions import scan_mentions
from pursuit.cli.common import HomeOpt, JsonOpt, emit_json, opened, say, settings_for, workspace
from pursuit.errors import InputError
from pursuit.evidence.cases import DEFAULT_CASE, get_case
from pursuit.evidence.checkpoint import create_checkpoint
from pursuit.evidence.items import Acquisition, Method
from pursuit.evidence.verify import Problem, VerifyReport, verify_at
from pursuit.security import ensure_vault_key, load_vault_key, witness_guard
from pursuit.stages.intake import IntakeOptions, IntakeResult, ingest_paths
from pursuit.stages.liveness import Owner, owner_alive
from pursuit.store.blobs import disk_full
from pursuit.store.workspace import Workspace

__all__ = ["checkpoint", "ingest", "init", "verify"]


def init(home: HomeOpt = None, json_out: JsonOpt = False) -> None:
    """Create a workspace (or bring an existing one's schema up to date)."""
    with opened(home, create=True) as ws:
        key = ensure_vault_key(ws)
    if json_out:
        emit_json({"home": str(ws.settings.home), "database": ws.dialect, "vault_key": key.source})
    else:
        say(f"workspace ready: {ws.settings.home} ({ws.dialect})")
        say(f"witness vault key: {key.source} (keep it outside the workspace, and backed up)")


def _parse_time(value: str | None) -> datetime:
    if value is None:
        return datetime.now(UTC)
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError as exc:
        raise InputError(f"--acquired-at {value!r} is not an ISO 8601 time") from exc
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _report(results: list[IntakeResult]) -> None:
    new = sum(r.status == "new" for r in results)
    dup = sum(r.status == "duplicate" for r in results)
    failed = [r for r in results if r.status == "failed"]
    warned = [r for r in results if r.warnings]
    say(f"{new} new, {dup} duplicate, {len(failed)} failed")
    for r in failed:
        say(f"  failed: {r.path}: {r.error}")
    for r in warned:
        for w in r.warnings:
            say(f"  kept, but: {w}")


def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to take in.")],
    case: Annotated[str, typer.Option(help="Case the items belong to.")] = DEFAULT_CASE,
    source_url: Annotated[str | None, typer.Option(help="Where the files came from.")] = None,
    acquired_by: Annotated[str | None, typer.Option(help="Who acquired them.")] = None,
    acquired_at: Annotated[str | None, typer.Option(help="When (ISO 8601).")] = None,
    method: Annotated[Method, typer.Option(help="How they were acquired.")] = Method.UPLOAD,
    notes: Annotated[str, typer.Option(help="Free notes on the acquisition.")] = "",
    witness: Annotated[
        str | None,
        typer.Option(help="W-NNN: testimony of this protected witness (sealed, redacted)."),
    ] = None,
    home: HomeOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Take in files or folders; prints JSON lines, one per item, with --json."""
    ws = workspace(home, create=True)
    acquisition = Acquisition(
        acquired_by=acquired_by or ws.settings.actor,
        acquired_at=_parse_time(acquired_at),
        method=method,
        source_url=source_url,
        notes=notes,
    )
    options = IntakeOptions(case=case, acquisition=acquisition)
    if witness is not None:
        options = _testimony_options(ws, options, witness)
    try:
        results = _take_in(ws, paths, options, json_out)
    finally:
        ws.dispose()
    _report(results)
    if any(r.status == "failed" for r in results):
        raise typer.Exit(1)


def _take_in(
    ws: Workspace, paths: list[Path], options: IntakeOptions, json_out: bool
) -> list[IntakeResult]:
    bar = tqdm(unit="file", file=sys.stderr, disable=None, desc="ingest")
    results: list[IntakeResult] = []
    for result in ingest_paths(ws, paths, options, on_start=lambda n: bar.reset(total=n)):
        results.append(result)
        if result.parent_id is None:
            bar.update(1)
        if json_out:
            sys.stdout.write(json.dumps(result.as_json(), ensure_ascii=False) + "\n")
    bar.close()
    _checkpoint(ws)
    with ws.write() as conn:  # new items naming a watched person raise alerts
        raised = scan_mentions(conn)
    if raised:
        say(f"{len(raised)} new alert(s) on watched persons: see `pursuit alerts`")
    return results


def _checkpoint(ws: Workspace) -> None:
    """Checkpoint the log after a batch; on a full disk, say so in one line: the items already
    taken in are complete and sound, only this checkpoint is missing."""
    try:
        with ws.write() as conn:
            create_checkpoint(conn, ws.settings.actor)
    except (OSError, sa.exc.OperationalError) as exc:
        if not disk_full(exc):
            raise
        say("not recorded: this batch's checkpoint (disk full); run `pursuit checkpoint` later")


def _testimony_options(ws: Workspace, options: IntakeOptions, witness: str) -> IntakeOptions:
    """Intake options that seal and redact the testimony of a protected witness."""
    key = load_vault_key(ws)
    with ws.read() as conn:
        case_id = get_case(conn, options.case).id
    guard = witness_guard(ws, key, case_id, witness.strip().upper())
    acquisition = replace(options.acquisition, method=Method.TESTIMONY)
    return replace(options, acquisition=acquisition, guard=guard)


def verify(
    checkpoint: Annotated[
        Path | None, typer.Option(help="An exported checkpoint file to compare against.")
    ] = None,
    read_only: Annotated[
        bool,
        typer.Option(
            "--read-only",
            help="Open the workspace read-only and append nothing (a write-protected copy is "
            "opened read-only without it).",
        ),
    ] = False,
    home: HomeOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Check the whole record against the custody log and the database's integrity; exit 1
    naming every problem."""
    report = verify_at(settings_for(home), read_only, checkpoint, _run_alive)
    if json_out:
        emit_json(_report_json(report))
    for problem in report.problems:
        say(f"PROBLEM: {problem.message}")
    for warning in report.warnings:
        say(f"WARNING: {warning.message}")
    say(
        f"checked {report.items_checked} items, {report.blobs_checked} blobs, "
        f"{report.derivatives_checked} derivatives, {report.events_checked} custody events: "
        + ("all sound" if report.ok else f"{len(report.problems)} problem(s)")
    )
    if not report.ok:
        raise typer.Exit(1)


def _run_alive(host: str | None, pid: int | None, since: datetime) -> bool:
    """Whether a stage run's process still works on it, as the stages judge it."""
    owner = Owner(host, pid) if host and pid is not None else None
    return owner_alive(owner, since, datetime.now(UTC))


def _report_json(report: VerifyReport) -> dict[str, object]:
    return {
        "ok": report.ok,
        "items": report.items_checked,
        "blobs": report.blobs_checked,
        "derivatives": report.derivatives_checked,
        "events": report.events_checked,
        "problems": [_problem_json(p) for p in report.problems],
        "warnings": [_problem_json(p) for p in report.warnings],
        "recorded": report.recorded,
        "read_only": report.read_only,
    }


def _problem_json(problem: Problem) -> dict[str, str | None]:
    """A verification problem as the JSON object `verify --json` prints."""
    return {
        "kind": str(problem.kind),
        "reference": problem.reference,
        "expected": problem.expected,
        "actual": problem.actual,
        "message": problem.message,
    }


def checkpoint(
    output: Annotated[Path, typer.Option("-o", "--output", help="File to write ('-' = stdout).")],
    home: HomeOpt = None,
) -> None:
    """Record a checkpoint of the custody log and export it, to compare with `verify` later."""
    with opened(home) as ws, ws.write() as conn:
        point = create_checkpoint(conn, ws.settings.actor)
    if str(output) == "-":
        sys.stdout.write(point.to_json() + "\n")
    else:
        output.write_text(point.to_json() + "\n", encoding="utf-8")
        say(f"checkpoint over {point.event_count} events written to {output}: root {point.root}")
