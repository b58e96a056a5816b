"""What the custody log vouches for, gathered in one pass over the events.

Each event that creates a record carries that record's facts in its details. Gathering them by
the record they speak of lets `verify` hold every row against its own event: a row with no event
was forged, an event with no row names a record that vanished, and a field that differs was
rewritten behind pursuit's back. An event that was itself edited (its hash no longer matches)
still marks its record as logged, but vouches for no field: the chain check names it already, and
comparing rows with forged details would only blame the rows.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from pursuit.evidence.custody import Action, CustodyEvent, Detail, event_hash

__all__ = ["Logged", "gather"]


@dataclass(frozen=True, slots=True)
class Logged:
    """Creation events by the record they created."""

    acquired: dict[str, CustodyEvent] = field(default_factory=dict)  # item id
    ingested: dict[str, CustodyEvent] = field(default_factory=dict)  # item id
    derived: dict[int, CustodyEvent] = field(default_factory=dict)  # derivative id
    judged: dict[int, CustodyEvent] = field(default_factory=dict)  # judgement id
    corrected: list[CustodyEvent] = field(default_factory=list)  # corrections carry no id
    witnesses: dict[tuple[str, str], CustodyEvent] = field(default_factory=dict)  # case, pseudonym
    edited: set[int] = field(default_factory=set)  # seqs of events whose hash no longer holds

    def vouches(self, event: CustodyEvent) -> bool:
        """Whether the event's details can be trusted to vouch for its record's fields."""
        return event.seq not in self.edited


def details_of(event: CustodyEvent) -> dict[str, Detail]:
    """An event's details, or nothing when they were edited into something unreadable."""
    try:
        loaded = json.loads(event.details)
    except ValueError:
        return {}
    return loaded if isinstance(loaded, dict) else {}


def _number(value: Detail) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _intact(event: CustodyEvent) -> bool:
    e = event
    again = event_hash(e.seq, e.prev_hash, e.case_id, e.item_id, e.actor, e.action, e.at, e.details)
    return again == e.hash


def _take(logged: Logged, event: CustodyEvent) -> None:
    if not _intact(event):
        logged.edited.add(event.seq)
    details = details_of(event)
    action = event.action
    if action == Action.ACQUIRED and event.item_id:
        logged.acquired.setdefault(event.item_id, event)
    elif action == Action.INGESTED and event.item_id:
        logged.ingested.setdefault(event.item_id, event)
    elif action == Action.DERIVED and (number := _number(details.get("derivative"))) is not None:
        logged.derived.setdefault(number, event)
    elif action == Action.JUDGED and (number := _number(details.get("judgement"))) is not None:
        logged.judged.setdefault(number, event)
    elif action == Action.CORRECTED:
        logged.corrected.append(event)
    elif action == Action.WITNESS_REGISTERED and event.case_id:
        pseudonym = details.get("pseudonym")
        if isinstance(pseudonym, str):
            logged.witnesses.setdefault((event.case_id, pseudonym), event)


def gather(events: Iterable[CustodyEvent]) -> Logged:
    """The creation events of every record, keyed by the record; the first event wins."""
    logged = Logged()
    for event in events:
        _take(logged, event)
    return logged
