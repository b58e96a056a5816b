"""Response shapes of reviewers' corrections of extracted names."""

from __future__ import annotations

from datetime import datetime

from pydantic import Field

from pursuit.api.schemas.base import Out
from pursuit.corrections import CorrectionAction
from pursuit.corrections.model import CorrectionTarget
from pursuit.resolve.decisions import Recorded
from pursuit.resolve.profiles import Profile

__all__ = ["CorrectionDoneOut", "CorrectionList", "CorrectionOut", "EntityBriefOut"]


class EntityBriefOut(Out):
    id: str
    type: str
    name: str
    aliases: list[str]


class CorrectionDoneOut(Out):
    """What a correction became: a correction row, or (a merge) a "same" judgement."""

    kind: str = Field(description="correction or judgement")
    id: int
    correction: int | None = Field(description="The correction's id, when it is one.")
    judgement: int | None = Field(description="The judgement's id, when it is one.")
    action: CorrectionAction
    mention: int | None = Field(None, description="The mention corrected, for a mention.")
    entity_id: str | None = Field(None, description="The entity whose profile shows the result.")
    entity: EntityBriefOut | None = Field(None, description="That profile now; null if gone.")

    @classmethod
    def of(
        cls,
        done: Recorded,
        action: CorrectionAction,
        profile: Profile | None = None,
        mention: int | None = None,
    ) -> CorrectionDoneOut:
        return cls(
            kind=done.kind,
            id=done.id,
            correction=done.id if done.kind == "correction" else None,
            judgement=done.id if done.kind == "judgement" else None,
            action=action,
            mention=mention,
            entity_id=None if mention is not None else done.entity_id,
            entity=EntityBriefOut.model_validate(profile) if profile is not None else None,
        )


class CorrectionOut(Out):
    id: int
    target: CorrectionTarget
    action: CorrectionAction
    value: str
    reason: str
    made_by: str
    made_at: datetime
    entity_id: str | None
    item_id: str | None
    original_text: str | None


class CorrectionList(Out):
    corrections: list[CorrectionOut]
