"""Identity over HTTP: screening, OpenRefine reconciliation, the review queue and judgements.

Routes parse, call the core (`pursuit.screen`, `pursuit.resolve`) and shape the answer. The
screening index is kept on the app between requests and rebuilt only when the workspace's persons
change, so one query answers in milliseconds. Reconciliation follows the OpenRefine
reconciliation service API (0.2): the service manifest on GET without `queries`, batches of
queries as a form field `queries` on POST or as a query parameter on GET.
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from pydantic import BaseModel, Field

from pursuit.api.schemas import (
    JudgementList,
    JudgementOut,
    QueueEntryOut,
    ReconcileAnswers,
    ReviewQueueOut,
    RunOut,
    ScreenDecisionOut,
    ScreenReportOut,
    WithdrawnOut,
)
from pursuit.cases.alerts_screening import screening_alerts
from pursuit.cases.roles_screening import against_everyone, index_of_interest
from pursuit.errors import InputError, MalformedInput
from pursuit.http.auth import Signed
from pursuit.http.deps import Ws, acting
from pursuit.http.scope import (
    readable_cases,
    require_everywhere,
    require_for_entities,
    require_for_proposals,
)
from pursuit.http.screening import screen_index_for
from pursuit.resolve.backends import Backend
from pursuit.resolve.decisions import judge_pair
from pursuit.resolve.judgements import (
    Decision,
    JudgementSource,
    judgement_history,
    record_judgement,
    withdraw_judgement,
)
from pursuit.resolve.resolution import ResolveOptions, resolve_persons
from pursuit.resolve.review import QueueStatus, decide_many, queue_counts, review_queue
from pursuit.screen import (
    HitMemory,
    ScreenIndex,
    ScreenOptions,
    load_memory,
    record_hit_decision,
    screen_input,
)
from pursuit.screen.engine import SCREEN_THRESHOLD
from pursuit.screen.reconcile import manifest, reconcile_queries
from pursuit.screen.records import records_from_rows
from pursuit.security.roles import Permission, Principal

__all__ = ["router"]

router = APIRouter(tags=["identity"])

MAX_BATCH = 1000


class RecordIn(BaseModel):
    id: str | None = None
    name: str = Field(default="", max_length=10_000)
    birth_date: str = ""
    nationality: str = ""
    gender: str = ""


class ScreenIn(RecordIn):
    """One record (its fields at the top level) or a batch in `records`."""

    records: list[RecordIn] | None = Field(default=None, max_length=MAX_BATCH)
    threshold: float = Field(default=SCREEN_THRESHOLD, ge=0.0, le=1.0)
    limit: int = Field(default=5, ge=1, le=100)
    against: Literal["interest", "all"] = Field(
        default="interest",
        description="'interest': the suspects and the watch list, each candidate saying why; "
        "'all': every person the user may screen against.",
    )


class DecisionIn(BaseModel):
    decision: Decision
    reason: str = Field(default="", max_length=2000)
    supersede: bool = Field(
        default=False,
        description="Override earlier decisions this one contradicts (needs a reason); "
        "without it a contradicting decision is refused with 400, naming them.",
    )


class HitDecisionIn(DecisionIn):
    """A decision on a screening hit: the record's `key` from the screening answer."""

    key: str = Field(min_length=1, max_length=200)
    entity_id: str = Field(min_length=1, max_length=200)


class BulkDecisionIn(DecisionIn):
    proposal_ids: list[int] = Field(min_length=1, max_length=1000)


class JudgementIn(DecisionIn):
    entity_a: str = Field(min_length=1, max_length=200)
    entity_b: str = Field(min_length=1, max_length=200)
    source: JudgementSource = JudgementSource.REVIEW


class RunIn(BaseModel):
    backend: Backend = Backend.DUCKDB
    full: bool = Field(default=False, description="Compare all persons, not only new ones.")


class WithdrawIn(BaseModel):
    entity_a: str = Field(min_length=1, max_length=200)
    entity_b: str = Field(min_length=1, max_length=200)
    reason: str = Field(default="", max_length=2000)


