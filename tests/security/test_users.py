"""People, roles, sessions and the audit trail, on a real workspace (SQLite and PostgreSQL)."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from pursuit.cli import app
from pursuit.errors import AccessDenied, NotFound, NotSignedIn, SigninThrottled
from pursuit.evidence.cases import ensure_case
from pursuit.security.audit import audit_trail
from pursuit.security.roles import Permission, Role
from pursuit.security.sessions import (
    Session,
    issue_link,
    issue_token,
    redeem_link,
    session_principal,
    sign_in,
    sign_out,
    token_principal,
)
from pursuit.security.users import add_user, grant, principal_for, revoke, user_id_of
from pursuit.store.schema import api_tokens, sessions, users
from pursuit.store.workspace import Workspace

PASSWORD = "correct horse battery staple"


def _case(ws: Workspace, name: str) -> str:
    with ws.write() as conn:
        return ensure_case(conn, name, "setup").id


def test_passwords_are_argon2_hashes_and_secrets_only_digests(ws: Workspace) -> None:
    with ws.write() as conn:
        add_user(conn, "ana", Role.ADMINISTRATOR, "setup", password=PASSWORD)
        token = issue_token(conn, "ana", "setup")
        made = sign_in(conn, "ana", PASSWORD)
        assert isinstance(made, Session)
        stored = conn.execute(sa.select(users.c.password_hash)).scalar_one()
        digests = list(conn.scalars(sa.select(api_tokens.c.digest)))
        session_ids = list(conn.scalars(sa.select(sessions.c.id)))
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    assert token not in digests and made.token not in session_ids


def test_roles_per_case_and_changes_take_effect_at_once(ws: Workspace) -> None:
    raqqa, mosul = _case(ws, "Raqqa"), _case(ws, "Mosul")
    with ws.write() as conn:
        add_user(conn, "rev", Role.REVIEWER, "setup", case="Raqqa")
        token = issue_token(conn, "rev", "setup")
    with ws.read() as conn:
        who = token_principal(conn, token)
    assert who.can(Permission.JUDGE, raqqa) and not who.can(Permission.CORRECT, raqqa)
    with pytest.raises(NotFound):  # no role in Mosul: the case is not even admitted to
        who.require(Permission.READ, mosul)
    with pytest.raises(AccessDenied):
        who.require(Permission.INGEST, raqqa)
    with ws.write() as conn:
        grant(conn, "rev", Role.ANALYST, "lead", case="Mosul")
        assert token_principal(conn, token).can(Permission.INGEST, mosul)
        revoke(conn, "rev", "lead", case="Raqqa")
        assert not token_principal(conn, token).can(Permission.READ, raqqa)


def test_wrong_passwords_are_throttled_even_before_a_right_one(ws: Workspace) -> None:
    with ws.write() as conn:
        add_user(conn, "ana", Role.ANALYST, "setup", password=PASSWORD)
    for _ in range(5):
        with ws.write() as conn:
            assert isinstance(sign_in(conn, "ana", "guess-guess-guess", "10.0.0.9"), NotSignedIn)
    with ws.write() as conn:
        assert isinstance(sign_in(conn, "ana", PASSWORD, "10.0.0.9"), SigninThrottled)
        trail = [e.action for e in audit_trail(conn, actions=["signin_failed"])]
    assert len(trail) == 6


def test_sessions_end_and_links_work_once(ws: Workspace) -> None:
    with ws.write() as conn:
        add_user(conn, "ana", Role.ADMINISTRATOR, "setup")
        link = issue_link(conn, "ana")
        session = redeem_link(conn, link)
        with pytest.raises(NotSignedIn):
            redeem_link(conn, link)
        assert session_principal(conn, session.token)[0].name == "ana"
        sign_out(conn, session.token)
        with pytest.raises(NotSignedIn):
            session_principal(conn, session.token)
        user_id = user_id_of(conn, "ana")
        assert principal_for(conn, user_id) is not None


def test_user_commands_and_the_audit_trail(ws: Workspace) -> None:
    if ws.settings.database_url:
        pytest.skip("the command line test runs on the SQLite workspace")
    runner, home = CliRunner(), ["--home", str(ws.settings.home)]
    env = {"PURSUIT_ACTOR": "lead-1"}
    _case(ws, "Raqqa")
    done = runner.invoke(
        app, ["user", "add", "vic", "--role", "viewer", "--case", "Raqqa", *home], env=env
    )
    assert done.exit_code == 0, done.output
    assert runner.invoke(app, ["user", "add", "vic", "--role", "viewer", *home]).exit_code == 1
    runner.invoke(app, ["user", "grant", "vic", "--role", "analyst", "--case", "Raqqa", *home])
    listed = json.loads(runner.invoke(app, ["user", "list", "--json", *home]).stdout)
    assert list(listed["users"][0]["roles"].values()) == ["analyst"]  # replaced, not added
    token = runner.invoke(app, ["user", "token", "vic", *home]).stdout.strip()
    assert token.startswith("pst_")
    trail = json.loads(runner.invoke(app, ["audit", "--json", *home], env=env).stdout)["events"]
    actions = [e["action"] for e in trail]
    assert {"user_added", "permission_changed", "token_issued"} <= set(actions)
    assert all(e["actor"] == "lead-1" for e in trail if e["action"] == "user_added")
    assert token not in json.dumps(trail)
