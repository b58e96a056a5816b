"""Signing in and out of the web UI, one-time links, and re-entering a password.

The session cookie is HttpOnly, SameSite=Lax (so the one-time link opened from a terminal works)
and Secure whenever the page was served over HTTPS; CSRF tokens protect every form besides.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from pursuit.errors import PursuitError
from pursuit.http.auth import SESSION_COOKIE, Signed
from pursuit.http.deps import Ws
from pursuit.security.sessions import (
    SESSION_LIFETIME,
    Session,
    reauthenticate,
    redeem_link,
    sign_in,
    sign_out,
)
from pursuit.web.pages import page

__all__ = ["router"]

router = APIRouter(include_in_schema=False)

Next = Annotated[str, Form(max_length=2000)]


def _safe_next(target: str) -> str:
    """Only a path on this server: never an open redirect to another site."""
    return target if target.startswith("/") and not target.startswith("//") else "/"


def _client(request: Request) -> str:
    return request.client.host if request.client else ""


def _with_cookie(request: Request, session: Session, target: str) -> RedirectResponse:
    answer = RedirectResponse(_safe_next(target), status_code=303)
    answer.set_cookie(
        SESSION_COOKIE,
        session.token,
        max_age=int(SESSION_LIFETIME.total_seconds()),
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
        path="/",
    )
    return answer


@router.get("/signin", response_class=HTMLResponse)
def signin_page(next: str = "/") -> HTMLResponse:
    return page("signin.html", next=_safe_next(next), problem="", standalone=True)


@router.post("/signin", response_model=None)
def signin(
    request: Request,
    ws: Ws,
    name: Annotated[str, Form(max_length=200)],
    password: Annotated[str, Form(max_length=1000)],
    next: Next = "/",
) -> Response:
    with ws.write() as conn:
        made = sign_in(conn, name.strip(), password, _client(request))
    if isinstance(made, PursuitError):
        status = 429 if type(made).__name__ == "SigninThrottled" else 401
        return page(
            "signin.html", status, next=_safe_next(next), problem=str(made), standalone=True
        )
    return _with_cookie(request, made, next)


@router.get("/signin/link/{token}", response_model=None)
def signin_link(token: str, request: Request, ws: Ws) -> Response:
    with ws.write() as conn:
        session = redeem_link(conn, token, _client(request))
    return _with_cookie(request, session, "/")


@router.post("/signout")
def signout(request: Request, ws: Ws, who: Signed) -> RedirectResponse:
    token = request.cookies.get(SESSION_COOKIE, "")
    with ws.write() as conn:
        sign_out(conn, token)
    answer = RedirectResponse("/signin", status_code=303)
    answer.delete_cookie(SESSION_COOKIE, path="/")
    return answer


@router.get("/reauth", response_class=HTMLResponse)
def reauth_page(who: Signed, next: str = "/") -> HTMLResponse:
    why = "Revealing a protected identity needs your password again."
    return page("reauth.html", next=_safe_next(next), name=who.name, why=why, problem="")


@router.post("/reauth", response_model=None)
def reauth(
    ws: Ws, who: Signed, password: Annotated[str, Form(max_length=1000)], next: Next = "/"
) -> Response:
    with ws.write() as conn:
        ok = reauthenticate(conn, who, password)
    if not ok:
        return page(
            "reauth.html",
            401,
            next=_safe_next(next),
            name=who.name,
            why="",
            problem="wrong password",
        )
    return RedirectResponse(quote(_safe_next(next), safe="/?=&%"), status_code=303)
