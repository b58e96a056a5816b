"""Peeking inside office packages: OOXML and ODF files are zips that declare what they hold.

A .docx, .xlsx or .odt is a zip, so a generic zip extractor would also claim it. Reading the
package's own declaration (`[Content_Types].xml` for OOXML, the `mimetype` member for ODF) lets
the office extractors score above the zip reader without trusting the file name, and the size
check stops a crafted package from inflating into memory when a library loads it whole.
"""

from __future__ import annotations

import zipfile
import zlib
from datetime import UTC, datetime
from pathlib import Path

from pursuit.errors import MalformedInput, UnsafeInput
from pursuit.extract.base import Probe

__all__ = [
    "DOCX_MAIN",
    "MAX_UNPACKED_BYTES",
    "ODS_MIME",
    "ODT_MIME",
    "XLSX_MAIN",
    "ZIP_READ_ERRORS",
    "check_package",
    "declared_kind",
    "extension",
    "is_zip",
    "office_score",
    "utc_iso",
]

DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
ODT_MIME = "application/vnd.oasis.opendocument.text"
ODS_MIME = "application/vnd.oasis.opendocument.spreadsheet"

# Office libraries load parts whole; a package that unpacks past this is refused as a bomb.
MAX_UNPACKED_BYTES = 512 * 1024 * 1024
_MAX_DECLARATION_BYTES = 1024 * 1024
_ZIP_MAGIC = b"PK\x03\x04"

# What reading a damaged or exotic zip raises besides BadZipFile: a cut file (EOFError, OSError),
# a corrupt deflate stream (zlib.error) or a version or compression method Python lacks
# (NotImplementedError). Each means the file cannot be read as it claims, never a pursuit bug.
ZIP_READ_ERRORS = (zipfile.BadZipFile, OSError, EOFError, zlib.error, NotImplementedError)


def extension(filename: str) -> str:
    """The lower-case suffix without its dot: names come from senders and vary in case."""
    return Path(filename).suffix.lower().lstrip(".")


def is_zip(path: Path) -> bool:
    """Whether the file starts like a zip; four bytes, so cheap enough for every `match()`."""
    try:
        with path.open("rb") as fh:
            return fh.read(4) == _ZIP_MAGIC
    except OSError:
        return False


def declared_kind(path: Path) -> str:
    """What the package says it holds: an OOXML main part type or an ODF mimetype, else ''.

    Only small declaration members are read, so a hostile zip costs little to inspect.
    """
    if not is_zip(path):
        return ""
    try:
        with zipfile.ZipFile(path) as zf:
            return _odf_mimetype(zf) or _ooxml_main(zf)
    except (*ZIP_READ_ERRORS, KeyError, ValueError):
        return ""


def _odf_mimetype(zf: zipfile.ZipFile) -> str:
    try:
        info = zf.getinfo("mimetype")
    except KeyError:
        return ""
    if info.file_size > 200:
        return ""
    return zf.read(info).decode("ascii", "replace").strip()


def _ooxml_main(zf: zipfile.ZipFile) -> str:
    try:
        info = zf.getinfo("[Content_Types].xml")
    except KeyError:
        return ""
    if info.file_size > _MAX_DECLARATION_BYTES:
        return ""
    types = zf.read(info).decode("utf-8", "replace")
    for main in (DOCX_MAIN, XLSX_MAIN):
        if main in types:
            return main
    return ""


def check_package(path: Path, label: str) -> None:
    """Refuse a file that is not a readable zip or would unpack past `MAX_UNPACKED_BYTES`.

    Raised before the office library opens it, so the error names the real problem rather than
    a library's internal KeyError.
    """
    if not is_zip(path):
        raise MalformedInput(f"{path.name}: not a {label} file (it is not a zip package)")
    try:
        with zipfile.ZipFile(path) as zf:
            total = sum(info.file_size for info in zf.infolist())
    except ZIP_READ_ERRORS as exc:
        raise MalformedInput(f"{path.name}: corrupt {label} package: {exc}") from exc
    if total > MAX_UNPACKED_BYTES:
        raise UnsafeInput(
            f"{path.name}: {label} package would unpack to {total} bytes "
            f"(limit {MAX_UNPACKED_BYTES})"
        )


def office_score(probe: Probe, declared: str, mimes: frozenset[str], exts: frozenset[str]) -> float:
    """Score a probe for one office format, trusting the package's declaration most.

    A package declaring another format scores 0; a bare claim by MIME or file name still scores,
    so that `extract()` runs and reports the lie as `MalformedInput` if nothing fits better.
    """
    kind = declared_kind(probe.path)
    if kind == declared:
        return 0.9
    if kind:
        return 0.0
    if probe.mime in mimes:
        return 0.6
    if extension(probe.filename) in exts:
        return 0.3
    return 0.0


def utc_iso(value: datetime | None) -> str:
    """Office packages store UTC without a zone marker; make that explicit ('' when unset)."""
    if value is None:
        return ""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat()
