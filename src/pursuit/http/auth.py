"""Who is asking: the signed-in user of a request, from a session cookie or an API token.

Nothing is served without sign-in. A browser carries an HttpOnly, SameSite=Strict session
cookie, and every state-changing request it makes must also carry the session's CSRF token (a
form field or the `X-CSRF-Token` header). Scripts send `Authorization: Bearer <token>`; a bearer
token is never sent by a browser on its own, so it needs no CSRF token. The acting user recorded
in custody and audit events is always the signed-in user, never something the request claims.
"""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Request

from pursuit.errors import AccessDenied, NotSignedIn
from pursuit.http.deps import get_workspace
from pursuit.render import CSRF_TOKEN, SIGNED_IN_AS
from pursuit.security.roles import Principal
from pursuit.security.sessions import session_principal, token_principal

__all__ = [
    "CSRF_FIELD",
    "CSRF_HEADER",
    "SESSION_COOKIE",
    "Signed",
    "csrf_of",
    "current_principal",
]

SESSION_COOKIE = "pursuit_session"
CSRF_HEADER = "x-csrf-token"
CSRF_FIELD = "csrf_token"
UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})


async def _check_csrf(request: Request, expected: str) -> None:
    given = request.headers.get(CSRF_HEADER)
    if given is None and "form" in request.headers.get("content-type", ""):
        form = await request.form()
        field = form.get(CSRF_FIELD)
        given = field if isinstance(field, str) else None
    if given is None or not hmac.compare_digest(given, expected):
        raise AccessDenied("the form's CSRF token is missing or stale; reload the page")


async def current_principal(request: Request) -> Principal:
    """The signed-in user; `NotSignedIn` (401, or a redirect to sign-in for pages) otherwise."""
    cached = getattr(request.state, "principal", None)
    if isinstance(cached, Principal):
        return cached
    ws = get_workspace(request)
    auth = request.headers.get("authorization", "")
    if auth[:7].lower() == "bearer ":
        with ws.read() as conn:
            principal = token_principal(conn, auth[7:].strip())
    else:
        token = request.cookies.get(SESSION_COOKIE)
        if not token:
            raise NotSignedIn("sign in first")
        with ws.read() as conn:
            principal, csrf = session_principal(conn, token)
        request.state.csrf = csrf
        CSRF_TOKEN.set(csrf)
        if request.method in UNSAFE:
            await _check_csrf(request, csrf)
    request.state.principal = principal
    SIGNED_IN_AS.set(principal.name)
    return principal


def csrf_of(request: Request) -> str:
    """The CSRF token of the request's session, for the forms of the page being rendered."""
    value = getattr(request.state, "csrf", "")
    return value if isinstance(value, str) else ""


Signed = Annotated[Principal, Depends(current_principal)]
