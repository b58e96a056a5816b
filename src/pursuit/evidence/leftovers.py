"""Leftover partial files in the blob store: writes a crash or a full disk cut short.

Bytes are written to a temporary `.incoming-*` file beside their final place and renamed only
once complete (see `store/blobs.py`), so a leftover is never evidence and never mistaken for it;
it only takes space. Verify reports each one as a warning so the space can be reclaimed (the next
write command sweeps those whose process is gone: see `stages/leftovers.py`).
"""

from __future__ import annotations

from pathlib import Path

from pursuit.evidence.problems import Problem, ProblemKind
from pursuit.store.blobs import TEMP_PREFIX, BlobStore

__all__ = ["PARTIAL_PREFIXES", "partial_files"]

PARTIAL_PREFIXES = (TEMP_PREFIX,)
PARTIAL_SUFFIXES = (".partial", ".part", ".tmp")


def _is_partial(path: Path) -> bool:
    name = path.name
    return name.startswith(PARTIAL_PREFIXES) or name.endswith(PARTIAL_SUFFIXES)


def _size(path: Path) -> str:
    try:
        return str(path.stat().st_size)
    except OSError:
        return "?"


def partial_files(blobs: BlobStore) -> list[Problem]:
    """Every partial file under the blob store, named by its path inside the store."""
    if not blobs.root.is_dir():
        return []
    return [
        Problem(ProblemKind.PARTIAL_FILE, str(path.relative_to(blobs.root)), None, _size(path))
        for path in sorted(blobs.root.rglob("*"))
        if path.is_file() and _is_partial(path)
    ]
