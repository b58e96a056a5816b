"""`pursuit screen`: a list of records against the workspace's persons or a list file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pursuit.cli.common import HomeOpt, JsonOpt, emit_json, say, workspace
from pursuit.errors import EmptyInput
from pursuit.screen import (
    SCREEN_THRESHOLD,
    ScreenOptions,
    ScreenReport,
    load_profiles,
    report_document,
    screen_file,
    write_report,
)

__all__ = ["screen"]


def screen(
    list_file: Annotated[
        Path, typer.Argument(help="CSV with a name column; optional id, birth_date, nationality.")
    ],
    against: Annotated[
        Path | None,
        typer.Option(help="FollowTheMoney JSON lines of Person entities to screen against."),
    ] = None,
    threshold: Annotated[
        float, typer.Option(min=0.0, max=1.0, help="Score at which a candidate is a match.")
    ] = SCREEN_THRESHOLD,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write FILE.json or FILE.csv.")
    ] = None,
    limit: Annotated[int, typer.Option(min=1, max=100, help="Candidates per record.")] = 5,
    home: HomeOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Rank candidates for each record, with scores and reasons; never a verdict."""
    options = ScreenOptions(threshold, limit)
    if against is not None:
        report = screen_file(list_file, load_profiles(None, against), options)
    else:
        ws = workspace(home)
        try:
            report = screen_file(list_file, load_profiles(ws, None), options)
        finally:
            ws.dispose()
    if output is not None:
        write_report(report, output)
    if json_out:
        emit_json(report_document(report))
    elif output is None:
        _print(report)
    _summary(report)


def _print(report: ScreenReport) -> None:
    for r in report.results:
        typer.echo(f"{r.id}\t{r.name}")
        for c in r.candidates:
            flag = "MATCH" if c.match else "     "
            typer.echo(f"  {flag} {c.score:.3f}  {c.entity_id}  {c.name}  ({'; '.join(c.reasons)})")


def _summary(report: ScreenReport) -> None:
    say(
        f"{len(report.results)} record(s) screened against {report.profile_count} profile(s); "
        f"{report.match_count} with a candidate at or above {report.threshold}"
    )
    for p in report.skipped:
        say(f"skipped line {p.line} ({p.id or 'no id'}): {p.problem}")
    for p in report.warnings:
        say(f"warning line {p.line} ({p.id}): {p.problem}")
    if not report.results:
        raise EmptyInput("no record could be screened; see the skipped rows above")
