"""E-mail: single messages (.eml) and mailboxes (.mbox), with attachments as child items.

Leaked or seized mailboxes are a common source of orders, lists and photographs. A message's
text is its key headers and readable body; each attachment becomes an item of its own, dated by
the message, so it can be read, searched and cited with the message it came with. A mailbox
lists its messages and yields each as an .eml, whose attachments follow when that item is read.
"""

from __future__ import annotations

import mimetypes
import platform
import re
from collections.abc import Iterator
from email.message import EmailMessage, Message
from email.parser import BytesParser
from email.policy import default as default_policy
from pathlib import Path

from pursuit.errors import MalformedInput, UnsafeInput
from pursuit.extract.base import ChildFile, Extracted, Extractor, Probe
from pursuit.extract.limits import current_limits
from pursuit.extract.mailparts import (
    attachment_parts,
    attachment_payload,
    body_text,
    header,
    looks_like_headers,
    message_date,
    mime_shape,
)
from pursuit.extract.mbox import MboxExtractor
from pursuit.extract.members import Budget, safe_filename
from pursuit.extract.sniff import suffix_of

__all__ = ["EXTRACTORS", "EmlExtractor", "clean_attachment_name", "parse_message"]

_SHOWN_HEADERS = ("From", "To", "Cc", "Date", "Subject")
_NAME_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"|?*]')
_MAX_MESSAGE_BYTES = 512 * 1024 * 1024
_TOOL = "python-email"


def _head(path: Path, size: int = 8192) -> bytes:
    try:
        with path.open("rb") as fh:
            return fh.read(size)
    except OSError:
        return b""


def parse_message(probe: Probe) -> EmailMessage:
    """The whole message, parsed leniently; a file without mail headers is refused."""
    if probe.path.stat().st_size > _MAX_MESSAGE_BYTES:
        raise UnsafeInput(f"{probe.filename}: message larger than {_MAX_MESSAGE_BYTES} bytes")
    if not looks_like_headers(_head(probe.path)):
        raise MalformedInput(f"{probe.filename}: not an e-mail message (no mail headers found)")
    _check_shape(probe)
    try:
        with probe.path.open("rb") as fh:
            return BytesParser(policy=default_policy).parse(fh)
    except RecursionError as exc:
        raise UnsafeInput(f"{probe.filename}: MIME structure too deeply nested to read") from exc


def _check_shape(probe: Probe) -> None:
    """Refuse a message nested or split beyond the limits before the recursive parser runs."""
    limits = current_limits()
    shape = mime_shape(probe.path, limits.max_mime_depth, limits.max_mime_parts)
    if shape.depth > limits.max_mime_depth:
        raise UnsafeInput(
            f"{probe.filename}: MIME parts nested more than {limits.max_mime_depth} deep; not read"
        )
    if shape.parts > limits.max_mime_parts:
        raise UnsafeInput(f"more than {limits.max_mime_parts} MIME parts; not read")


class EmlExtractor:
    """Single RFC 5322 messages: headers and body as text, attachments as children."""

    name = "eml"

    def match(self, probe: Probe) -> float:
        if probe.mime == "message/rfc822":
            return 0.9
        headers = looks_like_headers(_head(probe.path))
        if suffix_of(probe.filename) == ".eml":
            return 0.8 if headers else 0.3
        return 0.65 if headers and probe.mime.startswith("text/") else 0.0

    def extract(self, probe: Probe) -> Extracted:
        message = parse_message(probe)
        body, source = body_text(message)
        names = [name for name, _ in _named_attachments(message)]
        lines = [f"{key}: {header(message, key)}" for key in _SHOWN_HEADERS]
        lines = [line for line in lines if not line.endswith(": ")]
        if names:
            lines.append("Attachments: " + ", ".join(names))
        metadata = _message_metadata(message)
        metadata.update(body=source, attachment_count=str(len(names)))
        return Extracted("\n".join([*lines, "", body]), _TOOL, platform.python_version(), metadata)

    def children(self, probe: Probe, workdir: Path) -> Iterator[ChildFile]:
        """Write each attachment under a safe name; the budget stops a bomb of attachments."""
        message = parse_message(probe)
        acquired = message_date(message)
        limits = current_limits()
        budget = Budget(limits.max_unpacked_bytes, probe.filename)
        for index, (name, part) in enumerate(_named_attachments(message), 1):
            if index > limits.max_members:
                raise UnsafeInput(f"{probe.filename}: more than {limits.max_members} attachments")
            data = attachment_payload(part)
            budget.spend(len(data), name)
            target = _inside(workdir, safe_filename(name, index))
            target.write_bytes(data)
            yield ChildFile(name=name, path=target, acquired_at=acquired)


def _named_attachments(message: EmailMessage) -> Iterator[tuple[str, Message]]:
    """Attachments with the unique, cleaned names both the text and the children use."""
    used: set[str] = set()
    for index, part in enumerate(attachment_parts(message), 1):
        yield _unique(clean_attachment_name(part, index), used), part


def _message_metadata(message: Message) -> dict[str, str]:
    date = message_date(message)
    found = {
        "from": header(message, "From"),
        "to": header(message, "To"),
        "cc": header(message, "Cc"),
        "date": date.isoformat() if date else header(message, "Date"),
        "subject": header(message, "Subject"),
        "message_id": header(message, "Message-ID"),
        "in_reply_to": header(message, "In-Reply-To"),
    }
    return {key: value for key, value in found.items() if value}


def clean_attachment_name(part: Message, index: int) -> str:
    """The sender's file name without folders, '..' or control characters, or a made-up one.

    The name is recorded with the child item, so it stays close to what the sender wrote; the
    file written to disk gets a stricter name still.
    """
    try:
        raw = part.get_filename() or ""
    except (ValueError, IndexError, TypeError, AttributeError):
        raw = ""
    base = raw.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    base = _NAME_UNSAFE.sub("_", base).replace("..", "_").strip(" .")[:150]
    return base or f"attachment-{index}{_suffix_for(part.get_content_type())}"


def _suffix_for(content_type: str) -> str:
    if content_type == "message/rfc822":
        return ".eml"
    return mimetypes.guess_extension(content_type, strict=False) or ".bin"


def _unique(name: str, used: set[str]) -> str:
    """Two attachments both called "scan.jpg" must stay two distinguishable children."""
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    candidate, count = name, 1
    while candidate.lower() in used:
        count += 1
        candidate = f"{stem} ({count}){dot}{suffix}"
    used.add(candidate.lower())
    return candidate


def _inside(workdir: Path, filename: str) -> Path:
    """The target path, refused if it would resolve outside the work folder."""
    target = workdir / filename
    if target.resolve().parent != workdir.resolve():
        raise UnsafeInput(f"attachment name {filename!r} would leave the work folder")
    return target


EXTRACTORS: tuple[Extractor, ...] = (EmlExtractor(), MboxExtractor())
