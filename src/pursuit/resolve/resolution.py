"""A resolution run: score person entities with Splink, cluster them under constraints, propose.

1. Person entities are read with their folded name parts and claimed facts.
2. Splink scores candidate pairs (all of them, or only those touching entities no earlier run
   saw: incremental is the default once a run has happened).
3. Clusters grow strongest edge first, starting from the identities reviewers made and from the
   previous run's clusters; a merge that would join two entities a "not same" judgement
   separates is refused, as is one whose birth years or nisba origins contradict.
   Pairs that a source states ("X, alias Y": an alias claim) join the model's pairs with the
   claim's confidence and the quoted sentence — the only way a kunya meets a legal name.
4. Each accepted edge on a pair nobody has judged becomes a proposal in the review queue, with its
   probability and reasons. Nothing is merged: only a reviewer's "same" merges (see
   `identity.py`). `auto_apply_at` can record edges at or above it as automatic "same"
   judgements, which reviewers can still overturn; it is off by default because a false merge
   here can make an innocent man a suspect.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.metadata import version

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pursuit.errors import InputError
from pursuit.evidence.custody import Action, Detail, append_event
from pursuit.names.reasons import Reason, ReasonCode, describe_all
from pursuit.resolve.backends import Backend, ScoredPair, score_pairs
from pursuit.resolve.clusters import ConstrainedClusters, Refusal
from pursuit.resolve.identity import decisions_in_force, identities
from pursuit.resolve.judgements import (
    Decision,
    Judgement,
    JudgementSource,
    record_judgement,
)
from pursuit.resolve.model import MODEL_VERSION
from pursuit.resolve.naming import PersonRecord, compare_persons
from pursuit.resolve.persons import PersonEntity, load_persons, splink_row
from pursuit.resolve.proposals import add_proposal
from pursuit.resolve.stated import StatedLink, stated_links
from pursuit.store.schema import identity_clusters, identity_runs
from pursuit.store.workspace import Workspace

__all__ = ["PROPOSE_AT", "Edge", "ResolutionRun", "ResolveOptions", "resolve_persons"]

log = logging.getLogger(__name__)

PROPOSE_AT = 0.5
AUTO_ACTOR = "pursuit-resolve"


@dataclass(frozen=True, slots=True)
class ResolveOptions:
    backend: Backend = Backend.DUCKDB
    incremental: bool = True
    propose_at: float = PROPOSE_AT
    auto_apply_at: float | None = None


@dataclass(frozen=True, slots=True)
class ResolutionRun:
    run_id: int
    backend: Backend
    incremental: bool
    entity_count: int
    new_count: int
    pair_count: int
    proposal_ids: list[int] = field(default_factory=list)
    refusals: list[Refusal] = field(default_factory=list)
    clusters: list[list[str]] = field(default_factory=list)


def _check(options: ResolveOptions) -> None:
    if not 0.0 < options.propose_at <= 1.0:
        raise InputError("the proposal threshold must lie in (0, 1]")
    if options.auto_apply_at is not None and options.auto_apply_at < 0.99:
        raise InputError("automatic merges are only allowed at a probability of 0.99 or more")


def resolve_persons(ws: Workspace, options: ResolveOptions | None = None) -> ResolutionRun:
    """Run resolution over the workspace's person entities and fill the review queue."""
    options = options or ResolveOptions()
    _check(options)
    with ws.read() as conn:
        persons = load_persons(conn)
        seen = _previous_clusters(conn)
        stated = stated_links(conn, (p.entity_id for p in persons))
    new_ids = {p.entity_id for p in persons} - set(seen)
    incremental = options.incremental and bool(seen)
    scored = score_pairs(
        [splink_row(p) for p in persons],
        new_ids if incremental else None,
        options.backend,
        options.propose_at,
    )
    if incremental:
        stated = [s for s in stated if s.a in new_ids or s.b in new_ids]
    pairs = with_stated_links(scored, stated)
    with ws.write() as conn:
        return _record(conn, ws.settings.actor, options, persons, seen, pairs, incremental)


