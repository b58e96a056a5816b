"""Turning bytes of unknown encoding into text without guessing silently.

Testimony transcripts and field notes arrive as UTF-8, UTF-16 from Windows tools, or Windows-1256
(Arabic) and Windows-1252 (French, German) from older machines. The decoder tries the strict
encodings first and reports which one it used, so a wrong guess is visible in the derivative.
"""

from __future__ import annotations

from dataclasses import dataclass

from charset_normalizer import from_bytes

__all__ = ["Decoded", "decode_bytes"]


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str


def decode_bytes(data: bytes) -> Decoded:
    """Decode `data`: BOMs first, then strict UTF-8, then charset detection."""
    if data.startswith(b"\xef\xbb\xbf"):
        return Decoded(data[3:].decode("utf-8", "replace"), "utf-8-sig")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return Decoded(data.decode("utf-16", "replace"), "utf-16")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:1_000_000]).best()
    encoding = best.encoding if best is not None else "cp1252"
    return Decoded(data.decode(encoding, "replace"), encoding)
