"""The vault: case keys wrapped by the vault key, and witness identities sealed by data keys.

Key hierarchy: vault key (outside the workspace) → case key (one current version per case, stored
wrapped) → data key (one per witness, stored wrapped by a case key) → the identity ciphertext.
Rotating a case key re-wraps data keys and leaves every ciphertext as it was; erasing a witness
destroys the one wrapped data key that could open their identity and their sealed testimony.

Every AES-GCM operation binds what it protects in its associated data (vault, case, version,
pseudonym), so a wrapped key or ciphertext copied onto another row does not open.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pursuit.errors import UnknownWitness, VaultKeyWrong, WitnessErased
from pursuit.security.keys import NONCE_BYTES, VaultKey, new_key, open_sealed, seal
from pursuit.store.schema import case_keys, witnesses

__all__ = [
    "Identity",
    "WitnessRecord",
    "current_case_key",
    "data_key",
    "decrypt_identity",
    "encrypt_identity",
    "find_witness",
    "rewrap_case",
    "wrap_data_key",
]


@dataclass(frozen=True, slots=True)
class Identity:
    """Who a protected witness is. Its repr shows nothing, so it cannot slip into a log line."""

    name: str = field(repr=False)
    contact: str = field(default="", repr=False)
    notes: str = field(default="", repr=False)
    aliases: tuple[str, ...] = field(default=(), repr=False)

    def to_bytes(self) -> bytes:
        body = {
            "name": self.name,
            "contact": self.contact,
            "notes": self.notes,
            "aliases": list(self.aliases),
        }
        return json.dumps(body, ensure_ascii=False).encode("utf-8")

    @classmethod
    def from_bytes(cls, raw: bytes) -> Identity:
        body = json.loads(raw.decode("utf-8"))
        aliases = tuple(str(a) for a in body.get("aliases", []))
        return cls(str(body["name"]), str(body["contact"]), str(body["notes"]), aliases)


@dataclass(frozen=True, slots=True)
class WitnessRecord:
    """What may be shown about a witness to anyone on the case: the pseudonym and its facts."""

    id: int
    case_id: str
    pseudonym: str
    key_version: int
    created_by: str
    created_at: datetime
    erased_at: datetime | None

    @property
    def erased(self) -> bool:
        return self.erased_at is not None


def _case_aad(key: VaultKey, case_id: str, version: int) -> str:
    return f"case-key|{key.vault_id}|{case_id}|{version}"


def _data_aad(case_id: str, pseudonym: str) -> str:
    return f"data-key|{case_id}|{pseudonym}"


def _identity_aad(case_id: str, pseudonym: str) -> str:
    return f"identity|{case_id}|{pseudonym}"


def _unwrap_case(key: VaultKey, case_id: str, version: int, wrapped: bytes | None) -> bytes:
    if wrapped is None:
        raise VaultKeyWrong(f"case key version {version} of case {case_id} was retired")
    what = f"the key of case {case_id} (version {version})"
    return open_sealed(key.secret, wrapped, _case_aad(key, case_id, version), what)


def _new_case_key(conn: Connection, key: VaultKey, case_id: str, version: int) -> bytes:
    secret = new_key()
    conn.execute(
        case_keys.insert().values(
            case_id=case_id,
            version=version,
            wrapped_key=seal(key.secret, secret, _case_aad(key, case_id, version)),
            created_at=datetime.now(UTC),
        )
    )
    return secret


def current_case_key(conn: Connection, key: VaultKey, case_id: str) -> tuple[int, bytes]:
    """The case's current key (version, secret), made on the case's first witness."""
    row = conn.execute(
        sa.select(case_keys.c.version, case_keys.c.wrapped_key)
        .where(case_keys.c.case_id == case_id, case_keys.c.retired_at.is_(None))
        .order_by(case_keys.c.version.desc())
        .limit(1)
    ).first()
    if row is None:
        return 1, _new_case_key(conn, key, case_id, 1)
    return int(row.version), _unwrap_case(key, case_id, int(row.version), row.wrapped_key)


def _case_key_version(conn: Connection, key: VaultKey, case_id: str, version: int) -> bytes:
    wrapped = conn.scalar(
        sa.select(case_keys.c.wrapped_key).where(
            case_keys.c.case_id == case_id, case_keys.c.version == version
        )
    )
    return _unwrap_case(key, case_id, version, wrapped)


def wrap_data_key(case_key: bytes, case_id: str, pseudonym: str, secret: bytes) -> bytes:
    return seal(case_key, secret, _data_aad(case_id, pseudonym))


def encrypt_identity(
    secret: bytes, case_id: str, pseudonym: str, identity: Identity
) -> tuple[bytes, bytes]:
    """(nonce, ciphertext) of an identity under a witness's data key."""
    sealed = seal(secret, identity.to_bytes(), _identity_aad(case_id, pseudonym))
    return sealed[:NONCE_BYTES], sealed[NONCE_BYTES:]


