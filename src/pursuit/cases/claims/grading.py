"""Grading on the Admiralty scale: source reliability A–F, information credibility 1–6.

Defaults, until an analyst sets a grade (with a reason):

- Reliability is F, "cannot be judged", for every source. Whether an outlet, a witness or a
  document is reliable is a judgement about people and track records the workspace cannot make;
  a machine guess would look like a finding.
- A claim's reliability is that of the most reliable source among its items: the claim is as
  well sourced as its best source (each source's own grade is listed beside it).
- Credibility follows from what the evidence itself shows:
  6 "cannot be judged" while the claim is part of an open contradiction (sources disagree and no
  one has weighed them); 5 "improbable" when an analyst resolved a contradiction for another
  value; otherwise 2 "probably true" when two or more independent origins support it, and 3
  "possibly true" with one. 1 "confirmed" is never a default: it says a person checked the
  confirmation, which counting origins cannot.

Every grade set is a new row (history is append-only; the latest wins) and a custody event.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pursuit.cases.claims.model import Credibility, Grade, GradeChange, Reliability, SourceRef
from pursuit.errors import InputError
from pursuit.evidence.custody import Action, append_event
from pursuit.store.schema import claim_grades, source_grades

__all__ = [
    "DEFAULT_RELIABILITY",
    "claim_credibility",
    "combine",
    "default_credibility",
    "grade_history",
    "record_claim_grade",
    "record_source_grade",
    "source_reliability",
]

DEFAULT_RELIABILITY = Reliability.F
OPEN = "open"
OVERRULED = "overruled"


def _reliability(value: str) -> Reliability:
    try:
        return Reliability(value.strip().upper())
    except ValueError:
        raise InputError(f"unknown reliability {value!r}; use one of A, B, C, D, E, F") from None


def _credibility(value: str) -> Credibility:
    try:
        return Credibility(value.strip())
    except ValueError:
        raise InputError(f"unknown credibility {value!r}; use one of 1, 2, 3, 4, 5, 6") from None


def _reason(reason: str) -> str:
    if not reason.strip():
        raise InputError("a grade needs a reason")
    return reason.strip()


def default_credibility(corroboration: int, contested: str | None) -> tuple[Credibility, str]:
    """The credibility the evidence shows (see the module docstring), and why."""
    if contested == OPEN:
        return Credibility.CANNOT_BE_JUDGED, "sources contradict it and no one has weighed them"
    if contested == OVERRULED:
        return Credibility.IMPROBABLE, "an analyst resolved a contradiction for another value"
    if corroboration >= 2:
        return Credibility.PROBABLY_TRUE, f"{corroboration} independent origins"
    return Credibility.POSSIBLY_TRUE, "one origin"


def source_reliability(
    conn: Connection, case_ids: Collection[str]
) -> dict[tuple[str, str], Reliability]:
    """(case, source key) -> the latest reliability an analyst set."""
    query = sa.select(source_grades).where(source_grades.c.case_id.in_(sorted(case_ids)))
    return {
        (str(r.case_id), str(r.source)): Reliability(r.reliability)
        for r in conn.execute(query.order_by(source_grades.c.id))
    }


def claim_credibility(conn: Connection, claim_ids: Collection[str]) -> dict[str, Credibility]:
    """claim id -> the latest credibility an analyst set."""
    query = sa.select(claim_grades).where(claim_grades.c.claim_id.in_(sorted(claim_ids)))
    return {
        str(r.claim_id): Credibility(r.credibility)
        for r in conn.execute(query.order_by(claim_grades.c.id))
    }


def combine(
    sources: Iterable[tuple[SourceRef, Reliability]],
    set_credibility: Credibility | None,
    corroboration: int,
    contested: str | None,
) -> Grade:
    """A claim's grade from its sources' reliability and its credibility, set or default."""
    graded = list(sources)
    best = min((r for _, r in graded), default=DEFAULT_RELIABILITY)
    reliability_set = any(r is not DEFAULT_RELIABILITY for _, r in graded)
    if set_credibility is not None:
        return Grade(best, set_credibility, reliability_set, True, "set by an analyst")
    credibility, why = default_credibility(corroboration, contested)
    return Grade(best, credibility, reliability_set, False, why)


def _record(
    conn: Connection, table: sa.Table, values: dict[str, str], actor: str, case_id: str
) -> GradeChange:
    at = datetime.now(UTC)
    conn.execute(table.insert().values(**values, made_by=actor, made_at=at))
    details = {k: v for k, v in values.items() if k != "case_id"}
    append_event(conn, Action.GRADED, actor, case_id=case_id, details=details)
    target = values.get("source") or values["claim_id"]
    grade = values.get("reliability") or values["credibility"]
    return GradeChange(target, grade, values["reason"], actor, at)


def record_source_grade(
    conn: Connection, case_id: str, source: str, reliability: str, reason: str, actor: str
) -> GradeChange:
    """Set a source's reliability in one case, with a reason; kept in history."""
    grade, why = _reliability(reliability), _reason(reason)
    if not source.strip() or ":" not in source:
        raise InputError(f"unknown source {source!r}; give a key such as outlet:example.org")
    values = {"case_id": case_id, "source": source.strip(), "reliability": str(grade)}
    return _record(conn, source_grades, values | {"reason": why}, actor, case_id)


def record_claim_grade(
    conn: Connection, case_id: str, claim_id: str, credibility: str, reason: str, actor: str
) -> GradeChange:
    """Set a claim's credibility, with a reason; kept in history."""
    grade, why = _credibility(credibility), _reason(reason)
    values = {"case_id": case_id, "claim_id": claim_id, "credibility": str(grade)}
    return _record(conn, claim_grades, values | {"reason": why}, actor, case_id)


def grade_history(conn: Connection, case_id: str, target: str) -> list[GradeChange]:
    """Every grade ever set for a source key or a claim id in a case, oldest first."""
    out: list[GradeChange] = []
    for table, column, grade in (
        (source_grades, source_grades.c.source, "reliability"),
        (claim_grades, claim_grades.c.claim_id, "credibility"),
    ):
        query = sa.select(table).where(table.c.case_id == case_id, column == target)
        for r in conn.execute(query.order_by(table.c.id)):
            m = r._mapping
            out.append(GradeChange(target, str(m[grade]), m["reason"], m["made_by"], m["made_at"]))
    return sorted(out, key=lambda g: g.made_at)
