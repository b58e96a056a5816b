"""Tampering with the custody log, every way the issue names, is caught; on both databases."""

from __future__ import annotations

import json
from pathlib import Path

import sqlalchemy as sa

from pursuit.evidence.checkpoint import create_checkpoint, load_checkpoint, verify_checkpoints
from pursuit.evidence.custody import (
    Action,
    append_event,
    event_hash,
    iter_events,
    verify_chain,
)
from pursuit.evidence.problems import Problem, ProblemKind
from pursuit.evidence.verify import verify_workspace
from pursuit.store.schema import checkpoints, custody_events
from pursuit.store.workspace import Workspace


def _log(ws: Workspace, n: int = 6) -> None:
    with ws.write() as conn:
        for i in range(n):
            append_event(conn, Action.VIEWED, "alice", item_id=f"it-{i}", details={"n": i})


def _problems(ws: Workspace) -> list[Problem]:
    with ws.read() as conn:
        return verify_chain(iter_events(conn)) + verify_checkpoints(conn)


def _facts(problems: list[Problem]) -> set[tuple[str, str, str | None, str | None]]:
    return {(p.kind, p.reference, p.expected, p.actual) for p in problems}


def test_untouched_log_verifies(ws: Workspace) -> None:
    _log(ws)
    with ws.write() as conn:
        create_checkpoint(conn, "alice")
    assert _problems(ws) == []
    assert verify_workspace(ws).ok


def test_edited_event_is_caught(ws: Workspace) -> None:
    _log(ws)
    with ws.write() as conn:
        conn.execute(
            custody_events.update().where(custody_events.c.seq == 3).values(actor="mallory")
        )
    problems = _problems(ws)
    assert [(p.kind, p.reference) for p in problems] == [(ProblemKind.EVENT_CHANGED, "3")]
    assert "custody event 3 (viewed)" in problems[0].message and "edited" in problems[0].message


def test_deleted_event_is_caught(ws: Workspace) -> None:
    _log(ws)
    with ws.write() as conn:
        conn.execute(custody_events.delete().where(custody_events.c.seq == 4))
    problems = _problems(ws)
    assert (ProblemKind.EVENT_OUT_OF_PLACE, "5", "4", "5") in _facts(problems)
    assert (ProblemKind.CHAIN_BROKEN, "5") in {(p.kind, p.reference) for p in problems}


def test_inserted_event_is_caught(ws: Workspace) -> None:
    _log(ws)
    with ws.read() as conn:
        events = list(iter_events(conn))
    # Shift events 4.. up by one and forge a well-formed event 4 linked to event 3.
    with ws.write() as conn:
        for e in reversed(events[3:]):
            conn.execute(
                custody_events.update().where(custody_events.c.seq == e.seq).values(seq=e.seq + 1)
            )
        forged_at = events[2].at
        digest = event_hash(4, events[2].hash, None, "it-x", "mallory", "viewed", forged_at, "{}")
        conn.execute(
            custody_events.insert().values(
                seq=4,
                case_id=None,
                item_id="it-x",
                actor="mallory",
                action="viewed",
                at=forged_at,
                details="{}",
                prev_hash=events[2].hash,
                hash=digest,
            )
        )
    problems = _problems(ws)
    assert problems, "an inserted event went unnoticed"
    assert any(p.reference == "5" for p in problems)


def test_reordered_events_are_caught(ws: Workspace) -> None:
    _log(ws)
    with ws.write() as conn:
        conn.execute(custody_events.update().where(custody_events.c.seq == 2).values(seq=-2))
        conn.execute(custody_events.update().where(custody_events.c.seq == 3).values(seq=2))
        conn.execute(custody_events.update().where(custody_events.c.seq == -2).values(seq=3))
    problems = _problems(ws)
    # Each swapped event's number is part of its hash, and the links no longer follow.
    edited = {p.reference for p in problems if p.kind is ProblemKind.EVENT_CHANGED}
    unlinked = {p.reference for p in problems if p.kind is ProblemKind.CHAIN_BROKEN}
    assert edited == {"2", "3"}
    assert unlinked >= {"2", "3"}


def test_truncated_log_is_caught_by_checkpoint(ws: Workspace) -> None:
    _log(ws)
    with ws.write() as conn:
        create_checkpoint(conn, "alice")
    _log(ws, 2)
    with ws.write() as conn:
        last = conn.scalar(sa.select(sa.func.max(custody_events.c.seq)))
        # Drop the tail including the checkpoint's own event: the chain alone still holds.
        conn.execute(custody_events.delete().where(custody_events.c.seq >= last - 2))
    with ws.read() as conn:
        assert verify_chain(iter_events(conn)) == []
    problems = _problems(ws)
    [problem] = problems  # the checkpoint's own event, appended after the 6 it covers, is gone
    assert (problem.kind, problem.reference) == (ProblemKind.CHECKPOINT_EVENT_MISSING, "6")
    assert "events were deleted" in problem.message


def test_a_checkpoint_covering_deleted_events_says_how_many_remain(ws: Workspace) -> None:
    _log(ws)
    with ws.write() as conn:
        create_checkpoint(conn, "alice")
        conn.execute(custody_events.delete().where(custody_events.c.seq >= 5))
    facts = _facts(_problems(ws))
    assert (ProblemKind.CHECKPOINT_EVENTS_MISSING, "checkpoint 1", "6", "4") in facts


def test_altered_checkpoint_is_caught(ws: Workspace) -> None:
    _log(ws)
    with ws.write() as conn:
        create_checkpoint(conn, "alice")
        conn.execute(checkpoints.update().values(root="ab" * 32))
    problems = _problems(ws)
    kinds = [p.kind for p in problems]
    assert ProblemKind.CHECKPOINT_ROOT_CHANGED in kinds  # the stored root no longer fits the log
    assert ProblemKind.CHECKPOINT_ROW_MISSING in kinds  # nor matches its own custody event
    changed = next(p for p in problems if p.kind is ProblemKind.CHECKPOINT_ROOT_CHANGED)
    assert (changed.reference, changed.expected) == ("checkpoint 1", "ab" * 32)


def test_rewritten_history_fails_against_exported_checkpoint(ws: Workspace, tmp_path: Path) -> None:
    _log(ws)
    with ws.write() as conn:
        point = create_checkpoint(conn, "alice")
    exported = tmp_path / "checkpoint.json"
    exported.write_text(point.to_json(), encoding="utf-8")
    # A thorough forger edits event 2 and re-hashes every later event and every checkpoint.
    with ws.write() as conn:
        conn.execute(checkpoints.delete())
        events = list(iter_events(conn))
        conn.execute(custody_events.delete())
        prev = "0" * 64
        for e in events:
            if e.action == "checkpointed":
                continue
            actor = "mallory" if e.seq == 2 else e.actor
            digest = event_hash(e.seq, prev, e.case_id, e.item_id, actor, e.action, e.at, e.details)
            conn.execute(
                custody_events.insert().values(
                    seq=e.seq,
                    case_id=e.case_id,
                    item_id=e.item_id,
                    actor=actor,
                    action=e.action,
                    at=e.at,
                    details=e.details,
                    prev_hash=prev,
                    hash=digest,
                )
            )
            prev = digest
    assert _problems(ws) == []
    report = verify_workspace(ws, exported)
    assert not report.ok
    [problem] = report.problems
    assert problem.kind is ProblemKind.CHECKPOINT_ROOT_CHANGED
    assert problem.reference == f"exported checkpoint {exported}"
    assert (problem.expected, problem.actual != point.root) == (point.root, True)
    assert load_checkpoint(exported).root == json.loads(exported.read_text())["root"]
