"""Checking sealed testimony: the ciphertext against its recorded hash, and with the vault key,
the plaintext against the item's address.

Without the key anyone can tell a sealed file is unaltered; with it, `verify` also proves the
sealed bytes are the evidence the custody log speaks of. An erased witness's files can only be
checked without the key, by design.
"""

from __future__ import annotations

from typing import BinaryIO, cast

import sqlalchemy as sa

from pursuit.errors import PursuitError
from pursuit.evidence.problems import Problem, ProblemKind
from pursuit.security.keys import VaultKey
from pursuit.security.sealed import open_sealed_blob, sealed_path
from pursuit.security.vault import data_key, find_witness
from pursuit.store.blobs import sha256_file
from pursuit.store.schema import sealed_blobs, witnesses
from pursuit.store.workspace import Workspace

__all__ = ["verify_sealed"]


class _Sink:
    """A write-only stream that keeps nothing: decrypting only to hash."""

    def write(self, data: bytes) -> int:
        return len(data)


def _plain_problem(ws: Workspace, key: VaultKey, row: sa.Row[tuple[object, ...]]) -> Problem | None:
    with ws.read() as conn:
        witness = find_witness(conn, str(row.case_id), str(row.pseudonym))
        if witness.erased:
            return None
        secret = data_key(conn, key, witness)
    aad = f"sealed|{witness.case_id}|{witness.pseudonym}"
    path = sealed_path(ws.blobs, str(row.sealed_sha256))
    try:
        actual = open_sealed_blob(path, secret, aad, cast(BinaryIO, _Sink()))
    except PursuitError as exc:
        return Problem(ProblemKind.BLOB_CHANGED, str(row.sha256), str(row.sha256), str(exc))
    if actual != row.sha256:
        return Problem(ProblemKind.BLOB_CHANGED, str(row.sha256), str(row.sha256), actual)
    return None


def verify_sealed(ws: Workspace, key: VaultKey | None) -> tuple[int, list[Problem]]:
    """Check every sealed file; returns (files checked, problems)."""
    with ws.read() as conn:
        rows = conn.execute(
            sa.select(sealed_blobs, witnesses.c.case_id, witnesses.c.pseudonym).join(
                witnesses, witnesses.c.id == sealed_blobs.c.witness_id
            )
        ).all()
    problems: list[Problem] = []
    for row in rows:
        path = sealed_path(ws.blobs, row.sealed_sha256)
        who = f"sealed {row.kind} of {row.pseudonym}"
        if not path.is_file():
            problems.append(Problem(ProblemKind.BLOB_MISSING, row.sealed_sha256, context=who))
            continue
        actual = sha256_file(path)
        if actual != row.sealed_sha256:
            kind = ProblemKind.BLOB_CHANGED
            problems.append(Problem(kind, row.sealed_sha256, row.sealed_sha256, actual, who))
        elif key is not None:
            found = _plain_problem(ws, key, row)
            problems += [found] if found else []
    return len(rows), problems
