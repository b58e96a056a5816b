"""Identities as reviewers decided them: "same" decisions merged, "not same" kept apart.

This is the only place where entities become one person. Automatic runs propose; they never
write here. A decision is a judgement; an entity merge made before merges became judgements (a
`merge` correction still on record in older workspaces) counts as a "same" decision of its
author, so every workspace reads the same way. "Same" is applied transitively (A=B and B=C make
one identity) through the constrained merge of `clusters.py`, so a "not same" decision is a hard
constraint. New decisions that would contradict one on record are refused before they are stored
(`decisions.py`); a refusal reported here only arises from history written before that check.
Decisions are applied in the order they were made, so the result does not depend on row order.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.engine import Connection

from pursuit.corrections import CorrectionAction, CorrectionTarget, active_corrections
from pursuit.resolve.clusters import ConstrainedClusters, Refusal
from pursuit.resolve.judgements import (
    Decision,
    Judgement,
    JudgementSource,
    current_judgements,
    ordered_pair,
)

__all__ = ["Identities", "decisions_in_force", "identities", "identity_map"]


@dataclass(frozen=True, slots=True)
class Identities:
    """Each merged entity id mapped to its identity's canonical id, and refused merges."""

    canonical: dict[str, str]
    conflicts: list[Refusal]

    def members(self, canonical_id: str) -> list[str]:
        return sorted(e for e, c in self.canonical.items() if c == canonical_id)

    def of(self, entity_id: str) -> str:
        """The canonical id of the identity `entity_id` belongs to (itself when unmerged)."""
        return self.canonical.get(entity_id, entity_id)


def _legacy_merges(conn: Connection) -> list[Judgement]:
    """Entity merges recorded as corrections, read as the "same" decisions they were."""
    found: list[Judgement] = []
    for c in active_corrections(conn):
        if c.target is not CorrectionTarget.ENTITY or c.action is not CorrectionAction.MERGE:
            continue
        if c.entity_id is None or c.entity_id == c.value:
            continue
        a, b = ordered_pair(c.entity_id, c.value)
        found.append(
            Judgement(
                id=-c.id,
                entity_a=a,
                entity_b=b,
                decision=Decision.SAME,
                decided_by=c.made_by,
                decided_at=c.made_at,
                reason=c.reason or "merge correction",
                source=JudgementSource.REVIEW,
                case_id=c.case_id,
            )
        )
    return found


def decisions_in_force(conn: Connection) -> dict[tuple[str, str], Judgement]:
    """The decision in force per pair: live judgements, and legacy merges no judgement replaced."""
    found = {j.pair: j for j in _legacy_merges(conn)}
    found.update(current_judgements(conn))
    return found


def _apply(judged: list[Judgement]) -> ConstrainedClusters:
    not_same = [j.pair for j in judged if j.decision is Decision.NOT_SAME]
    cc = ConstrainedClusters.build((), cannot_link=not_same)
    for j in sorted(judged, key=lambda j: (j.decided_at, j.id)):
        if j.decision is Decision.SAME:
            cc.union(j.entity_a, j.entity_b, check_attributes=False)
    return cc


def identities(conn: Connection) -> Identities:
    """The identities the decisions in force define (only ids that were merged appear)."""
    # Screening decisions pair a list record with an entity: they say nothing about two entities.
    judged = [
        j for j in decisions_in_force(conn).values() if j.source is not JudgementSource.SCREENING
    ]
    cc = _apply(judged)
    merged = {e: c for e, c in cc.canonical().items() if len(cc.members[cc.find(e)]) > 1}
    return Identities(canonical=merged, conflicts=list(cc.refusals))


def identity_map(conn: Connection) -> dict[str, str]:
    """Entity id -> canonical entity id, for every entity merged by a "same" decision."""
    return identities(conn).canonical
