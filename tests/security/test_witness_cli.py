"""`pursuit witness` commands, through their Typer sub-app."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from pursuit.cli import witness
from pursuit.settings import Settings
from pursuit.store.workspace import Workspace
from tests.security.conftest import CONTACT, NAME


def _env(settings: Settings) -> dict[str, str]:
    env = {
        "PURSUIT_HOME": str(settings.home),
        "PURSUIT_ACTOR": "lead-2",
        "PURSUIT_VAULT_KEY_FILE": str(settings.vault_key_file),
    }
    if settings.database_url:
        env["PURSUIT_DATABASE_URL"] = settings.database_url
    return env


def test_add_list_reveal(vault_settings: Settings, vws: Workspace) -> None:
    runner, env = CliRunner(), _env(vault_settings)
    added = runner.invoke(
        witness.app, ["add", "--case", "raqqa", "--name", NAME, "--contact", CONTACT], env=env
    )
    assert added.exit_code == 0, added.output
    assert added.stdout.strip() == "W-001"
    listed = runner.invoke(witness.app, ["list", "--json"], env=env)
    assert [w["pseudonym"] for w in json.loads(listed.stdout)["witnesses"]] == ["W-001"]
    assert NAME not in listed.output
    shown = runner.invoke(
        witness.app,
        ["reveal", "W-001", "--case", "raqqa", "--reason", "court order", "--json"],
        env=env,
    )
    assert shown.exit_code == 0, shown.output
    assert "audit" in shown.stderr
    assert json.loads(shown.stdout)["name"] == NAME
    refused = runner.invoke(
        witness.app, ["reveal", "W-001", "--case", "raqqa", "--reason", ""], env=env
    )
    assert refused.exit_code != 0


def test_reveal_needs_the_right_and_a_fresh_signin(
    vault_settings: Settings, vws: Workspace
) -> None:
    from pursuit.security.roles import Role
    from pursuit.security.users import add_user, grant

    runner, env = CliRunner(), _env(vault_settings)
    added = runner.invoke(witness.app, ["add", "--case", "raqqa", "--name", NAME], env=env)
    assert added.exit_code == 0, added.output
    password = "a passphrase of the lead"
    with vws.write() as conn:
        add_user(conn, "lead-2", Role.ANALYST, "admin", case="raqqa", password=password)
    args = ["reveal", "W-001", "--case", "raqqa", "--reason", "court order", "--password-stdin"]
    no_right = runner.invoke(witness.app, args, env=env, input=password + "\n")
    assert no_right.exit_code != 0 and NAME not in no_right.output
    assert "may not witness reveal" in str(no_right.exception)
    with vws.write() as conn:
        grant(conn, "lead-2", Role.LEAD, "admin", case="raqqa")
    wrong = runner.invoke(witness.app, args, env=env, input="not the password\n")
    assert wrong.exit_code != 0 and NAME not in wrong.output
    shown = runner.invoke(witness.app, [*args, "--json"], env=env, input=password + "\n")
    assert shown.exit_code == 0, shown.output
    assert json.loads(shown.stdout)["name"] == NAME
    from pursuit.security.audit import audit_trail

    with vws.read() as conn:
        actions = [e.action for e in audit_trail(conn)]
    assert {"witness_revealed", "signin_failed", "signed_in"} <= set(actions)
    with vws.read() as conn:
        assert NAME not in json.dumps([e.details for e in audit_trail(conn)])
