"""One history of identity decisions: judgements, merges and splits, and their conflicts.

A merge is a "same" decision and a split a "not same"; both are judgements, append-only. Before a
decision is stored it is checked against every decision in force: a "same" that would put two
entities a reviewer separated into one identity, a "not same" between entities that "same"
decisions already joined, or a change of the decision on the very pair, is refused with the
earlier decisions named. It is stored only when the reviewer supersedes them explicitly, with a
reason: the superseded rows are withdrawn (kept, marked deleted) and the new row names them.
Nothing is ever refused silently.
"""

from __future__ import annotations

from collections import defaultdict, deque
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pursuit.corrections import CorrectionAction, correct_entity
from pursuit.errors import DecisionConflict, InputError, UnknownEntity
from pursuit.evidence.custody import Action, Detail, append_event
from pursuit.resolve.identity import decisions_in_force
from pursuit.resolve.judgements import (
    Decision,
    Judgement,
    JudgementSource,
    ordered_pair,
    record_judgement,
)
from pursuit.store.schema import corrections, entities, judgements

__all__ = [
    "Conflict",
    "Recorded",
    "conflicts_with",
    "correct_identity",
    "describe",
    "judge_pair",
    "merge_entities",
    "record_decision",
    "split_entity",
]


@dataclass(frozen=True, slots=True)
class Conflict:
    """An earlier decision a new one contradicts, and how."""

    earlier: Judgement
    why: str


def describe(j: Judgement) -> str:
    """A decision in words, naming its row so a reviewer can find it in the history."""
    ref = f"judgement #{j.id}" if j.id > 0 else f"merge correction #{-j.id}"
    when = j.decided_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    said = f"{j.entity_a} {j.decision.value.replace('_', ' ')} {j.entity_b}"
    reason = f" ({j.reason})" if j.reason else ""
    return f"{ref}: {said}, by {j.decided_by} on {when}{reason}"


def _entity_decisions(conn: Connection) -> dict[tuple[str, str], Judgement]:
    return {
        pair: j
        for pair, j in decisions_in_force(conn).items()
        if j.source is not JudgementSource.SCREENING
    }


def _same_graph(
    judged: dict[tuple[str, str], Judgement], skip: tuple[str, str]
) -> dict[str, list[tuple[str, Judgement]]]:
    graph: dict[str, list[tuple[str, Judgement]]] = defaultdict(list)
    for pair, j in judged.items():
        if pair != skip and j.decision is Decision.SAME:
            graph[j.entity_a].append((j.entity_b, j))
            graph[j.entity_b].append((j.entity_a, j))
    return graph


def _component(graph: dict[str, list[tuple[str, Judgement]]], start: str) -> set[str]:
    seen, todo = {start}, [start]
    while todo:
        for nxt, _ in graph.get(todo.pop(), []):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def _path(graph: dict[str, list[tuple[str, Judgement]]], a: str, b: str) -> list[Judgement]:
    """The "same" decisions along one chain joining `a` to `b` (empty when none does)."""
    came: dict[str, tuple[str, Judgement] | None] = {a: None}
    queue = deque([a])
    while queue:
        here = queue.popleft()
        if here == b:
            break
        for nxt, j in sorted(graph.get(here, []), key=lambda e: e[1].id):
            if nxt not in came:
                came[nxt] = (here, j)
                queue.append(nxt)
    if b not in came:
        return []
    chain: list[Judgement] = []
    step = came[b]
    while step is not None:
        chain.append(step[1])
        step = came[step[0]]
    return chain


def conflicts_with(conn: Connection, a: str, b: str, decision: Decision) -> list[Conflict]:
    """The decisions in force that `decision` on (a, b) would contradict."""
    pair = ordered_pair(a, b)
    judged = _entity_decisions(conn)
    found: list[Conflict] = []
    direct = judged.get(pair)
    if direct is not None and direct.decision not in (decision, Decision.UNSURE):
        found.append(Conflict(direct, "it decided this very pair otherwise"))
    graph = _same_graph(judged, pair)
    if decision is Decision.SAME:
        left, right = _component(graph, pair[0]), _component(graph, pair[1])
        for other_pair, j in judged.items():
            crosses = (j.entity_a in left and j.entity_b in right) or (
                j.entity_a in right and j.entity_b in left
            )
            if j.decision is Decision.NOT_SAME and crosses and other_pair != pair:
                found.append(Conflict(j, "it keeps members of the two identities apart"))
    elif decision is Decision.NOT_SAME:
        found.extend(_separating(graph, pair))
    return found


def _separating(
    graph: dict[str, list[tuple[str, Judgement]]], pair: tuple[str, str]
) -> list[Conflict]:
    """Every "same" decision on some chain joining the pair: chains are taken away one at a
    time until none is left, so withdrawing them all really separates the two."""
    found: list[Conflict] = []
    while chain := _path(graph, *pair):
        for j in chain:
            found.append(Conflict(j, "it joins the two into one identity"))
            for end in (j.entity_a, j.entity_b):
                graph[end] = [(n, k) for n, k in graph[end] if k.id != j.id]
    return found


def _withdraw(conn: Connection, j: Judgement, actor: str, reason: str) -> None:
    now = datetime.now(UTC)
    if j.id > 0:
        conn.execute(judgements.update().where(judgements.c.id == j.id).values(deleted_at=now))
    else:
        conn.execute(corrections.update().where(corrections.c.id == -j.id).values(deleted_at=now))
    details: dict[str, Detail] = {
        "entity_a": j.entity_a,
        "entity_b": j.entity_b,
        "superseded": j.id if j.id > 0 else f"correction {-j.id}",
        "reason": reason,
    }
    append_event(conn, Action.JUDGED, actor, case_id=j.case_id, details=details)


