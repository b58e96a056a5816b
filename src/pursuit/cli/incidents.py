"""Incidents on the command line: `pursuit incidents` lists the case's events, and the
`pursuit incident` commands show one, merge, split, and set an element's status."""

from __future__ import annotations

from typing import Annotated

import typer

from pursuit.cases.incident_edits import merge_incidents, set_element_status, split_incident
from pursuit.cases.incident_json import incident_json
from pursuit.cases.incidents import CaseIncident, get_incident, list_incidents
from pursuit.cli.common import HomeOpt, JsonOpt, emit_json, opened, say

__all__ = ["app", "incidents"]

app = typer.Typer(name="incident", help="Show, merge and split incidents; set element statuses.")
ReasonOpt = Annotated[str, typer.Option(help="Why (kept in the case's history).")]


def _line(i: CaseIncident) -> str:
    when = f" {i.when.text}" if i.when else ""
    count = f", {i.victims.text}" if i.victims else ""
    place = i.place.label if i.place else "(no place)"
    return f"{i.id}  {i.kind} at {place}{when}{count}  [{i.corroboration} source(s)]"


def incidents(home: HomeOpt = None, json_out: JsonOpt = False) -> None:
    """Incidents as events: act, place, time, victims, persons liable, sources, elements."""
    with opened(home) as ws, ws.read() as conn:
        found = list_incidents(conn)
    if json_out:
        emit_json(
            {
                "incidents": [incident_json(i) for i in found.incidents],
                "unplaced": [incident_json(i) for i in found.unplaced],
            }
        )
        return
    for i in found.incidents:
        typer.echo(_line(i))
        for p in i.persons:
            typer.echo(f"    {p.liability:<14} {p.name}")
    say(f"{len(found.incidents)} incident(s); {len(found.unplaced)} mention(s) with no place")


@app.command()
def show(
    incident: Annotated[str, typer.Argument(help="Incident id.")],
    home: HomeOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """One incident with its sources, persons and element matrix."""
    with opened(home) as ws, ws.read() as conn:
        found = get_incident(conn, incident)
    if json_out:
        emit_json(incident_json(found))
        return
    typer.echo(_line(found))
    for m in found.sources:
        typer.echo(f"  source {m.key}: {m.sentence}")
    for e in found.elements:
        typer.echo(f"  {e.status:<12} {e.crime} / {e.element}")


@app.command()
def merge(
    incident: Annotated[list[str], typer.Argument(help="Two or more incident ids.")],
    reason: ReasonOpt = "",
    home: HomeOpt = None,
) -> None:
    """Join incidents that are one event (kept across re-extraction)."""
    with opened(home) as ws, ws.write() as conn:
        merged = merge_incidents(conn, incident, reason, ws.settings.actor)
    say(f"merged into {merged}")
    typer.echo(merged)


@app.command()
def split(
    incident: Annotated[str, typer.Argument(help="Incident id.")],
    member: Annotated[
        list[str], typer.Option(help="A mention key (item:offset) or item id to move out.")
    ],
    reason: ReasonOpt = "",
    home: HomeOpt = None,
) -> None:
    """Move some mentions of an incident into an incident of their own."""
    with opened(home) as ws, ws.write() as conn:
        result = split_incident(conn, incident, member, reason, ws.settings.actor)
    say(f"kept {result.kept}; split off {result.split_off}")
    typer.echo(result.split_off)


@app.command()
def element(
    incident: Annotated[str, typer.Argument(help="Incident id.")],
    crime: Annotated[str, typer.Argument(help="Crime id, e.g. war_crime_murder.")],
    element_id: Annotated[str, typer.Argument(metavar="ELEMENT", help="Element id.")],
    status: Annotated[str, typer.Argument(help="supported, gap or contradicted.")],
    reason: ReasonOpt = "",
    home: HomeOpt = None,
) -> None:
    """Set where the evidence stands on one element of one incident."""
    with opened(home) as ws, ws.write() as conn:
        made = set_element_status(
            conn, incident, crime, element_id, status, reason, ws.settings.actor
        )
    say(f"{made.crime} / {made.element}: {made.status} (by {made.made_by})")
