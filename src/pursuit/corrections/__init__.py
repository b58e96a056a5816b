"""Reviewers' corrections of mentions and entities, kept beside the raw extraction."""

from pursuit.corrections.model import Correction, CorrectionAction, CorrectionTarget
from pursuit.corrections.store import (
    active_corrections,
    apply_to_mentions,
    canonical_entity_ids,
    correct_entity,
    correct_mention,
)

__all__ = [
    "Correction",
    "CorrectionAction",
    "CorrectionTarget",
    "active_corrections",
    "apply_to_mentions",
    "canonical_entity_ids",
    "correct_entity",
    "correct_mention",
]
