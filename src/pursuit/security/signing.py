"""The workspace's signing key: who made a court package, checkable by anyone with the package.

A package carries its public key and a signature over its tag manifest (which hashes every other
file), so a recipient can tell a package as it left the workspace from one changed afterwards.
That the key is this workspace's is shown by its fingerprint, printed on export and compared out
of band (read over the phone, printed in the cover letter), as with any public key.

The private key lives in the database sealed by the vault key, so it travels with backups and is
shared by every machine of a PostgreSQL workspace, yet a copy of the database alone cannot sign.
Ed25519 because its keys and signatures are small, deterministic, and verifiable with the
`cryptography` package and with `openssl pkeyutl`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime

import sqlalchemy as sa
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy.engine import Connection

from pursuit.security.keys import VaultKey, open_sealed, seal
from pursuit.store.schema import signing_keys

__all__ = [
    "SigningKey",
    "fingerprint",
    "pem_fingerprint",
    "public_pem",
    "signature_holds",
    "workspace_signing_key",
]

_AAD = "pursuit signing key v1:"


@dataclass(frozen=True, slots=True)
class SigningKey:
    fingerprint: str
    public_key: bytes  # raw 32 bytes
    private: Ed25519PrivateKey = field(repr=False)

    def sign(self, message: bytes) -> bytes:
        return self.private.sign(message)

    @property
    def public_pem(self) -> str:
        return public_pem(self.public_key)


def fingerprint(public_key: bytes) -> str:
    """`SHA256:` and the hex digest of the raw public key, grouped in fours to read aloud."""
    digest = hashlib.sha256(public_key).hexdigest()
    return "SHA256:" + ":".join(digest[i : i + 4] for i in range(0, len(digest), 4))


def public_pem(public_key: bytes) -> str:
    """The key as a PEM SubjectPublicKeyInfo, the form `openssl pkeyutl -pubin` reads."""
    key = Ed25519PublicKey.from_public_bytes(public_key)
    pem = key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return pem.decode("ascii")


def pem_fingerprint(public_key_pem: bytes) -> str | None:
    """The fingerprint of a PEM Ed25519 public key; None if it is not one."""
    try:
        key = serialization.load_pem_public_key(public_key_pem)
    except ValueError:
        return None
    if not isinstance(key, Ed25519PublicKey):
        return None
    return fingerprint(key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw))


def signature_holds(public_key_pem: bytes, message: bytes, signature: bytes) -> bool:
    """Whether `signature` is the key's Ed25519 signature of `message` (no workspace needed)."""
    try:
        key = serialization.load_pem_public_key(public_key_pem)
    except ValueError:
        return False
    if not isinstance(key, Ed25519PublicKey):
        return False
    try:
        key.verify(signature, message)
    except InvalidSignature:
        return False
    return True


def _raw_private(key: Ed25519PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.Raw,
        serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )


def _raw_public(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def workspace_signing_key(conn: Connection, vault: VaultKey, actor: str) -> SigningKey:
    """The workspace's key, made on first use; the caller's transaction must be a write."""
    row = conn.execute(sa.select(signing_keys).order_by(signing_keys.c.created_at).limit(1)).first()
    if row is not None:
        aad = _AAD + str(row.fingerprint)
        raw = open_sealed(vault.secret, bytes(row.sealed_private_key), aad, "the signing key")
        private = Ed25519PrivateKey.from_private_bytes(raw)
        return SigningKey(str(row.fingerprint), bytes(row.public_key), private)
    private = Ed25519PrivateKey.generate()
    public = _raw_public(private)
    printed = fingerprint(public)
    conn.execute(
        signing_keys.insert().values(
            fingerprint=printed,
            public_key=public,
            sealed_private_key=seal(vault.secret, _raw_private(private), _AAD + printed),
            created_at=datetime.now(UTC),
            created_by=actor,
        )
    )
    return SigningKey(printed, public, private)
