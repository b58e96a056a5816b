"""What verification finds wrong, as typed values: which kind of damage, to what, expected vs found.

Code that acts on a problem checks its `kind`; only the edges (CLI, API, web page) turn it into
words, through `Problem.message`, so the wording can change without changing what is detected.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

__all__ = ["Problem", "ProblemKind"]


class ProblemKind(StrEnum):
    """Every way the evidence or its history can fail to match what was recorded.

    The last three are reported as warnings: they need attention (a stage to re-run, a leftover
    file to remove, a verification that left no trace) but say nothing false about the evidence.
    """

    BLOB_MISSING = "blob_missing"
    BLOB_CHANGED = "blob_changed"
    DERIVATIVE_CHANGED = "derivative_changed"
    EVENT_OUT_OF_PLACE = "event_out_of_place"
    CHAIN_BROKEN = "chain_broken"
    EVENT_CHANGED = "event_changed"
    CHECKPOINT_EVENTS_MISSING = "checkpoint_events_missing"
    CHECKPOINT_ROOT_CHANGED = "checkpoint_root_changed"
    CHECKPOINT_ROW_MISSING = "checkpoint_row_missing"
    CHECKPOINT_EVENT_MISSING = "checkpoint_event_missing"
    # the record against what the custody log vouches for (see record_check.py, decision_check.py)
    ITEM_CHANGED = "item_changed"
    ITEM_MISSING = "item_missing"
    ITEM_UNLOGGED = "item_unlogged"
    DERIVATIVE_NOT_AS_LOGGED = "derivative_not_as_logged"
    DERIVATIVE_MISSING = "derivative_missing"
    DERIVATIVE_UNLOGGED = "derivative_unlogged"
    JUDGEMENT_CHANGED = "judgement_changed"
    JUDGEMENT_MISSING = "judgement_missing"
    JUDGEMENT_UNLOGGED = "judgement_unlogged"
    CORRECTION_CHANGED = "correction_changed"
    CORRECTION_MISSING = "correction_missing"
    CORRECTION_UNLOGGED = "correction_unlogged"
    WITNESS_MISSING = "witness_missing"
    WITNESS_UNLOGGED = "witness_unlogged"
    # the database itself (see database_check.py)
    DATABASE_DAMAGED = "database_damaged"
    DATABASE_UNREADABLE = "database_unreadable"
    FOREIGN_KEY_BROKEN = "foreign_key_broken"
    # warnings: worth acting on, but the evidence itself is not affected
    PARTIAL_FILE = "partial_file"
    STAGE_UNFINISHED = "stage_unfinished"
    NOT_RECORDED = "not_recorded"


@dataclass(frozen=True, slots=True)
class Problem:
    """One mismatch. `reference` names what it is about (a blob hash, an item or derivative id, a
    custody event number, a checkpoint, a table); `context` says whose it is or which field
    changed, for the message only."""

    kind: ProblemKind
    reference: str
    expected: str | None = None
    actual: str | None = None
    context: str = ""

    @property
    def message(self) -> str:
        """The problem in words, for a person reading a report."""
        return _WORDS[self.kind](self)


def _short(value: str | None) -> str:
    return f"{(value or '')[:12]}…"


def _was(p: Problem) -> str:
    return f"the custody log says {p.expected!r}, the record now holds {p.actual!r}"


_WORDS: dict[ProblemKind, Callable[[Problem], str]] = {
    ProblemKind.BLOB_MISSING: lambda p: f"blob {p.reference} is missing (item {p.context})",
    ProblemKind.BLOB_CHANGED: lambda p: (
        f"blob {p.reference} was changed: it now hashes to {p.actual} (item {p.context})"
    ),
    ProblemKind.DERIVATIVE_CHANGED: lambda p: (
        f"derivative {p.reference} of item {p.context}: its text was changed"
    ),
    ProblemKind.EVENT_OUT_OF_PLACE: lambda p: (
        f"custody event {p.reference}: expected event {p.expected} here "
        "(an event was deleted, inserted or reordered)"
    ),
    ProblemKind.CHAIN_BROKEN: lambda p: (
        f"custody event {p.reference}: does not link to the event before it "
        f"(prev_hash {_short(p.actual)}, expected {_short(p.expected)})"
    ),
    ProblemKind.EVENT_CHANGED: lambda p: (
        f"custody event {p.reference} ({p.context}): its content no longer matches "
        "its hash (the event was edited)"
    ),
    ProblemKind.CHECKPOINT_EVENTS_MISSING: lambda p: (
        f"{p.reference}: it covers {p.expected} custody events but only {p.actual} "
        "remain (events were deleted)"
    ),
    ProblemKind.CHECKPOINT_ROOT_CHANGED: lambda p: (
        f"{p.reference}: the Merkle root of the first {p.context} events no longer matches"
    ),
    ProblemKind.CHECKPOINT_ROW_MISSING: lambda p: (
        f"checkpoint over {p.reference} events recorded in the custody log has no stored "
        "checkpoint row (the checkpoint table was altered)"
    ),
    ProblemKind.CHECKPOINT_EVENT_MISSING: lambda p: (
        f"stored checkpoint over {p.reference} events has lost its own custody event "
        "(events were deleted from the end of the log)"
    ),
    ProblemKind.ITEM_CHANGED: lambda p: (
        f"item {p.reference}: its {p.context} was changed; {_was(p)}"
    ),
    ProblemKind.ITEM_MISSING: lambda p: (
        f"item {p.reference} ({p.expected}) is in the custody log but gone from the items table"
    ),
    ProblemKind.ITEM_UNLOGGED: lambda p: (
        f"item {p.reference} ({p.actual}) has no acquisition in the custody log (a forged row)"
    ),
    ProblemKind.DERIVATIVE_NOT_AS_LOGGED: lambda p: (
        f"derivative {p.reference}: its {p.context} was changed; {_was(p)}"
    ),
    ProblemKind.DERIVATIVE_MISSING: lambda p: (
        f"derivative {p.reference} of item {p.context} is in the custody log but gone"
    ),
    ProblemKind.DERIVATIVE_UNLOGGED: lambda p: (
        f"derivative {p.reference} of item {p.context} has no custody event (a forged row)"
    ),
    ProblemKind.JUDGEMENT_CHANGED: lambda p: (
        f"judgement {p.reference}: its {p.context} was changed; {_was(p)}"
    ),
    ProblemKind.JUDGEMENT_MISSING: lambda p: (
        f"judgement {p.reference} ({p.context}) is in the custody log but gone"
    ),
    ProblemKind.JUDGEMENT_UNLOGGED: lambda p: (
        f"judgement {p.reference} ({p.context}) has no custody event (a forged row)"
    ),
    ProblemKind.CORRECTION_CHANGED: lambda p: (
        f"correction {p.reference}: its {p.context} was changed; {_was(p)}"
    ),
    ProblemKind.CORRECTION_MISSING: lambda p: (
        f"the correction logged by custody event {p.reference} ({p.context}) is gone"
    ),
    ProblemKind.CORRECTION_UNLOGGED: lambda p: (
        f"correction {p.reference} ({p.context}) has no custody event (a forged row)"
    ),
    ProblemKind.WITNESS_MISSING: lambda p: (
        f"witness {p.reference} is registered in the custody log but gone"
    ),
    ProblemKind.WITNESS_UNLOGGED: lambda p: (
        f"witness {p.reference} has no registration in the custody log (a forged row)"
    ),
    ProblemKind.DATABASE_DAMAGED: lambda p: f"the database is damaged: {p.actual}",
    ProblemKind.DATABASE_UNREADABLE: lambda p: (
        f"the database could not be read while checking {p.reference}: {p.actual}"
    ),
    ProblemKind.FOREIGN_KEY_BROKEN: lambda p: (
        f"{p.reference} points at a missing row of {p.expected} (a row was deleted)"
    ),
    ProblemKind.PARTIAL_FILE: lambda p: (
        f"leftover partial file {p.reference} ({p.actual} bytes) in the blob store: a write "
        "that never finished; it is no evidence and may be removed"
    ),
    ProblemKind.STAGE_UNFINISHED: lambda p: (
        f"item {p.reference}: {p.context} stage {p.actual}; run `pursuit reprocess`"
    ),
    ProblemKind.NOT_RECORDED: lambda p: (
        f"this verification could not be recorded in the custody log: {p.actual}"
    ),
}
