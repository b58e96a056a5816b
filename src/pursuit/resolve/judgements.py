"""Judgements: a reviewer's decision that two entities are the same person, not, or unsure.

The table is append-only. A new decision on a pair is a new row that supersedes the older ones
(the latest live row per pair counts); withdrawing a decision sets `deleted_at`, never deletes.
Every judgement is also a `judged` custody event, so who decided what and when is in the
hash-chained log as well as in the table. A pair is stored with its ids in sorted order, so
(A, B) and (B, A) are one pair.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pursuit.errors import InputError
from pursuit.evidence.custody import Action, Detail, append_event
from pursuit.store.schema import entities, judgements

__all__ = [
    "Decision",
    "Judgement",
    "JudgementSource",
    "current_judgements",
    "judgement_history",
    "ordered_pair",
    "record_judgement",
    "withdraw_judgement",
]

REASON_MAX = 2000


class Decision(StrEnum):
    SAME = "same"
    NOT_SAME = "not_same"
    UNSURE = "unsure"


class JudgementSource(StrEnum):
    """Where the decision was taken: the review queue, a screening hit, or an automatic run."""

    REVIEW = "review"
    SCREENING = "screening"
    AUTO = "auto"


@dataclass(frozen=True, slots=True)
class Judgement:
    id: int
    entity_a: str
    entity_b: str
    decision: Decision
    decided_by: str
    decided_at: datetime
    reason: str
    source: JudgementSource
    case_id: str | None = None
    deleted_at: datetime | None = None

    @property
    def pair(self) -> tuple[str, str]:
        return (self.entity_a, self.entity_b)


def ordered_pair(a: str, b: str) -> tuple[str, str]:
    """The pair in its stored order; a pair of one entity with itself is refused."""
    a, b = a.strip(), b.strip()
    if not a or not b:
        raise InputError("a judgement needs two entity ids")
    if a == b:
        raise InputError(f"cannot judge {a!r} against itself")
    return (a, b) if a < b else (b, a)


def _row(r: sa.Row[tuple[object, ...]]) -> Judgement:
    m = r._mapping
    return Judgement(
        id=int(m["id"]),
        entity_a=str(m["entity_a"]),
        entity_b=str(m["entity_b"]),
        decision=Decision(m["decision"]),
        decided_by=str(m["decided_by"]),
        decided_at=m["decided_at"],
        reason=str(m["reason"]),
        source=JudgementSource(m["source"]),
        case_id=m["case_id"],
        deleted_at=m["deleted_at"],
    )


def record_judgement(
    conn: Connection,
    a: str,
    b: str,
    decision: Decision | str,
    actor: str,
    *,
    reason: str = "",
    source: JudgementSource = JudgementSource.REVIEW,
    case_id: str | None = None,
) -> Judgement:
    """Append a decision on the pair; earlier decisions stay on record, superseded."""
    try:
        decision = Decision(decision)
    except ValueError as exc:
        choices = ", ".join(d.value for d in Decision)
        raise InputError(f"unknown decision {decision!r}; use one of {choices}") from exc
    if len(reason) > REASON_MAX:
        raise InputError(f"a reason may hold at most {REASON_MAX} characters")
    first, second = ordered_pair(a, b)
    values = {
        "entity_a": first,
        "entity_b": second,
        "decision": str(decision),
        "decided_by": actor,
        "decided_at": datetime.now(UTC),
        "reason": reason,
        "source": str(source),
        "case_id": case_id,
    }
    key = conn.execute(judgements.insert().values(**values)).inserted_primary_key
    assert key is not None
    _log(conn, actor, case_id, {**values, "judgement": int(key[0])})
    row = conn.execute(sa.select(judgements).where(judgements.c.id == int(key[0]))).one()
    return _row(row)


def _log(conn: Connection, actor: str, case_id: str | None, values: dict[str, object]) -> None:
    details: dict[str, Detail] = {
        k: v
        for k, v in values.items()
        if isinstance(v, str | int) and k not in ("decided_by", "case_id")
    }
    append_event(conn, Action.JUDGED, actor, case_id=case_id, details=details)


def withdraw_judgement(conn: Connection, a: str, b: str, actor: str, reason: str = "") -> int:
    """Withdraw the pair's live decisions (they stay, marked deleted); returns how many."""
    first, second = ordered_pair(a, b)
    live = sa.and_(
        judgements.c.entity_a == first,
        judgements.c.entity_b == second,
        judgements.c.deleted_at.is_(None),
    )
    count = conn.execute(judgements.update().where(live).values(deleted_at=datetime.now(UTC)))
    details: dict[str, Detail] = {
        "entity_a": first,
        "entity_b": second,
        "withdrawn": count.rowcount,
        "reason": reason,
    }
    append_event(conn, Action.JUDGED, actor, details=details)
    return int(count.rowcount)


def current_judgements(
    conn: Connection, ids: Iterable[str] | None = None
) -> dict[tuple[str, str], Judgement]:
    """The decision in force for each judged pair: its latest live row."""
    query = sa.select(judgements).where(judgements.c.deleted_at.is_(None))
    if ids is not None:
        wanted = sorted(set(ids))
        query = query.where(
            sa.or_(judgements.c.entity_a.in_(wanted), judgements.c.entity_b.in_(wanted))
        )
    latest: dict[tuple[str, str], Judgement] = {}
    for r in conn.execute(query.order_by(judgements.c.id)):
        j = _row(r)
        latest[j.pair] = j
    return latest


def _of_cases(cases: Collection[str]) -> sa.ColumnElement[bool]:
    """Judgements naming an entity of these cases (a screening judgement names one entity)."""
    in_cases = sa.select(entities.c.id).where(entities.c.case_id.in_(sorted(cases)))
    return sa.or_(judgements.c.entity_a.in_(in_cases), judgements.c.entity_b.in_(in_cases))


def judgement_history(
    conn: Connection,
    a: str | None = None,
    b: str | None = None,
    limit: int = 200,
    *,
    case_ids: Collection[str] | None = None,
) -> list[Judgement]:
    """Every row, withdrawn and superseded ones too, newest first; of one pair when given,
    and of pairs in `case_ids` only when given."""
    query = sa.select(judgements)
    if case_ids is not None:
        query = query.where(_of_cases(case_ids))
    if a is not None and b is not None:
        first, second = ordered_pair(a, b)
        query = query.where(judgements.c.entity_a == first, judgements.c.entity_b == second)
    elif a is not None:
        query = query.where(sa.or_(judgements.c.entity_a == a, judgements.c.entity_b == a))
    rows = conn.execute(query.order_by(judgements.c.id.desc()).limit(limit))
    return [_row(r) for r in rows]
