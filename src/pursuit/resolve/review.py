"""The review queue: proposed pairs, the evidence for each side, and reviewers' decisions.

The queue is what the proposals and judgements tables say, read fresh each time: a pair is
pending until someone judges it, so a reviewer who stops and comes back resumes at the first pair
nobody has decided, best first. Decisions are judgements (append-only, with who and when), taken
one at a time or in bulk.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from enum import StrEnum

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pursuit.resolve.decisions import record_decision
from pursuit.resolve.identity import Identities, decisions_in_force, identities
from pursuit.resolve.judgements import (
    Decision,
    Judgement,
    JudgementSource,
    current_judgements,
)
from pursuit.resolve.proposals import Proposal, get_proposal, latest_proposals
from pursuit.store.schema import entities

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
    """A proposal and the judgement in force on its pair; `implied` when other decisions
    already settle it: "same" decisions make the pair one identity (A = B and B = C imply
    A = C), or a "not same" keeps the two identities apart."""

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


Cases = Collection[str] | None


def _entity_ids_of(conn: Connection, cases: Collection[str]) -> set[str]:
    query = sa.select(entities.c.id).where(entities.c.case_id.in_(sorted(cases)))
    return {str(i) for i in conn.scalars(query)}


def _entries(conn: Connection, cases: Cases = None) -> list[QueueEntry]:
    judged = decisions_in_force(conn)
    ident = identities(conn)
    apart = _kept_apart(ident, judged.values())
    proposals = latest_proposals(conn)
    if cases is not None:  # a pair lies within one case; both sides must be readable
        known = _entity_ids_of(conn, cases)
        proposals = {k: p for k, p in proposals.items() if {p.entity_a, p.entity_b} <= known}
    entries = [
        QueueEntry(p, judged.get(pair), _settled(ident, apart, *pair))
        for pair, p in proposals.items()
    ]
    return sorted(entries, key=lambda e: (-e.proposal.probability, e.proposal.id))


def _kept_apart(ident: Identities, judged: Iterable[Judgement]) -> set[tuple[str, str]]:
    """Pairs of identities a "not same" decision separates."""
    found: set[tuple[str, str]] = set()
    for j in judged:
        if j.decision is Decision.NOT_SAME:
            a, b = ident.of(j.entity_a), ident.of(j.entity_b)
            found |= {(a, b), (b, a)}
    return found


def _settled(ident: Identities, apart: set[tuple[str, str]], a: str, b: str) -> bool:
    """Whether decisions on other pairs already answer this one: one profile, or kept apart."""
    ia, ib = ident.of(a), ident.of(b)
    return ia == ib or (ia, ib) in apart


def review_queue(
    conn: Connection,
    status: QueueStatus = QueueStatus.PENDING,
    limit: int = 50,
    offset: int = 0,
    *,
    case_ids: Cases = None,
) -> list[QueueEntry]:
    """Queue entries of one status, most probable first; of `case_ids` only when given."""
    found = [e for e in _entries(conn, case_ids) if status is QueueStatus.ALL or e.status is status]
    return found[offset : offset + limit]


def queue_counts(conn: Connection, *, case_ids: Cases = None) -> dict[str, int]:
    counts = {s.value: 0 for s in QueueStatus}
    for entry in _entries(conn, case_ids):
        counts[entry.status.value] += 1
        counts[QueueStatus.ALL.value] += 1
    return counts


def decide(
    conn: Connection,
    proposal_id: int,
    decision: Decision | str,
    actor: str,
    reason: str = "",
    *,
    supersede: bool = False,
) -> Judgement:
    """Judge the pair of a proposal. A decision contradicting one on record is refused
    (`DecisionConflict`) unless `supersede` is given with a reason."""
    proposal = get_proposal(conn, proposal_id)
    return record_decision(
        conn,
        proposal.entity_a,
        proposal.entity_b,
        decision,
        actor,
        reason=reason or f"review of proposal {proposal.id}",
        supersede=supersede,
        source=JudgementSource.REVIEW,
    )


def decide_many(
    conn: Connection,
    proposal_ids: Iterable[int],
    decision: Decision | str,
    actor: str,
    reason: str = "",
    *,
    supersede: bool = False,
) -> list[Judgement]:
    """One decision for many proposals (bulk review); an unknown id or a conflict fails the
    whole batch (the caller's transaction is rolled back)."""
    ids = list(dict.fromkeys(proposal_ids))
    for proposal_id in ids:
        get_proposal(conn, proposal_id)
    return [decide(conn, i, decision, actor, reason, supersede=supersede) for i in ids]


def last_decision(conn: Connection, actor: str | None = None) -> Judgement | None:
    """The latest review decision (of `actor` when given): where a reviewer stopped."""
    found = [
        j
        for j in current_judgements(conn).values()
        if j.source is JudgementSource.REVIEW and (actor is None or j.decided_by == actor)
    ]
    return max(found, key=lambda j: j.id, default=None)
