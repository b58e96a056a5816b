"""The vault: identities sealed at rest, keys outside the workspace, rotation and erasure."""

from __future__ import annotations

import base64
import stat
from pathlib import Path

import pytest
import sqlalchemy as sa
from pydantic import SecretStr

from pursuit.errors import (
    EmptyInput,
    InputError,
    UnknownWitness,
    VaultKeyMissing,
    VaultKeyWrong,
    WitnessErased,
)
from pursuit.evidence.custody import Action, iter_events, verify_chain
from pursuit.security import (
    Identity,
    VaultKey,
    erase_witness,
    list_witnesses,
    load_vault_key,
    register_witness,
    reveal_witness,
    rotate_case_key,
)
from pursuit.store.schema import witnesses
from pursuit.store.workspace import Workspace, open_workspace
from tests.security.conftest import ARABIC_NAME, CONTACT, NAME


def _add(ws: Workspace, key: VaultKey, name: str = NAME, pseudonym: str | None = None) -> str:
    with ws.write() as conn:
        return register_witness(
            conn, key, "raqqa", pseudonym, Identity(name, CONTACT, "met in Gaziantep"), "inv-1"
        )


def _reveal(ws: Workspace, key: VaultKey, pseudonym: str) -> Identity:
    with ws.write() as conn:
        return reveal_witness(conn, key, "raqqa", pseudonym, "lead-2", "court summons 14/2025")


def test_key_file_is_outside_the_workspace_with_mode_600(vws: Workspace, key: VaultKey) -> None:
    path = Path(key.source)
    assert path.is_file()
    assert not path.resolve().is_relative_to(vws.settings.home.resolve())
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_register_allocates_pseudonyms_and_reveal_returns_identity(
    vws: Workspace, key: VaultKey
) -> None:
    assert _add(vws, key) == "W-001"
    assert _add(vws, key, ARABIC_NAME) == "W-002"
    assert _add(vws, key, "Someone Else", "w-010") == "W-010"
    assert _add(vws, key, "A Fourth") == "W-011"
    identity = _reveal(vws, key, "W-002")
    assert (identity.name, identity.contact) == (ARABIC_NAME, CONTACT)
    assert NAME not in repr(identity)
    with vws.read() as conn:
        assert [w.pseudonym for w in list_witnesses(conn, "raqqa")] == [
            "W-001",
            "W-002",
            "W-010",
            "W-011",
        ]


def test_bad_pseudonym_duplicate_and_empty_reason_are_refused(
    vws: Workspace, key: VaultKey
) -> None:
    _add(vws, key, pseudonym="W-001")
    with pytest.raises(InputError, match="already has"):
        _add(vws, key, pseudonym="W-001")
    with pytest.raises(InputError, match="W-NNN"):
        _add(vws, key, pseudonym="Ahmad")
    with pytest.raises(EmptyInput), vws.write() as conn:
        reveal_witness(conn, key, "raqqa", "W-001", "lead-2", "  ")
    with pytest.raises(UnknownWitness), vws.write() as conn:
        reveal_witness(conn, key, "raqqa", "W-404", "lead-2", "why")


def test_database_and_blobs_hold_no_plaintext_identity(vws: Workspace, key: VaultKey) -> None:
    _add(vws, key, NAME)
    _add(vws, key, ARABIC_NAME)
    _reveal(vws, key, "W-001")
    secrets = [s.encode("utf-8") for s in (NAME, ARABIC_NAME, CONTACT, "Gaziantep")]
    with vws.read() as conn:
        dump = b"".join(
            repr(tuple(row)).encode("utf-8")
            for name in ("witnesses", "custody_events", "case_keys", "vault_meta")
            for row in conn.exec_driver_sql(f"SELECT * FROM {name}")
        )
    files = b""
    if vws.dialect == "sqlite":
        files = b"".join(p.read_bytes() for p in vws.settings.home.rglob("pursuit.sqlite*"))
        assert files
    files += b"".join(p.read_bytes() for p in vws.blobs.root.rglob("*") if p.is_file())
    for secret in secrets:
        assert secret not in dump
        assert secret not in files


