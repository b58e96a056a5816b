"""Signing in: password sessions, API tokens, one-time links, and the sign-in rate limit.

Every secret handed out (session cookie, API token, sign-in link) is a random token; only its
SHA-256 digest is stored, so a copy of the database does not let anyone sign in. A session
carries its own CSRF token for the forms it is shown, and the time of the last password entry,
which revealing a protected identity requires to be recent.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pursuit.errors import NotSignedIn, PursuitError, ReauthRequired, SigninThrottled
from pursuit.evidence.custody import Action, Detail, append_event
from pursuit.security.roles import Principal, Role
from pursuit.security.users import add_user, check_password, principal_for, user_id_of
from pursuit.store.schema import api_tokens, sessions, signin_attempts, signin_links, users

__all__ = [
    "REAUTH_WINDOW",
    "SESSION_LIFETIME",
    "Session",
    "ensure_administrator",
    "issue_link",
    "issue_token",
    "reauthenticate",
    "redeem_link",
    "require_recent_signin",
    "session_principal",
    "sign_in",
    "sign_out",
    "token_principal",
]

SESSION_LIFETIME = timedelta(hours=12)
REAUTH_WINDOW = timedelta(minutes=5)
LINK_LIFETIME = timedelta(minutes=30)
THROTTLE_WINDOW = timedelta(minutes=15)
MAX_FAILURES_PER_NAME = 5
MAX_FAILURES_PER_CLIENT = 20
TOKEN_PREFIX = "pst_"


@dataclass(frozen=True, slots=True)
class Session:
    """A new session: the cookie value and the CSRF token its forms carry."""

    token: str
    csrf: str
    principal: Principal


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _now() -> datetime:
    return datetime.now(UTC)


def _new_session(conn: Connection, user_id: int, *, with_password: bool) -> Session:
    token, csrf, now = secrets.token_urlsafe(32), secrets.token_urlsafe(24), _now()
    conn.execute(
        sessions.insert().values(
            id=_digest(token),
            user_id=user_id,
            csrf=csrf,
            created_at=now,
            expires_at=now + SESSION_LIFETIME,
            reauth_at=now if with_password else None,
        )
    )
    found = principal_for(conn, user_id, session_id=_digest(token))
    assert found is not None
    return Session(token, csrf, found)


def _throttled(conn: Connection, name: str, client: str) -> bool:
    since = _now() - THROTTLE_WINDOW
    failed = sa.and_(signin_attempts.c.ok.is_(False), signin_attempts.c.at >= since)
    count = sa.select(sa.func.count()).select_from(signin_attempts)
    by_name = conn.scalar(count.where(failed, signin_attempts.c.name == name)) or 0
    by_client = conn.scalar(count.where(failed, signin_attempts.c.client == client)) or 0
    return by_name >= MAX_FAILURES_PER_NAME or (
        bool(client) and by_client >= MAX_FAILURES_PER_CLIENT
    )


def sign_in(conn: Connection, name: str, password: str, client: str = "") -> Session | PursuitError:
    """A session for the right password, else the error to show. Failures are counted per name
    and per client, and past the limit every attempt is refused for a while, right password or
    not. The error is returned, not raised, so the caller commits the record of the failure."""
    if _throttled(conn, name, client):
        details: dict[str, Detail] = {"why": "throttled", "client": client}
        append_event(conn, Action.SIGNIN_FAILED, name, details=details)
        return SigninThrottled("too many failed sign-ins; wait 15 minutes and try again")
    user_id = check_password(conn, name, password)
    ok = user_id is not None
    conn.execute(signin_attempts.insert().values(name=name, client=client, at=_now(), ok=ok))
    if user_id is None:
        append_event(conn, Action.SIGNIN_FAILED, name, details={"client": client})
        return NotSignedIn("wrong name or password")
    append_event(conn, Action.SIGNED_IN, name, details={"via": "password", "client": client})
    return _new_session(conn, user_id, with_password=True)


def session_principal(conn: Connection, token: str) -> tuple[Principal, str]:
    """The user of a live session and the session's CSRF token."""
    row = conn.execute(sa.select(sessions).where(sessions.c.id == _digest(token))).first()
    if row is None or row.revoked_at is not None or row.expires_at <= _now():
        raise NotSignedIn("the session has ended; sign in again")
    found = principal_for(conn, int(row.user_id), session_id=str(row.id))
    if found is None:
        raise NotSignedIn("this user is disabled")
    return found, str(row.csrf)


