"""The administrator's page: people, their roles per case, and one-time links.

Every change goes through the same core functions as `pursuit user …`, takes effect at once,
and is recorded in the custody log as `user_added` or `permission_changed` naming the admin.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from pursuit.evidence.cases import list_cases
from pursuit.http.auth import Signed
from pursuit.http.deps import Ws
from pursuit.security.roles import Role
from pursuit.security.sessions import issue_link
from pursuit.security.users import add_user, grant, list_users, revoke
from pursuit.web.pages import page

__all__ = ["router"]

router = APIRouter(include_in_schema=False)

Name = Annotated[str, Form(max_length=200)]
Case = Annotated[str, Form(max_length=200)]


def _back(note: str) -> RedirectResponse:
    return RedirectResponse(f"/admin/users?done={quote(note)}", status_code=303)


def _people_page(ws: Ws, done: str = "", link: str = "", link_for: str = "") -> HTMLResponse:
    with ws.read() as conn:
        people, cases = list_users(conn), list_cases(conn)
    return page(
        "admin_users.html",
        people=people,
        cases=cases,
        roles=list(Role),
        done=done,
        link=link,
        link_for=link_for,
    )


@router.get("/admin/users", response_class=HTMLResponse)
def people_page(ws: Ws, done: str = "") -> HTMLResponse:
    return _people_page(ws, done[:200])


@router.post("/admin/users", response_class=HTMLResponse)
def people_add(
    request: Request,
    ws: Ws,
    who: Signed,
    name: Name,
    role: Annotated[Role, Form()],
    case: Case = "",
    password: Annotated[str, Form(max_length=1000)] = "",
) -> HTMLResponse:
    with ws.write() as conn:
        add_user(conn, name.strip(), role, who.name, case=case or None, password=password or None)
        token = "" if password else issue_link(conn, name.strip())
    link = f"{request.base_url}signin/link/{token}" if token else ""
    return _people_page(ws, f"{name} added as {role.value}", link, name)


@router.post("/admin/users/grant")
def people_grant(
    ws: Ws, who: Signed, name: Name, role: Annotated[Role, Form()], case: Case = ""
) -> RedirectResponse:
    with ws.write() as conn:
        grant(conn, name, role, who.name, case=case or None)
    return _back(f"{name} is now {role.value}" + (f" in {case}" if case else " in every case"))


@router.post("/admin/users/revoke")
def people_revoke(ws: Ws, who: Signed, name: Name, case: Case = "") -> RedirectResponse:
    with ws.write() as conn:
        count = revoke(conn, name, who.name, case=case or None)
    return _back(f"{count} role(s) of {name} revoked")
