"""The administrator's People page: add, grant, revoke, one-time links; others are refused."""

from __future__ import annotations

from pursuit.evidence.cases import ensure_case
from pursuit.security.audit import audit_trail
from pursuit.security.roles import Role
from pursuit.security.users import list_users
from pursuit.store.workspace import Workspace
from tests.signin import bearer, signed_client


def test_people_are_added_granted_and_revoked_by_the_administrator(ws: Workspace) -> None:
    with ws.write() as conn:
        case = ensure_case(conn, "Raqqa", "setup")
    with signed_client(ws, "chief") as client:
        added = client.post(
            "/admin/users", data={"name": "nour", "role": "analyst", "case": case.id}
        )
        assert added.status_code == 200 and "/signin/link/" in added.text  # no password: a link
        granted = client.post(
            "/admin/users/grant",
            data={"name": "nour", "role": "lead_investigator", "case": case.id},
            follow_redirects=True,
        )
        assert "nour is now lead_investigator" in granted.text
        with ws.read() as conn:
            nour = next(u for u in list_users(conn) if u.name == "nour")
        assert nour.roles == {case.id: Role.LEAD}
        client.post("/admin/users/revoke", data={"name": "nour"})
        with ws.read() as conn:
            assert next(u for u in list_users(conn) if u.name == "nour").roles == {}
            changes = audit_trail(conn, actions=["permission_changed", "user_added"])
        assert {e.actor for e in changes if "nour" in e.details} == {"chief"}
        refused = client.get("/admin/users", headers=bearer(ws, "vic", Role.VIEWER, case.id))
        assert refused.status_code == 403
        bad = client.post("/admin/users", data={"name": "x y", "role": "viewer", "case": ""})
        assert bad.status_code == 422
