"""Caps on what unpacking and OCR may cost, set by the caller for the current run.

Extractors share one signature, so the workspace's settings reach them through a context variable
rather than through every call; the defaults match the settings' defaults.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

__all__ = ["Limits", "current_limits", "limits"]


@dataclass(frozen=True, slots=True)
class Limits:
    """`max_unpacked_bytes` per container, `max_ratio` of unpacked to packed size per member,
    `max_members` per container, `max_ocr_pages` per item, `max_text_chars` per derivative,
    `max_mime_depth` and `max_mime_parts` per e-mail message, `ocr_seconds` of OCR per item."""

    max_unpacked_bytes: int = 4 * 1024**3
    max_ratio: float = 200.0
    max_members: int = 100_000
    max_ocr_pages: int = 200
    max_text_chars: int = 50_000_000
    max_mime_depth: int = 50
    max_mime_parts: int = 10_000
    ocr_seconds: float = 300.0


_DEFAULT = Limits()
_CURRENT: ContextVar[Limits | None] = ContextVar("pursuit_extract_limits", default=None)


def current_limits() -> Limits:
    return _CURRENT.get() or _DEFAULT


@contextmanager
def limits(value: Limits) -> Iterator[Limits]:
    """Apply `value` to extraction done inside the block."""
    token = _CURRENT.set(value)
    try:
        yield value
    finally:
        _CURRENT.reset(token)
