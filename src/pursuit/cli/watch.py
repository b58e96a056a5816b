"""`pursuit watch add|remove|list`, `pursuit alerts` and `pursuit alert dismiss`.

Watching a person makes new items that mention him, and screening matches on him, raise alerts
with their reasons. Every change needs a reason, kept with the record and in the audit trail.
"""

from __future__ import annotations

from typing import Annotated

import typer

from pursuit.api.watch import AlertListOut, AlertOut, WatchListOut, WatchOut
from pursuit.cases.alerts import Alert, dismiss_alert
from pursuit.cases.alerts_view import current_alerts
from pursuit.cases.watch import Watch, list_watches, unwatch_person, watch_person
from pursuit.cli.common import HomeOpt, JsonOpt, emit_model, opened, say

__all__ = ["alert_app", "alerts", "app"]

app = typer.Typer(help="The watch list: persons whose news raises alerts.", no_args_is_help=True)
alert_app = typer.Typer(help="One alert on a watched person.", no_args_is_help=True)

Entity = Annotated[str, typer.Argument(help="The person's id or name, as for `pursuit dossier`.")]
ReasonOpt = Annotated[str, typer.Option("--reason", help="Why; kept with the record.")]
AllOpt = Annotated[bool, typer.Option("--all", help="Include ended watches / dismissed alerts.")]


def _reason(reason: str) -> str:
    """A blank reason is a usage error (exit 2), like a missing one."""
    if not reason.strip():
        raise typer.BadParameter(
            "a reason is needed (it is kept with the record)", None, None, "--reason"
        )
    return reason


def _watch_line(w: Watch) -> str:
    state = "" if w.active else f"\t(ended by {w.ended_by}: {w.end_reason})"
    return f"{w.id}\t{w.entity_id}\t{w.name}\t{w.why}{state}"


def _alert_lines(a: Alert) -> list[str]:
    when = f"{a.created_at:%Y-%m-%d %H:%M}"
    head = f"{a.id}\t{a.state}\t{a.kind}\t{a.entity_id}\t{a.name}\t{when}"
    if a.dismiss_reason is not None:
        head += f"  (dismissed by {a.dismissed_by}: {a.dismiss_reason})"
    return [head, *(f"  {r.code}: {r.text}" for r in a.reasons)]


@app.command("add")
def add(entity: Entity, reason: ReasonOpt, home: HomeOpt = None, json_out: JsonOpt = False) -> None:
    """Watch a person: items taken in from now on that mention him raise alerts."""
    with opened(home) as ws, ws.write() as conn:
        made = watch_person(conn, entity, _reason(reason), ws.settings.actor)
    if json_out:
        emit_model(WatchOut.of(made))
    say(f"watching {made.name} ({made.entity_id}) in case {made.case_id}: watch {made.id}")


@app.command("remove")
def remove(
    entity: Entity, reason: ReasonOpt, home: HomeOpt = None, json_out: JsonOpt = False
) -> None:
    """Stop watching a person; the watch and its alerts stay on record."""
    with opened(home) as ws, ws.write() as conn:
        ended = unwatch_person(conn, entity, _reason(reason), ws.settings.actor)
    if json_out:
        emit_model(WatchOut.of(ended))
    say(f"no longer watching {ended.name} ({ended.entity_id}): {ended.end_reason}")


@app.command("list")
def list_(all_: AllOpt = False, home: HomeOpt = None, json_out: JsonOpt = False) -> None:
    """The watched persons, with who watches them, since when and why."""
    with opened(home) as ws, ws.read() as conn:
        found = list_watches(conn, include_ended=all_)
    if json_out:
        emit_model(WatchListOut(watches=[WatchOut.of(w) for w in found]))
        return
    for w in found:
        typer.echo(_watch_line(w))
    say(f"{sum(w.active for w in found)} person(s) watched")


def alerts(all_: AllOpt = False, home: HomeOpt = None, json_out: JsonOpt = False) -> None:
    """Open alerts on watched persons, newest first, each with its reasons."""
    with opened(home) as ws:
        found = current_alerts(ws, include_dismissed=all_)
    if json_out:
        emit_model(AlertListOut(alerts=[AlertOut.of(a) for a in found]))
        return
    for a in found:
        typer.echo("\n".join(_alert_lines(a)))
    say(f"{sum(a.dismiss_reason is None for a in found)} open alert(s)")


@alert_app.command("dismiss")
def dismiss(
    alert_id: Annotated[int, typer.Argument(metavar="ID", help="The alert's id.", min=1)],
    reason: ReasonOpt,
    home: HomeOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Dismiss an alert with a reason; `pursuit alerts --all` still shows it, with the reason."""
    with opened(home) as ws, ws.write() as conn:
        done = dismiss_alert(conn, alert_id, _reason(reason), ws.settings.actor)
    if json_out:
        emit_model(AlertOut.of(done))
    say(f"alert {done.id} on {done.name} dismissed: {done.dismiss_reason}")
