"""Response shapes of identity: screening, the review queue, judgements and resolution runs."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import Field, RootModel
from sqlalchemy.engine import Connection

from pursuit.api.schemas.base import Out
from pursuit.api.schemas.names import ReasonOut
from pursuit.resolve.judgements import Decision, Judgement, JudgementSource
from pursuit.resolve.resolution import ResolutionRun
from pursuit.resolve.review import QueueEntry, QueueStatus
from pursuit.resolve.sides import EntitySide, entity_side
from pursuit.screen import ScreenReport, report_document

__all__ = [
    "CandidateOut",
    "HitDecisionOut",
    "JudgementList",
    "JudgementOut",
    "QueueEntryOut",
    "ReconcileAnswers",
    "ReviewQueueOut",
    "RunOut",
    "ScreenDecisionOut",
    "ScreenReportOut",
    "SideOut",
    "WithdrawnOut",
]


class HitDecisionOut(Out):
    decision: Decision
    decided_by: str
    decided_at: datetime
    reason: str
    entity_id: str = Field(description="The entity judged (it may since have been merged).")


class CandidateOut(Out):
    entity_id: str
    name: str
    matched_name: str = Field(description="The spelling of the candidate that matched.")
    score: float
    match: bool = Field(description="The score reached the threshold: a proposal, not a finding.")
    reasons: list[ReasonOut]
    decision: HitDecisionOut | None = Field(description="A reviewer's decision on this hit.")
    items: list[str] = Field([], description="Ids of the items that mention the candidate.")
    interest: str = Field(
        "", description='Why the person is screened against ("suspect: role emir in 3 items").'
    )


class ScreenResultOut(Out):
    id: str
    name: str
    key: str = Field(description="The record's key, under which decisions on its hits are kept.")
    candidates: list[CandidateOut]


class RowProblemOut(Out):
    line: int
    id: str
    problem: str


class ScreenReportOut(Out):
    results: list[ScreenResultOut]
    threshold: float
    against: str
    profiles: int
    matches: int
    skipped: list[RowProblemOut]
    warnings: list[RowProblemOut]

    @classmethod
    def of(cls, report: ScreenReport) -> ScreenReportOut:
        """The report as the screening core writes it to FILE.json, validated and typed."""
        return cls.model_validate(report_document(report))


class JudgementOut(Out):
    id: int
    entity_a: str
    entity_b: str
    decision: Decision
    decided_by: str
    decided_at: datetime
    reason: str
    source: JudgementSource
    withdrawn_at: datetime | None = Field(description="When it was withdrawn; null if in force.")
    withdrawn: bool

    @classmethod
    def of(cls, j: Judgement) -> JudgementOut:
        fields = {name: getattr(j, name) for name in Judgement.__slots__}
        return cls.model_validate(
            {**fields, "withdrawn_at": j.deleted_at, "withdrawn": j.deleted_at is not None}
        )


class JudgementList(Out):
    judgements: list[JudgementOut]

    @classmethod
    def of(cls, found: list[Judgement]) -> JudgementList:
        return cls(judgements=[JudgementOut.of(j) for j in found])


class ScreenDecisionOut(JudgementOut):
    key: str = Field(description="The screened record's key.")
    entity_id: str

    @classmethod
    def of_hit(cls, made: Judgement, key: str, entity_id: str) -> ScreenDecisionOut:
        """A decision on a screening hit, naming the record's key and the entity as asked."""
        base = JudgementOut.of(made).model_dump()
        return cls.model_validate({**base, "key": key, "entity_id": entity_id})


class WithdrawnOut(Out):
    withdrawn: int = Field(description="How many decisions were withdrawn (kept on record).")


class SideMentionOut(Out):
    item_id: str
    filename: str
    text: str
    before: str
    after: str


class SideOut(Out):
    entity_id: str
    name: str
    known: bool
    spellings: list[str]
    items: list[str] = Field(validation_alias="item_ids")
    mentions: list[SideMentionOut]


class QueueEntryOut(Out):
    proposal: int
    run: int
    entity_a: str
    entity_b: str
    probability: float
    reasons: list[ReasonOut]
    status: QueueStatus
    judgement: JudgementOut | None
    decision: Decision | None
    decided_by: str | None
    decided_at: datetime | None
    sides: list[SideOut]

    @classmethod
    def read(cls, conn: Connection, e: QueueEntry) -> QueueEntryOut:
        """The entry with the evidence for each side, read on `conn`."""
        p = e.proposal
        return cls.of(e, [entity_side(conn, p.entity_a), entity_side(conn, p.entity_b)])

    @classmethod
    def of(cls, e: QueueEntry, sides: list[EntitySide]) -> QueueEntryOut:
        p, j = e.proposal, e.judgement
        return cls.model_validate(
            {
                "proposal": p.id,
                "run": p.run_id,
                "entity_a": p.entity_a,
                "entity_b": p.entity_b,
                "probability": p.probability,
                "reasons": p.reasons,
                "status": e.status,
                "judgement": JudgementOut.of(j) if j else None,
                "decision": j.decision if j else None,
                "decided_by": j.decided_by if j else None,
                "decided_at": j.decided_at if j else None,
                "sides": sides,
            }
        )


class ReviewQueueOut(Out):
    counts: dict[str, int] = Field(description="Entries of each status.")
    entries: list[QueueEntryOut]


class RefusalOut(Out):
    a: str
    b: str
    kind: str = Field(description="judgement or contradiction")
    reason: str


class RunOut(Out):
    run: int
    backend: str
    incremental: bool
    entities: int
    new: int
    pairs: int
    proposals: list[int] = Field(description="Ids of the proposals the run queued.")
    proposal_count: int
    clusters: list[list[str]]
    refused: list[RefusalOut]

    @classmethod
    def of(cls, run: ResolutionRun) -> RunOut:
        return cls(
            run=run.run_id,
            backend=str(run.backend),
            incremental=run.incremental,
            entities=run.entity_count,
            new=run.new_count,
            pairs=run.pair_count,
            proposals=run.proposal_ids,
            proposal_count=len(run.proposal_ids),
            clusters=run.clusters,
            refused=[RefusalOut.model_validate(r) for r in run.refusals],
        )


class ReconcileAnswers(RootModel[dict[str, Any]]):
    """OpenRefine reconciliation answers keyed like the queries: {"q0": {"result": [...]}}."""
