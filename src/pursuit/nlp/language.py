"""A cheap guess of a text's language when the caller does not know it.

The extract stage detects language properly (pursuit.extract.detect_language, when present);
here script and a few function words are enough to choose an NER pipeline.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from typing import cast

__all__ = ["guess_language"]

_ARABIC = re.compile("[\u0600-\u06ff]")
_LETTER = re.compile(r"[^\W\d_]")
_FRENCH = re.compile(r"\b(?:le|la|les|des|une|est|dans|avec|pour|qui|sont|été|il|elle)\b", re.I)
_GERMAN = re.compile(r"\b(?:der|die|das|und|ist|nicht|mit|wurde|einen|dem|den)\b", re.I)
_ENGLISH = re.compile(r"\b(?:the|and|was|with|for|who|were|his|her|that|from)\b", re.I)


def _external() -> Callable[[str], str | None] | None:
    try:
        module = importlib.import_module("pursuit.extract")
    except ImportError:
        return None
    detect = getattr(module, "detect_language", None)
    return cast(Callable[[str], str | None], detect) if callable(detect) else None


def guess_language(text: str) -> str:
    """ "ar" when Arabic letters dominate, else the extract stage's answer, else en/fr/de."""
    letters = len(_LETTER.findall(text)) or 1
    if len(_ARABIC.findall(text)) / letters > 0.4:
        return "ar"
    detect = _external()
    if detect is not None:
        try:
            found = detect(text)
        except (ValueError, LookupError, RuntimeError):
            found = None
        if isinstance(found, str) and found:
            return found[:2].lower()
    counts = {
        "en": len(_ENGLISH.findall(text)),
        "fr": len(_FRENCH.findall(text)),
        "de": len(_GERMAN.findall(text)),
    }
    return max(counts, key=lambda k: counts[k]) if any(counts.values()) else "en"
