"""People and their roles per case: adding, granting, revoking, passwords.

Passwords are kept only as Argon2id hashes. Roles are read from the database on every request
(`principal_for`), so a grant or a revocation takes effect at once. Every change is appended to
the custody log as `user_added` or `permission_changed`, naming who made it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.engine import Connection

from pursuit.errors import InputError, UnknownUser
from pursuit.evidence.cases import get_case
from pursuit.evidence.custody import Action, Detail, append_event
from pursuit.security.roles import ALL_CASES, Principal, Role
from pursuit.store.schema import memberships, users

__all__ = [
    "UserInfo",
    "add_user",
    "check_password",
    "count_users",
    "grant",
    "list_users",
    "principal_for",
    "revoke",
    "set_password",
    "user_id_of",
]

NAME = re.compile(r"^[\w.@+-]{1,200}$")
MIN_PASSWORD = 12
_HASHER = PasswordHasher()


@dataclass(frozen=True, slots=True)
class UserInfo:
    id: int
    name: str
    is_admin: bool
    has_password: bool
    roles: dict[str, Role]
    created_at: datetime
    disabled: bool


def _case_key(conn: Connection, case: str | None) -> str:
    """The case id a role is granted in (`ALL_CASES` without a case); unknown cases refused."""
    if case is None or case == ALL_CASES:
        return ALL_CASES
    return get_case(conn, case).id


def _log(conn: Connection, action: Action, actor: str, **details: Detail) -> None:
    append_event(conn, action, actor, details=details)


def user_id_of(conn: Connection, name: str) -> int:
    found = conn.scalar(sa.select(users.c.id).where(users.c.name == name))
    if found is None:
        raise UnknownUser(f"no user named {name!r}")
    return int(found)


def count_users(conn: Connection) -> int:
    return int(conn.scalar(sa.select(sa.func.count()).select_from(users)) or 0)


def _hash(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise InputError(f"a password needs at least {MIN_PASSWORD} characters")
    return _HASHER.hash(password)


def add_user(
    conn: Connection,
    name: str,
    role: Role | str,
    actor: str,
    *,
    case: str | None = None,
    password: str | None = None,
) -> int:
    """Add a person with a role in one case (or in every case); administrators need no case."""
    if not NAME.match(name):
        raise InputError("a user name is 1-200 letters, digits or . @ + - _")
    chosen = Role(role)
    if conn.scalar(sa.select(users.c.id).where(users.c.name == name)) is not None:
        raise InputError(f"a user named {name!r} exists; use `pursuit user grant`")
    key = conn.execute(
        users.insert().values(
            name=name,
            password_hash=_hash(password) if password else None,
            is_admin=chosen is Role.ADMINISTRATOR,
            created_by=actor,
            created_at=datetime.now(UTC),
        )
    ).inserted_primary_key
    assert key is not None
    _log(conn, Action.USER_ADDED, actor, user=name, role=chosen.value)
    if chosen is not Role.ADMINISTRATOR:
        grant(conn, name, chosen, actor, case=case)
    return int(key[0])


def grant(conn: Connection, name: str, role: Role | str, actor: str, *, case: str | None) -> None:
    """Give `name` the role in the case (replacing the role held there)."""
    chosen, user_id = Role(role), user_id_of(conn, name)
    if chosen is Role.ADMINISTRATOR:
        conn.execute(users.update().where(users.c.id == user_id).values(is_admin=True))
        _log(conn, Action.PERMISSION_CHANGED, actor, user=name, granted="administrator")
        return
    case_id = _case_key(conn, case)
    where = sa.and_(memberships.c.user_id == user_id, memberships.c.case_id == case_id)
    conn.execute(memberships.delete().where(where))
    conn.execute(
        memberships.insert().values(
            user_id=user_id,
            case_id=case_id,
            role=chosen.value,
            granted_by=actor,
            granted_at=datetime.now(UTC),
        )
    )
    _log(conn, Action.PERMISSION_CHANGED, actor, user=name, granted=chosen.value, case=case_id)


def revoke(conn: Connection, name: str, actor: str, *, case: str | None = None) -> int:
    """Take away `name`'s role in the case, or every role (and administration) without one."""
    user_id = user_id_of(conn, name)
    query = memberships.delete().where(memberships.c.user_id == user_id)
    if case is not None:
        query = query.where(memberships.c.case_id == _case_key(conn, case))
    else:
        conn.execute(users.update().where(users.c.id == user_id).values(is_admin=False))
    count = int(conn.execute(query).rowcount)
    _log(conn, Action.PERMISSION_CHANGED, actor, user=name, revoked=case or "all", rows=count)
    return count


def set_password(conn: Connection, name: str, password: str, actor: str) -> None:
    user_id = user_id_of(conn, name)
    conn.execute(users.update().where(users.c.id == user_id).values(password_hash=_hash(password)))
    _log(conn, Action.PERMISSION_CHANGED, actor, user=name, password="set")


def check_password(conn: Connection, name: str, password: str) -> int | None:
    """The user's id when the password is right (and the user enabled), else None."""
    row = conn.execute(sa.select(users).where(users.c.name == name)).first()
    if row is None or row.password_hash is None or row.disabled_at is not None:
        _HASHER.hash("equalise-the-time-of-a-miss")  # no hint from timing that a name exists
        return None
    try:
        _HASHER.verify(str(row.password_hash), password)
    except (VerificationError, InvalidHashError):
        return None
    return int(row.id)


def _roles(conn: Connection, user_id: int) -> dict[str, Role]:
    rows = conn.execute(
        sa.select(memberships.c.case_id, memberships.c.role).where(memberships.c.user_id == user_id)
    )
    return {str(r.case_id): Role(r.role) for r in rows}


def principal_for(
    conn: Connection, user_id: int, via: str = "session", session_id: str | None = None
) -> Principal | None:
    """The user with roles as they stand now, or None if disabled or gone."""
    row = conn.execute(sa.select(users).where(users.c.id == user_id)).first()
    if row is None or row.disabled_at is not None:
        return None
    return Principal(
        user_id=int(row.id),
        name=str(row.name),
        is_admin=bool(row.is_admin),
        roles=_roles(conn, int(row.id)),
        via=via,
        session_id=session_id,
    )


def list_users(conn: Connection) -> list[UserInfo]:
    rows = conn.execute(sa.select(users).order_by(users.c.name)).all()
    return [
        UserInfo(
            id=int(r.id),
            name=str(r.name),
            is_admin=bool(r.is_admin),
            has_password=r.password_hash is not None,
            roles=_roles(conn, int(r.id)),
            created_at=r.created_at,
            disabled=r.disabled_at is not None,
        )
        for r in rows
    ]
