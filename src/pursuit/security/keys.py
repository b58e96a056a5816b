"""The vault key: where it lives (always outside the workspace), how it is made and checked.

Witness identities are encrypted with a data key per witness, wrapped by a key per case, which is
wrapped in turn by this workspace's vault key. A copy of the workspace (its database and blobs)
is therefore useless without the key, which sits in one of, in order:

1. the `PURSUIT_VAULT_KEY` setting (base64; for servers whose secrets come from the environment);
2. the file the `PURSUIT_VAULT_KEY_FILE` setting names;
3. `vault-<vault id>.key` under the user's config folder (`$XDG_CONFIG_HOME/pursuit`, else
   `~/.config/pursuit`), created with mode 600 the first time the vault is set up.

The workspace keeps only a key check (a constant sealed with the key) so a wrong key is refused
with a clear error instead of producing garbage.
"""

from __future__ import annotations

import base64
import binascii
import os
import secrets
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy.engine import Connection

from pursuit.errors import VaultKeyMissing, VaultKeyWrong
from pursuit.settings import Settings
from pursuit.store.schema import vault_meta
from pursuit.store.workspace import Workspace

__all__ = [
    "KEY_BYTES",
    "VaultKey",
    "ensure_vault_key",
    "key_file_for",
    "load_vault_key",
    "new_key",
    "open_sealed",
    "seal",
]

KEY_BYTES = 32
NONCE_BYTES = 12
_CHECK = b"pursuit vault key check v1"


@dataclass(frozen=True, slots=True)
class VaultKey:
    """The workspace's vault key, with where it came from (for messages; never the key)."""

    vault_id: str
    secret: bytes = field(repr=False)
    source: str


def new_key() -> bytes:
    """A fresh random 256-bit AES key."""
    return AESGCM.generate_key(bit_length=KEY_BYTES * 8)


def seal(key: bytes, plaintext: bytes, aad: str) -> bytes:
    """AES-GCM with a random nonce; returns nonce + ciphertext. `aad` binds the use and owner."""
    nonce = secrets.token_bytes(NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, aad.encode("utf-8"))


def open_sealed(key: bytes, sealed: bytes, aad: str, what: str) -> bytes:
    """The plaintext of `seal`; a wrong key or altered bytes raise `VaultKeyWrong` naming `what`."""
    nonce, body = sealed[:NONCE_BYTES], sealed[NONCE_BYTES:]
    try:
        return AESGCM(key).decrypt(nonce, body, aad.encode("utf-8"))
    except (InvalidTag, ValueError) as exc:
        raise VaultKeyWrong(
            f"{what} cannot be opened: the vault key is not this workspace's, or the stored "
            "ciphertext was altered"
        ) from exc


def _config_home() -> Path:
    configured = os.environ.get("XDG_CONFIG_HOME")
    return Path(configured) if configured else Path.home() / ".config"


def key_file_for(settings: Settings, vault_id: str) -> Path:
    """The key file of this workspace: the configured one, else one under the config folder."""
    if settings.vault_key_file is not None:
        return settings.vault_key_file
    return _config_home() / "pursuit" / f"vault-{vault_id}.key"


def _decode(text: str, origin: str) -> bytes:
    try:
        raw = base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise VaultKeyWrong(f"the vault key in {origin} is not base64") from exc
    if len(raw) != KEY_BYTES:
        raise VaultKeyWrong(f"the vault key in {origin} is {len(raw)} bytes, expected {KEY_BYTES}")
    return raw


def _read_key(settings: Settings, vault_id: str) -> tuple[bytes, str]:
    if settings.vault_key is not None:
        return _decode(settings.vault_key.get_secret_value(), "PURSUIT_VAULT_KEY"), "environment"
    path = key_file_for(settings, vault_id)
    try:
        text = path.read_text(encoding="ascii")
    except FileNotFoundError as exc:
        raise VaultKeyMissing(
            f"the witness vault key file {path} is missing; set PURSUIT_VAULT_KEY_FILE or "
            "PURSUIT_VAULT_KEY to the key this workspace was set up with"
        ) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise VaultKeyMissing(f"the witness vault key file {path} cannot be read: {exc}") from exc
    return _decode(text, str(path)), str(path)


def _create_key_file(path: Path) -> bytes:
    """Write a new key with mode 600, refusing to overwrite a file that appeared meanwhile."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    key = new_key()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as out:
        out.write(base64.b64encode(key).decode("ascii") + "\n")
        out.flush()
        os.fsync(out.fileno())
    return key


def _vault_row(conn: Connection) -> sa.Row[Any, Any] | None:
    query = sa.select(vault_meta.c.id, vault_meta.c.key_check).order_by(vault_meta.c.created_at)
    return conn.execute(query.limit(1)).first()


def _check(key: VaultKey, key_check: bytes) -> VaultKey:
    open_sealed(key.secret, key_check, f"vault|{key.vault_id}", f"the vault key ({key.source})")
    return key


def load_vault_key(ws: Workspace) -> VaultKey:
    """The vault key of the workspace, checked against it; raises `VaultKeyMissing` before the
    vault was set up (`pursuit init` sets it up) and `VaultKeyWrong` for another key."""
    with ws.read() as conn:
        row = _vault_row(conn)
    if row is None:
        raise VaultKeyMissing("this workspace has no witness vault yet; run `pursuit init`")
    secret, source = _read_key(ws.settings, row.id)
    return _check(VaultKey(row.id, secret, source), row.key_check)


def ensure_vault_key(ws: Workspace) -> VaultKey:
    """Set up the vault on first use (a key file with mode 600 unless a key is configured) and
    return the checked key; an existing vault is never given a new key."""
    with ws.write() as conn:
        row = _vault_row(conn)
        if row is not None:
            secret, source = _read_key(ws.settings, row.id)
            return _check(VaultKey(row.id, secret, source), row.key_check)
        vault_id = uuid.uuid4().hex
        if ws.settings.vault_key is not None:
            secret, source = _read_key(ws.settings, vault_id)
        else:
            path = key_file_for(ws.settings, vault_id)
            if path.is_file():
                secret = _decode(path.read_text("ascii"), str(path))
            else:
                secret = _create_key_file(path)
            source = str(path)
        check = seal(secret, _CHECK, f"vault|{vault_id}")
        conn.execute(vault_meta.insert().values(id=vault_id, key_check=check, created_at=_now()))
    return VaultKey(vault_id, secret, source)


def _now() -> datetime:
    return datetime.now(UTC)
