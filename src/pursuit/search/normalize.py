"""Folding text so that a search finds Arabic regardless of how it was written.

The same word appears with or without diacritics (harakat), stretched with tatweel, with its alef
written plain or with hamza or madda, a final yaa written as alef maqsura, a taa marbuta written
as haa. Index and query pass through the same fold, so any of these spellings finds the others.
Latin accents are folded the same way (é → e), which SQLite's tokenizer does on its own but
PostgreSQL's 'simple' configuration does not.
"""

from __future__ import annotations

import unicodedata

__all__ = ["fold"]

TATWEEL = "\u0640"
_LETTERS = str.maketrans({"\u0649": "\u064a", "\u0629": "\u0647", "\u0671": "\u0627"})


def fold(text: str) -> str:
    """The searchable form of `text`: no combining marks, no tatweel, one alef, yaa and haa."""
    decomposed = unicodedata.normalize("NFKD", text)
    kept = "".join(ch for ch in decomposed if ch != TATWEEL and unicodedata.category(ch) != "Mn")
    return unicodedata.normalize("NFC", kept).translate(_LETTERS).casefold()
