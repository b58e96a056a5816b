"""Turning a multipart upload into a file on disk and intake options for the core.

An upload is copied to disk in chunks and refused whole (`UploadTooLarge`, nothing kept) once
it passes `PURSUIT_MAX_UPLOAD_BYTES`. Uploads run text extraction and the language stage in the
request; OCR, which can take minutes, is queued for `pursuit reprocess --unfinished`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from tempfile import TemporaryDirectory
from typing import BinaryIO

from pursuit.errors import InputError, StorageFull, UploadTooLarge
from pursuit.evidence.items import Acquisition, Method
from pursuit.stages.intake import IntakeOptions
from pursuit.stages.leftovers import UPLOAD_PREFIX
from pursuit.store.blobs import disk_full, owned_prefix

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
    return IntakeOptions(case=case, acquisition=acquisition, defer_ocr=True)


def _copy(stream: BinaryIO, out: BinaryIO, limit: int | None, filename: str) -> None:
    size = 0
    while chunk := stream.read(CHUNK):
        size += len(chunk)
        if limit is not None and size > limit:
            raise UploadTooLarge(
                f"{filename}: larger than the {limit:,} bytes an upload may hold "
                "(PURSUIT_MAX_UPLOAD_BYTES); nothing was kept"
            )
        try:
            out.write(chunk)
        except OSError as exc:
            if disk_full(exc):
                full = f"disk full while receiving {filename}; nothing was kept"
                raise StorageFull(full) from exc
            raise


@contextmanager
def spooled(stream: BinaryIO, filename: str, limit: int | None = None) -> Iterator[Path]:
    """The uploaded bytes in a private temporary file, copied in chunks, removed afterwards;
    more than `limit` bytes raise `UploadTooLarge` with the partial copy already gone."""
    with TemporaryDirectory(prefix=owned_prefix(UPLOAD_PREFIX)) as tmp:
        path = Path(tmp) / filename
        with path.open("wb") as out:
            _copy(stream, out, limit, filename)
        yield path
