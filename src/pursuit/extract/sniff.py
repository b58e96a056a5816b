"""What a blob is, judged from its bytes first and its name second.

Files lie about their type (a ".pdf" that is an HTML error page, a ".jpg" that is a zip), so the
MIME type comes from libmagic reading the first bytes; the file name only breaks ties later, in
each extractor's match score.
"""

from __future__ import annotations

from pathlib import Path

import magic

from pursuit.errors import UnreadableInput
from pursuit.extract.base import Probe

__all__ = ["sniff", "suffix_of"]

_HEAD = 8192
# libmagic names a few containers generically; these refine them from the name when the bytes
# agree with the container (an .odt is a zip; a WARC is gzip or plain text).
_REFINE = {
    ("application/zip", ".docx"): (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    ),
    ("application/zip", ".xlsx"): (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    ),
    ("application/gzip", ".warc.gz"): "application/warc",
    ("application/x-gzip", ".warc.gz"): "application/warc",
}


def suffix_of(filename: str) -> str:
    """The lower-case extension, keeping a double one like ``.warc.gz`` or ``.tar.gz``."""
    name = filename.lower()
    for double in (".warc.gz", ".tar.gz", ".arc.gz"):
        if name.endswith(double):
            return double
    return Path(name).suffix


def sniff(path: Path, filename: str | None = None) -> Probe:
    """Read the first bytes of `path` and return its probe; never reads the whole file."""
    name = filename or path.name
    try:
        with path.open("rb") as handle:
            head = handle.read(_HEAD)
    except OSError as exc:
        raise UnreadableInput(f"cannot read {name}: {exc.strerror or exc}") from exc
    mime = magic.from_buffer(head, mime=True) if head else "application/x-empty"
    if head.startswith(b"WARC/"):
        mime = "application/warc"
    mime = _REFINE.get((mime, suffix_of(name)), mime)
    return Probe(path=path, mime=mime, filename=name)
