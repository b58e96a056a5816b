"""What an analyst changes about incidents: merge two or more, split one, set an element's status.

Every change is checked in full before anything is written, so a refused change leaves the
workspace as it was; each needs a reason, kept with the analyst's name in the history. The
caller owns the transaction and the permission check (`case_ids` limits what can be named).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.engine import Connection

from pursuit.cases.elements import element_of
from pursuit.cases.incident_clusters import IncidentMention, incident_id
from pursuit.cases.incident_decisions import (
    ElementStatus,
    IncidentDecision,
    LinkDecision,
    StatusRecord,
    record_links,
    record_status,
)
from pursuit.cases.incidents import CaseIncident, get_incident
from pursuit.errors import IncidentWithoutPlace, InvalidIncidentDecision

__all__ = ["SplitResult", "merge_incidents", "set_element_status", "split_incident"]


@dataclass(frozen=True, slots=True)
class SplitResult:
    """The ids of the two incidents a split leaves."""

    kept: str
    split_off: str


def merge_incidents(
    conn: Connection,
    refs: Sequence[str],
    reason: str,
    actor: str,
    case_ids: Collection[str] | None = None,
) -> str:
    """Join incidents into one (of the same case); the id of the merged incident."""
    found = {i.id: i for i in (get_incident(conn, r, case_ids) for r in refs)}
    if len(found) < 2:
        raise InvalidIncidentDecision("a merge needs two or more different incidents")
    if len({i.case_id for i in found.values()}) > 1:
        raise InvalidIncidentDecision("incidents of different cases cannot be merged")
    if not reason.strip():
        raise InvalidIncidentDecision("a reason is needed: it is kept in the case's history")
    parts = list(found.values())
    links = [
        (a.key, b.key, LinkDecision.SAME)
        for i, left in enumerate(parts)
        for right in parts[i + 1 :]
        for a in left.sources
        for b in right.sources
    ]
    record_links(conn, parts[0].case_id, links, IncidentDecision.MERGE, reason, actor)
    earliest = min((m for i in parts for m in i.sources), key=lambda m: m.rank)
    return incident_id(parts[0].case_id, earliest.key)


def _chosen(incident: CaseIncident, members: Sequence[str]) -> list[IncidentMention]:
    """Mentions named by key ("item:offset") or by item id (all of that item's mentions)."""
    wanted = {m.strip() for m in members if m.strip()}
    chosen = [m for m in incident.sources if m.key in wanted or m.item_id in wanted]
    unknown = wanted - {m.key for m in chosen} - {m.item_id for m in chosen}
    if unknown:
        known = ", ".join(m.key for m in incident.sources)
        raise InvalidIncidentDecision(
            f"not in incident {incident.id}: {', '.join(sorted(unknown))}; its mentions: {known}"
        )
    if not chosen or len(chosen) == len(incident.sources):
        raise InvalidIncidentDecision(
            "a split moves some of an incident's mentions, not none or all"
        )
    return chosen


def split_incident(
    conn: Connection,
    ref: str,
    members: Sequence[str],
    reason: str,
    actor: str,
    case_ids: Collection[str] | None = None,
) -> SplitResult:
    """Move some mentions (keys or item ids) of an incident into an incident of their own."""
    incident = get_incident(conn, ref, case_ids)
    moved = _chosen(incident, members)
    moved_keys = {m.key for m in moved}
    kept = [m for m in incident.sources if m.key not in moved_keys]
    links = [(a.key, b.key, LinkDecision.DIFFERENT) for a in moved for b in kept]
    links += [
        (a.key, b.key, LinkDecision.SAME) for i, a in enumerate(moved) for b in moved[i + 1 :]
    ]
    links += [(a.key, b.key, LinkDecision.SAME) for i, a in enumerate(kept) for b in kept[i + 1 :]]
    record_links(conn, incident.case_id, links, IncidentDecision.SPLIT, reason, actor)
    first = min(kept, key=lambda m: m.rank)
    other = min(moved, key=lambda m: m.rank)
    return SplitResult(
        incident_id(incident.case_id, first.key), incident_id(incident.case_id, other.key)
    )


def set_element_status(
    conn: Connection,
    ref: str,
    crime: str,
    element: str,
    status: str,
    reason: str,
    actor: str,
    case_ids: Collection[str] | None = None,
) -> StatusRecord:
    """Set where the evidence stands on one element of one incident, with a reason."""
    incident = get_incident(conn, ref, case_ids)
    if incident.place is None:
        raise IncidentWithoutPlace(
            f"incident {incident.id} has no place; merge it into the event it belongs to first"
        )
    element_of(crime, element)
    if not any(r.crime == crime for r in incident.elements):
        kinds = ", ".join(str(k) for k in incident.kinds)
        raise InvalidIncidentDecision(f"{crime} is not a crime an incident of {kinds} may meet")
    try:
        chosen = ElementStatus(status)
    except ValueError:
        known = ", ".join(s.value for s in ElementStatus)
        raise InvalidIncidentDecision(f"no status {status!r}; use one of {known}") from None
    if not reason.strip():
        raise InvalidIncidentDecision("a reason is needed: it is kept in the case's history")
    record = StatusRecord(
        incident.id, crime, element, chosen, reason.strip(), actor, datetime.now(UTC)
    )
    record_status(conn, incident.case_id, record)
    return record
