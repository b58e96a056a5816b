"""Screening: for each record, ranked candidates with a score and reasons — never a verdict.

The index proposes a few profiles per record; each is then compared as a person (names, birth
year, nationality, gender) by the names package, which gives the score and its per-feature
reasons. `match` only says the score reached the threshold: a reviewer decides, and the decision
is recorded as a judgement (`record_hit_decision`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice

from sqlalchemy.engine import Connection

from pursuit.errors import InputError
from pursuit.resolve.judgements import Decision, Judgement, JudgementSource, record_judgement
from pursuit.resolve.naming import (
    PersonComparison,
    PersonRecord,
    compare_persons_many,
)
from pursuit.screen.index import Prefiltered, ScreenIndex
from pursuit.screen.profiles import Profile
from pursuit.screen.records import RowProblem, ScreenRecord

__all__ = [
    "SCREEN_THRESHOLD",
    "Candidate",
    "ScreenOptions",
    "ScreenReport",
    "ScreenResult",
    "WEAK_ALIAS_FACTOR",
    "record_hit_decision",
    "screen_one",
    "screen_records",
]

# Screening compares each record with many profiles, so a pair threshold lets more absent people
# through than it would on single pairs. This one was chosen on half of the sanctions screening
# task's queries for at most 5 % false alarms (bench/bench_screening_task.py; docs/names.md).
SCREEN_THRESHOLD = 0.86
WEAK_ALIAS_FACTOR = 0.85  # a kunya or nom de guerre alone says little about who a man is


@dataclass(frozen=True, slots=True)
class ScreenOptions:
    threshold: float = SCREEN_THRESHOLD
    limit: int = 5
    prefilter: int = 8
    floor: float = 0.5

    def __post_init__(self) -> None:
        if not 0.0 <= self.threshold <= 1.0:
            raise InputError(f"threshold {self.threshold} is not between 0 and 1")
        if not 1 <= self.limit <= 100:
            raise InputError("the candidate limit must be between 1 and 100")


@dataclass(frozen=True, slots=True)
class Candidate:
    entity_id: str
    name: str
    matched_name: str
    score: float
    match: bool
    reasons: tuple[str, ...]
    item_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ScreenResult:
    id: str
    name: str
    candidates: list[Candidate]


@dataclass(frozen=True, slots=True)
class ScreenReport:
    results: list[ScreenResult]
    threshold: float
    against: str
    profile_count: int
    skipped: list[RowProblem] = field(default_factory=list)
    warnings: list[RowProblem] = field(default_factory=list)

    @property
    def match_count(self) -> int:
        return sum(1 for r in self.results if any(c.match for c in r.candidates))


def _person(record: ScreenRecord) -> PersonRecord:
    return PersonRecord(
        names=(record.name,),
        birth_year=record.birth.year if record.birth else None,
        nationalities=record.countries,
        gender=record.gender,
    )


def _profile_person(profile: Profile, name: str) -> PersonRecord:
    return PersonRecord(
        names=(name,),
        birth_year=profile.birth_years[0] if len(profile.birth_years) == 1 else None,
        nationalities=profile.countries,
        gender=profile.gender,
    )


def _birth_reason(record: ScreenRecord, profile: Profile) -> tuple[float, str | None]:
    """Several listed birth years: the closest one counts (the comparison sees only one)."""
    if record.birth is None or len(profile.birth_years) < 2:
        return 1.0, None
    gap = min(abs(record.birth.year - y) for y in profile.birth_years)
    margin = 3 if record.birth.approximate else 1
    if gap <= margin:
        return 1.0, f"birth year {record.birth.year} among {list(profile.birth_years)}: +"
    return 0.8, f"birth year {record.birth.year} not among {list(profile.birth_years)}: -"


def _candidate(
    index: ScreenIndex,
    record: ScreenRecord,
    hit: Prefiltered,
    compared: PersonComparison,
    threshold: float,
) -> Candidate:
    profile = index.profiles[hit.profile]
    matched = index.entry_name[hit.entry]
    score, reasons = compared.score, list(compared.reasons)
    factor, why = _birth_reason(record, profile)
    if why:
        score, reasons = score * factor, [*reasons, why]
    if index.entry_weak[hit.entry]:
        score *= WEAK_ALIAS_FACTOR
        reasons.append(f"matched a weak alias ({matched}): score x{WEAK_ALIAS_FACTOR}")
    score = round(min(max(score, 0.0), 1.0), 4)
    return Candidate(
        profile.id,
        profile.name,
        matched,
        score,
        score >= threshold,
        tuple(reasons),
        profile.item_ids,
    )


def _screen_batch(
    index: ScreenIndex, records: Sequence[ScreenRecord], options: ScreenOptions
) -> list[ScreenResult]:
    """Candidates for several records, their comparisons scored in one run of the name model."""
    hits = [index.prefilter(r.name, options.prefilter, options.floor) for r in records]
    pairs = [
        (person, _profile_person(index.profiles[hit.profile], index.entry_name[hit.entry]))
        for person, found in zip(map(_person, records), hits, strict=True)
        for hit in found
    ]
    compared = iter(compare_persons_many(pairs))
    results = []
    for record, found in zip(records, hits, strict=True):
        candidates = [
            _candidate(index, record, hit, next(compared), options.threshold) for hit in found
        ]
        candidates.sort(key=lambda c: (-c.score, c.entity_id))
        results.append(ScreenResult(record.id, record.name, candidates[: options.limit]))
    return results


def screen_one(index: ScreenIndex, record: ScreenRecord, options: ScreenOptions) -> ScreenResult:
    """The best candidates for one record, best first."""
    return _screen_batch(index, [record], options)[0]


BATCH = 64  # records whose comparisons go through the name model together


def screen_records(
    index: ScreenIndex, records: Iterable[ScreenRecord], options: ScreenOptions
) -> Iterator[ScreenResult]:
    source = iter(records)
    while batch := list(islice(source, BATCH)):
        yield from _screen_batch(index, batch, options)


def record_hit_decision(
    conn: Connection,
    record_key: str,
    entity_id: str,
    decision: Decision | str,
    actor: str,
    reason: str = "",
) -> Judgement:
    """A reviewer's decision on a screening hit, kept as a judgement on (record, entity)."""
    return record_judgement(
        conn,
        record_key,
        entity_id,
        decision,
        actor,
        reason=reason,
        source=JudgementSource.SCREENING,
    )
