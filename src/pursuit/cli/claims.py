"""`pursuit claims`: what the evidence says of people, graded and counted by independent origin;
`add`, `reject`, `restore`, `grade` and `resolve` record an analyst's work on them."""

from __future__ import annotations

from typing import Annotated

import typer

from pursuit.api.schemas.claims import ClaimList, ContradictionOut
from pursuit.cases.claims import (
    NewClaim,
    add_claim,
    claim_json,
    contradiction_json,
    grade_claim,
    list_claims,
    reject_claim,
    resolve_contradiction,
    restore_claim,
)
from pursuit.cli.common import HomeOpt, JsonOpt, emit_model, say, workspace

__all__ = ["app"]

app = typer.Typer(
    help="Claims on people: sources, grades, corroboration, contradictions.",
    invoke_without_command=True,
    no_args_is_help=False,
)

Reason = Annotated[str, typer.Option(help="Why (kept with the change).")]


@app.callback()
def claims(
    ctx: typer.Context,
    entity: Annotated[str | None, typer.Option(help="A profile's id or name.")] = None,
    predicate: Annotated[str | None, typer.Option(help="Only this predicate.")] = None,
    include_rejected: Annotated[bool, typer.Option(help="List rejected claims too.")] = False,
    home: HomeOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """List claims, each with its items, independent origins, corroboration and grade."""
    if ctx.invoked_subcommand is not None:
        return
    ws = workspace(home)
    try:
        with ws.read() as conn:
            found = list_claims(conn, entity, predicate, include_rejected=include_rejected)
    finally:
        ws.dispose()
    if json_out:
        emit_model(ClaimList.model_validate({"claims": [claim_json(c) for c in found]}))
        return
    for c in found:
        grade = f"{c.grade.reliability}{c.grade.credibility}" if c.grade else "--"
        when = f" ({c.time})" if c.time else ""
        said = f"{c.subject.name}: {c.predicate} = {c.value}{when}"
        typer.echo(f"{c.id}  {grade}  x{c.corroboration}  {said}")
    say(f"{len(found)} claim(s)")


@app.command("add")
def add(
    entity: Annotated[str, typer.Argument(help="The profile's id or name.")],
    predicate: Annotated[str, typer.Option(help="role, birth, presence, ordered…")],
    value: Annotated[str, typer.Option(help="What is claimed.")],
    item: Annotated[str, typer.Option(help="The item the claim rests on.")],
    quote: Annotated[str, typer.Option(help="The item's words it rests on.")],
    reason: Reason,
    time: Annotated[str | None, typer.Option(help="When it held.")] = None,
    home: HomeOpt = None,
) -> None:
    """Add a claim read in an item, quoting its words."""
    ws = workspace(home)
    try:
        with ws.write() as conn:
            made = add_claim(
                conn,
                NewClaim(entity, predicate, value, item, reason, quote, time=time),
                ws.settings.actor,
            )
    finally:
        ws.dispose()
    say(f"claim {made.id} recorded: {made.predicate} = {made.value}, x{made.corroboration}")


@app.command("reject")
def reject(
    claim: Annotated[str, typer.Argument(help="The claim's id.")],
    reason: Reason,
    item: Annotated[str | None, typer.Option(help="Only its statement in this item.")] = None,
    restore: Annotated[bool, typer.Option(help="Withdraw an earlier rejection.")] = False,
    home: HomeOpt = None,
) -> None:
    """Reject a claim (kept across re-extraction), or restore it."""
    act = restore_claim if restore else reject_claim
    ws = workspace(home)
    try:
        with ws.write() as conn:
            count = act(conn, claim, reason, ws.settings.actor, item_id=item)
    finally:
        ws.dispose()
    say(f"{count} statement(s) of {claim} {'restored' if restore else 'rejected'}")


@app.command("grade")
def grade(
    claim: Annotated[str, typer.Argument(help="The claim's id.")],
    reason: Reason,
    credibility: Annotated[str | None, typer.Option(help="1-6.")] = None,
    reliability: Annotated[str | None, typer.Option(help="A-F, of the claim's source.")] = None,
    source: Annotated[str | None, typer.Option(help="Which source, when several.")] = None,
    home: HomeOpt = None,
) -> None:
    """Grade a claim's credibility and/or its source's reliability, with a reason."""
    ws = workspace(home)
    try:
        with ws.write() as conn:
            changes = grade_claim(
                conn,
                claim,
                reason,
                ws.settings.actor,
                credibility=credibility,
                reliability=reliability,
                source=source,
            )
    finally:
        ws.dispose()
    for c in changes:
        say(f"{c.target}: {c.grade} ({c.reason})")


@app.command("resolve")
def resolve(
    entity: Annotated[str, typer.Argument(help="The profile's id or name.")],
    contradiction: Annotated[str, typer.Argument(help="The contradiction's id.")],
    reason: Reason,
    holds: Annotated[str, typer.Option(help="The value that holds, if any.")] = "",
    home: HomeOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Resolve a contradiction with a reason."""
    ws = workspace(home)
    try:
        with ws.write() as conn:
            done = resolve_contradiction(
                conn, entity, contradiction, reason, ws.settings.actor, holds=holds
            )
    finally:
        ws.dispose()
    if json_out:
        emit_model(ContradictionOut.model_validate(contradiction_json(done)))
        return
    say(f"{done.id} resolved" + (f": {holds} holds" if holds else ""))
