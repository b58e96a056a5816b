"""Files no extractor understands: kept as evidence with their type and size, no text read."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from pursuit import __version__
from pursuit.extract.base import ChildFile, Extracted, Probe

__all__ = ["Opaque"]


class Opaque:
    """The fallback: nothing is read beyond the sniffed header, whatever the file's size."""

    name = "binary"

    def match(self, probe: Probe) -> float:
        return 0.01

    def extract(self, probe: Probe) -> Extracted:
        metadata = {"mime": probe.mime, "note": "no extractor reads this format; kept as is"}
        return Extracted("", "pursuit-binary", __version__, metadata)

    def children(self, probe: Probe, workdir: Path) -> Iterator[ChildFile]:
        return iter(())
