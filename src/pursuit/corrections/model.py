"""Reviewers' corrections of what extraction found: rename, retype, delete and merge.

A correction is a new record; the raw extraction stays as it was, and every later re-extraction
passes through the corrections again, so a person's judgement is never undone by a machine.
A correction is withdrawn by setting `deleted_at` on it, never by deleting the row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

__all__ = ["Correction", "CorrectionAction", "CorrectionTarget"]


class CorrectionTarget(StrEnum):
    MENTION = "mention"
    ENTITY = "entity"


class CorrectionAction(StrEnum):
    RENAME = "rename"
    RETYPE = "retype"
    DELETE = "delete"
    MERGE = "merge"  # of entities: recorded as a "same" judgement (pursuit.resolve.decisions)
    SPLIT = "split"  # of entities: recorded as a "not same" judgement


@dataclass(frozen=True, slots=True)
class Correction:
    """One reviewer decision. A mention is addressed by item and span, which survive re-runs."""

    id: int
    case_id: str
    target: CorrectionTarget
    action: CorrectionAction
    value: str
    reason: str
    made_by: str
    made_at: datetime
    item_id: str | None = None
    start: int | None = None
    end: int | None = None
    original_text: str | None = None
    entity_id: str | None = None