def _index(request: Request, ws: Ws, who: Principal, against: str = "all") -> ScreenIndex:
    """The persons of the cases the user may screen in (by default those of interest)."""
    index = screen_index_for(request, ws, who)
    with ws.read() as conn:
        cases = who.cases_with(Permission.SCREEN)
        return index_of_interest(conn, index, against_everyone(against), cases)


def _memory(ws: Ws) -> HitMemory:
    return load_memory(ws)


def _rows(body: ScreenIn) -> list[tuple[int, list[str]]]:
    given = body.records if body.records is not None else [body]
    return [
        (n, [r.id or f"record{n}", r.name, r.birth_date, r.nationality, r.gender])
        for n, r in enumerate(given, start=1)
    ]


@router.post(
    "/screen",
    response_model=ScreenReportOut,
    summary="Screen one record or a batch against the workspace's persons",
)
def screen(body: ScreenIn, request: Request, ws: Ws, who: Signed) -> ScreenReportOut:
    """Ranked candidates with score, match and reasons; unreadable records come back skipped."""
    header = ["id", "name", "birth_date", "nationality", "gender"]
    taken = records_from_rows(header, _rows(body))
    if body.records is None and taken.skipped:
        raise InputError(f"record not screened: {taken.skipped[0].problem}")
    options = ScreenOptions(body.threshold, body.limit)
    index = _index(request, ws, who, body.against)
    report = screen_input(index, taken, options, _memory(ws))
    with ws.write() as conn:  # a match on a watched person raises an alert
        screening_alerts(conn, report)
    return ScreenReportOut.of(report)


@router.post(
    "/screen/decisions",
    response_model=ScreenDecisionOut,
    status_code=201,
    summary="Decide on a screening hit (kept, shown later)",
)
def screen_decide(body: HitDecisionIn, ws: Ws, who: Signed) -> ScreenDecisionOut:
    """Later screenings of the record show the decision; `not_same` is then no match."""
    with ws.write() as conn:
        require_for_entities(conn, who, Permission.JUDGE, body.entity_id)
        made = record_hit_decision(
            conn, body.key, body.entity_id, body.decision, who.name, body.reason
        )
    return ScreenDecisionOut.of_hit(made, body.key, body.entity_id)


def _jsonp(document: dict[str, Any], callback: str | None) -> Response:
    if callback:
        if not callback.replace("_", "").replace(".", "").isalnum():
            raise InputError("callback must be a plain JavaScript name")
        body = f"{callback}({json.dumps(document, ensure_ascii=False)})"
        return PlainTextResponse(body, media_type="application/javascript")
    return JSONResponse(document)


def _queries(raw: str) -> dict[str, Any]:
    try:
        parsed = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise MalformedInput(f"queries is not JSON: {exc.msg}") from exc
    if not isinstance(parsed, dict):
        raise MalformedInput("queries must be a JSON object of named queries")
    return parsed


@router.get("/reconcile", summary="OpenRefine reconciliation: manifest, or queries")
def reconcile_get(
    request: Request,
    ws: Ws,
    who: Signed,
    queries: Annotated[str | None, Query(max_length=200_000)] = None,
    callback: Annotated[str | None, Query(max_length=100)] = None,
) -> Response:
    if queries is None:
        return _jsonp(manifest(str(request.base_url).rstrip("/")), callback)
    answers = reconcile_queries(_index(request, ws, who), _queries(queries), _memory(ws))
    return _jsonp(answers, callback)


@router.post(
    "/reconcile",
    response_model=ReconcileAnswers,
    summary="OpenRefine reconciliation: a batch of queries",
)
def reconcile_post(
    request: Request, ws: Ws, who: Signed, queries: Annotated[str, Form(max_length=2_000_000)]
) -> ReconcileAnswers:
    index = _index(request, ws, who)
    return ReconcileAnswers(reconcile_queries(index, _queries(queries), _memory(ws)))


