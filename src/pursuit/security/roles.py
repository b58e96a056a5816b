"""Roles per case and what each may do: the one table every edge checks against.

A role is granted per case (or for every case, `ALL_CASES`); administrators may do everything
everywhere. The check distinguishes "no business in this case" — answered as if the thing did
not exist, so a case's existence stays secret — from "in the case, but not allowed" (403).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from pursuit.errors import AccessDenied, NotFound

__all__ = ["ALL_CASES", "GRANTS", "Permission", "Principal", "Role"]

ALL_CASES = "*"


class Permission(StrEnum):
    READ = "read"  # items, text, entities, search, dossiers on screen
    INGEST = "ingest"  # take in evidence, re-run stages
    CORRECT = "correct"  # correct mentions and entities
    JUDGE = "judge"  # identity decisions, screening decisions, resolution runs
    SCREEN = "screen"  # screen lists against the case's persons
    EXPORT = "export"  # dossiers and packages leaving the workspace
    VERIFY = "verify"  # run verification, record checkpoints
    WITNESS_MANAGE = "witness_manage"  # register witnesses, take in their testimony
    WITNESS_REVEAL = "witness_reveal"  # see a protected identity (audited, fresh sign-in)
    ADMIN = "admin"  # people and their roles


class Role(StrEnum):
    VIEWER = "viewer"
    REVIEWER = "reviewer"
    ANALYST = "analyst"
    WITNESS_OFFICER = "witness_officer"
    LEAD = "lead_investigator"
    ADMINISTRATOR = "administrator"


_ANALYST = {
    Permission.READ,
    Permission.INGEST,
    Permission.CORRECT,
    Permission.JUDGE,
    Permission.SCREEN,
    Permission.EXPORT,
    Permission.VERIFY,
}
GRANTS: dict[Role, frozenset[Permission]] = {
    Role.VIEWER: frozenset({Permission.READ}),
    Role.REVIEWER: frozenset({Permission.READ, Permission.JUDGE}),
    Role.ANALYST: frozenset(_ANALYST),
    Role.WITNESS_OFFICER: frozenset(
        {Permission.READ, Permission.WITNESS_MANAGE, Permission.WITNESS_REVEAL}
    ),
    Role.LEAD: frozenset(_ANALYST | {Permission.WITNESS_MANAGE, Permission.WITNESS_REVEAL}),
    Role.ADMINISTRATOR: frozenset(Permission),
}


@dataclass(frozen=True, slots=True)
class Principal:
    """A signed-in user as the request sees them: roles read fresh from the database."""

    user_id: int
    name: str
    is_admin: bool = False
    roles: dict[str, Role] = field(default_factory=dict)
    via: str = "session"  # session, token or local (the command line)
    session_id: str | None = None

    def role_in(self, case_id: str) -> Role | None:
        if self.is_admin:
            return Role.ADMINISTRATOR
        return self.roles.get(case_id) or self.roles.get(ALL_CASES)

    def can(self, permission: Permission, case_id: str | None = None) -> bool:
        """Whether the user may do this in the case (in any case, without one)."""
        if self.is_admin:
            return True
        if case_id is None:
            return any(permission in GRANTS[r] for r in self.roles.values())
        role = self.role_in(case_id)
        return role is not None and permission in GRANTS[role]

    def cases_with(self, permission: Permission) -> set[str] | None:
        """The cases where the user may do this; None means every case."""
        if self.is_admin:
            return None
        if ALL_CASES in self.roles and permission in GRANTS[self.roles[ALL_CASES]]:
            return None
        return {c for c, r in self.roles.items() if permission in GRANTS[r]}

    def require(self, permission: Permission, case_id: str | None = None) -> None:
        """Raise unless allowed: NotFound when the user has no role in the case at all (its
        existence stays secret), AccessDenied when the role lacks the permission."""
        if self.can(permission, case_id):
            return
        if case_id is not None and self.role_in(case_id) is None:
            raise NotFound("not found")
        raise AccessDenied(f"{self.name} may not {permission.value.replace('_', ' ')} here")