@dataclass(frozen=True, slots=True)
class Edge:
    """A pair to cluster and propose: the model's score and levels, or a source's statement."""

    a: str
    b: str
    probability: float
    reasons: tuple[Reason, ...]

    @property
    def stated_only(self) -> bool:
        """Whether only sources link the pair (the model did not score it)."""
        return bool(self.reasons) and all(
            r.code is ReasonCode.STATED_IN_SOURCES for r in self.reasons
        )


def _edge(pair: ScoredPair) -> Edge:
    levels = tuple(Reason(ReasonCode.MODEL_LEVEL, level) for level in pair.levels)
    return Edge(pair.a, pair.b, pair.probability, levels)


def with_stated_links(scored: list[ScoredPair], stated: list[StatedLink]) -> list[Edge]:
    """The model's pairs and the pairs sources state, strongest first.

    A stated pair takes the claim's confidence as its probability unless the names already score
    higher; its reasons quote every sentence that states it, so a reviewer can read the source.
    """
    by_pair = {(p.a, p.b): _edge(p) for p in scored}
    for link in stated:
        said = tuple(Reason(ReasonCode.STATED_IN_SOURCES, q, link.confidence) for q in link.quotes)
        found = by_pair.get((link.a, link.b))
        if found is None:
            by_pair[(link.a, link.b)] = Edge(link.a, link.b, link.confidence, said)
        else:
            probability = max(found.probability, link.confidence)
            by_pair[(link.a, link.b)] = Edge(link.a, link.b, probability, (*found.reasons, *said))
    return sorted(by_pair.values(), key=lambda p: (-p.probability, p.a, p.b))


def _previous_clusters(conn: Connection) -> dict[str, str]:
    rows = conn.execute(sa.select(identity_clusters.c.entity_id, identity_clusters.c.cluster_id))
    return {str(r.entity_id): str(r.cluster_id) for r in rows}


def _seeded(
    persons: list[PersonEntity], seen: dict[str, str], judged: dict[tuple[str, str], Judgement]
) -> ConstrainedClusters:
    """Clusters before this run's edges: reviewers' identities, then the last run's clusters."""
    not_same = [pair for pair, j in judged.items() if j.decision is Decision.NOT_SAME]
    attrs = {p.entity_id: p.attributes for p in persons}
    cc = ConstrainedClusters.build(attrs, cannot_link=not_same, attributes=attrs)
    for j in sorted(judged.values(), key=lambda j: (j.decided_at, j.id)):
        if j.decision is Decision.SAME and j.entity_a in attrs and j.entity_b in attrs:
            cc.union(j.entity_a, j.entity_b, check_attributes=False)
    by_cluster: dict[str, list[str]] = {}
    for entity_id, cluster_id in sorted(seen.items()):
        if entity_id in attrs:
            by_cluster.setdefault(cluster_id, []).append(entity_id)
    for members in by_cluster.values():
        for other in members[1:]:
            cc.union(members[0], other)
    cc.refusals.clear()
    return cc


def _record(
    conn: Connection,
    actor: str,
    options: ResolveOptions,
    persons: list[PersonEntity],
    seen: dict[str, str],
    pairs: list[Edge],
    incremental: bool,
) -> ResolutionRun:
    judged = decisions_in_force(conn)
    decided = identities(conn)
    cc = _seeded(persons, seen, judged)
    run_id = _start_run(conn, actor, options, incremental)
    by_id = {p.entity_id: p for p in persons}
    proposals = [
        found
        for pair in pairs
        if (pair.a, pair.b) not in judged
        and decided.of(pair.a) != decided.of(pair.b)  # already one profile: nothing to ask
        and (found := _propose(conn, run_id, pair, cc, by_id, options)) is not None
    ]
    _save_clusters(conn, run_id, cc)
    _finish_run(conn, run_id, len(persons), len(pairs), len(proposals))
    details: dict[str, Detail] = {
        "stage": "resolve",
        "run": run_id,
        "backend": str(options.backend),
        "proposals": len(proposals),
    }
    append_event(conn, Action.DERIVED, actor, details=details)
    new_count = len({p.entity_id for p in persons} - set(seen)) if incremental else len(persons)
    return ResolutionRun(
        run_id,
        options.backend,
        incremental,
        len(persons),
        new_count,
        len(pairs),
        proposals,
        list(cc.refusals),
        [c for c in cc.clusters() if len(c) > 1],
    )


