"""Plain text, Markdown and logs: testimony transcripts and field notes most often come so."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from pursuit import __version__
from pursuit.extract.base import ChildFile, Extracted, Probe
from pursuit.extract.decode import decode_bytes
from pursuit.extract.limits import current_limits
from pursuit.extract.sniff import suffix_of

__all__ = ["PlainText"]

_STRUCTURED = ("application/json", "application/xml", "application/x-ndjson")
_SUFFIXES = {".txt", ".text", ".md", ".log", ".rtf"}


class PlainText:
    """Reads text files in any common encoding, capped so a huge log cannot fill the database."""

    name = "text"

    def match(self, probe: Probe) -> float:
        if probe.mime in ("text/plain", "text/markdown", "text/x-log"):
            return 0.6
        if probe.mime.startswith("text/") and suffix_of(probe.filename) in _SUFFIXES:
            return 0.5
        if probe.mime.startswith("text/") or probe.mime in _STRUCTURED:
            return 0.3
        return 0.0

    def extract(self, probe: Probe) -> Extracted:
        cap = current_limits().max_text_chars
        with probe.path.open("rb") as handle:
            data = handle.read(cap * 2)
            truncated = bool(handle.read(1))
        decoded = decode_bytes(data)
        metadata = {"encoding": decoded.encoding}
        if truncated or len(decoded.text) > cap:
            metadata["truncated"] = f"first {cap} characters kept"
        return Extracted(decoded.text[:cap], "pursuit-text", __version__, metadata)

    def children(self, probe: Probe, workdir: Path) -> Iterator[ChildFile]:
        return iter(())
