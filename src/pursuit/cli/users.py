"""`pursuit user add|grant|revoke|list|token|password|link` and `pursuit audit`.

The command line acts for the person at the machine, who holds the workspace's files anyway;
what it changes is recorded in the custody log under their name (PURSUIT_ACTOR).
"""

from __future__ import annotations

import sys
from datetime import datetime
from typing import Annotated

import typer

from pursuit.cli.common import HomeOpt, JsonOpt, emit_json, opened, say
from pursuit.errors import InputError
from pursuit.security.audit import audit_trail
from pursuit.security.roles import Role
from pursuit.security.sessions import issue_link, issue_token
from pursuit.security.users import add_user, grant, list_users, revoke, set_password

__all__ = ["app", "audit"]

app = typer.Typer(help="People, their roles per case, and API tokens.", no_args_is_help=True)

RoleOpt = Annotated[Role, typer.Option("--role", help="The role to give.")]
CaseOpt = Annotated[
    str | None, typer.Option("--case", help="The case (id or name); all cases when omitted.")
]
StdinOpt = Annotated[
    bool, typer.Option("--password-stdin", help="Read the password from standard input.")
]


def _password(from_stdin: bool) -> str | None:
    if not from_stdin:
        return None
    value = sys.stdin.readline().rstrip("\n")
    if not value:
        raise InputError("no password on standard input")
    return value


@app.command("add")
def user_add(
    name: str,
    role: RoleOpt,
    case: CaseOpt = None,
    password_stdin: StdinOpt = False,
    home: HomeOpt = None,
) -> None:
    """Add a person with a role in one case (or every case)."""
    with opened(home) as ws, ws.write() as conn:
        add_user(conn, name, role, ws.settings.actor, case=case, password=_password(password_stdin))
    say(f"user {name} added as {role.value}" + (f" in {case}" if case else ""))


@app.command("grant")
def user_grant(name: str, role: RoleOpt, case: CaseOpt = None, home: HomeOpt = None) -> None:
    """Give a role in a case (replacing the one held there); takes effect at once."""
    with opened(home) as ws, ws.write() as conn:
        grant(conn, name, role, ws.settings.actor, case=case)
    say(f"{name} is now {role.value}" + (f" in {case}" if case else " in every case"))


@app.command("revoke")
def user_revoke(name: str, case: CaseOpt = None, home: HomeOpt = None) -> None:
    """Take away a role in a case, or every role without --case; takes effect at once."""
    with opened(home) as ws, ws.write() as conn:
        count = revoke(conn, name, ws.settings.actor, case=case)
    say(f"{count} role(s) of {name} revoked" + (f" in {case}" if case else ""))


@app.command("list")
def user_list(home: HomeOpt = None, json_out: JsonOpt = False) -> None:
    """Everyone with their roles per case."""
    with opened(home) as ws, ws.read() as conn:
        found = list_users(conn)
    if json_out:
        emit_json(
            {
                "users": [
                    {
                        "name": u.name,
                        "administrator": u.is_admin,
                        "password": u.has_password,
                        "roles": {case: role.value for case, role in u.roles.items()},
                        "disabled": u.disabled,
                    }
                    for u in found
                ]
            }
        )
        return
    for u in found:
        roles = ", ".join(f"{r.value} in {c}" for c, r in u.roles.items()) or "no role"
        typer.echo(f"{u.name}\t{'administrator; ' if u.is_admin else ''}{roles}")


@app.command("token")
def user_token(
    name: str,
    label: Annotated[str, typer.Option(help="What the token is for.")] = "",
    home: HomeOpt = None,
) -> None:
    """Print a new API token (Authorization: Bearer); it is shown only this once."""
    with opened(home) as ws, ws.write() as conn:
        token = issue_token(conn, name, ws.settings.actor, label)
    sys.stdout.write(token + "\n")
    say("keep it secret: it acts as this user until revoked")


@app.command("password")
def user_password(name: str, home: HomeOpt = None) -> None:
    """Set a password, read from standard input (at least 12 characters)."""
    value = _password(True)
    assert value is not None
    with opened(home) as ws, ws.write() as conn:
        set_password(conn, name, value, ws.settings.actor)
    say(f"password of {name} set")


@app.command("link")
def user_link(
    name: str,
    base_url: Annotated[
        str, typer.Option(help="Where pursuit is served.")
    ] = "http://127.0.0.1:8000",
    home: HomeOpt = None,
) -> None:
    """Print a one-time sign-in link (30 minutes) for someone without a password yet."""
    with opened(home) as ws, ws.write() as conn:
        token = issue_link(conn, name)
    sys.stdout.write(f"{base_url.rstrip('/')}/signin/link/{token}\n")


def audit(
    action: Annotated[
        list[str] | None, typer.Option("--action", help="Only these actions (repeatable).")
    ] = None,
    actor: Annotated[str | None, typer.Option("--actor", help="Only this person.")] = None,
    since: Annotated[
        datetime | None, typer.Option("--since", help="Only from this time (ISO 8601).")
    ] = None,
    limit: Annotated[int, typer.Option(min=1, max=100000)] = 1000,
    home: HomeOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """The audit trail: sign-ins, reads of protected data, exports, decisions, rights."""
    with opened(home) as ws, ws.read() as conn:
        found = audit_trail(conn, actions=action or None, actor=actor, since=since, limit=limit)
    if json_out:
        emit_json(
            {
                "events": [
                    {
                        "seq": e.seq,
                        "at": e.at.isoformat(),
                        "actor": e.actor,
                        "action": e.action,
                        "case_id": e.case_id,
                        "item_id": e.item_id,
                        "details": e.detail_map,
                    }
                    for e in found
                ]
            }
        )
        return
    for e in found:
        where = " ".join(x for x in (e.case_id, e.item_id) if x)
        typer.echo(f"{e.at:%Y-%m-%d %H:%M:%S} {e.actor} {e.action} {where} {e.details}")
