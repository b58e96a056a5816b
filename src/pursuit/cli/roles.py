"""`pursuit roles` and `pursuit role set|show|history`: persons' roles in their cases.

A role shown as proposed rests on the claim or words named beside it and is never a finding; a
role set by an analyst, with a reason, wins and is kept in history.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer

from pursuit.cases.roles import (
    PersonRole,
    RoleChange,
    case_role_list,
    parse_role,
    role_history,
    role_of,
    set_role,
)
from pursuit.cli.common import HomeOpt, JsonOpt, emit_json, say, workspace

__all__ = ["app", "roles", "role_document"]

app = typer.Typer(help="A person's role in his case: suspect, victim, witness, investigator...")


def role_document(p: PersonRole) -> dict[str, Any]:
    """One person's role as the CLI's JSON and the API give it."""
    return {
        "entity_id": p.entity_id,
        "case_id": p.case_id,
        "name": p.name,
        "role": str(p.role) if p.role is not None else None,
        "origin": p.origin,
        "reason": p.reason,
        "set_by": p.set.made_by if p.set is not None else None,
        "set_at": p.set.made_at.isoformat() if p.set is not None else None,
        "proposals": [
            {"role": str(r.role), "reason": r.reason, "items": list(r.items)} for r in p.proposals
        ],
    }


def _change_document(c: RoleChange) -> dict[str, Any]:
    return {
        "entity_id": c.entity_id,
        "role": str(c.role),
        "previous": str(c.previous) if c.previous else None,
        "reason": c.reason,
        "made_by": c.made_by,
        "made_at": c.made_at.isoformat(),
    }


def _line(p: PersonRole) -> str:
    role = str(p.role) if p.role is not None else "-"
    origin = "" if p.origin == "none" else f" ({p.origin})"
    return f"{p.entity_id}\t{p.name}\t{role}{origin}\t{p.reason}"


def roles(
    case: Annotated[str | None, typer.Option(help="Only this case's persons.")] = None,
    home: HomeOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Persons with their role in the case: set by an analyst, else proposed with its reason."""
    ws = workspace(home)
    try:
        with ws.read() as conn:
            found = case_role_list(conn, case)
    finally:
        ws.dispose()
    if json_out:
        emit_json({"roles": [role_document(p) for p in found]})
        return
    for p in found:
        typer.echo(_line(p))


@app.command("set")
def set_(
    entity: Annotated[str, typer.Argument(help="The person's id or name.")],
    role: Annotated[
        str, typer.Argument(help="suspect, victim, witness, investigator, source, other")
    ],
    reason: Annotated[str, typer.Option(help="Why; kept in the role's history.")],
    home: HomeOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Set a person's role in his case; it wins over any proposal and survives re-extraction."""
    chosen = parse_role(role)
    ws = workspace(home)
    try:
        with ws.write() as conn:
            made = set_role(conn, entity, chosen, reason, ws.settings.actor)
    finally:
        ws.dispose()
    if json_out:
        emit_json(role_document(made))
    say(f"{made.name} ({made.entity_id}) is {made.role} in case {made.case_id}: {made.reason}")


@app.command("show")
def show(
    entity: Annotated[str, typer.Argument(help="The person's id or name.")],
    home: HomeOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """One person's role, every proposal with its reason, and the history of settings."""
    ws = workspace(home)
    try:
        with ws.read() as conn:
            found = role_of(conn, entity)
            history = role_history(conn, [found.entity_id])
    finally:
        ws.dispose()
    if json_out:
        emit_json({**role_document(found), "history": [_change_document(c) for c in history]})
        return
    typer.echo(_line(found))
    for r in found.proposals:
        typer.echo(f"  proposed {r.role}: {r.reason}")
    for c in history:
        typer.echo(f"  {c.made_at:%Y-%m-%d %H:%M} {c.made_by} set {c.role}: {c.reason}")
