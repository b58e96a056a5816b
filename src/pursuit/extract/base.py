"""The extractor interface: every format reader implements it and registers itself.

Formats overlap (a WARC is also gzip, an .odt is also a zip), so the registry asks each extractor
how well it matches and picks the best score, as document-ingest pipelines in this field do,
rather than trusting one MIME sniff.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Protocol

__all__ = ["ChildFile", "Extracted", "Extractor", "Probe"]


@dataclass(frozen=True, slots=True)
class Probe:
    """What is known of a blob before extraction: its path on disk, sniffed MIME and file name."""

    path: Path
    mime: str
    filename: str


@dataclass(frozen=True, slots=True)
class ChildFile:
    """A member unpacked from a container (zip member, WARC response, e-mail attachment).

    The child becomes an item of its own, linked to its parent; `source_url` and `acquired_at`
    come from the container when it records them (a WARC's target URI and capture date).
    """

    name: str
    path: Path
    source_url: str | None = None
    acquired_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Extracted:
    """Text and metadata an extractor read from one blob.

    `text` may be empty (an image before OCR); `needs_ocr` says that OCR should run on it.
    `metadata` holds format facts (page count, title, duration) as strings, never evidence.
    """

    text: str
    tool: str
    tool_version: str
    metadata: dict[str, str] = field(default_factory=dict)
    needs_ocr: bool = False


class Extractor(Protocol):
    """A reader for one family of formats."""

    name: str

    def match(self, probe: Probe) -> float:
        """How well this extractor fits the blob, 0 (not at all) to 1 (certainly)."""
        ...

    def extract(self, probe: Probe) -> Extracted:
        """Read the blob's text; raise `MalformedInput` if it is not what it claims to be."""
        ...

    def children(self, probe: Probe, workdir: Path) -> Iterator[ChildFile]:
        """Unpack members into `workdir`; yield nothing for formats that hold no members."""
        ...
