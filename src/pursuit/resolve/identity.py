"""Identities as reviewers decided them: "same" judgements merged, "not same" kept apart.

This is the only place where entities become one person. Automatic runs propose; they never
write here. "Same" is applied transitively (A=B and B=C make one identity) through the
constrained merge of `clusters.py`, so a "not same" judgement is a hard constraint: if chained
"same" decisions would join two entities a reviewer separated, the offending merge is refused and
reported as a conflict for a reviewer to settle. Judgements are applied in the order they were
made, so the result does not depend on row order in the database.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.engine import Connection

from pursuit.resolve.clusters import ConstrainedClusters, Refusal
from pursuit.resolve.judgements import Decision, Judgement, current_judgements

__all__ = ["Identities", "identities", "identity_map"]


@dataclass(frozen=True, slots=True)
class Identities:
    """Each merged entity id mapped to its identity's canonical id, and refused merges."""

    canonical: dict[str, str]
    conflicts: list[Refusal]

    def members(self, canonical_id: str) -> list[str]:
        return sorted(e for e, c in self.canonical.items() if c == canonical_id)


def _apply(judged: list[Judgement]) -> ConstrainedClusters:
    not_same = [j.pair for j in judged if j.decision is Decision.NOT_SAME]
    cc = ConstrainedClusters.build((), cannot_link=not_same)
    for j in sorted(judged, key=lambda j: (j.decided_at, j.id)):
        if j.decision is Decision.SAME:
            cc.union(j.entity_a, j.entity_b, check_attributes=False)
    return cc


def identities(conn: Connection) -> Identities:
    """The identities the judgements in force define (only ids that were merged appear)."""
    cc = _apply(list(current_judgements(conn).values()))
    merged = {e: c for e, c in cc.canonical().items() if len(cc.members[cc.find(e)]) > 1}
    return Identities(canonical=merged, conflicts=list(cc.refusals))


def identity_map(conn: Connection) -> dict[str, str]:
    """Entity id -> canonical entity id, for every entity merged by a "same" judgement."""
    return identities(conn).canonical
