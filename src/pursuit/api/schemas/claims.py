"""Claims, their grades and origins, contradictions: the shapes `pursuit claims --json`, the API
and the dossier share (`cases.claims.claim_json` builds the documents these validate)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from pursuit.api.schemas.base import Out

__all__ = [
    "ClaimAddIn",
    "ClaimGradeIn",
    "ClaimGradeOut",
    "ClaimList",
    "ClaimOut",
    "ClaimRejectIn",
    "ContradictionList",
    "ContradictionOut",
    "GradeChangeOut",
    "GradeHistory",
    "ResolveIn",
]


class SubjectOut(Out):
    id: str
    name: str


class GradeOut(Out):
    reliability: Literal["A", "B", "C", "D", "E", "F"]
    credibility: Literal["1", "2", "3", "4", "5", "6"]
    reliability_set: bool
    credibility_set: bool
    why: str


class SourceOut(Out):
    key: str = Field(description="outlet:HOST, witness:PSEUDONYM or document:ITEM")
    kind: str
    reliability: str


class SpanOut(Out):
    text: str | None
    start: int | None
    end: int | None


class StatementOut(Out):
    item_id: str
    quote: str = Field(description="The sentence (or an analyst's quote) the claim rests on.")
    sentence: list[int]
    subject: SpanOut
    object: SpanOut | None
    time_text: str | None
    raw_value: str
    extractor: str
    confidence: float
    rejected: bool
    reason: str


class ClaimOut(Out):
    id: str
    subject: SubjectOut
    predicate: str
    value: str
    time: str | None
    place: str | None
    items: list[str]
    origins: list[list[str]] = Field(description="Item ids of each independent origin.")
    origin_reasons: list[list[str]]
    corroboration: int = Field(description="The number of independent origins.")
    grade: GradeOut | None
    sources: list[SourceOut]
    rejected: bool
    statements: list[StatementOut]


class ClaimList(BaseModel):
    claims: list[ClaimOut]


class SideOut(Out):
    value: str
    items: list[str]
    claims: list[str]


class ResolutionOut(Out):
    holds: str
    reason: str
    by: str
    at: str


class ContradictionOut(Out):
    id: str
    predicate: str
    values: list[SideOut]
    why: str
    resolved: bool
    resolution: ResolutionOut | None


class ContradictionList(BaseModel):
    contradictions: list[ContradictionOut]


class ClaimAddIn(BaseModel):
    entity: str = Field(description="The profile's id or name.")
    predicate: str
    value: str
    item_id: str
    reason: str
    quote: str = ""
    start: int | None = None
    end: int | None = None
    time: str | None = None


class ClaimRejectIn(BaseModel):
    reason: str
    item_id: str | None = Field(None, description="Only the statement of this item.")
    restore: bool = Field(False, description="Withdraw an earlier rejection instead.")


class ClaimGradeIn(BaseModel):
    reason: str
    credibility: str | None = None
    reliability: str | None = None
    source: str | None = Field(None, description="The source graded, when it has several.")


class GradeChangeOut(Out):
    target: str
    grade: str
    reason: str
    made_by: str
    made_at: datetime


class ClaimGradeOut(BaseModel):
    changes: list[GradeChangeOut]
    claim: ClaimOut


class GradeHistory(BaseModel):
    history: list[GradeChangeOut]


class ResolveIn(BaseModel):
    entity: str = Field(description="The profile's id or name.")
    reason: str
    holds: str = ""
