"""Signing in through the web form: cookie flags, CSRF on every form, throttling, signing out."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from pursuit.app import create_app
from pursuit.security.audit import audit_trail
from pursuit.security.roles import Role
from pursuit.security.users import add_user
from pursuit.store.workspace import Workspace
from tests.signin import BASE_URL

PASSWORD = "a passphrase for the form"


def _client(ws: Workspace) -> TestClient:
    with ws.write() as conn:
        add_user(conn, "ana", Role.ANALYST, "setup", password=PASSWORD)
    return TestClient(create_app(ws), base_url=BASE_URL, follow_redirects=False)


def _csrf(page: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert found is not None, "the page's forms carry no CSRF token"
    return found.group(1)


def test_form_signin_sets_a_protected_cookie_and_forms_need_its_token(ws: Workspace) -> None:
    with _client(ws) as client:
        assert client.get("/verify").headers["location"] == "/signin?next=/verify"
        made = client.post("/signin", data={"name": "ana", "password": PASSWORD, "next": "/verify"})
        assert made.status_code == 303 and made.headers["location"] == "/verify"
        cookie = made.headers["set-cookie"]
        assert "HttpOnly" in cookie and "SameSite=lax" in cookie
        page = client.get("/verify")
        assert page.status_code == 200 and "no-store" in page.headers["cache-control"]
        assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
        assert client.post("/verify").status_code == 403  # no CSRF token
        assert client.post("/verify", data={"csrf_token": "forged"}).status_code == 403
        done = client.post("/verify", data={"csrf_token": _csrf(page.text)})
        assert done.status_code == 200 and "all sound" in done.text
        out = client.post("/signout", data={"csrf_token": _csrf(page.text)})
        assert out.status_code == 303
        assert client.get("/verify").status_code == 303  # signed out
    with ws.read() as conn:
        actions = [e.action for e in audit_trail(conn)]
    assert "signed_in" in actions and "signed_out" in actions


def test_wrong_passwords_then_throttled_and_no_open_redirect(ws: Workspace) -> None:
    with _client(ws) as client:
        for _ in range(5):
            wrong = client.post("/signin", data={"name": "ana", "password": "nope-nope-nope"})
            assert wrong.status_code == 401 and "wrong name or password" in wrong.text
        right = client.post("/signin", data={"name": "ana", "password": PASSWORD})
        assert right.status_code == 429
    with _client_for(ws) as other:
        away = other.post(
            "/signin", data={"name": "bo", "password": PASSWORD, "next": "//evil.example/x"}
        )
        assert away.status_code == 303 and away.headers["location"] == "/"


def _client_for(ws: Workspace) -> TestClient:
    with ws.write() as conn:
        add_user(conn, "bo", Role.VIEWER, "setup", password=PASSWORD)
    return TestClient(create_app(ws), base_url=BASE_URL, follow_redirects=False)