def _propose(
    conn: Connection,
    run_id: int,
    pair: Edge,
    cc: ConstrainedClusters,
    by_id: dict[str, PersonEntity],
    options: ResolveOptions,
) -> int | None:
    """Merge the pair's clusters if allowed and queue it; pairs a judgement separates are not."""
    accepted = cc.union(pair.a, pair.b)
    refused = None if accepted else cc.refusals[-1]
    if refused is not None and refused.kind == "judgement":
        return None
    reasons = _reasons(pair, by_id, refused.reason if refused else None)
    found = add_proposal(conn, run_id, (pair.a, pair.b), pair.probability, reasons)
    if accepted and options.auto_apply_at and pair.probability >= options.auto_apply_at:
        _auto_merge(conn, pair, reasons)
    return found


def _reasons(pair: Edge, by_id: dict[str, PersonEntity], blocked: str | None) -> list[Reason]:
    """The model's levels, the names package's per-feature reasons, and any contradiction."""
    if pair.stated_only:
        reasons = list(pair.reasons)
    else:
        reasons = [Reason(ReasonCode.MODEL_PROBABILITY, "", pair.probability), *pair.reasons]
    a, b = by_id.get(pair.a), by_id.get(pair.b)
    if a is not None and b is not None:
        compared = compare_persons(_record_of(a), _record_of(b))
        reasons.append(Reason(ReasonCode.NAME_COMPARISON, "", compared.score))
        reasons.extend(compared.reasons)
    if blocked:
        reasons.append(Reason(ReasonCode.CONTRADICTION, blocked))
    return reasons


def _record_of(person: PersonEntity) -> PersonRecord:
    year = min(person.birth_years) if person.birth_years else None
    return PersonRecord(
        names=(person.name,), birth_year=year, nationalities=tuple(sorted(person.countries))
    )


def _auto_merge(conn: Connection, pair: Edge, reasons: list[Reason]) -> None:
    why = "automatic at p >= threshold: " + describe_all(reasons[:4])
    record_judgement(
        conn, pair.a, pair.b, Decision.SAME, AUTO_ACTOR, reason=why, source=JudgementSource.AUTO
    )


def _start_run(conn: Connection, actor: str, options: ResolveOptions, incremental: bool) -> int:
    key = conn.execute(
        identity_runs.insert().values(
            backend=str(options.backend),
            incremental=incremental,
            tool_version=f"splink {version('splink')}; {MODEL_VERSION}",
            started_at=datetime.now(UTC),
            started_by=actor,
        )
    ).inserted_primary_key
    assert key is not None
    return int(key[0])


def _finish_run(conn: Connection, run_id: int, entities: int, pairs: int, proposals: int) -> None:
    conn.execute(
        identity_runs.update()
        .where(identity_runs.c.id == run_id)
        .values(
            finished_at=datetime.now(UTC),
            entity_count=entities,
            pair_count=pairs,
            proposal_count=proposals,
        )
    )


def _save_clusters(conn: Connection, run_id: int, cc: ConstrainedClusters) -> None:
    """The run's clusters replace the previous ones: they are proposals, not decisions."""
    conn.execute(identity_clusters.delete())
    rows = [{"entity_id": e, "cluster_id": c, "run_id": run_id} for e, c in cc.canonical().items()]
    if rows:
        conn.execute(identity_clusters.insert(), rows)
