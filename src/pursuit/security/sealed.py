"""Sealed blobs: testimony bytes encrypted at rest, streamed in chunks of 1 MiB.

A recording can be gigabytes, so the file is never held in memory: each chunk is sealed with
AES-GCM under the witness's data key with its own nonce (a random per-file prefix, the chunk's
number and a flag marking the last chunk), so chunks cannot be reordered, dropped or the file cut
short without decryption failing. The sealed file is stored beside the plain blobs, addressed by
the SHA-256 of its ciphertext (`ab/cd/<hash>.enc`): anyone can check it is unaltered without the
key, and with the key the plaintext's SHA-256 — the item's address — is checked as well.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from pursuit.errors import EmptyInput, IntegrityError, VaultKeyWrong
from pursuit.store.blobs import CHUNK, BlobStore

__all__ = ["SealedBlob", "open_sealed_blob", "seal_stream", "sealed_path"]

MAGIC = b"PURSUIT-SEALED-1"
_PREFIX = 7
_TAG = 16


@dataclass(frozen=True, slots=True)
class SealedBlob:
    """A stored sealed file: the plaintext's hash and size, and the ciphertext's hash."""

    sha256: str
    size: int
    sealed_sha256: str
    path: Path
    existed: bool


def sealed_path(blobs: BlobStore, sealed_sha256: str) -> Path:
    plain = blobs.path_for(sealed_sha256)
    return plain.with_name(f"{sealed_sha256}.enc")


def _nonce(prefix: bytes, counter: int, last: bool) -> bytes:
    return prefix + counter.to_bytes(4, "big") + (b"\x01" if last else b"\x00")


def _lookahead(stream: BinaryIO, size: int) -> Iterator[tuple[bytes, bool]]:
    """Chunks of `stream` with a flag telling whether each is the last one."""
    current = stream.read(size)
    while current:
        following = stream.read(size)
        yield current, not following
        current = following


def _write_sealed(key: bytes, source: BinaryIO, out: BinaryIO, aad: bytes) -> tuple[str, int, str]:
    prefix = secrets.token_bytes(_PREFIX)
    header = MAGIC + prefix
    plain, sealed = hashlib.sha256(), hashlib.sha256(header)
    out.write(header)
    size = 0
    cipher = AESGCM(key)
    for counter, (chunk, last) in enumerate(_lookahead(source, CHUNK)):
        plain.update(chunk)
        size += len(chunk)
        body = cipher.encrypt(_nonce(prefix, counter, last), chunk, aad)
        sealed.update(body)
        out.write(body)
    return plain.hexdigest(), size, sealed.hexdigest()


def seal_stream(blobs: BlobStore, key: bytes, source: BinaryIO, aad: str) -> SealedBlob:
    """Encrypt `source` into the blob store; the plaintext never touches the workspace."""
    blobs.root.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".incoming-", dir=blobs.root)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            sha, size, sealed = _write_sealed(key, source, out, aad.encode("utf-8"))
            out.flush()
            os.fsync(out.fileno())
        if size == 0:
            raise EmptyInput("the file is empty; there is nothing to take in")
        final = sealed_path(blobs, sealed)
        existed = final.is_file()
        if not existed:
            final.parent.mkdir(parents=True, exist_ok=True)
            os.chmod(tmp, 0o444)
            os.replace(tmp, final)
        return SealedBlob(sha, size, sealed, final, existed)
    finally:
        tmp.unlink(missing_ok=True)


def open_sealed_blob(path: Path, key: bytes, aad: str, out: BinaryIO) -> str:
    """Decrypt a sealed file into `out`; returns the plaintext's SHA-256.

    Raises `VaultKeyWrong` when the key does not open it and `IntegrityError` when the file is
    not a sealed blob or was cut short or altered.
    """
    cipher, data = AESGCM(key), aad.encode("utf-8")
    plain = hashlib.sha256()
    with path.open("rb") as source:
        header = source.read(len(MAGIC) + _PREFIX)
        if not header.startswith(MAGIC) or len(header) != len(MAGIC) + _PREFIX:
            raise IntegrityError(f"{path.name} is not a sealed blob")
        prefix = header[len(MAGIC) :]
        for counter, (body, last) in enumerate(_lookahead(source, CHUNK + _TAG)):
            try:
                chunk = cipher.decrypt(_nonce(prefix, counter, last), body, data)
            except InvalidTag as exc:
                raise VaultKeyWrong(
                    f"sealed blob {path.name} does not open: wrong key, or the file was altered "
                    f"or cut short (chunk {counter})"
                ) from exc
            plain.update(chunk)
            out.write(chunk)
    return plain.hexdigest()
