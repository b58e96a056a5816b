"""The checks before revealing a protected identity: the right in the case, and a fresh sign-in.

Shared by the command line and the web, so both refuse alike: a person may reveal a witness of a
case only with a role granting `witness_reveal` there, and only just after entering a password.
"""

from __future__ import annotations

from sqlalchemy.engine import Connection

from pursuit.errors import PursuitError
from pursuit.evidence.cases import get_case
from pursuit.security.roles import Permission, Principal
from pursuit.security.sessions import sign_in
from pursuit.security.users import count_users

__all__ = ["may_reveal", "signed_in_again", "workspace_has_users"]


def signed_in_again(conn: Connection, name: str, password: str) -> Principal | PursuitError:
    """A fresh password sign-in of `name` (recorded, and rate-limited like any sign-in)."""
    made = sign_in(conn, name, password, client="command line")
    return made if isinstance(made, PursuitError) else made.principal


def may_reveal(conn: Connection, principal: Principal, case: str) -> None:
    """Raise unless `principal` may reveal witnesses of `case` (404 when not in the case)."""
    principal.require(Permission.WITNESS_REVEAL, get_case(conn, case).id)


def workspace_has_users(conn: Connection) -> bool:
    return count_users(conn) > 0
