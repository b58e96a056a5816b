"""Roles of persons in a case: suspect, victim, witness, investigator, source, other.

A role is proposed from what extraction found (`roles_proposed.py`), with the claim or words it
rests on, and set by an analyst with a reason. A set role wins over any proposal and survives
re-extraction: it is stored against the person's entity id, which extraction keeps, and read
for every member of the person's profile (the latest setting on any member wins). Every setting
is appended to `case_role_history`; nothing is overwritten silently.

Screening asks `persons_of_interest`: the suspects (set, or proposed with no other role set) and
whoever a watch list names (`WATCH_LISTS`: the case's watch list, `watch.py`),
each with the reason that person is of interest.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pursuit.cases.roles_proposed import CaseRole, RoleReason, propose_roles, texts_of
from pursuit.cases.watch import watch_reasons
from pursuit.entities import EntityType
from pursuit.errors import InputError
from pursuit.resolve.profiles import Profile, get_profile, list_profiles
from pursuit.store.schema import case_role_history, case_roles

__all__ = [
    "WATCH_LISTS",
    "CaseRole",
    "PersonRole",
    "RoleChange",
    "RoleReason",
    "case_role_list",
    "parse_role",
    "persons_of_interest",
    "role_history",
    "role_of",
    "set_role",
]


@dataclass(frozen=True, slots=True)
class RoleChange:
    """One setting of a role by an analyst, as kept in history."""

    entity_id: str
    role: CaseRole
    previous: CaseRole | None
    reason: str
    made_by: str
    made_at: datetime


@dataclass(frozen=True, slots=True)
class PersonRole:
    """A person's role in his case: the role in force, where it comes from, and why."""

    entity_id: str
    case_id: str
    name: str
    role: CaseRole | None
    origin: str  # "set", "proposed" or "none"
    reason: str
    proposals: tuple[RoleReason, ...]
    set: RoleChange | None = None

    @property
    def interest(self) -> str:
        """Why screening shows this person: "suspect: role emir in 3 items"."""
        if self.role is None:
            return ""
        if self.set is not None:
            return f"{self.role} (set by {self.set.made_by}: {self.reason})"
        return f"{self.role}: {self.reason}"


def parse_role(text: str) -> CaseRole:
    """The role named by `text`, or a clear error listing the roles there are."""
    try:
        return CaseRole(text.strip().lower())
    except ValueError:
        known = ", ".join(r.value for r in CaseRole)
        raise InputError(f"unknown role {text!r}; roles are: {known}") from None


def _set_rows(conn: Connection, case_ids: Collection[str] | None) -> dict[str, RoleChange]:
    query = sa.select(case_roles)
    if case_ids is not None:
        query = query.where(case_roles.c.case_id.in_(sorted(case_ids)))
    return {
        str(r.entity_id): RoleChange(
            str(r.entity_id), CaseRole(r.role), None, str(r.reason), str(r.set_by), r.set_at
        )
        for r in conn.execute(query)
    }


def _person_role(
    profile: Profile, texts: dict[int, str], set_rows: dict[str, RoleChange]
) -> PersonRole:
    proposals = tuple(propose_roles(profile, texts))
    settings = [set_rows[m] for m in profile.members if m in set_rows]
    chosen = max(settings, key=lambda c: c.made_at) if settings else None
    base = (profile.id, profile.case_id, profile.name)
    if chosen is not None:
        return PersonRole(*base, chosen.role, "set", chosen.reason, proposals, chosen)
    if proposals:
        first = proposals[0]
        return PersonRole(*base, first.role, "proposed", first.reason, proposals)
    return PersonRole(*base, None, "none", "", proposals)


def case_role_list(
    conn: Connection,
    case_id: str | None = None,
    *,
    case_ids: Collection[str] | None = None,
    words: bool = True,
) -> list[PersonRole]:
    """Every person of the case (or of the cases given, or all), with his role and why.

    Without `words`, the texts are not read: proposals rest on claims alone, which is all a
    suspect proposal ever rests on (screening asks only for suspects)."""
    profiles = list_profiles(conn, EntityType.PERSON, case_id, case_ids=case_ids)
    texts = texts_of(conn, profiles) if words else {}
    rows = _set_rows(conn, [case_id] if case_id is not None else case_ids)
    return [_person_role(p, texts, rows) for p in profiles]


def role_of(conn: Connection, ref: str, *, case_ids: Collection[str] | None = None) -> PersonRole:
    """The role of one person, named by id or name."""
    profile = get_profile(conn, ref, EntityType.PERSON, case_ids=case_ids)
    if profile.type is not EntityType.PERSON:
        raise InputError(f"{profile.name!r} is a {profile.type}, not a person: roles are persons'")
    return _person_role(profile, texts_of(conn, [profile]), _set_rows(conn, [profile.case_id]))


def set_role(
    conn: Connection,
    ref: str,
    role: CaseRole | str,
    reason: str,
    actor: str,
    *,
    case_ids: Collection[str] | None = None,
) -> PersonRole:
    """Set a person's role with a reason, kept in history; checks everything before writing."""
    chosen = role if isinstance(role, CaseRole) else parse_role(role)
    if not reason.strip():
        raise InputError("a reason is needed to set a role (it is kept in the history)")
    before = role_of(conn, ref, case_ids=case_ids)
    now = datetime.now(UTC)
    previous = before.set.role if before.set is not None else None
    conn.execute(
        case_roles.delete().where(
            case_roles.c.case_id == before.case_id,
            case_roles.c.entity_id.in_(_members(conn, before)),
        )
    )
    values = {"case_id": before.case_id, "entity_id": before.entity_id, "role": str(chosen)}
    conn.execute(
        case_roles.insert().values(**values, reason=reason.strip(), set_by=actor, set_at=now)
    )
    conn.execute(
        case_role_history.insert().values(
            **values, previous_role=previous, reason=reason.strip(), made_by=actor, made_at=now
        )
    )
    return role_of(conn, before.entity_id, case_ids=case_ids)


def _members(conn: Connection, person: PersonRole) -> list[str]:
    return list(get_profile(conn, person.entity_id).members)


def role_history(conn: Connection, entity_ids: Collection[str]) -> list[RoleChange]:
    """Every setting of a role on these entities, oldest first."""
    query = (
        sa.select(case_role_history)
        .where(case_role_history.c.entity_id.in_(sorted(entity_ids)))
        .order_by(case_role_history.c.id)
    )
    return [
        RoleChange(
            str(r.entity_id),
            CaseRole(r.role),
            CaseRole(r.previous_role) if r.previous_role else None,
            str(r.reason),
            str(r.made_by),
            r.made_at,
        )
        for r in conn.execute(query)
    ]


# Extension point: functions giving entity id -> why a watch list names the person. The case's
# own watch list (`watch.py`) is the first; screening includes everyone they name.
WATCH_LISTS: list[Callable[[Connection], dict[str, str]]] = [watch_reasons]


def persons_of_interest(
    conn: Connection, *, case_ids: Collection[str] | None = None
) -> dict[str, str]:
    """Entity id -> why screening shows the person: suspects, then watch-list entries."""
    found = {
        p.entity_id: p.interest
        for p in case_role_list(conn, case_ids=case_ids, words=False)
        if p.role is CaseRole.SUSPECT
    }
    for watch_list in WATCH_LISTS:
        for entity_id, why in watch_list(conn).items():
            found.setdefault(entity_id, f"watch list: {why}")
    return found
