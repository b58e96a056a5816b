"""Every route of the app is authorised: a new route without a decision fails here.

The app's routes are enumerated as FastAPI sees them. Each must be named in the permission
table; an anonymous caller gets 401 (the API) or is sent to sign in (pages); a signed-in user
without any role gets 403 (or 404 where the resource's existence is secret); public routes are
only the sign-in ones and the style sheet.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from pursuit.app import create_app
from pursuit.http.permissions import PUBLIC, ROUTE_PERMISSIONS, SIGNED_IN, endpoint_key
from pursuit.security.roles import Role
from pursuit.store.workspace import Workspace
from tests.signin import BASE_URL, bearer


def routes(app: FastAPI) -> Iterator[tuple[str, str, Any]]:
    """(method, path, endpoint) of every route, through included routers too."""
    for route in app.routes:
        if hasattr(route, "effective_route_contexts"):
            for ctx in route.effective_route_contexts():
                for method in sorted(ctx.methods or []):
                    yield method, ctx.path, ctx.endpoint
        elif hasattr(route, "methods"):
            for method in sorted(route.methods or []):
                yield method, route.path, getattr(route, "endpoint", None)


def concrete(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "x1", path)


@pytest.fixture
def app(ws: Workspace) -> FastAPI:
    return create_app(ws)


def test_every_route_is_in_the_permission_table(app: FastAPI) -> None:
    found = {endpoint_key(e) for _, _, e in routes(app) if e is not None}
    assert len(found) > 50
    missing = sorted(found - set(ROUTE_PERMISSIONS))
    assert not missing, f"routes without a permission: {missing}"
    stale = sorted(set(ROUTE_PERMISSIONS) - found)
    assert not stale, f"permissions of routes that no longer exist: {stale}"
    public = sorted(k for k, v in ROUTE_PERMISSIONS.items() if v == PUBLIC)
    assert all(k.startswith(("web.signin_pages:", "web.static_pages:")) for k in public), public


def test_anonymous_callers_get_nothing(app: FastAPI) -> None:
    with TestClient(app, base_url=BASE_URL, follow_redirects=False) as anonymous:
        for method, path, endpoint in routes(app):
            if method == "HEAD" or ROUTE_PERMISSIONS.get(endpoint_key(endpoint)) == PUBLIC:
                continue
            answer = anonymous.request(method, concrete(path))
            api = path.startswith(("/api/", "/openapi"))
            if api or method != "GET":
                assert answer.status_code == 401, (method, path, answer.status_code)
            else:
                assert answer.status_code == 303, (method, path, answer.status_code)
                assert answer.headers["location"].startswith("/signin?next=")


def test_a_user_without_a_role_is_refused_everywhere(app: FastAPI, ws: Workspace) -> None:
    with TestClient(app, base_url=BASE_URL, follow_redirects=False) as client:
        client.headers.update(bearer(ws, "nobody", Role.VIEWER, case=None))
    from pursuit.security.users import revoke

    with ws.write() as conn:
        revoke(conn, "nobody", "test-setup")  # at once: the token stays, the rights go
    with TestClient(app, base_url=BASE_URL, follow_redirects=False) as client:
        client.headers.update(bearer_only(ws, "nobody"))
        for method, path, endpoint in routes(app):
            needed = ROUTE_PERMISSIONS.get(endpoint_key(endpoint))
            if method == "HEAD" or needed in (PUBLIC, SIGNED_IN):
                continue
            answer = client.request(method, concrete(path))
            assert answer.status_code in (403, 404), (method, path, answer.status_code)


def bearer_only(ws: Workspace, name: str) -> dict[str, str]:
    """A fresh token for an existing user, without granting anything."""
    from pursuit.security.sessions import issue_token

    with ws.write() as conn:
        return {"Authorization": f"Bearer {issue_token(conn, name, 'test-setup')}"}
