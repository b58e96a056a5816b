"""Commands over evidence: init, ingest, verify, checkpoint."""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer
from tqdm import tqdm

from pursuit.cases.registry import DEFAULT_CASE
from pursuit.cli.common import HomeOpt, JsonOpt, emit_json, say, workspace
from pursuit.errors import InputError
from pursuit.evidence.checkpoint import create_checkpoint
from pursuit.evidence.intake import IntakeOptions, IntakeResult, ingest_paths
from pursuit.evidence.items import Acquisition, Method
from pursuit.evidence.verify import verify_workspace

__all__ = ["checkpoint", "ingest", "init", "verify"]


def init(home: HomeOpt = None, json_out: JsonOpt = False) -> None:
    """Create a workspace (or bring an existing one's schema up to date)."""
    ws = workspace(home, create=True)
    if json_out:
        emit_json({"home": str(ws.settings.home), "database": ws.dialect})
    else:
        say(f"workspace ready: {ws.settings.home} ({ws.dialect})")


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
    bar = tqdm(unit="file", file=sys.stderr, disable=None, desc="ingest")
    results: list[IntakeResult] = []
    options = IntakeOptions(case=case, acquisition=acquisition)
    for result in ingest_paths(ws, paths, options, on_start=lambda n: bar.reset(total=n)):
        results.append(result)
        if result.parent_id is None:
            bar.update(1)
        if json_out:
            sys.stdout.write(json.dumps(result.as_json(), ensure_ascii=False) + "\n")
    bar.close()
    with ws.write() as conn:
        create_checkpoint(conn, ws.settings.actor)
    _report(results)
    if any(r.status == "failed" for r in results):
        raise typer.Exit(1)


def verify(
    checkpoint: Annotated[
        Path | None, typer.Option(help="An exported checkpoint file to compare against.")
    ] = None,
    home: HomeOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Re-hash every blob and re-walk the custody chain; exit 1 naming every problem."""
    ws = workspace(home)
    report = verify_workspace(ws, checkpoint)
    if json_out:
        emit_json(
            {
                "ok": report.ok,
                "blobs": report.blobs_checked,
                "derivatives": report.derivatives_checked,
                "events": report.events_checked,
                "problems": report.problems,
            }
        )
    for problem in report.problems:
        say(f"PROBLEM: {problem}")
    say(
        f"checked {report.blobs_checked} blobs, {report.derivatives_checked} derivatives, "
        f"{report.events_checked} custody events: "
        + ("all sound" if report.ok else f"{len(report.problems)} problem(s)")
    )
    if not report.ok:
        raise typer.Exit(1)


def checkpoint(
    output: Annotated[Path, typer.Option("-o", "--output", help="File to write ('-' = stdout).")],
    home: HomeOpt = None,
) -> None:
    """Record a checkpoint of the custody log and export it, to compare with `verify` later."""
    ws = workspace(home)
    with ws.write() as conn:
        point = create_checkpoint(conn, ws.settings.actor)
    if str(output) == "-":
        sys.stdout.write(point.to_json() + "\n")
    else:
        output.write_text(point.to_json() + "\n", encoding="utf-8")
        say(f"checkpoint over {point.event_count} events written to {output}: root {point.root}")
