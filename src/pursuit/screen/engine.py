"""Screening: for each record, ranked candidates with a score and reasons — never a verdict.

The index proposes a few profiles per record; each is then compared as a person (names, birth
year, nationality, gender) by the names package, which gives the score and its per-feature
reasons. `match` only says the score reached the threshold: a reviewer decides, and the decision
is recorded as a judgement (`record_hit_decision`) on the record's key and the entity. The next
run shows that decision beside the candidate (`memory.py`): a hit judged not the same is no longer
a match. Records go through the name model in batches (`screen_records`), one run of the model
per batch: the CLI, the API and the web page all screen through it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import islice

from sqlalchemy.engine import Connection

from pursuit.errors import InputError
from pursuit.names.reasons import Reason, ReasonCode
from pursuit.resolve.judgements import Decision, Judgement, JudgementSource, record_judgement
from pursuit.resolve.naming import (
    PersonComparison,
    PersonRecord,
    compare_persons_many,
)
from pursuit.screen.index import Prefiltered, ScreenIndex
from pursuit.screen.memory import KEY_PREFIX, HitDecision, HitMemory, is_record_key, record_key
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
    reasons: tuple[Reason, ...]
    item_ids: tuple[str, ...] = ()
    decision: HitDecision | None = None
    interest: str = ""  # why this person is screened against (a role, a watch list)


@dataclass(frozen=True, slots=True)
class ScreenResult:
    id: str
    name: str
    candidates: list[Candidate]
    key: str = ""  # the record's key, to which decisions on its hits are tied


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


def _birth_reason(record: ScreenRecord, profile: Profile) -> Reason | None:
    """Several listed birth years: the closest one counts (the comparison sees only one).
    The reason's weight is the factor it puts on the score."""
    if record.birth is None or len(profile.birth_years) < 2:
        return None
    gap = min(abs(record.birth.year - y) for y in profile.birth_years)
    margin = 3 if record.birth.approximate else 1
    years = list(profile.birth_years)
    if gap <= margin:
        return Reason(ReasonCode.BIRTH_YEAR_AMONG, f"{record.birth.year} among {years}", 1.0)
    return Reason(ReasonCode.BIRTH_YEAR_NOT_AMONG, f"{record.birth.year} not among {years}", 0.8)


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
    birth = _birth_reason(record, profile)
    if birth is not None:
        score, reasons = score * (birth.weight or 1.0), [*reasons, birth]
    if index.entry_weak[hit.entry]:
        score *= WEAK_ALIAS_FACTOR
        reasons.append(Reason(ReasonCode.WEAK_ALIAS, matched, WEAK_ALIAS_FACTOR))
    score = round(min(max(score, 0.0), 1.0), 4)
    return Candidate(
        profile.id,
        profile.name,
        matched,
        score,
        score >= threshold,
        tuple(reasons),
        profile.item_ids,
        interest=profile.interest,
    )


def _decided(candidate: Candidate, decision: HitDecision | None) -> Candidate:
    """The candidate as a reviewer's decision leaves it: not the same is no match; same is."""
    if decision is None:
        return candidate
    match = candidate.match
    if decision.decision is Decision.NOT_SAME:
        match = False
    elif decision.decision is Decision.SAME:
        match = True
    reasons = (*candidate.reasons, decision.explanation())
    return replace(candidate, match=match, reasons=reasons, decision=decision)


def _screen_batch(
    index: ScreenIndex,
    records: Sequence[ScreenRecord],
    options: ScreenOptions,
    memory: HitMemory,
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
        key = record_key(record)
        candidates = [
            _decided(
                _candidate(index, record, hit, next(compared), options.threshold),
                memory.decision(key, index.profiles[hit.profile].id),
            )
            for hit in found
        ]
        candidates.sort(key=lambda c: (-c.score, c.entity_id))
        results.append(ScreenResult(record.id, record.name, candidates[: options.limit], key))
    return results


def screen_one(
    index: ScreenIndex,
    record: ScreenRecord,
    options: ScreenOptions,
    memory: HitMemory | None = None,
) -> ScreenResult:
    """The best candidates for one record, best first."""
    return _screen_batch(index, [record], options, memory or HitMemory())[0]


BATCH = 64  # records whose comparisons go through the name model together


def screen_records(
    index: ScreenIndex,
    records: Iterable[ScreenRecord],
    options: ScreenOptions,
    memory: HitMemory | None = None,
) -> Iterator[ScreenResult]:
    """Each record's best candidates, best first, with the decisions `memory` holds on them.

    Records are taken `BATCH` at a time so that their comparisons share one run of the name
    model; this is the one screening loop, whoever asks (CLI, API, web page, reconciliation).
    """
    remembered = memory or HitMemory()
    source = iter(records)
    while batch := list(islice(source, BATCH)):
        yield from _screen_batch(index, batch, options, remembered)


def record_hit_decision(
    conn: Connection,
    record_key: str,
    entity_id: str,
    decision: Decision | str,
    actor: str,
    reason: str = "",
) -> Judgement:
    """A reviewer's decision on a screening hit, kept as a judgement on (record, entity).

    `record_key` is the key the screening output gives the record (`screen:...`)."""
    if not is_record_key(record_key) or is_record_key(entity_id):
        raise InputError(
            f"a screening decision pairs a record key ({KEY_PREFIX}...) with an entity id; "
            f"got {record_key!r} and {entity_id!r}"
        )
    return record_judgement(
        conn,
        record_key,
        entity_id,
        decision,
        actor,
        reason=reason,
        source=JudgementSource.SCREENING,
    )
