"""`pursuit review`: run resolution, list the review queue, and judge pairs."""

from __future__ import annotations

from typing import Annotated

import typer

from pursuit.api.schemas import JudgementList, JudgementOut, QueueEntryOut, ReviewQueueOut, RunOut
from pursuit.cli.common import HomeOpt, JsonOpt, emit_model, opened, say
from pursuit.names.reasons import describe_all
from pursuit.resolve.backends import Backend
from pursuit.resolve.decisions import judge_pair
from pursuit.resolve.judgements import Decision, judgement_history
from pursuit.resolve.resolution import ResolveOptions, resolve_persons
from pursuit.resolve.review import QueueStatus, decide_many, queue_counts, review_queue

__all__ = ["app"]

app = typer.Typer(name="review", help="Resolve persons and review proposed identities.")


ReasonOpt = Annotated[str, typer.Option(help="Why (kept with the decision).")]
SupersedeOpt = Annotated[
    bool,
    typer.Option(help="Override earlier decisions this one contradicts (needs --reason)."),
]


@app.command()
def resolve(
    backend: Annotated[Backend, typer.Option(help="Splink backend.")] = Backend.DUCKDB,
    full: Annotated[bool, typer.Option(help="Compare all persons again, not only new.")] = False,
    home: HomeOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Score person entities and put proposed identities in the review queue."""
    with opened(home) as ws:
        run = resolve_persons(ws, ResolveOptions(backend=backend, incremental=not full))
    if json_out:
        emit_model(RunOut.of(run))
    say(
        f"run {run.run_id}: {run.entity_count} persons ({run.new_count} new), "
        f"{run.pair_count} pairs scored, {len(run.proposal_ids)} proposals"
    )


@app.command("list")
def list_queue(
    status: Annotated[QueueStatus, typer.Option(help="Which entries.")] = QueueStatus.PENDING,
    limit: Annotated[int, typer.Option(min=1)] = 50,
    home: HomeOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """The review queue, most probable first: pending pairs until someone decides."""
    with opened(home) as ws, ws.read() as conn:
        entries = review_queue(conn, status, limit)
        if json_out:
            listed = [QueueEntryOut.read(conn, e) for e in entries]
            emit_model(ReviewQueueOut(counts=queue_counts(conn), entries=listed))
            return
    for e in entries:
        p = e.proposal
        typer.echo(f"{p.id}\t{p.probability:.3f}\t{p.entity_a}\t{p.entity_b}\t{e.status}")
        typer.echo(f"\t{describe_all(p.reasons)}")
    say(f"{len(entries)} {status} entr(y/ies)")


@app.command()
def decide(
    proposal: Annotated[list[int], typer.Argument(help="Proposal id(s); several for bulk.")],
    decision: Annotated[Decision, typer.Option(help="same, not_same or unsure.")],
    reason: ReasonOpt = "",
    supersede: SupersedeOpt = False,
    home: HomeOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Judge one or more proposed pairs (appended; earlier decisions stay on record).

    A decision that contradicts one on record is refused (exit 1, naming it) unless
    --supersede is given with a --reason."""
    with opened(home) as ws, ws.write() as conn:
        made = decide_many(conn, proposal, decision, ws.settings.actor, reason, supersede=supersede)
    if json_out:
        emit_model(JudgementList.of(made))
    say(f"{len(made)} judgement(s) recorded as {decision} by {ws.settings.actor}")


@app.command()
def judge(
    entity_a: Annotated[str, typer.Argument(help="An entity id (or a screened record's key).")],
    entity_b: Annotated[str, typer.Argument(help="The other entity id.")],
    decision: Annotated[Decision, typer.Argument(help="same, not_same or unsure.")],
    reason: ReasonOpt = "",
    supersede: SupersedeOpt = False,
    home: HomeOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Judge any pair directly, e.g. a screening hit against a workspace person. Two entities
    are checked against the decisions on record like any review decision."""
    with opened(home) as ws, ws.write() as conn:
        made = judge_pair(
            conn, entity_a, entity_b, decision, ws.settings.actor, reason, supersede=supersede
        )
    if json_out:
        emit_model(JudgementOut.of(made))
    say(f"judgement {made.id}: {made.entity_a} / {made.entity_b} {made.decision}")


@app.command()
def history(
    entity: Annotated[str | None, typer.Argument(help="Only judgements naming this id.")] = None,
    home: HomeOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Who decided what and when, newest first, superseded and withdrawn rows included."""
    with opened(home) as ws, ws.read() as conn:
        rows = judgement_history(conn, entity)
    if json_out:
        emit_model(JudgementList.of(rows))
        return
    for j in rows:
        gone = " (withdrawn)" if j.deleted_at else ""
        typer.echo(
            f"{j.decided_at:%Y-%m-%d %H:%M:%S} {j.decided_by}: {j.entity_a} / "
            f"{j.entity_b} {j.decision}{gone} {j.reason}"
        )
