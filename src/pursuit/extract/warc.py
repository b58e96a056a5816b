"""Web archives (WARC): each captured response becomes an item with its URL and capture time.

A web capture is evidence of what a page said at a moment; the target URI and WARC-Date are the
acquisition facts of each member, so they travel to the child item rather than staying buried in
the container.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from datetime import UTC, datetime
from importlib.metadata import version
from mimetypes import guess_extension
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from pursuit.errors import MalformedInput
from pursuit.extract.base import ChildFile, Extracted, Probe
from pursuit.extract.limits import current_limits
from pursuit.extract.members import Budget, copy_capped, safe_filename
from pursuit.extract.sniff import suffix_of

__all__ = ["Warc"]

_CAPTURES = ("response", "resource")


def _capture_time(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _records(path: Path) -> Iterator[tuple[int, Any]]:
    with path.open("rb") as stream:
        try:
            yield from enumerate(ArchiveIterator(stream), 1)
        # warcio reports malformed records with whatever error the broken field causes.
        except (
            ArchiveLoadFailed,
            AttributeError,
            ValueError,
            TypeError,
            KeyError,
            EOFError,
            OSError,
            zlib.error,
        ) as exc:
            raise MalformedInput(f"corrupt WARC: {exc}") from exc


def _content_type(record: Any) -> str:
    headers = record.http_headers if record.http_headers is not None else record.rec_headers
    value = headers.get_header("Content-Type") or "application/octet-stream"
    return str(value).split(";")[0].strip().lower()


class Warc:
    """WARC files, plain or gzipped, as written by browsers' and crawlers' archivers."""

    name = "warc"

    def match(self, probe: Probe) -> float:
        if probe.mime == "application/warc":
            return 0.95
        if suffix_of(probe.filename) in (".warc", ".warc.gz"):
            return 0.6
        return 0.0

    def extract(self, probe: Probe) -> Extracted:
        lines: list[str] = []
        for _, record in _records(probe.path):
            kind = record.rec_type
            if kind not in _CAPTURES:
                continue
            headers = record.rec_headers
            uri = headers.get_header("WARC-Target-URI") or "?"
            when = headers.get_header("WARC-Date") or "?"
            http = record.http_headers
            status = http.get_statuscode() if http is not None else "-"
            lines.append(f"{when}\t{status}\t{_content_type(record)}\t{uri}")
        metadata = {"captures": str(len(lines))}
        return Extracted("\n".join(lines), "warcio", version("warcio"), metadata)

    def children(self, probe: Probe, workdir: Path) -> Iterator[ChildFile]:
        budget = Budget(current_limits().max_unpacked_bytes, probe.filename)
        for index, record in _records(probe.path):
            if record.rec_type not in _CAPTURES:
                continue
            headers = record.rec_headers
            uri = headers.get_header("WARC-Target-URI") or f"record-{index}"
            http = record.http_headers
            if http is not None and not str(http.get_statuscode() or "").startswith("2"):
                continue
            suffix = guess_extension(_content_type(record)) or ""
            target = workdir / safe_filename(uri.split("?")[0], index, suffix)
            copy_capped(record.content_stream(), target, budget, uri)
            yield ChildFile(
                name=uri,
                path=target,
                source_url=uri,
                acquired_at=_capture_time(headers.get_header("WARC-Date")),
            )
