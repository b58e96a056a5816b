"""Commands to back a whole workspace up into one file and restore it into an empty one."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from tqdm import tqdm

from pursuit.cli.common import HomeOpt, JsonOpt, emit_json, say, settings_for, workspace
from pursuit.evidence.backup import Progress, backup_workspace
from pursuit.evidence.restore import restore_workspace
from pursuit.store.backup import CustodyHead

__all__ = ["backup", "restore"]

_UNITS = {"rows": "row", "blobs": "blob", "bytes": "B", "checked": "B"}


@contextmanager
def _bars() -> Iterator[Progress]:
    """Progress bars on stderr, one per phase, made when the phase first reports."""
    bars: dict[str, tqdm[None]] = {}

    def advance(phase: str, amount: int) -> None:
        if phase not in bars:
            scale = _UNITS.get(phase) == "B"
            bars[phase] = tqdm(
                desc=phase,
                unit=_UNITS.get(phase, "it"),
                unit_scale=scale,
                file=sys.stderr,
                disable=None,
            )
        bars[phase].update(amount)

    try:
        yield advance
    finally:
        for bar in bars.values():
            bar.close()


def _custody_json(head: CustodyHead) -> dict[str, str | int]:
    return {"events": head.event_count, "head": head.head_hash, "root": head.root}


def backup(
    file: Annotated[Path, typer.Argument(help="The backup file to write (must not exist).")],
    home: HomeOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Write the whole workspace (database and blobs) into one file with a manifest."""
    ws = workspace(home)
    try:
        with _bars() as progress:
            report = backup_workspace(ws, file, progress)
    finally:
        ws.dispose()
    if json_out:
        emit_json(
            {
                "file": str(report.path),
                "sha256": report.sha256,
                "size": report.size,
                "tables": report.tables,
                "blobs": {"count": report.blob_count, "bytes": report.blob_bytes},
                "custody": _custody_json(report.custody),
                "warnings": report.warnings,
            }
        )
    for warning in report.warnings:
        say(f"WARNING: {warning}")
    say(
        f"backup written to {report.path}: {sum(report.tables.values())} rows, "
        f"{report.blob_count} blobs, {report.size:,} bytes; SHA-256 {report.sha256}"
    )
    if report.warnings:
        raise typer.Exit(1)


def restore(
    file: Annotated[Path, typer.Argument(help="A backup file made by `pursuit backup`.")],
    home: HomeOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Restore a backup into a new, empty workspace, then verify it."""
    settings = settings_for(home)
    with _bars() as progress:
        report = restore_workspace(settings, file, progress)
    if json_out:
        emit_json(
            {
                "ok": report.ok,
                "tables": report.tables,
                "blobs": {"count": report.blob_count, "bytes": report.blob_bytes},
                "custody": _custody_json(report.custody),
                "source_version": report.source_version,
                "backup_created_at": report.created_at,
                "problems": report.problems,
            }
        )
    for problem in report.problems:
        say(f"PROBLEM: {problem}")
    say(
        f"restored {sum(report.tables.values())} rows and {report.blob_count} blobs into "
        f"{settings.home}: "
        + ("verified, all sound" if report.ok else f"{len(report.problems)} problem(s)")
    )
    if not report.ok:
        raise typer.Exit(1)
