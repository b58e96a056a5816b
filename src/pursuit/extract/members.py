"""Safe names and size accounting for members unpacked from containers.

A member's own name is attacker-controlled ("../../etc/passwd", "C:\\x", 4,000 characters); the
file written to the work folder gets a safe name, while the member's recorded name keeps the
original for the record. Every container shares one budget of unpacked bytes, so a bomb stops
at the cap however it is nested in members.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import IO

from pursuit.errors import UnsafeInput

__all__ = ["Budget", "copy_capped", "safe_filename"]

_UNSAFE = re.compile(r"[^\w.\- ]+", re.UNICODE)
_CHUNK = 1024 * 1024


def safe_filename(name: str, index: int, default_suffix: str = "") -> str:
    """A file name that stays inside the work folder and is unique by its index prefix."""
    base = name.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    base = _UNSAFE.sub("_", base).strip(" .")[:120] or "member"
    if default_suffix and "." not in base:
        base += default_suffix
    return f"{index:05d}-{base}"


class Budget:
    """Bytes left to unpack from one container."""

    def __init__(self, limit: int, container: str) -> None:
        self.left = limit
        self.limit = limit
        self.container = container

    def spend(self, count: int, member: str) -> None:
        self.left -= count
        if self.left < 0:
            raise UnsafeInput(
                f"{self.container}: unpacking member {member!r} exceeds the cap of "
                f"{self.limit} bytes (possible archive bomb); unpacking stopped"
            )


def copy_capped(
    source: IO[bytes], target: Path, budget: Budget, member: str, max_size: int | None = None
) -> int:
    """Copy a member stream to `target`, stopping at the budget or the member's own cap."""
    written = 0
    with target.open("wb") as out:
        while chunk := source.read(_CHUNK):
            written += len(chunk)
            budget.spend(len(chunk), member)
            if max_size is not None and written > max_size:
                raise UnsafeInput(
                    f"{budget.container}: member {member!r} unpacks to more than {max_size} "
                    "bytes, far beyond its compressed size (archive bomb); unpacking stopped"
                )
            out.write(chunk)
    return written
