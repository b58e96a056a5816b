"""The parts of an e-mail that matter to a case: its readable body, its date and its attachments.

Mail is forgiving: bodies come in any charset, HTML-only messages are common, dates are often
malformed and attachment names are chosen by the sender. These helpers read all of it leniently
and never let a hostile name or charset stop the message from being read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage, Message
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from pathlib import Path

__all__ = [
    "attachment_parts",
    "attachment_payload",
    "body_text",
    "header",
    "html_to_text",
    "MimeShape",
    "looks_like_headers",
    "message_date",
    "mime_shape",
    "part_text",
]

_KNOWN_HEADERS = frozenset(
    {
        "from",
        "to",
        "cc",
        "subject",
        "date",
        "received",
        "message-id",
        "mime-version",
        "return-path",
        "delivered-to",
        "reply-to",
        "sender",
        "x-mailer",
        "content-type",
    }
)
_HEADER_LINE = re.compile(rb"^([A-Za-z][A-Za-z0-9-]*):")
_BLOCK_TAGS = frozenset(
    "address article blockquote br dd div dl dt footer h1 h2 h3 h4 h5 h6 header hr li ol p pre "
    "section table td th tr ul".split()
)
_HIDDEN_TAGS = frozenset({"script", "style", "head", "title"})
_BOUNDARY = re.compile(rb'boundary\s*=\s*(?:"([^"\r\n]{1,200})"|([^\s;"]{1,200}))', re.I)


class _TextCollector(HTMLParser):
    """Visible text of an HTML body with block elements on their own lines.

    Mail bodies are short and every line may matter (a quoted reply, a signature naming a unit),
    so all visible text is kept rather than a main-content guess.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN_TAGS:
            self.hidden += 1
        elif tag in _BLOCK_TAGS:
            self.chunks.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_TAGS:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCK_TAGS:
            self.chunks.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.chunks.append(data)


def html_to_text(markup: str) -> str:
    """Visible text, one line per block, blank runs collapsed."""
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    lines = (" ".join(line.split()) for line in "".join(collector.chunks).splitlines())
    return "\n".join(line for line in lines if line)


def part_text(part: Message) -> str:
    """A text part decoded with its declared charset, or UTF-8, replacing what does not fit."""
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    charset = part.get_content_charset() or "utf-8"
    try:
        return payload.decode(charset, "replace")
    except LookupError:
        return payload.decode("utf-8", "replace")


def body_text(message: EmailMessage) -> tuple[str, str]:
    """The plain body, else the HTML body as text; returns (text, which one was used)."""
    plain = message.get_body(preferencelist=("plain",))
    if plain is not None:
        return part_text(plain).strip(), "plain"
    html = message.get_body(preferencelist=("html",))
    if html is not None:
        return html_to_text(part_text(html)), "html"
    return "", "none"


def message_date(message: Message) -> datetime | None:
    """The Date header as an aware UTC datetime; None when absent or unparseable.

    A zone of -0000 means "UTC, sender's zone unknown" (RFC 5322), so a naive result is UTC.
    """
    raw = message.get("Date")
    if raw is None:
        return None
    try:
        parsed = parsedate_to_datetime(str(raw))
    except (TypeError, ValueError, IndexError):
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def attachment_parts(message: EmailMessage) -> Iterator[Message]:
    """Every attached part, in order, without descending into forwarded messages.

    A forwarded message (message/rfc822) is one attachment: it becomes its own .eml item whose
    attachments are unpacked when that item is read.
    """
    bodies = (
        message.get_body(preferencelist=("plain",)),
        message.get_body(preferencelist=("html",)),
    )
    yield from _walk(message, bodies, root=True)


def _walk(part: Message, bodies: tuple[Message | None, ...], root: bool) -> Iterator[Message]:
    if part.get_content_type() == "message/rfc822" and not root:
        yield part
    elif part.is_multipart():
        for sub in part.get_payload():
            if isinstance(sub, Message):
                yield from _walk(sub, bodies, root=False)
    elif not any(part is body for body in bodies):
        # Every leaf that is not the body is kept: a second text part may be a pasted report.
        yield part


def attachment_payload(part: Message) -> bytes:
    """The attachment's bytes: transfer-decoded, or the forwarded message re-serialised."""
    if part.get_content_type() == "message/rfc822":
        inner = part.get_payload()
        if isinstance(inner, list) and inner and isinstance(inner[0], Message):
            return inner[0].as_bytes()
        return b""
    payload = part.get_payload(decode=True)
    return payload if isinstance(payload, bytes) else b""


def looks_like_headers(head: bytes) -> bool:
    """Whether a file starts with at least two well-known mail headers (cheap, for `match`)."""
    names: set[str] = set()
    for line in head.splitlines():
        if not line.strip():
            break
        if line[:1] in (b" ", b"\t"):
            continue
        found = _HEADER_LINE.match(line)
        if found is None:
            return False
        names.add(found.group(1).decode("ascii").lower())
    return len(names & _KNOWN_HEADERS) >= 2


def header(message: Message, name: str) -> str:
    """A header's decoded value on one line; the raw value when it is too malformed to decode.

    The mail library turns a Date it cannot parse into '', but "sometime last spring" is still
    what the sender wrote and may help date the message.
    """
    try:
        value = str(message.get(name) or "")
    except (ValueError, IndexError, TypeError, AttributeError):
        value = ""
    if not value.strip():
        raw = (v for k, v in message.raw_items() if k.lower() == name.lower())
        value = str(next(raw, ""))
    return " ".join(value.split())


@dataclass(frozen=True, slots=True)
class MimeShape:
    """How deeply a message's multipart bodies nest and how many parts they hold, as counted
    from its raw lines before any parsing."""

    depth: int
    parts: int


def mime_shape(path: Path, stop_depth: int = 1_000, stop_parts: int = 1_000_000) -> MimeShape:
    """Count nesting and parts with a flat scan of boundary lines, never recursing.

    The mail library parses nested multiparts recursively: 5,000 levels raise RecursionError
    deep inside it. This scan reads each line once, keeps the open boundaries on a stack (a
    delimiter of an outer boundary closes the inner ones) and so measures a hostile message in
    constant stack space, before the parser ever sees it. Counting stops once past
    `stop_depth` or `stop_parts`: beyond that, the exact figure does not matter.
    """
    open_: list[bytes] = []
    depth = parts = 0
    with path.open("rb") as fh:
        for line in fh:
            if line.startswith(b"--"):
                parts += _delimiter(line.rstrip(b"\r\n")[2:], open_)
            for found in _BOUNDARY.finditer(line):
                open_.append(found.group(1) or found.group(2))
                depth = max(depth, len(open_))
            if depth > stop_depth or parts > stop_parts:
                break
    return MimeShape(depth, parts)


def _delimiter(mark: bytes, open_: list[bytes]) -> int:
    """Apply one '--…' line to the stack of open boundaries; returns 1 when it starts a part."""
    closing = mark.endswith(b"--")
    name = mark[:-2] if closing else mark
    name = name.rstrip()
    if name not in open_:
        return 0
    where = len(open_) - 1 - open_[::-1].index(name)
    del open_[where + (0 if closing else 1) :]
    return 0 if closing else 1