def sign_out(conn: Connection, token: str) -> None:
    digest = _digest(token)
    row = conn.execute(sa.select(sessions).where(sessions.c.id == digest)).first()
    if row is None:
        return
    conn.execute(sessions.update().where(sessions.c.id == digest).values(revoked_at=_now()))
    name = conn.scalar(sa.select(users.c.name).where(users.c.id == row.user_id))
    append_event(conn, Action.SIGNED_OUT, str(name))


def reauthenticate(conn: Connection, principal: Principal, password: str) -> bool:
    """Record a fresh password entry in the user's current session; False (recorded) when the
    password is wrong, for the caller to refuse after committing."""
    if principal.session_id is None or check_password(conn, principal.name, password) is None:
        append_event(conn, Action.SIGNIN_FAILED, principal.name, details={"why": "reauth"})
        return False
    conn.execute(
        sessions.update().where(sessions.c.id == principal.session_id).values(reauth_at=_now())
    )
    append_event(conn, Action.SIGNED_IN, principal.name, details={"via": "reauthentication"})
    return True


def require_recent_signin(conn: Connection, principal: Principal) -> None:
    """Refuse unless the password was entered in this session within `REAUTH_WINDOW`."""
    if principal.via == "local":
        return  # the command line: the person at the machine owns the workspace files
    if principal.session_id is None:
        raise ReauthRequired("this needs a signed-in session with a fresh password entry")
    when = conn.scalar(sa.select(sessions.c.reauth_at).where(sessions.c.id == principal.session_id))
    if when is None or when < _now() - REAUTH_WINDOW:
        raise ReauthRequired("enter your password again to continue (fresh sign-in required)")


def issue_token(conn: Connection, name: str, actor: str, label: str = "") -> str:
    """A new API token for `name` (shown once; only its digest is kept)."""
    user_id = user_id_of(conn, name)
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    conn.execute(
        api_tokens.insert().values(
            user_id=user_id, digest=_digest(token), label=label, created_at=_now()
        )
    )
    append_event(conn, Action.TOKEN_ISSUED, actor, details={"user": name, "label": label})
    return token


def token_principal(conn: Connection, token: str) -> Principal:
    row = conn.execute(sa.select(api_tokens).where(api_tokens.c.digest == _digest(token))).first()
    if row is None or row.revoked_at is not None:
        raise NotSignedIn("unknown or revoked API token")
    found = principal_for(conn, int(row.user_id), via="token")
    if found is None:
        raise NotSignedIn("this user is disabled")
    return found


def issue_link(conn: Connection, name: str) -> str:
    """A one-time sign-in token for `name`, valid for `LINK_LIFETIME`."""
    user_id, token, now = user_id_of(conn, name), secrets.token_urlsafe(32), _now()
    conn.execute(
        signin_links.insert().values(
            digest=_digest(token), user_id=user_id, created_at=now, expires_at=now + LINK_LIFETIME
        )
    )
    return token


def redeem_link(conn: Connection, token: str, client: str = "") -> Session:
    """Trade a one-time link for a session; a used or expired link is refused."""
    digest = _digest(token)
    row = conn.execute(sa.select(signin_links).where(signin_links.c.digest == digest)).first()
    if row is None or row.used_at is not None or row.expires_at <= _now():
        raise NotSignedIn("this sign-in link is used, expired or unknown")
    conn.execute(
        signin_links.update().where(signin_links.c.digest == digest).values(used_at=_now())
    )
    session = _new_session(conn, int(row.user_id), with_password=False)
    details = {"via": "one-time link", "client": client}
    append_event(conn, Action.SIGNED_IN, session.principal.name, details=details)
    return session


def ensure_administrator(conn: Connection, actor: str) -> str:
    """The first administrator's name, creating `admin` when the workspace has no users."""
    found = conn.scalar(
        sa.select(users.c.name).where(users.c.is_admin.is_(True)).order_by(users.c.id).limit(1)
    )
    if found is not None:
        return str(found)
    add_user(conn, "admin", Role.ADMINISTRATOR, actor)
    return "admin"
