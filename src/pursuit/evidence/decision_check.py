"""Judgements, corrections and witness registrations held against their custody events.

A judgement's `judged` event carries its id, so a deleted, altered or forged one is named by id.
A correction's `corrected` event carries its facts but not its id, so corrections are matched by
content: a row and an event that share the same place (case, target, item span or entity) but
differ in their value are an alteration; whatever is left unmatched was deleted or forged.
Withdrawal sets `deleted_at` and is logged separately, so it is not a change here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pursuit.evidence.custody import CustodyEvent, Detail, canonical
from pursuit.evidence.logged import Logged, details_of
from pursuit.evidence.problems import Problem, ProblemKind
from pursuit.evidence.record_check import differences
from pursuit.store.schema import corrections, judgements, witnesses

__all__ = ["check_corrections", "check_judgements", "check_witnesses"]

JUDGEMENT_FACTS = ("entity_a", "entity_b", "decision", "reason", "source", "case_id", "decided_by")
CORRECTION_FACTS = (
    "case_id",
    "target",
    "item_id",
    "start",
    "end",
    "original_text",
    "entity_id",
    "action",
    "value",
    "reason",
)
CORRECTION_PLACE = ("case_id", "target", "item_id", "start", "end", "original_text", "entity_id")


def _pair(facts: Mapping[Any, Any]) -> str:
    return f"{facts.get('entity_a')} / {facts.get('entity_b')}"


def check_judgements(conn: Connection, logged: Logged) -> list[Problem]:
    """Every judgement row against its `judged` event, and every logged judgement present."""
    problems: list[Problem] = []
    seen: set[int] = set()
    for row in conn.execute(sa.select(judgements).order_by(judgements.c.id)).mappings():
        number = int(row["id"])
        seen.add(number)
        event = logged.judged.get(number)
        if event is None:
            problems.append(
                Problem(ProblemKind.JUDGEMENT_UNLOGGED, str(number), context=_pair(row))
            )
            continue
        facts = details_of(event) | {"case_id": event.case_id, "decided_by": event.actor}
        for name, expected, actual in differences(facts, row, JUDGEMENT_FACTS):
            kind = ProblemKind.JUDGEMENT_CHANGED
            problems.append(Problem(kind, str(number), expected, actual, context=name))
    for number, event in sorted(logged.judged.items()):
        if number not in seen:
            context = _pair(details_of(event))
            problems.append(Problem(ProblemKind.JUDGEMENT_MISSING, str(number), context=context))
    return problems


def _logged_facts(facts: Mapping[Any, Any]) -> dict[str, Detail]:
    """The facts a `corrected` event keeps: strings and numbers, as `corrections/store` logs."""
    return {
        k: v
        for k in CORRECTION_FACTS
        if isinstance(v := facts.get(k), str | int) and not isinstance(v, bool)
    }


def _place(facts: Mapping[str, Detail]) -> str:
    return canonical({k: facts[k] for k in CORRECTION_PLACE if k in facts})


def _describe(facts: Mapping[str, Detail]) -> str:
    where = facts.get("item_id") or facts.get("entity_id") or ""
    return f"{facts.get('action')} of {facts.get('target')} {where}".strip()


def check_corrections(conn: Connection, logged: Logged) -> list[Problem]:
    """Corrections matched to their events by content; the remainder named."""
    rows = {
        int(r["id"]): _logged_facts(r)
        for r in conn.execute(sa.select(corrections).order_by(corrections.c.id)).mappings()
    }
    unmatched: dict[str, list[int]] = defaultdict(list)
    for number, facts in rows.items():
        unmatched[canonical(facts)].append(number)
    left_events: list[tuple[CustodyEvent, dict[str, Detail]]] = []
    for event in logged.corrected:
        facts = _logged_facts(details_of(event))
        match = unmatched.get(canonical(facts))
        if match:
            match.pop(0)
        else:
            left_events.append((event, facts))
    left_rows = {n: rows[n] for numbers in unmatched.values() for n in numbers}
    trusted = [(e, f) for e, f in left_events if logged.vouches(e)]
    for _event, facts in [(e, f) for e, f in left_events if not logged.vouches(e)]:
        _forgive(left_rows, facts)
    return _pair_leftovers(trusted, left_rows)


def _forgive(rows: dict[int, dict[str, Detail]], facts: dict[str, Detail]) -> None:
    """An edited event (named by the chain check) still accounts for one row: its own, if its
    place can still be read, else the first left over."""
    same_place = [n for n, r in sorted(rows.items()) if _place(r) == _place(facts)]
    for number in same_place or sorted(rows)[:1]:
        rows.pop(number)
        return


def _pair_leftovers(
    events: list[tuple[CustodyEvent, dict[str, Detail]]], rows: dict[int, dict[str, Detail]]
) -> list[Problem]:
    problems: list[Problem] = []
    for event, facts in events:
        same_place = [n for n, r in sorted(rows.items()) if _place(r) == _place(facts)]
        if not same_place:
            kind = ProblemKind.CORRECTION_MISSING
            problems.append(Problem(kind, str(event.seq), context=_describe(facts)))
            continue
        number = same_place[0]
        row = rows.pop(number)
        for name, expected, actual in differences(facts, row, CORRECTION_FACTS):
            kind = ProblemKind.CORRECTION_CHANGED
            problems.append(Problem(kind, str(number), expected, actual, context=name))
    for number, row in sorted(rows.items()):
        kind = ProblemKind.CORRECTION_UNLOGGED
        problems.append(Problem(kind, str(number), context=_describe(row)))
    return problems


def check_witnesses(conn: Connection, logged: Logged) -> list[Problem]:
    """Every witness row registered in the log, and every registration still present.

    Only pseudonyms are compared: identities are encrypted and never logged. Erasure and key
    rotation change a row's key columns by design, each with its own event.
    """
    problems: list[Problem] = []
    query = sa.select(witnesses.c.case_id, witnesses.c.pseudonym)
    present = {(str(r.case_id), str(r.pseudonym)) for r in conn.execute(query)}
    for case_id, pseudonym in sorted(present - set(logged.witnesses)):
        problems.append(Problem(ProblemKind.WITNESS_UNLOGGED, pseudonym, context=case_id))
    for case_id, pseudonym in sorted(set(logged.witnesses) - present):
        problems.append(Problem(ProblemKind.WITNESS_MISSING, pseudonym, context=case_id))
    return problems
