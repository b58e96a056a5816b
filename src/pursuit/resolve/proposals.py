"""Proposals: pairs an automatic run thinks may be one person, waiting for a reviewer.

Rows are appended per run and never changed; the queue shows, for each pair, the latest proposal
together with the judgement in force (if any). A pair judged "not same" is never proposed again.
Reasons are stored as `{code, detail, weight}` objects; rows written when reasons were plain words
read back as `note` reasons holding those words.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pursuit.errors import UnknownProposal
from pursuit.names.reasons import Reason, reason_from_json, reason_record
from pursuit.store.schema import identity_proposals

__all__ = ["Proposal", "add_proposal", "get_proposal", "latest_proposals"]


@dataclass(frozen=True, slots=True)
class Proposal:
    id: int
    run_id: int
    entity_a: str
    entity_b: str
    probability: float
    reasons: tuple[Reason, ...]
    created_at: datetime

    @property
    def pair(self) -> tuple[str, str]:
        return (self.entity_a, self.entity_b)


def _row(r: sa.Row[tuple[object, ...]]) -> Proposal:
    m = r._mapping
    return Proposal(
        id=int(m["id"]),
        run_id=int(m["run_id"]),
        entity_a=str(m["entity_a"]),
        entity_b=str(m["entity_b"]),
        probability=float(m["probability"]),
        reasons=tuple(reason_from_json(x) for x in (m["reasons"] or [])),
        created_at=m["created_at"],
    )


def add_proposal(
    conn: Connection,
    run_id: int,
    pair: tuple[str, str],
    probability: float,
    reasons: list[Reason],
) -> int:
    a, b = sorted(pair)
    key = conn.execute(
        identity_proposals.insert().values(
            run_id=run_id,
            entity_a=a,
            entity_b=b,
            probability=round(probability, 6),
            reasons=[reason_record(r) for r in reasons],
            created_at=datetime.now(UTC),
        )
    ).inserted_primary_key
    assert key is not None
    return int(key[0])


def get_proposal(conn: Connection, proposal_id: int) -> Proposal:
    row = conn.execute(
        sa.select(identity_proposals).where(identity_proposals.c.id == proposal_id)
    ).first()
    if row is None:
        raise UnknownProposal(f"no proposal with id {proposal_id}")
    return _row(row)


def latest_proposals(conn: Connection) -> dict[tuple[str, str], Proposal]:
    """The newest proposal of every pair ever proposed."""
    latest: dict[tuple[str, str], Proposal] = {}
    for r in conn.execute(sa.select(identity_proposals).order_by(identity_proposals.c.id)):
        p = _row(r)
        latest[p.pair] = p
    return latest
