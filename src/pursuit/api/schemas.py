"""The API's response shapes: Pydantic lives here, at the boundary, and nowhere in the core.

Each model reads the core's frozen dataclasses by attribute (`from_attributes`), so the core keeps
its own types and the API documents its own contract in the OpenAPI schema.
"""

from __future__ import annotations

import json
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from pursuit.evidence.custody import CustodyEvent
from pursuit.stages.derivatives import Derivative

__all__ = [
    "AcquisitionOut",
    "CaseOut",
    "CheckpointOut",
    "CustodyEventOut",
    "CustodyPage",
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
    "SearchHitOut",
    "SearchResponse",
    "StageRunOut",
    "VerifyOut",
]


class Out(BaseModel):
    model_config = ConfigDict(from_attributes=True, validate_by_name=True, validate_by_alias=True)


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
    stage: str
    status: str
    error: str | None
    started_at: datetime
    finished_at: datetime | None


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


class SearchResponse(Out):
    query: str
    results: list[SearchHitOut]


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


class EntityDetail(EntityOut):
    mention_list: list[MentionOut] = Field(description="Each mention with its words in context.")


class ManifestOut(Out):
    item_id: str
    filename: str
    sha256: str
    acquired_by: str
    acquired_at: str
    source_url: str | None


class DossierOut(Out):
    entity: EntityOut
    generated_at: str
    mentions: list[MentionOut]
    manifest: list[ManifestOut]


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


class VerifyOut(Out):
    ok: bool
    blobs_checked: int
    derivatives_checked: int
    events_checked: int
    problems: list[str]


class CheckpointOut(Out):
    event_count: int
    head_hash: str
    root: str
    created_at: str
