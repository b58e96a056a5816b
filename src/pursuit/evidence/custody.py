"""The custody log: append-only events, each hashed together with the hash of the one before.

Changing, removing, inserting or reordering any event breaks a link that `verify_chain` finds;
removing events from the end is caught by checkpoints (see `checkpoint.py`). Events are appended
only inside the workspace's write transaction, so `seq` has no gaps and one writer extends the
chain at a time.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pursuit.evidence.problems import Problem, ProblemKind
from pursuit.store.schema import custody_events

__all__ = [
    "GENESIS",
    "Action",
    "CustodyEvent",
    "Detail",
    "append_event",
    "event_hash",
    "iter_events",
    "verify_chain",
]

GENESIS = "0" * 64

Detail = str | int | float | bool | None


class Action(StrEnum):
    """What happened to the evidence or the workspace."""

    CASE_CREATED = "case_created"
    ACQUIRED = "acquired"
    INGESTED = "ingested"
    RESUBMITTED = "resubmitted"
    DERIVED = "derived"
    VIEWED = "viewed"
    EXPORTED = "exported"
    VERIFIED = "verified"
    CHECKPOINTED = "checkpointed"
    CORRECTED = "corrected"
    JUDGED = "judged"
    WITNESS_REGISTERED = "witness_registered"
    WITNESS_REVEALED = "witness_revealed"
    WITNESS_ERASED = "witness_erased"
    CASE_KEY_ROTATED = "case_key_rotated"
    TESTIMONY_SEALED = "testimony_sealed"
    USER_ADDED = "user_added"
    PERMISSION_CHANGED = "permission_changed"
    SIGNED_IN = "signed_in"
    SIGNIN_FAILED = "signin_failed"
    SIGNED_OUT = "signed_out"
    TOKEN_ISSUED = "token_issued"
    GRADED = "graded"
    IMPORTED = "imported"
    WATCHED = "watched"
    UNWATCHED = "unwatched"
    ALERT_DISMISSED = "alert_dismissed"


@dataclass(frozen=True, slots=True)
class CustodyEvent:
    seq: int
    case_id: str | None
    item_id: str | None
    actor: str
    action: str
    at: datetime
    details: str
    prev_hash: str
    hash: str

    @property
    def detail_map(self) -> dict[str, Detail]:
        loaded: dict[str, Detail] = json.loads(self.details)
        return loaded


def canonical(details: Mapping[str, Detail]) -> str:
    """Details as canonical JSON, so the same facts always hash the same."""
    return json.dumps(dict(details), sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def event_hash(
    seq: int,
    prev_hash: str,
    case_id: str | None,
    item_id: str | None,
    actor: str,
    action: str,
    at: datetime,
    details: str,
) -> str:
    """The hash that binds an event's content, its place in the log and its predecessor."""
    body = [
        seq,
        prev_hash,
        case_id,
        item_id,
        actor,
        action,
        at.astimezone(UTC).isoformat(),
        details,
    ]
    encoded = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
    return hashlib.sha256(encoded).hexdigest()


def _head(conn: Connection) -> tuple[int, str]:
    row = conn.execute(
        sa.select(custody_events.c.seq, custody_events.c.hash)
        .order_by(custody_events.c.seq.desc())
        .limit(1)
    ).first()
    return (0, GENESIS) if row is None else (int(row.seq), str(row.hash))


def append_event(
    conn: Connection,
    action: Action,
    actor: str,
    *,
    case_id: str | None = None,
    item_id: str | None = None,
    details: Mapping[str, Detail] | None = None,
) -> CustodyEvent:
    """Append one event; the caller's write transaction must hold the workspace lock."""
    last_seq, prev = _head(conn)
    at = datetime.now(UTC)
    text = canonical(details or {})
    seq = last_seq + 1
    digest = event_hash(seq, prev, case_id, item_id, actor, str(action), at, text)
    event = CustodyEvent(seq, case_id, item_id, actor, str(action), at, text, prev, digest)
    conn.execute(
        custody_events.insert().values(
            seq=seq,
            case_id=case_id,
            item_id=item_id,
            actor=actor,
            action=str(action),
            at=at,
            details=text,
            prev_hash=prev,
            hash=digest,
        )
    )
    return event


def iter_events(conn: Connection, item_id: str | None = None) -> Iterator[CustodyEvent]:
    """Events in log order, optionally those of one item."""
    query = sa.select(custody_events).order_by(custody_events.c.seq)
    if item_id is not None:
        query = query.where(custody_events.c.item_id == item_id)
    for row in conn.execute(query):
        yield CustodyEvent(
            seq=row.seq,
            case_id=row.case_id,
            item_id=row.item_id,
            actor=row.actor,
            action=row.action,
            at=row.at,
            details=row.details,
            prev_hash=row.prev_hash,
            hash=row.hash,
        )


def _recomputed(event: CustodyEvent) -> str:
    return event_hash(
        event.seq,
        event.prev_hash,
        event.case_id,
        event.item_id,
        event.actor,
        event.action,
        event.at,
        event.details,
    )


def verify_chain(events: Iterator[CustodyEvent]) -> list[Problem]:
    """Walk the log and report every broken link; an empty list means the chain holds."""
    problems: list[Problem] = []
    prev_hash, expected_seq = GENESIS, 1
    for event in events:
        ref = str(event.seq)
        if event.seq != expected_seq:
            problems.append(Problem(ProblemKind.EVENT_OUT_OF_PLACE, ref, str(expected_seq), ref))
        if event.prev_hash != prev_hash:
            problems.append(Problem(ProblemKind.CHAIN_BROKEN, ref, prev_hash, event.prev_hash))
        actual = _recomputed(event)
        if actual != event.hash:
            kind = ProblemKind.EVENT_CHANGED
            problems.append(Problem(kind, ref, event.hash, actual, context=event.action))
        prev_hash, expected_seq = event.hash, event.seq + 1
    return problems
