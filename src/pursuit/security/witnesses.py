"""Protected witnesses: register, reveal, list, erase, and rotate a case's key.

The acting user is a plain `actor` string; whether that user may reveal or erase is decided by
the edge (CLI, API, web) *before* calling these functions, with the case's roles once sign-in
exists. These functions only guarantee that the act is recorded: every registration, reveal,
rotation and erasure appends a custody event naming the actor and the pseudonym — never the
identity. A reason given for a reveal or erasure is itself redacted before it is recorded, in
case it quotes the name.
"""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pursuit.errors import EmptyInput, InputError, UnknownWitness
from pursuit.evidence.cases import ensure_case, get_case
from pursuit.evidence.custody import Action, Detail, append_event
from pursuit.security.keys import VaultKey, new_key
from pursuit.security.redact import Redactor
from pursuit.security.vault import (
    Identity,
    WitnessRecord,
    current_case_key,
    decrypt_identity,
    encrypt_identity,
    find_witness,
    rewrap_case,
    wrap_data_key,
)
from pursuit.store.schema import witnesses

__all__ = [
    "PSEUDONYM",
    "erase_witness",
    "list_witnesses",
    "register_witness",
    "reveal_witness",
    "rotate_case_key",
    "witness_redactor",
]

log = logging.getLogger(__name__)

PSEUDONYM = re.compile(r"^W-\d{3,6}$")


def _check_pseudonym(pseudonym: str) -> str:
    value = pseudonym.strip().upper()
    if not PSEUDONYM.match(value):
        raise InputError(f"pseudonym {pseudonym!r} is not of the form W-NNN (e.g. W-001)")
    return value


def _next_pseudonym(conn: Connection, case_id: str) -> str:
    taken = conn.scalars(sa.select(witnesses.c.pseudonym).where(witnesses.c.case_id == case_id))
    numbers = [int(p[2:]) for p in taken if PSEUDONYM.match(p)]
    return f"W-{max(numbers, default=0) + 1:03d}"


def register_witness(
    conn: Connection,
    key: VaultKey,
    case: str,
    pseudonym: str | None,
    identity: Identity,
    actor: str,
) -> str:
    """Seal a witness's identity in the vault under a pseudonym; returns the pseudonym.

    `case` is a case name or id (created when new, as intake does); a pseudonym is allocated
    (W-001, W-002…) when none is given. The caller owns the write transaction.
    """
    if not identity.name.strip():
        raise EmptyInput("a protected witness needs a name (it is stored encrypted)")
    case_id = ensure_case(conn, case, actor).id
    chosen = _check_pseudonym(pseudonym) if pseudonym else _next_pseudonym(conn, case_id)
    try:
        find_witness(conn, case_id, chosen)
    except UnknownWitness:
        pass
    else:
        raise InputError(f"case {case} already has a witness {chosen}")
    version, case_key = current_case_key(conn, key, case_id)
    secret = new_key()
    nonce, ciphertext = encrypt_identity(secret, case_id, chosen, identity)
    conn.execute(
        witnesses.insert().values(
            case_id=case_id,
            pseudonym=chosen,
            key_version=version,
            wrapped_key=wrap_data_key(case_key, case_id, chosen, secret),
            nonce=nonce,
            ciphertext=ciphertext,
            created_by=actor,
            created_at=datetime.now(UTC),
        )
    )
    details: dict[str, Detail] = {
        "pseudonym": chosen,
        "key_version": version,
        "has_contact": bool(identity.contact),
    }
    append_event(conn, Action.WITNESS_REGISTERED, actor, case_id=case_id, details=details)
    log.info("witness %s registered in case %s", chosen, case_id)
    return chosen


def _witness(conn: Connection, case: str, pseudonym: str) -> WitnessRecord:
    return find_witness(conn, get_case(conn, case).id, _check_pseudonym(pseudonym))


def witness_redactor(conn: Connection, key: VaultKey, case: str, pseudonym: str) -> Redactor:
    """The redactor of one witness: every spelling of their identity → their pseudonym."""
    record = _witness(conn, case, pseudonym)
    return Redactor.for_identity(decrypt_identity(conn, key, record), record.pseudonym)


def reveal_witness(
    conn: Connection, key: VaultKey, case: str, pseudonym: str, actor: str, reason: str
) -> Identity:
    """The identity behind a pseudonym, for someone the edge found entitled; always audited.

    Needs a reason; the reveal is appended to the custody log (actor, pseudonym, reason with the
    identity redacted out of it) in the caller's write transaction, so a reveal that is not
    recorded cannot happen.
    """
    if not reason.strip():
        raise EmptyInput("revealing a protected witness needs a reason; it is recorded")
    record = _witness(conn, case, pseudonym)
    identity = decrypt_identity(conn, key, record)
    redacted = Redactor.for_identity(identity, record.pseudonym).redact(reason.strip())
    details = {"pseudonym": record.pseudonym, "reason": redacted}
    append_event(conn, Action.WITNESS_REVEALED, actor, case_id=record.case_id, details=details)
    log.info("witness %s of case %s revealed to %s", record.pseudonym, record.case_id, actor)
    return identity


def list_witnesses(conn: Connection, case: str | None = None) -> list[WitnessRecord]:
    """Witnesses by pseudonym (never identities), of one case or of all; needs no key."""
    query = sa.select(witnesses).order_by(witnesses.c.case_id, witnesses.c.pseudonym)
    if case is not None:
        query = query.where(witnesses.c.case_id == get_case(conn, case).id)
    return [find_witness(conn, str(r.case_id), str(r.pseudonym)) for r in conn.execute(query)]


def erase_witness(conn: Connection, case: str, pseudonym: str, actor: str, reason: str) -> None:
    """Destroy the witness's wrapped data key: identity and sealed testimony become unreadable
    for good. The pseudonym, the items and the fact of erasure stay. Needs no vault key.

    On SQLite the update runs with `secure_delete`, so the old key bytes are overwritten in the
    database pages rather than left in free space.
    """
    if not reason.strip():
        raise EmptyInput("erasing a protected witness needs a reason; it is recorded")
    record = _witness(conn, case, pseudonym)
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("PRAGMA secure_delete = ON")
    conn.execute(
        witnesses.update()
        .where(witnesses.c.id == record.id)
        .values(wrapped_key=None, erased_at=datetime.now(UTC))
    )
    details: dict[str, Detail] = {
        "pseudonym": record.pseudonym,
        "reason": reason.strip(),
        "was_erased": record.erased,
    }
    append_event(conn, Action.WITNESS_ERASED, actor, case_id=record.case_id, details=details)


def rotate_case_key(conn: Connection, key: VaultKey, case: str, actor: str) -> int:
    """Give the case a new key and re-wrap every witness's data key with it; returns the new
    version. Identity ciphertexts and sealed testimony are not touched."""
    case_id = get_case(conn, case).id
    version, count = rewrap_case(conn, key, case_id)
    details = {"version": version, "data_keys": count}
    append_event(conn, Action.CASE_KEY_ROTATED, actor, case_id=case_id, details=details)
    return version
