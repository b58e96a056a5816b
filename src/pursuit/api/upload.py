"""Turning a multipart upload into a file on disk and intake options for the core."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from tempfile import TemporaryDirectory
from typing import BinaryIO

from pursuit.errors import InputError
from pursuit.evidence.intake import IntakeOptions
from pursuit.evidence.items import Acquisition, Method

__all__ = ["intake_options", "parse_time", "safe_filename", "spooled"]

CHUNK = 1024 * 1024


def parse_time(value: str | None) -> datetime:
    """An ISO 8601 time; one without a zone is taken as UTC, none at all as now."""
    if value is None or not value.strip():
        return datetime.now(UTC)
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError as exc:
        raise InputError(f"acquired_at {value!r} is not an ISO 8601 time") from exc
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def safe_filename(name: str | None) -> str:
    """The last part of a client's file name; a path in it never reaches the file system."""
    last = PurePosixPath((name or "").replace("\\", "/")).name.strip()
    return last if last not in ("", ".", "..") else "upload"


def intake_options(
    case: str,
    acquired_by: str,
    acquired_at: str | None,
    method: Method,
    source_url: str | None,
    notes: str,
) -> IntakeOptions:
    acquisition = Acquisition(
        acquired_by=acquired_by,
        acquired_at=parse_time(acquired_at),
        method=method,
        source_url=source_url or None,
        notes=notes,
    )
    return IntakeOptions(case=case, acquisition=acquisition)


@contextmanager
def spooled(stream: BinaryIO, filename: str) -> Iterator[Path]:
    """The uploaded bytes in a private temporary file, copied in chunks, removed afterwards."""
    with TemporaryDirectory(prefix="pursuit-upload-") as tmp:
        path = Path(tmp) / filename
        with path.open("wb") as out:
            shutil.copyfileobj(stream, out, CHUNK)
        yield path