def test_wrong_key_and_missing_key_are_clear_errors(vws: Workspace, key: VaultKey) -> None:
    _add(vws, key)
    other = base64.b64encode(b"\x07" * 32).decode()
    wrong = vws.settings.model_copy(update={"vault_key": SecretStr(other)})
    elsewhere = open_workspace(wrong)
    with pytest.raises(VaultKeyWrong, match="not this workspace's"):
        load_vault_key(elsewhere)
    elsewhere.dispose()
    Path(key.source).unlink()
    with pytest.raises(VaultKeyMissing, match="PURSUIT_VAULT_KEY"):
        load_vault_key(vws)


def test_key_from_environment_setting(vws: Workspace, key: VaultKey) -> None:
    _add(vws, key)
    encoded = Path(key.source).read_text().strip()
    server = open_workspace(vws.settings.model_copy(update={"vault_key": SecretStr(encoded)}))
    assert _reveal(server, load_vault_key(server), "W-001").name == NAME
    server.dispose()


def test_rotation_rewraps_keys_and_leaves_ciphertexts(vws: Workspace, key: VaultKey) -> None:
    _add(vws, key)
    _add(vws, key, ARABIC_NAME)
    with vws.read() as conn:
        before = conn.execute(sa.select(witnesses.c.ciphertext, witnesses.c.wrapped_key)).all()
    with vws.write() as conn:
        assert rotate_case_key(conn, key, "raqqa", "admin") == 2
    with vws.read() as conn:
        after = conn.execute(sa.select(witnesses.c.ciphertext, witnesses.c.wrapped_key)).all()
        old = conn.exec_driver_sql("SELECT wrapped_key FROM case_keys WHERE version = 1").scalar()
    assert [b[0] for b in before] == [a[0] for a in after]
    assert all(b[1] != a[1] for b, a in zip(before, after, strict=True))
    assert old is None
    assert _reveal(vws, key, "W-002").name == ARABIC_NAME


def test_erasure_keeps_pseudonym_and_makes_reveal_fail(vws: Workspace, key: VaultKey) -> None:
    _add(vws, key)
    with vws.write() as conn:
        erase_witness(conn, "raqqa", "W-001", "admin", "witness asked to withdraw")
    with pytest.raises(WitnessErased), vws.write() as conn:
        reveal_witness(conn, key, "raqqa", "W-001", "lead-2", "try")
    with vws.read() as conn:
        listed = list_witnesses(conn, "raqqa")
        events = list(iter_events(conn))
    assert [(w.pseudonym, w.erased) for w in listed] == [("W-001", True)]
    assert [e.action for e in events if e.action.startswith("witness")] == [
        Action.WITNESS_REGISTERED,
        Action.WITNESS_ERASED,
    ]
    assert verify_chain(iter(events)) == []


def test_every_act_is_in_the_custody_log_without_the_identity(
    vws: Workspace, key: VaultKey
) -> None:
    _add(vws, key)
    with vws.write() as conn:
        reveal_witness(conn, key, "raqqa", "W-001", "lead-2", f"court asked about {NAME}")
        rotate_case_key(conn, key, "raqqa", "admin")
    with vws.read() as conn:
        events = [e for e in iter_events(conn) if e.case_id]
    reveal = next(e for e in events if e.action == Action.WITNESS_REVEALED)
    assert reveal.actor == "lead-2"
    assert reveal.detail_map == {"pseudonym": "W-001", "reason": "court asked about W-001"}
    assert {Action.WITNESS_REGISTERED, Action.CASE_KEY_ROTATED} <= {e.action for e in events}
    for event in events:
        assert "Ahmad" not in event.details and "933" not in event.details
