"""Signed-in test clients: real users with real API tokens, as a script would use them."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from pursuit.app import create_app
from pursuit.security.roles import Role
from pursuit.security.sessions import issue_token
from pursuit.security.users import add_user, grant
from pursuit.store.schema import users
from pursuit.store.workspace import Workspace

BASE_URL = "http://127.0.0.1"


def bearer(
    ws: Workspace, name: str = "tester", role: Role = Role.ADMINISTRATOR, case: str | None = None
) -> dict[str, str]:
    """The Authorization header of `name` (created with `role` when new, else granted it)."""
    with ws.write() as conn:
        known = conn.scalar(
            users.select().with_only_columns(users.c.id).where(users.c.name == name)
        )
        if known is None:
            add_user(conn, name, role, "test-setup", case=case)
        else:
            grant(conn, name, role, "test-setup", case=case)
        token = issue_token(conn, name, "test-setup")
    return {"Authorization": f"Bearer {token}"}


def as_user(client: TestClient, name: str, role: Role = Role.ADMINISTRATOR) -> dict[str, str]:
    """Headers making one request of `client` act as `name`."""
    ws: Workspace = client.app.state.workspace  # type: ignore[attr-defined]
    return bearer(ws, name, role)


def signed_client(ws: Workspace, name: str = "tester", **kwargs: Any) -> TestClient:
    """A client of a new app on `ws`, signed in as an administrator called `name`."""
    client = TestClient(create_app(ws), base_url=BASE_URL, **kwargs)
    client.headers.update(bearer(ws, name))
    return client
