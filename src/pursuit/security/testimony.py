"""Testimony of a protected witness through intake and the stages: sealed, lent, redacted.

`WitnessGuard` is the `ItemGuard` the stages call. The original is sealed under the witness's
data key as it is read from the investigator's disk, so the workspace never holds it in the
clear; extraction gets the plaintext in a private temporary folder for its duration only; the
full extracted text is sealed too, and what is stored in the open, indexed and read by the
language stage is the text with the witness's identity replaced by the pseudonym.

The item keeps the plaintext's SHA-256 as its address, so custody and court packages speak of
the evidence itself; the sealed file is addressed by its ciphertext's hash, which `verify` can
check without the key.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pursuit.errors import IntegrityError, UnreadableInput
from pursuit.evidence.custody import Action, append_event
from pursuit.evidence.items import Item
from pursuit.security.keys import VaultKey
from pursuit.security.redact import Redactor
from pursuit.security.sealed import open_sealed_blob, seal_stream, sealed_path
from pursuit.security.vault import WitnessRecord, data_key, decrypt_identity, find_witness
from pursuit.stages.protection import GuardFor
from pursuit.store.blobs import StoredBlob
from pursuit.store.schema import sealed_blobs, witness_items, witnesses
from pursuit.store.workspace import Workspace

__all__ = ["WitnessGuard", "guard_for_items", "witness_guard", "witness_of_item"]

log = logging.getLogger(__name__)


class WitnessGuard:
    """One witness's keys and redactor, lent to intake and the stages for their testimony."""

    def __init__(
        self, ws: Workspace, witness: WitnessRecord, secret: bytes, redactor: Redactor
    ) -> None:
        self._ws = ws
        self._witness = witness
        self._secret = secret
        self._redactor = redactor
        self._sealed: dict[str, str] = {}

    def __repr__(self) -> str:
        return f"WitnessGuard({self._witness.pseudonym})"

    @property
    def pseudonym(self) -> str:
        return self._witness.pseudonym

    @property
    def _aad(self) -> str:
        return f"sealed|{self._witness.case_id}|{self._witness.pseudonym}"

    def store(self, source: Path) -> StoredBlob:
        try:
            with source.open("rb") as stream:
                blob = seal_stream(self._ws.blobs, self._secret, stream, self._aad)
        except (IsADirectoryError, PermissionError, FileNotFoundError) as exc:
            raise UnreadableInput(f"{source.name}: {exc.strerror or exc}") from exc
        self._sealed[blob.sha256] = blob.sealed_sha256
        return StoredBlob(blob.sha256, blob.size, blob.path, blob.existed)

    def _record_sealed(self, conn: Connection, sha256: str, sealed: str, kind: str) -> None:
        conn.execute(
            sealed_blobs.insert().values(
                sha256=sha256,
                sealed_sha256=sealed,
                witness_id=self._witness.id,
                kind=kind,
                created_at=datetime.now(UTC),
            )
        )

    def bind(self, conn: Connection, item: Item, actor: str) -> None:
        sealed = self._sealed[item.sha256]
        now = datetime.now(UTC)
        conn.execute(
            witness_items.insert().values(
                item_id=item.id, witness_id=self._witness.id, linked_at=now
            )
        )
        self._record_sealed(conn, item.sha256, sealed, "original")
        details = {"pseudonym": self.pseudonym, "kind": "original", "sealed_sha256": sealed}
        ids = {"case_id": item.case_id, "item_id": item.id}
        append_event(conn, Action.TESTIMONY_SEALED, actor, details=details, **ids)

    @contextmanager
    def plaintext(self, item: Item) -> Iterator[Path]:
        with self._ws.read() as conn:
            sealed = _sealed_of(conn, item.sha256, self._witness.id, "original")
        folder = Path(tempfile.mkdtemp(prefix="pursuit-lent-"))
        try:
            os.chmod(folder, 0o700)
            target = folder / f"item{Path(item.filename).suffix[:16]}"
            with target.open("wb") as out:
                actual = open_sealed_blob(
                    sealed_path(self._ws.blobs, sealed), self._secret, self._aad, out
                )
            if actual != item.sha256:
                raise IntegrityError(f"sealed original of item {item.id} decrypts to {actual}")
            yield target
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def redact(self, text: str) -> str:
        return self._redactor.redact(text)

    def keep_text(self, conn: Connection, item: Item, text: str) -> dict[str, str]:
        raw = text.encode("utf-8")
        blob = seal_stream(self._ws.blobs, self._secret, io.BytesIO(raw or b" "), self._aad)
        self._record_sealed(conn, hashlib.sha256(raw).hexdigest(), blob.sealed_sha256, "text")
        return {"sealed_text_sha256": blob.sealed_sha256, "redacted_for": self.pseudonym}


def _sealed_of(conn: Connection, sha256: str, witness_id: int, kind: str) -> str:
    found = conn.scalar(
        sa.select(sealed_blobs.c.sealed_sha256)
        .where(
            sealed_blobs.c.sha256 == sha256,
            sealed_blobs.c.witness_id == witness_id,
            sealed_blobs.c.kind == kind,
        )
        .order_by(sealed_blobs.c.id)
        .limit(1)
    )
    if found is None:
        raise IntegrityError(f"no sealed {kind} {sha256[:12]}… of this witness is on record")
    return str(found)


def _guard(ws: Workspace, conn: Connection, key: VaultKey, witness: WitnessRecord) -> WitnessGuard:
    secret = data_key(conn, key, witness)
    redactor = Redactor.for_identity(decrypt_identity(conn, key, witness), witness.pseudonym)
    return WitnessGuard(ws, witness, secret, redactor)


def witness_guard(ws: Workspace, key: VaultKey, case_id: str, pseudonym: str) -> WitnessGuard:
    """The guard for taking in testimony of witness `pseudonym` of case `case_id` (an id)."""
    with ws.read() as conn:
        return _guard(ws, conn, key, find_witness(conn, case_id, pseudonym))


def witness_of_item(conn: Connection, item_id: str) -> WitnessRecord | None:
    """The protected witness whose testimony the item is, if any."""
    row = conn.execute(
        sa.select(witnesses.c.case_id, witnesses.c.pseudonym)
        .join(witness_items, witness_items.c.witness_id == witnesses.c.id)
        .where(witness_items.c.item_id == item_id)
    ).first()
    return None if row is None else find_witness(conn, str(row.case_id), str(row.pseudonym))


def guard_for_items(ws: Workspace, key: VaultKey) -> GuardFor:
    """For re-running stages: each item's guard (one per witness, made once), or None."""
    made: dict[int, WitnessGuard] = {}

    def guard(item: Item) -> WitnessGuard | None:
        with ws.read() as conn:
            witness = witness_of_item(conn, item.id)
            if witness is None:
                return None
            if witness.id not in made:
                made[witness.id] = _guard(ws, conn, key, witness)
        return made[witness.id]

    return guard
