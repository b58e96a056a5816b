"""Response shapes of evidence: cases, items, custody, search, entities, dossiers, verification."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from pydantic import Field

from pursuit.api.schemas.base import Out
from pursuit.cases.dossier import Dossier
from pursuit.evidence.custody import CustodyEvent
from pursuit.evidence.problems import ProblemKind
from pursuit.search import SearchResult
from pursuit.stages.derivatives import Derivative
from pursuit.stages.runs import RunStatus, Stage

__all__ = [
    "AcquisitionOut",
    "CaseOut",
    "CheckpointOut",
    "CustodyEventOut",
    "CustodyPage",
    "CustodyStepOut",
    "DerivativeOut",
    "DossierOut",
    "EntityDetail",
    "EntityList",
    "EntityOut",
    "ErrorOut",
    "IntakeResponse",
    "IntakeResultOut",
    "ItemDetail",
    "ItemList",
    "ItemOut",
    "MentionOut",
    "ProblemOut",
    "SearchHitOut",
    "SearchResponse",
    "StageRunOut",
    "VerifyOut",
]


class ErrorOut(Out):
    error: str = Field(description="The kind of error, e.g. UnknownItem.")
    detail: str = Field(description="What went wrong, naming the id or input at fault.")


class CaseOut(Out):
    id: str
    name: str
    description: str
    created_at: datetime
    created_by: str
    item_count: int = 0


class AcquisitionOut(Out):
    acquired_by: str
    acquired_at: datetime
    method: str
    source_url: str | None
    notes: str


class ItemOut(Out):
    id: str
    case_id: str
    sha256: str
    size: int
    filename: str
    mime: str
    acquisition: AcquisitionOut
    parent_id: str | None
    ingested_at: datetime
    ingested_by: str


class ItemList(Out):
    items: list[ItemOut]
    total: int


class DerivativeOut(Out):
    id: int
    kind: str
    tool: str
    tool_version: str
    parent_sha256: str = Field(description="SHA-256 of the item the tool read.")
    text_sha256: str
    language: str | None
    meta: dict[str, str]
    created_at: datetime
    length: int = Field(description="Characters of text.")

    @classmethod
    def of(cls, derivative: Derivative) -> DerivativeOut:
        fields = {name: getattr(derivative, name) for name in Derivative.__slots__}
        return cls.model_validate({**fields, "length": len(derivative.text)})


class StageRunOut(Out):
    stage: Stage
    status: RunStatus = Field(
        description="queued, running, done or failed; a run whose process stopped reads failed."
    )
    error: str | None
    started_at: datetime = Field(description="When it started (when it was queued, if queued).")
    finished_at: datetime | None
    host: str | None = Field(None, description="The host of the process doing the run.")
    pid: int | None = Field(None, description="That process's id.")


class ItemDetail(ItemOut):
    derivatives: list[DerivativeOut]
    stage_runs: list[StageRunOut]
    children: list[str] = Field(description="Ids of items unpacked from this one.")


class IntakeResultOut(Out):
    path: str
    status: str = Field(description="new, duplicate or failed")
    id: str | None = None
    sha256: str | None = None
    mime: str | None = None
    parent_id: str | None = None
    error: str | None = None
    warnings: list[str] = []


class IntakeResponse(Out):
    results: list[IntakeResultOut]


class SearchHitOut(Out):
    item_id: str
    filename: str
    snippet: str = Field(description="Folded text around the match; hits between [ and ].")
    score: float
    expansion: str | None = Field(
        default=None, description="The other spelling that found it; null for an exact hit."
    )
    via: str | None = Field(
        default=None,
        description="How it was found: gazetteer, spelling or transliteration.",
    )


class ExpansionOut(Out):
    term: str = Field(description="The other form searched for.")
    replaces: str = Field(description="The part of the query it stands for.")
    via: str = Field(description="gazetteer, spelling or transliteration.")
    query: str = Field(description="The query that was run.")
    found: int = Field(description="Items it found that the exact search had not.")


class SearchResponse(Out):
    query: str
    results: list[SearchHitOut]
    expansions: list[ExpansionOut] = Field(
        default=[], description="Other scripts and spellings tried; their hits follow exact ones."
    )

    @classmethod
    def of(cls, query: str, found: SearchResult) -> SearchResponse:
        return cls(
            query=query,
            results=[SearchHitOut.model_validate(h) for h in found.hits],
            expansions=[ExpansionOut.model_validate(e) for e in found.expansions],
        )


class EntityOut(Out):
    id: str
    case_id: str
    type: str
    name: str
    aliases: list[str]
    mentions: int = Field(validation_alias="mention_count")
    items: list[str] = Field(validation_alias="item_ids")
    properties: dict[str, list[str]]


class EntityList(Out):
    entities: list[EntityOut]


class MentionOut(Out):
    item_id: str
    filename: str
    text: str
    start: int
    end: int
    before: str
    after: str
    extractor: str
    confidence: float
    mention_id: int | None = None


class EntityDetail(EntityOut):
    mention_list: list[MentionOut] = Field(description="Each mention with its words in context.")


class CustodyStepOut(Out):
    seq: int
    action: str
    actor: str
    at: str
    hash: str = Field(description="The event's hash in the custody chain.")


class ManifestOut(Out):
    item_id: str
    filename: str
    sha256: str
    acquired_by: str
    acquired_at: str
    source_url: str | None
    method: str = ""
    mime: str = ""
    size: int = 0
    ingested_at: str = ""
    custody: list[CustodyStepOut] = Field(default=[], description="The item's custody events.")


class DossierEntityOut(EntityOut):
    name_source: str = Field(description="Whence the name shown: a reviewer, or the mentions.")
    members: list[str] = Field(description="Ids of the entities merged into this profile.")


class SpellingOut(Out):
    name: str
    items: list[str] = Field(description="Ids of the items that spell the name so.")
    script: str | None = Field(default=None, description="Writing system: Arabic, Latin…")
    mentions: int | None = None
    sources: list[dict[str, Any]] = Field(default=[], description="Each item's file and hash.")


class AttestedOut(Out):
    value: str
    items: list[str] = Field(description="Ids of the items that say so.")


class DossierOut(Out):
    """The dossier contract of DESIGN.md (more fields welcome, none renamed)."""

    kind: str = Field(default="person", description="person, organization, … or incident.")
    entity: DossierEntityOut
    aliases: list[SpellingOut] = []
    role: dict[str, Any] | None = Field(default=None, description="A person's role in the case.")
    properties: dict[str, list[AttestedOut]] = {}
    claims: list[dict[str, Any]] = []
    contradictions: list[dict[str, Any]] = []
    incidents: list[dict[str, Any]] = []
    timeline: list[dict[str, Any]] = []
    incident: dict[str, Any] | None = Field(default=None, description="An incident's dossier.")
    places: list[dict[str, Any]] = Field(default=[], description="Places with their points.")
    graph: dict[str, Any] = Field(default={}, description="Link graph: nodes and edges.")
    generated_at: str
    mentions: list[MentionOut]
    manifest: list[ManifestOut]

    @classmethod
    def of(cls, dossier: Dossier) -> DossierOut:
        body = dossier.as_json()
        listed = EntityOut.model_validate(dossier.entity).model_dump()
        entity = {**listed, **dict(body["entity"])}  # type: ignore[call-overload]
        return cls.model_validate({**body, "entity": entity})


class CustodyEventOut(Out):
    seq: int
    case_id: str | None
    item_id: str | None
    actor: str
    action: str
    at: datetime
    details: dict[str, object]
    prev_hash: str
    hash: str

    @classmethod
    def of(cls, event: CustodyEvent) -> CustodyEventOut:
        fields = {name: getattr(event, name) for name in CustodyEvent.__slots__}
        return cls.model_validate({**fields, "details": json.loads(event.details)})


class CustodyPage(Out):
    events: list[CustodyEventOut]
    next_after: int | None = Field(description="Pass as `after` for the next page; null at end.")


class ProblemOut(Out):
    kind: ProblemKind = Field(description="What failed to match: check this, not the message.")
    reference: str = Field(description="The blob hash, derivative id, event number or checkpoint.")
    expected: str | None = Field(description="What was recorded (a hash, a count, a position).")
    actual: str | None = Field(description="What was found instead; null when nothing was.")
    message: str = Field(description="The problem in words, for a person.")


class VerifyOut(Out):
    ok: bool
    blobs_checked: int
    derivatives_checked: int
    events_checked: int
    problems: list[ProblemOut]
    warnings: list[ProblemOut] = Field(
        default_factory=list, description="Partial files, unfinished stages: not problems."
    )
    items_checked: int = 0
    recorded: bool = Field(default=True, description="Whether the `verified` event was appended.")
    read_only: bool = False


class CheckpointOut(Out):
    event_count: int
    head_hash: str
    root: str
    created_at: str
