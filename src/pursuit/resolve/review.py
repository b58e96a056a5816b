"""The review queue: proposed pairs, the evidence for each side, and reviewers' decisions.

The queue is what the proposals and judgements tables say, read fresh each time: a pair is
pending until someone judges it, so a reviewer who stops and comes back resumes at the first pair
nobody has decided, best first. Decisions are judgements (append-only, with who and when), taken
one at a time or in bulk.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy.engine import Connection

from pursuit.resolve.identity import identity_map
from pursuit.resolve.judgements import (
    Decision,
    Judgement,
    JudgementSource,
    current_judgements,
    record_judgement,
)
from pursuit.resolve.proposals import Proposal, get_proposal, latest_proposals

__all__ = [
    "QueueEntry",
    "QueueStatus",
    "decide",
    "decide_many",
    "last_decision",
    "queue_counts",
    "review_queue",
]


class QueueStatus(StrEnum):
    PENDING = "pending"
    IMPLIED = "implied"
    UNSURE = "unsure"
    DECIDED = "decided"
    ALL = "all"


@dataclass(frozen=True, slots=True)
class QueueEntry:
    """A proposal and the judgement in force on its pair; `implied` when other "same"
    decisions already make the pair one identity (A = B and B = C imply A = C)."""

    proposal: Proposal
    judgement: Judgement | None
    implied: bool = False

    @property
    def status(self) -> QueueStatus:
        if self.judgement is None:
            return QueueStatus.IMPLIED if self.implied else QueueStatus.PENDING
        if self.judgement.decision is Decision.UNSURE:
            return QueueStatus.UNSURE
        return QueueStatus.DECIDED


def _entries(conn: Connection) -> list[QueueEntry]:
    judged = current_judgements(conn)
    joined = identity_map(conn)
    entries = [
        QueueEntry(p, judged.get(pair), _same_identity(joined, *pair))
        for pair, p in latest_proposals(conn).items()
    ]
    return sorted(entries, key=lambda e: (-e.proposal.probability, e.proposal.id))


def _same_identity(joined: dict[str, str], a: str, b: str) -> bool:
    return a in joined and joined.get(a) == joined.get(b)


def review_queue(
    conn: Connection, status: QueueStatus = QueueStatus.PENDING, limit: int = 50, offset: int = 0
) -> list[QueueEntry]:
    """Queue entries of one status, most probable first."""
    found = [e for e in _entries(conn) if status is QueueStatus.ALL or e.status is status]
    return found[offset : offset + limit]


def queue_counts(conn: Connection) -> dict[str, int]:
    counts = {s.value: 0 for s in QueueStatus}
    for entry in _entries(conn):
        counts[entry.status.value] += 1
        counts[QueueStatus.ALL.value] += 1
    return counts


def decide(
    conn: Connection, proposal_id: int, decision: Decision | str, actor: str, reason: str = ""
) -> Judgement:
    """Judge the pair of a proposal; a later decision on the pair supersedes this one."""
    proposal = get_proposal(conn, proposal_id)
    return record_judgement(
        conn,
        proposal.entity_a,
        proposal.entity_b,
        decision,
        actor,
        reason=reason or f"review of proposal {proposal.id}",
        source=JudgementSource.REVIEW,
    )


def decide_many(
    conn: Connection,
    proposal_ids: Iterable[int],
    decision: Decision | str,
    actor: str,
    reason: str = "",
) -> list[Judgement]:
    """One decision for many proposals (bulk review); unknown ids fail the whole batch."""
    ids = list(dict.fromkeys(proposal_ids))
    for proposal_id in ids:
        get_proposal(conn, proposal_id)
    return [decide(conn, i, decision, actor, reason) for i in ids]


def last_decision(conn: Connection, actor: str | None = None) -> Judgement | None:
    """The latest review decision (of `actor` when given): where a reviewer stopped."""
    found = [
        j
        for j in current_judgements(conn).values()
        if j.source is JudgementSource.REVIEW and (actor is None or j.decided_by == actor)
    ]
    return max(found, key=lambda j: j.id, default=None)