def _record(row: sa.Row[tuple[object, ...]]) -> WitnessRecord:
    m = row._mapping
    return WitnessRecord(
        id=int(m["id"]),
        case_id=str(m["case_id"]),
        pseudonym=str(m["pseudonym"]),
        key_version=int(m["key_version"]),
        created_by=str(m["created_by"]),
        created_at=m["created_at"],
        erased_at=m["erased_at"],
    )


def find_witness(conn: Connection, case_id: str, pseudonym: str) -> WitnessRecord:
    row = conn.execute(
        sa.select(witnesses).where(
            witnesses.c.case_id == case_id, witnesses.c.pseudonym == pseudonym
        )
    ).first()
    if row is None:
        raise UnknownWitness(f"no protected witness {pseudonym} in case {case_id}")
    return _record(row)


def data_key(conn: Connection, key: VaultKey, witness: WitnessRecord) -> bytes:
    """The witness's data key, unwrapped; raises `WitnessErased` once it was destroyed."""
    wrapped = conn.scalar(sa.select(witnesses.c.wrapped_key).where(witnesses.c.id == witness.id))
    if wrapped is None:
        raise WitnessErased(
            f"witness {witness.pseudonym} of case {witness.case_id} was erased; "
            "the identity cannot be recovered"
        )
    case_key = _case_key_version(conn, key, witness.case_id, witness.key_version)
    what = f"the key of witness {witness.pseudonym}"
    return open_sealed(case_key, wrapped, _data_aad(witness.case_id, witness.pseudonym), what)


def decrypt_identity(conn: Connection, key: VaultKey, witness: WitnessRecord) -> Identity:
    secret = data_key(conn, key, witness)
    row = conn.execute(
        sa.select(witnesses.c.nonce, witnesses.c.ciphertext).where(witnesses.c.id == witness.id)
    ).one()
    aad = _identity_aad(witness.case_id, witness.pseudonym)
    raw = open_sealed(secret, row.nonce + row.ciphertext, aad, f"witness {witness.pseudonym}")
    return Identity.from_bytes(raw)


def rewrap_case(conn: Connection, key: VaultKey, case_id: str) -> tuple[int, int]:
    """A new case key; every live data key re-wrapped under it, the old versions destroyed.

    Ciphertexts are untouched. Returns (new version, data keys re-wrapped).
    """
    rows = conn.execute(sa.select(witnesses).where(witnesses.c.case_id == case_id)).all()
    live = [(_record(r), data_key(conn, key, _record(r))) for r in rows if r.wrapped_key]
    newest = sa.select(sa.func.max(case_keys.c.version)).where(case_keys.c.case_id == case_id)
    top = conn.scalar(newest)
    version = int(top or 0) + 1
    now = datetime.now(UTC)
    conn.execute(
        case_keys.update()
        .where(case_keys.c.case_id == case_id, case_keys.c.retired_at.is_(None))
        .values(retired_at=now, wrapped_key=None)
    )
    secret = _new_case_key(conn, key, case_id, version)
    for record, plain in live:
        conn.execute(
            witnesses.update()
            .where(witnesses.c.id == record.id)
            .values(
                key_version=version,
                wrapped_key=wrap_data_key(secret, case_id, record.pseudonym, plain),
            )
        )
    return version, len(live)