@router.get(
    "/review",
    response_model=ReviewQueueOut,
    summary="The review queue with the evidence for each side",
)
def review(
    ws: Ws,
    who: Signed,
    status: QueueStatus = QueueStatus.PENDING,
    limit: Annotated[int, Query(ge=1, le=500)] = 20,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> ReviewQueueOut:
    """Pairs of the cases the user may read."""
    scope = readable_cases(who)
    with ws.read() as conn:
        entries = review_queue(conn, status, limit, offset, case_ids=scope)
        return ReviewQueueOut(
            counts=queue_counts(conn, case_ids=scope),
            entries=[QueueEntryOut.read(conn, e) for e in entries],
        )


@router.post(
    "/review/runs",
    response_model=RunOut,
    status_code=201,
    summary="Run resolution; fills the queue",
)
def review_run(body: RunIn, ws: Ws, who: Signed) -> RunOut:
    """A run compares the persons of every case, so it needs the right to judge in each."""
    require_everywhere(who, Permission.JUDGE, "a resolution run")
    options = ResolveOptions(backend=body.backend, incremental=not body.full)
    return RunOut.of(resolve_persons(acting(ws, who.name), options))


@router.post(
    "/review/{proposal_id}/decision", response_model=JudgementOut, summary="Judge one proposed pair"
)
def review_decide(proposal_id: int, body: DecisionIn, ws: Ws, who: Signed) -> JudgementOut:
    with ws.write() as conn:
        require_for_proposals(conn, who, Permission.JUDGE, [proposal_id])
        made = decide_many(
            conn, [proposal_id], body.decision, who.name, body.reason, supersede=body.supersede
        )
    return JudgementOut.of(made[0])


@router.post(
    "/review/decisions",
    response_model=JudgementList,
    summary="One decision for many proposed pairs",
)
def review_bulk(body: BulkDecisionIn, ws: Ws, who: Signed) -> JudgementList:
    with ws.write() as conn:
        require_for_proposals(conn, who, Permission.JUDGE, body.proposal_ids)
        made = decide_many(
            conn,
            body.proposal_ids,
            body.decision,
            who.name,
            body.reason,
            supersede=body.supersede,
        )
    return JudgementList.of(made)


@router.get(
    "/judgements", response_model=JudgementList, summary="Who decided what and when, newest first"
)
def judgements_list(
    ws: Ws,
    who: Signed,
    entity: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
) -> JudgementList:
    with ws.read() as conn:
        rows = judgement_history(conn, entity, limit=limit, case_ids=readable_cases(who))
    return JudgementList.of(rows)


@router.post(
    "/judgements",
    response_model=JudgementOut,
    status_code=201,
    summary="Record a judgement on any pair",
)
def judgements_add(body: JudgementIn, ws: Ws, who: Signed) -> JudgementOut:
    """E.g. a decision on a screening hit: the record's key against the entity's id. Two
    entities are checked against the decisions on record like any review decision."""
    actor = who.name
    with ws.write() as conn:
        require_for_entities(conn, who, Permission.JUDGE, body.entity_a, body.entity_b)
        if body.source is JudgementSource.SCREENING:
            made = record_judgement(
                conn,
                body.entity_a,
                body.entity_b,
                body.decision,
                actor,
                reason=body.reason,
                source=body.source,
            )
        else:
            made = judge_pair(
                conn,
                body.entity_a,
                body.entity_b,
                body.decision,
                actor,
                body.reason,
                supersede=body.supersede,
            )
    return JudgementOut.of(made)


@router.post(
    "/judgements/withdraw",
    response_model=WithdrawnOut,
    summary="Withdraw a pair's decision (kept on record)",
)
def judgements_withdraw(body: WithdrawIn, ws: Ws, who: Signed) -> WithdrawnOut:
    with ws.write() as conn:
        require_for_entities(conn, who, Permission.JUDGE, body.entity_a, body.entity_b)
        count = withdraw_judgement(conn, body.entity_a, body.entity_b, who.name, body.reason)
    return WithdrawnOut(withdrawn=count)