def _check_entities(conn: Connection, a: str, b: str) -> str:
    rows = {
        str(r.id): r for r in conn.execute(sa.select(entities).where(entities.c.id.in_([a, b])))
    }
    for ref in (a, b):
        if ref not in rows:
            raise UnknownEntity(f"no entity with id {ref!r}")
    if rows[a].case_id != rows[b].case_id:
        raise InputError(f"{a} and {b} belong to different cases; identities stay within a case")
    return str(rows[a].case_id)


def record_decision(
    conn: Connection,
    a: str,
    b: str,
    decision: Decision | str,
    actor: str,
    *,
    reason: str = "",
    supersede: bool = False,
    source: JudgementSource = JudgementSource.REVIEW,
) -> Judgement:
    """Store a decision on two entities, refusing one that contradicts the record.

    With `supersede` (and a reason) the contradicted decisions are withdrawn and named in the new
    one; without it, `DecisionConflict` names each of them and nothing is stored.
    """
    try:
        decided = Decision(decision)
    except ValueError as exc:
        choices = ", ".join(d.value for d in Decision)
        raise InputError(f"unknown decision {decision!r}; use one of {choices}") from exc
    first, second = ordered_pair(a, b)
    case_id = _check_entities(conn, first, second)
    found = conflicts_with(conn, first, second, decided)
    if found and not supersede:
        named = "; ".join(f"{describe(c.earlier)} — {c.why}" for c in found)
        raise DecisionConflict(
            f"refused: {decided.value.replace('_', ' ')} on {first} and {second} contradicts "
            f"{named}. To override, supersede it explicitly with a reason."
        )
    if found:
        if not reason.strip():
            raise InputError("superseding an earlier decision needs a reason")
        for c in found:
            _withdraw(conn, c.earlier, actor, reason)
        ids = ", ".join(describe(c.earlier).split(":")[0] for c in found)
        reason = f"{reason} (supersedes {ids})"
    return record_judgement(
        conn, first, second, decided, actor, reason=reason, source=source, case_id=case_id
    )


def merge_entities(
    conn: Connection, entity_id: str, into: str, actor: str, reason: str, supersede: bool = False
) -> Judgement:
    """A merge: `entity_id` is the same as `into` (a "same" decision)."""
    if entity_id == into:
        raise InputError(f"cannot merge {entity_id!r} into itself")
    return record_decision(
        conn, entity_id, into, Decision.SAME, actor, reason=reason, supersede=supersede
    )


def split_entity(
    conn: Connection, entity_id: str, away_from: str, actor: str, reason: str
) -> Judgement:
    """A split: `entity_id` is not the same as `away_from`. Splitting is itself the explicit
    override of the merges joining them, so it needs a reason and supersedes them."""
    if not reason.strip():
        raise InputError("a split needs a reason: it supersedes the decisions that joined them")
    return record_decision(
        conn, entity_id, away_from, Decision.NOT_SAME, actor, reason=reason, supersede=True
    )


@dataclass(frozen=True, slots=True)
class Recorded:
    """What a correction of a whole entity became: a correction row or a judgement row."""

    kind: str  # "correction" or "judgement"
    id: int
    entity_id: str  # the entity whose profile shows the result


def correct_identity(
    conn: Connection,
    entity_id: str,
    action: CorrectionAction | str,
    value: str,
    actor: str,
    reason: str = "",
    *,
    supersede: bool = False,
) -> Recorded:
    """Every edge's entry point for correcting a whole entity: a rename, retype or delete is a
    correction; a merge (into the entity `value`) a "same" and a split (away from the entity
    `value`) a "not same" judgement, checked against the decisions on record."""
    try:
        act = CorrectionAction(action)
    except ValueError as exc:
        choices = ", ".join(a.value for a in CorrectionAction)
        raise InputError(f"unknown action {action!r}; use one of {choices}") from exc
    value = value.strip()
    if act in (CorrectionAction.MERGE, CorrectionAction.SPLIT) and not value:
        raise InputError(f"a {act} needs the id of the other entity")
    if act is CorrectionAction.MERGE:
        j = merge_entities(conn, entity_id, value, actor, reason, supersede=supersede)
        return Recorded("judgement", j.id, value)
    if act is CorrectionAction.SPLIT:
        j = split_entity(conn, entity_id, value, actor, reason)
        return Recorded("judgement", j.id, entity_id)
    return Recorded(
        "correction", correct_entity(conn, entity_id, act, value, actor, reason), entity_id
    )


def judge_pair(
    conn: Connection,
    a: str,
    b: str,
    decision: Decision | str,
    actor: str,
    reason: str = "",
    *,
    supersede: bool = False,
) -> Judgement:
    """A decision on any pair: two entities go through `record_decision`; a screened record's
    key against an entity is a screening judgement, which joins no profiles."""
    known = set(conn.scalars(sa.select(entities.c.id).where(entities.c.id.in_([a, b]))))
    if {a, b} <= known:
        return record_decision(conn, a, b, decision, actor, reason=reason, supersede=supersede)
    if not known:
        raise UnknownEntity(f"neither {a!r} nor {b!r} is an entity of this workspace")
    return record_judgement(
        conn, a, b, decision, actor, reason=reason, source=JudgementSource.SCREENING
    )
