"""Revealing a witness in the web UI: the right in the case, a reason, a fresh password."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from pursuit.app import create_app
from pursuit.security import Identity, VaultKey, register_witness
from pursuit.security.audit import audit_trail
from pursuit.security.roles import Role
from pursuit.security.sessions import issue_link
from pursuit.security.users import add_user
from pursuit.store.workspace import Workspace
from tests.security.conftest import CONTACT, NAME
from tests.signin import BASE_URL, bearer

PASSWORD = "the lead's long passphrase"


def _csrf(page: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert found is not None
    return found.group(1)


def test_reveal_needs_a_fresh_password_and_the_right(vws: Workspace, key: VaultKey) -> None:
    with vws.write() as conn:
        register_witness(conn, key, "raqqa", "W-001", Identity(NAME, CONTACT), "officer")
        add_user(conn, "lina", Role.LEAD, "admin", case="raqqa", password=PASSWORD)
        link = issue_link(conn, "lina")
    app = create_app(vws)
    with TestClient(app, base_url=BASE_URL, follow_redirects=False) as browser:
        assert browser.get(f"/signin/link/{link}").status_code == 303  # signed in, no password
        listing = browser.get("/witnesses")
        assert "W-001" in listing.text and NAME not in listing.text
        form = {"csrf_token": _csrf(listing.text), "case": "raqqa", "pseudonym": "W-001"}
        stale = browser.post("/witnesses/reveal", data={**form, "reason": "court order"})
        assert stale.status_code == 303 and stale.headers["location"].startswith("/reauth")
        wrong = browser.post("/reauth", data={"csrf_token": form["csrf_token"], "password": "no"})
        assert wrong.status_code == 401
        browser.post("/reauth", data={"csrf_token": form["csrf_token"], "password": PASSWORD})
        shown = browser.post("/witnesses/reveal", data={**form, "reason": "court order"})
        assert shown.status_code == 200 and NAME in shown.text and CONTACT in shown.text
        assert shown.headers["cache-control"] == "no-store"
    with TestClient(app, base_url=BASE_URL) as other:
        analyst = bearer(vws, "omar", Role.ANALYST, "raqqa")
        refused = other.post("/witnesses/reveal", data={**form, "reason": "x"}, headers=analyst)
        assert refused.status_code == 403 and NAME not in refused.text
    with vws.read() as conn:
        reveals = audit_trail(conn, actions=["witness_revealed"])
    assert [e.actor for e in reveals] == ["lina"]
    assert NAME not in reveals[0].details
