"""The values of the case's facts: claims with their statements, origins, grades, contradictions.

A claim is one thing said of one person (profile, predicate, value, and when it held); it rests on
statements, each one item's words (the sentence and spans) or an analyst's entry quoting an item.
Frozen values: every edge renders the same objects, so CLI, API, web and dossier agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

__all__ = [
    "CaseClaim",
    "ClaimSubject",
    "Contradiction",
    "Credibility",
    "Grade",
    "GradeChange",
    "Origin",
    "Reliability",
    "Resolution",
    "Side",
    "SourceRef",
    "Statement",
]


class Reliability(StrEnum):
    """Admiralty source reliability."""

    A = "A"  # completely reliable
    B = "B"  # usually reliable
    C = "C"  # fairly reliable
    D = "D"  # not usually reliable
    E = "E"  # unreliable
    F = "F"  # reliability cannot be judged


class Credibility(StrEnum):
    """Admiralty information credibility."""

    CONFIRMED = "1"
    PROBABLY_TRUE = "2"
    POSSIBLY_TRUE = "3"
    DOUBTFUL = "4"
    IMPROBABLE = "5"
    CANNOT_BE_JUDGED = "6"


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Who speaks through an item: an outlet, a protected witness (pseudonym) or a document."""

    key: str  # "outlet:example.org", "witness:W-07", "document:it-…"
    kind: str
    label: str


@dataclass(frozen=True, slots=True)
class Statement:
    """One item's support for a claim: the quoted sentence and the spans it rests on."""

    item_id: str
    predicate: str
    value: str
    raw_value: str
    subject_text: str
    subject_start: int
    subject_end: int
    sentence_start: int
    sentence_end: int
    quote: str
    confidence: float
    extractor: str
    time_text: str | None = None
    place: str | None = None
    object_text: str | None = None
    object_start: int | None = None
    object_end: int | None = None
    manual_id: int | None = None
    rejected: bool = False
    reason: str = ""


@dataclass(frozen=True, slots=True)
class ClaimSubject:
    id: str
    name: str


@dataclass(frozen=True, slots=True)
class Origin:
    """Items that carry one origin, and why they were put together."""

    items: tuple[str, ...]
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Grade:
    """The claim's Admiralty grade, and whether each half was set by an analyst or defaulted."""

    reliability: Reliability
    credibility: Credibility
    reliability_set: bool = False
    credibility_set: bool = False
    why: str = ""


@dataclass(frozen=True, slots=True)
class CaseClaim:
    id: str
    case_id: str
    subject: ClaimSubject
    predicate: str
    value: str
    time: str | None
    place: str | None
    statements: tuple[Statement, ...]
    origins: tuple[Origin, ...] = ()
    sources: tuple[tuple[SourceRef, Reliability], ...] = ()
    grade: Grade | None = None

    @property
    def active(self) -> tuple[Statement, ...]:
        return tuple(s for s in self.statements if not s.rejected)

    @property
    def rejected(self) -> bool:
        return not self.active

    @property
    def items(self) -> list[str]:
        """The items of the statements in force."""
        return sorted({s.item_id for s in self.active})

    @property
    def corroboration(self) -> int:
        """The number of independent origins among its items."""
        return len(self.origins)


@dataclass(frozen=True, slots=True)
class Side:
    value: str
    items: tuple[str, ...]
    claims: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Resolution:
    holds: str
    reason: str
    made_by: str
    made_at: datetime


@dataclass(frozen=True, slots=True)
class Contradiction:
    """Claims on one profile that cannot all hold, with each side's items."""

    id: str
    profile_id: str
    predicate: str
    values: tuple[Side, ...]
    why: str
    resolution: Resolution | None = None

    @property
    def resolved(self) -> bool:
        return self.resolution is not None


@dataclass(frozen=True, slots=True)
class GradeChange:
    """One analyst's grading, as kept in the history."""

    target: str  # a source key or a claim id
    grade: str
    reason: str
    made_by: str
    made_at: datetime
