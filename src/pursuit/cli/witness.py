"""`pursuit witness`: register, reveal, list, erase protected witnesses; rotate a case's key.

Once a workspace has users, `reveal` acts for one of them (PURSUIT_ACTOR): it asks for that
person's password again (a fresh sign-in, recorded and rate-limited) and needs a role granting
`witness_reveal` in the case. A workspace without users is one person's own: its owner holds
the vault key file anyway, and is warned instead.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from pursuit.cli.common import HomeOpt, JsonOpt, emit_json, opened, say
from pursuit.errors import PursuitError
from pursuit.evidence.cases import DEFAULT_CASE
from pursuit.security import (
    Identity,
    ensure_vault_key,
    erase_witness,
    list_witnesses,
    load_vault_key,
    register_witness,
    reveal_witness,
    rotate_case_key,
)
from pursuit.security.gate import may_reveal, signed_in_again, workspace_has_users
from pursuit.store.workspace import Workspace

__all__ = ["app"]

app = typer.Typer(help="Protected witnesses: pseudonyms in the open, identities in the vault.")

CaseOpt = Annotated[str, typer.Option(help="Case the witness belongs to.")]
Reason = Annotated[str, typer.Option(help="Why; recorded in the custody log.")]


@app.command("add")
def add(
    name: Annotated[str, typer.Option(help="The witness's name (stored encrypted only).")],
    case: CaseOpt = DEFAULT_CASE,
    pseudonym: Annotated[
        str | None, typer.Option(help="W-NNN; the next free one when not given.")
    ] = None,
    contact: Annotated[str, typer.Option(help="Phone, e-mail… (stored encrypted).")] = "",
    notes: Annotated[str, typer.Option(help="Free notes (stored encrypted).")] = "",
    alias: Annotated[
        list[str] | None, typer.Option(help="Another name to hide in testimony (repeatable).")
    ] = None,
    home: HomeOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Register a protected witness; prints the pseudonym to use from now on."""
    with opened(home, create=True) as ws:
        key = ensure_vault_key(ws)
        identity = Identity(name, contact, notes, tuple(alias or ()))
        with ws.write() as conn:
            chosen = register_witness(conn, key, case, pseudonym, identity, ws.settings.actor)
        if json_out:
            emit_json({"pseudonym": chosen, "case": case})
        else:
            typer.echo(chosen)


def _fresh_signin(ws: Workspace, case: str, from_stdin: bool) -> None:
    """Refuse unless the acting person signs in again and may reveal in the case."""
    with ws.read() as conn:
        if not workspace_has_users(conn):
            say("  (this workspace has no users: whoever holds the vault key may reveal)")
            return
    name = ws.settings.actor
    if from_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = typer.prompt(f"password of {name} (fresh sign-in)", hide_input=True)
    with ws.write() as conn:
        made = signed_in_again(conn, name, password)
    if isinstance(made, PursuitError):
        raise made
    with ws.read() as conn:
        may_reveal(conn, made, case)


@app.command("reveal")
def reveal(
    pseudonym: Annotated[str, typer.Argument(help="W-NNN")],
    reason: Reason,
    case: CaseOpt = DEFAULT_CASE,
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from standard input.")
    ] = False,
    home: HomeOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Show a witness's identity; the reveal, its actor and reason go into the custody log."""
    with opened(home) as ws:
        say(
            f"WARNING: revealing {pseudonym} is recorded in the audit trail as {ws.settings.actor}."
        )
        _fresh_signin(ws, case, password_stdin)
        key = load_vault_key(ws)
        with ws.write() as conn:
            identity = reveal_witness(conn, key, case, pseudonym, ws.settings.actor, reason)
        body = {"name": identity.name, "contact": identity.contact, "notes": identity.notes}
        if json_out:
            emit_json({"pseudonym": pseudonym.upper(), **body, "aliases": list(identity.aliases)})
            return
        for label, value in body.items():
            typer.echo(f"{label}: {value}")
        for other in identity.aliases:
            typer.echo(f"alias: {other}")


@app.command("list")
def list_(
    case: Annotated[str | None, typer.Option(help="Only this case.")] = None,
    home: HomeOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Pseudonyms of the protected witnesses (never identities; needs no key)."""
    with opened(home) as ws:
        with ws.read() as conn:
            found = list_witnesses(conn, case)
        rows = [
            {
                "pseudonym": w.pseudonym,
                "case_id": w.case_id,
                "created_by": w.created_by,
                "created_at": w.created_at.isoformat(),
                "erased": w.erased,
            }
            for w in found
        ]
        if json_out:
            emit_json({"witnesses": rows})
            return
        for r in rows:
            erased = "  (erased)" if r["erased"] else ""
            typer.echo(f"{r['pseudonym']}  {r['case_id']}  {r['created_at']}{erased}")
        say(f"{len(rows)} witness(es)")


@app.command("erase")
def erase(
    pseudonym: Annotated[str, typer.Argument(help="W-NNN")],
    reason: Reason,
    case: CaseOpt = DEFAULT_CASE,
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation.")] = False,
    home: HomeOpt = None,
) -> None:
    """Destroy the witness's key: the identity and sealed testimony become unrecoverable."""
    if not yes:
        typer.confirm(f"Erase {pseudonym} for good? This cannot be undone", abort=True)
    with opened(home) as ws:
        with ws.write() as conn:
            erase_witness(conn, case, pseudonym, ws.settings.actor, reason)
        say(f"{pseudonym} erased; the pseudonym and its testimony items remain")


@app.command("rotate-key")
def rotate_key(case: CaseOpt = DEFAULT_CASE, home: HomeOpt = None) -> None:
    """Give the case a new key and re-wrap every witness key with it."""
    with opened(home) as ws:
        key = load_vault_key(ws)
        with ws.write() as conn:
            version = rotate_case_key(conn, key, case, ws.settings.actor)
        say(f"case {case}: key version {version}")
