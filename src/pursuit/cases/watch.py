"""Watch lists: persons an analyst wants to hear about, each watch with who, when and why.

A watch names the person by his profile (`resolve.profiles`) and keeps the ids of the profile's
members when he was watched, so it follows him when reviewers merge other rows into him: any
stored member still finds the merged profile. Ending a watch (unwatching) keeps the row with who
ended it, when and why; watching him again starts a new watch. Every start and end is appended
to the audit trail.

A watch begins at its own audit event in the custody log (`since_seq`): only items taken in after
it raise mention alerts (`alerts_mentions.py`). Items already in the case when the watch began
were known to whoever chose to watch him; alerting on them would bury the news under the past.

Screening includes watched persons among the persons of interest (`roles.WATCH_LISTS`).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pursuit.entities import EntityType
from pursuit.errors import InputError, UnknownEntity
from pursuit.evidence.custody import Action, Detail, append_event
from pursuit.resolve.profiles import Profile, get_profile
from pursuit.store.schema import watches

__all__ = [
    "Watch",
    "list_watches",
    "unwatch_person",
    "watch_of",
    "watch_person",
    "watch_reasons",
    "watched_profile",
]


@dataclass(frozen=True, slots=True)
class Watch:
    """One watch on a person: active while `ended_at` is None, kept after it ends."""

    id: int
    case_id: str
    entity_id: str
    members: tuple[str, ...]
    name: str
    reason: str
    watched_by: str
    watched_at: datetime
    since_seq: int
    ended_by: str | None = None
    ended_at: datetime | None = None
    end_reason: str | None = None

    @property
    def active(self) -> bool:
        return self.ended_at is None

    @property
    def why(self) -> str:
        """Why screening shows the person: "watched by omar since 2024-05-02: fled to Europe"."""
        return f"watched by {self.watched_by} since {self.watched_at:%Y-%m-%d}: {self.reason}"


def _watch(r: sa.Row[tuple[object, ...]]) -> Watch:
    return Watch(
        id=int(r.id),
        case_id=str(r.case_id),
        entity_id=str(r.entity_id),
        members=tuple(str(m) for m in (r.members or [])),
        name=str(r.name),
        reason=str(r.reason),
        watched_by=str(r.watched_by),
        watched_at=r.watched_at,
        since_seq=int(r.since_seq),
        ended_by=r.ended_by,
        ended_at=r.ended_at,
        end_reason=r.end_reason,
    )


def list_watches(
    conn: Connection, *, case_ids: Collection[str] | None = None, include_ended: bool = False
) -> list[Watch]:
    """Watches of the cases given (all without `case_ids`), oldest first; ended ones on ask."""
    query = sa.select(watches).order_by(watches.c.id)
    if case_ids is not None:
        query = query.where(watches.c.case_id.in_(sorted(case_ids)))
    if not include_ended:
        query = query.where(watches.c.ended_at.is_(None))
    return [_watch(r) for r in conn.execute(query)]


def watched_profile(conn: Connection, watch: Watch) -> Profile | None:
    """The person the watch is on today: the profile any of its stored members belongs to, or
    None when every member was deleted by reviewers."""
    for ref in dict.fromkeys((watch.entity_id, *watch.members)):
        try:
            found = get_profile(conn, ref, EntityType.PERSON, case_ids=[watch.case_id])
        except UnknownEntity:
            continue
        if ref in found.members:
            return found
    return None


def watch_of(conn: Connection, profile: Profile) -> Watch | None:
    """The active watch on this person, if any (whichever of his rows it was made on)."""
    mine = set(profile.members)
    for watch in list_watches(conn, case_ids=[profile.case_id]):
        if not mine & {watch.entity_id, *watch.members}:
            continue
        found = watched_profile(conn, watch)
        if found is not None and found.id == profile.id:
            return watch
    return None


def _person(conn: Connection, ref: str, case_ids: Collection[str] | None) -> Profile:
    profile = get_profile(conn, ref, EntityType.PERSON, case_ids=case_ids)
    if profile.type is not EntityType.PERSON:
        raise InputError(f"{profile.name!r} is a {profile.type}, not a person: only persons")
    return profile


def _reason(reason: str, what: str) -> str:
    if not reason.strip():
        raise InputError(f"a reason is needed to {what} (it is kept with the watch list)")
    return reason.strip()


def watch_person(
    conn: Connection,
    ref: str,
    reason: str,
    actor: str,
    *,
    case_ids: Collection[str] | None = None,
) -> Watch:
    """Put a person (by id or name) on his case's watch list; refused if already watched."""
    why = _reason(reason, "watch a person")
    profile = _person(conn, ref, case_ids)
    known = watch_of(conn, profile)
    if known is not None:
        raise InputError(
            f"{profile.name} ({profile.id}) is already watched: watch {known.id}, since "
            f"{known.watched_at:%Y-%m-%d %H:%M} by {known.watched_by}"
        )
    details: dict[str, Detail] = {"entity_id": profile.id, "name": profile.name, "reason": why}
    event = append_event(conn, Action.WATCHED, actor, case_id=profile.case_id, details=details)
    new_id = conn.execute(
        watches.insert().values(
            case_id=profile.case_id,
            entity_id=profile.id,
            members=list(profile.members),
            name=" ".join(profile.name.split()),
            reason=why,
            watched_by=actor,
            watched_at=event.at,
            since_seq=event.seq,
        )
    ).inserted_primary_key
    assert new_id is not None
    return _one(conn, int(new_id[0]))


def unwatch_person(
    conn: Connection,
    ref: str,
    reason: str,
    actor: str,
    *,
    case_ids: Collection[str] | None = None,
) -> Watch:
    """End the active watch on a person; the watch and its alerts stay on record."""
    why = _reason(reason, "stop watching a person")
    profile = _person(conn, ref, case_ids)
    known = watch_of(conn, profile)
    if known is None:
        raise InputError(f"{profile.name} ({profile.id}) is not on the watch list")
    details: dict[str, Detail] = {
        "entity_id": profile.id,
        "name": profile.name,
        "reason": why,
        "watch": known.id,
    }
    event = append_event(conn, Action.UNWATCHED, actor, case_id=profile.case_id, details=details)
    conn.execute(
        watches.update()
        .where(watches.c.id == known.id)
        .values(ended_by=actor, ended_at=event.at, end_reason=why)
    )
    return _one(conn, known.id)


def _one(conn: Connection, watch_id: int) -> Watch:
    row = conn.execute(sa.select(watches).where(watches.c.id == watch_id)).one()
    return _watch(row)


def watch_reasons(conn: Connection) -> dict[str, str]:
    """Profile id -> why he is watched, for every active watch: screening's watch list."""
    found: dict[str, str] = {}
    for watch in list_watches(conn):
        profile = watched_profile(conn, watch)
        if profile is not None:
            found.setdefault(profile.id, watch.why)
    return found
