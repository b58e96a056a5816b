"""Mailboxes in mbox form: a listing of the messages, and each message as its own .eml item.

An mbox can hold years of correspondence in one multi-gigabyte file, so it is scanned line by
line and each message is copied out by byte range; no message is parsed whole except by the
child item that reads it later. A message starts at a "From " line at the start of the file or
after a blank line, the convention mail tools agree on; the envelope line itself is not kept.
"""

from __future__ import annotations

import platform
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import Message
from email.parser import BytesHeaderParser
from email.policy import default as default_policy
from pathlib import Path
from typing import BinaryIO

from pursuit.errors import MalformedInput, UnsafeInput
from pursuit.extract.base import ChildFile, Extracted, Probe
from pursuit.extract.limits import current_limits
from pursuit.extract.mailparts import header, message_date
from pursuit.extract.members import Budget, safe_filename
from pursuit.extract.sniff import suffix_of

__all__ = ["MboxExtractor", "Span", "message_spans"]

_MBOX_MIMES = frozenset({"application/mbox", "application/x-mbox"})
_MAX_HEADER_BYTES = 256 * 1024
_MAX_LISTED = 100_000
_CHUNK = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Span:
    """Where one message's bytes lie in the mailbox file (envelope line excluded)."""

    start: int
    end: int


def message_spans(path: Path) -> Iterator[Span]:
    """Byte ranges of the messages, found in one streaming pass over the file."""
    start: int | None = None
    offset = 0
    previous_blank = True
    with path.open("rb") as fh:
        for line in fh:
            if previous_blank and line.startswith(b"From "):
                if start is not None:
                    yield Span(start, offset)
                start = offset + len(line)
            offset += len(line)
            previous_blank = not line.strip()
    if start is not None:
        yield Span(start, offset)


def _starts_like_mbox(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(5) == b"From "
    except OSError:
        return False


def _headers(fh: BinaryIO, span: Span) -> Message:
    """Only the header block of a message, so listing a huge mailbox stays cheap."""
    fh.seek(span.start)
    head = fh.read(min(span.end - span.start, _MAX_HEADER_BYTES))
    for separator in (b"\r\n\r\n", b"\n\n"):
        cut = head.find(separator)
        if cut >= 0:
            head = head[: cut + len(separator)]
            break
    return BytesHeaderParser(policy=default_policy).parsebytes(head)


class MboxExtractor:
    """Unix mbox files: one listing line per message; messages become .eml children."""

    name = "mbox"

    def match(self, probe: Probe) -> float:
        mbox_start = _starts_like_mbox(probe.path)
        if probe.mime in _MBOX_MIMES:
            return 0.9
        if suffix_of(probe.filename) in (".mbox", ".mbx"):
            return 0.85 if mbox_start else 0.3
        return 0.65 if mbox_start and probe.mime.startswith("text/") else 0.0

    def extract(self, probe: Probe) -> Extracted:
        if not _starts_like_mbox(probe.path):
            raise MalformedInput(f"{probe.filename}: not an mbox (no 'From ' line at the start)")
        lines: list[str] = []
        count = 0
        with probe.path.open("rb") as fh:
            for count, span in enumerate(message_spans(probe.path), 1):
                if count <= _MAX_LISTED:
                    lines.append(_listing_line(count, _headers(fh, span)))
        metadata = {"message_count": str(count)}
        if count > _MAX_LISTED:
            metadata["truncated"] = f"listing stops after {_MAX_LISTED} messages"
        return Extracted("\n".join(lines), "pursuit-mbox", platform.python_version(), metadata)

    def children(self, probe: Probe, workdir: Path) -> Iterator[ChildFile]:
        """Copy each message out as "NNNNN-subject.eml", dated by its Date header."""
        if not _starts_like_mbox(probe.path):
            raise MalformedInput(f"{probe.filename}: not an mbox (no 'From ' line at the start)")
        limits = current_limits()
        budget = Budget(limits.max_unpacked_bytes, probe.filename)
        with probe.path.open("rb") as fh:
            for index, span in enumerate(message_spans(probe.path), 1):
                if index > limits.max_members:
                    raise UnsafeInput(f"{probe.filename}: more than {limits.max_members} messages")
                headers = _headers(fh, span)
                subject = header(headers, "Subject")[:80] or "message"
                name = safe_filename(subject + ".eml", index)
                target = workdir / name
                _copy_span(fh, span, target, budget, name)
                yield ChildFile(name=name, path=target, acquired_at=message_date(headers))


def _listing_line(index: int, headers: Message) -> str:
    date = message_date(headers)
    when = date.isoformat() if date else header(headers, "Date") or "no date"
    sender = header(headers, "From") or "no sender"
    subject = header(headers, "Subject") or "(no subject)"
    return f"[{index}] {when} | {sender} | {subject}"


def _copy_span(fh: BinaryIO, span: Span, target: Path, budget: Budget, name: str) -> None:
    fh.seek(span.start)
    left = span.end - span.start
    with target.open("wb") as out:
        while left > 0:
            chunk = fh.read(min(_CHUNK, left))
            if not chunk:
                break
            budget.spend(len(chunk), name)
            out.write(chunk)
            left -= len(chunk)
