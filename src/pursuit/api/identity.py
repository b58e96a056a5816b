"""Identity over HTTP: screening, OpenRefine reconciliation, the review queue and judgements.

Routes parse, call the core (`pursuit.screen`, `pursuit.resolve`) and shape the answer. The
screening index is kept on the app between requests and rebuilt only when the workspace's persons
change, so one query answers in milliseconds. Reconciliation follows the OpenRefine
reconciliation service API (0.2): the service manifest on GET without `queries`, batches of
queries as a form field `queries` on POST or as a query parameter on GET.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from pydantic import BaseModel, Field

from pursuit.api.deps import Actor, Ws, acting
from pursuit.errors import InputError, MalformedInput
from pursuit.resolve.backends import Backend
from pursuit.resolve.judgements import (
    Decision,
    Judgement,
    JudgementSource,
    judgement_history,
    record_judgement,
    withdraw_judgement,
)
from pursuit.resolve.resolution import ResolveOptions, resolve_persons
from pursuit.resolve.review import QueueEntry, QueueStatus, decide_many, queue_counts, review_queue
from pursuit.resolve.sides import EntitySide, entity_side
from pursuit.screen import ScreenIndex, ScreenOptions, report_document, screen_one
from pursuit.screen.cache import IndexCache
from pursuit.screen.engine import SCREEN_THRESHOLD, ScreenReport
from pursuit.screen.reconcile import manifest, reconcile_queries
from pursuit.screen.records import records_from_rows

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


class DecisionIn(BaseModel):
    decision: Decision
    reason: str = Field(default="", max_length=2000)


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


def _index(request: Request, ws: Ws) -> ScreenIndex:
    cache = getattr(request.app.state, "screen_index_cache", None)
    if cache is None:
        cache = request.app.state.screen_index_cache = IndexCache()
    index: ScreenIndex = cache.get(ws)
    return index


def _rows(body: ScreenIn) -> list[tuple[int, list[str]]]:
    given = body.records if body.records is not None else [body]
    return [
        (n, [r.id or f"record{n}", r.name, r.birth_date, r.nationality, r.gender])
        for n, r in enumerate(given, start=1)
    ]


@router.post("/screen", summary="Screen one record or a batch against the workspace's persons")
def screen(body: ScreenIn, request: Request, ws: Ws) -> dict[str, Any]:
    """Ranked candidates with score, match and reasons; unreadable records come back skipped."""
    header = ["id", "name", "birth_date", "nationality", "gender"]
    taken = records_from_rows(header, _rows(body))
    if body.records is None and taken.skipped:
        raise InputError(f"record not screened: {taken.skipped[0].problem}")
    index = _index(request, ws)
    options = ScreenOptions(body.threshold, body.limit)
    results = [screen_one(index, r, options) for r in taken.records]
    report = ScreenReport(
        results, body.threshold, "workspace", len(index), taken.skipped, taken.warnings
    )
    return report_document(report)


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
    queries: Annotated[str | None, Query(max_length=200_000)] = None,
    callback: Annotated[str | None, Query(max_length=100)] = None,
) -> Response:
    if queries is None:
        return _jsonp(manifest(str(request.base_url).rstrip("/")), callback)
    return _jsonp(reconcile_queries(_index(request, ws), _queries(queries)), callback)


@router.post("/reconcile", summary="OpenRefine reconciliation: a batch of queries")
def reconcile_post(
    request: Request, ws: Ws, queries: Annotated[str, Form(max_length=2_000_000)]
) -> dict[str, Any]:
    return reconcile_queries(_index(request, ws), _queries(queries))


def _judgement(j: Judgement) -> dict[str, Any]:
    return {
        "id": j.id,
        "entity_a": j.entity_a,
        "entity_b": j.entity_b,
        "decision": str(j.decision),
        "decided_by": j.decided_by,
        "decided_at": j.decided_at.isoformat(),
        "reason": j.reason,
        "source": str(j.source),
        "withdrawn_at": j.deleted_at.isoformat() if j.deleted_at else None,
    }


def _entry(ws: Ws, e: QueueEntry) -> dict[str, Any]:
    p = e.proposal
    with ws.read() as conn:
        sides = [entity_side(conn, p.entity_a), entity_side(conn, p.entity_b)]
    return {
        "proposal": p.id,
        "run": p.run_id,
        "probability": p.probability,
        "reasons": list(p.reasons),
        "status": str(e.status),
        "judgement": _judgement(e.judgement) if e.judgement else None,
        "sides": [_side(s) for s in sides],
    }


def _side(s: EntitySide) -> dict[str, Any]:
    return {
        "entity_id": s.entity_id,
        "name": s.name,
        "known": s.known,
        "spellings": s.spellings,
        "items": s.item_ids,
        "mentions": [
            {
                "item_id": m.item_id,
                "filename": m.filename,
                "text": m.text,
                "before": m.before,
                "after": m.after,
            }
            for m in s.mentions
        ],
    }


@router.get("/review", summary="The review queue with the evidence for each side")
def review(
    ws: Ws,
    status: QueueStatus = QueueStatus.PENDING,
    limit: Annotated[int, Query(ge=1, le=500)] = 20,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict[str, Any]:
    with ws.read() as conn:
        entries = review_queue(conn, status, limit, offset)
        counts = queue_counts(conn)
    return {"counts": counts, "entries": [_entry(ws, e) for e in entries]}


@router.post("/review/runs", status_code=201, summary="Run resolution; fills the queue")
def review_run(body: RunIn, ws: Ws, actor: Actor) -> dict[str, Any]:
    options = ResolveOptions(backend=body.backend, incremental=not body.full)
    run = resolve_persons(acting(ws, actor), options)
    return {
        "run": run.run_id,
        "backend": str(run.backend),
        "incremental": run.incremental,
        "entities": run.entity_count,
        "new": run.new_count,
        "pairs": run.pair_count,
        "proposals": run.proposal_ids,
        "clusters": run.clusters,
        "refused": [{"a": r.a, "b": r.b, "kind": r.kind, "reason": r.reason} for r in run.refusals],
    }


@router.post("/review/{proposal_id}/decision", summary="Judge one proposed pair")
def review_decide(proposal_id: int, body: DecisionIn, ws: Ws, actor: Actor) -> dict[str, Any]:
    with ws.write() as conn:
        made = decide_many(conn, [proposal_id], body.decision, actor, body.reason)
    return _judgement(made[0])


@router.post("/review/decisions", summary="One decision for many proposed pairs")
def review_bulk(body: BulkDecisionIn, ws: Ws, actor: Actor) -> dict[str, Any]:
    with ws.write() as conn:
        made = decide_many(conn, body.proposal_ids, body.decision, actor, body.reason)
    return {"judgements": [_judgement(j) for j in made]}


@router.get("/judgements", summary="Who decided what and when, newest first")
def judgements_list(
    ws: Ws,
    entity: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
) -> dict[str, Any]:
    with ws.read() as conn:
        rows = judgement_history(conn, entity, limit=limit)
    return {"judgements": [_judgement(j) for j in rows]}


@router.post("/judgements", status_code=201, summary="Record a judgement on any pair")
def judgements_add(body: JudgementIn, ws: Ws, actor: Actor) -> dict[str, Any]:
    """E.g. a decision on a screening hit: the record's key against the entity's id."""
    with ws.write() as conn:
        made = record_judgement(
            conn,
            body.entity_a,
            body.entity_b,
            body.decision,
            actor,
            reason=body.reason,
            source=body.source,
        )
    return _judgement(made)


@router.post("/judgements/withdraw", summary="Withdraw a pair's decision (kept on record)")
def judgements_withdraw(body: WithdrawIn, ws: Ws, actor: Actor) -> dict[str, Any]:
    with ws.write() as conn:
        count = withdraw_judgement(conn, body.entity_a, body.entity_b, actor, body.reason)
    return {"withdrawn": count}
