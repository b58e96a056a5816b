"""`pursuit screen`: a list of records against the workspace's persons or a list file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pursuit.api.schemas import ScreenDecisionOut, ScreenReportOut
from pursuit.cases.alerts_screening import screening_alerts
from pursuit.cases.roles_screening import INTEREST, against_everyone, profiles_of_interest
from pursuit.cli.common import HomeOpt, JsonOpt, emit_model, say, workspace
from pursuit.errors import EmptyInput
from pursuit.names.reasons import describe_all
from pursuit.resolve.judgements import Decision
from pursuit.screen import (
    ALL,
    SCREEN_THRESHOLD,
    ScreenOptions,
    ScreenReport,
    load_memory,
    load_profiles,
    record_hit_decision,
    screen_file,
    write_report,
)

__all__ = ["screen", "screen_decide"]


def screen(
    list_file: Annotated[
        Path, typer.Argument(help="CSV with a name column; optional id, birth_date, nationality.")
    ],
    against: Annotated[
        str | None,
        typer.Option(
            help="FollowTheMoney JSON lines of Person entities to screen against, or 'all' for "
            "every person of the workspace (default: its suspects and watch list)."
        ),
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
    if against not in (None, ALL, INTEREST):
        report = screen_file(list_file, load_profiles(None, Path(str(against))), options)
    else:
        ws = workspace(home)
        try:
            with ws.read() as conn:
                profiles = profiles_of_interest(
                    conn, load_profiles(ws, None), against_everyone(against)
                )
            report = screen_file(list_file, profiles, options, load_memory(ws))
            with ws.write() as conn:  # a match on a watched person raises an alert
                raised = screening_alerts(conn, report)
            if raised:
                say(f"{len(raised)} new alert(s) on watched persons: see `pursuit alerts`")
        finally:
            ws.dispose()
    if output is not None:
        write_report(report, output)
    if json_out:
        emit_model(ScreenReportOut.of(report))
    elif output is None:
        _print(report)
    _summary(report)


def screen_decide(
    key: Annotated[str, typer.Argument(help="The screened record's key (screen:...).")],
    entity: Annotated[str, typer.Argument(help="The candidate's entity id.")],
    decision: Annotated[Decision, typer.Argument(help="same, not_same or unsure.")],
    reason: Annotated[str, typer.Option(help="Why; kept with the decision.")] = "",
    home: HomeOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Record a decision on a screening hit; later runs show it, and not_same is no match."""
    ws = workspace(home)
    try:
        with ws.write() as conn:
            made = record_hit_decision(conn, key, entity, decision, ws.settings.actor, reason)
    finally:
        ws.dispose()
    if json_out:
        emit_model(ScreenDecisionOut.of_hit(made, key, entity))
    say(f"judgement {made.id}: {key} / {entity} {made.decision} by {made.decided_by}")


def _print(report: ScreenReport) -> None:
    for r in report.results:
        typer.echo(f"{r.id}\t{r.name}\t{r.key}")
        for c in r.candidates:
            flag = "MATCH" if c.match else "     "
            why = f"  [{c.interest}]" if c.interest else ""
            typer.echo(
                f"  {flag} {c.score:.3f}  {c.entity_id}  {c.name}  ({describe_all(c.reasons)})"
                + why
            )


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
