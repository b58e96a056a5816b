"""Folding text so that a search finds Arabic regardless of how it was written.

The same word appears with or without diacritics (harakat), stretched with tatweel, with its alef
written plain or with hamza or madda, a final yaa written as alef maqsura, a taa marbuta written
as haa. Index and query pass through the same fold, so any of these spellings finds the others.
Latin accents are folded the same way (é → e), which SQLite's tokenizer does on its own but
PostgreSQL's 'simple' configuration does not.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold", "index_form"]

TATWEEL = "\u0640"
_LETTERS = str.maketrans({"\u0649": "\u064a", "\u0629": "\u0647", "\u0671": "\u0627"})


def fold(text: str) -> str:
    """The searchable form of `text`: no combining marks, no tatweel, one alef, yaa and haa."""
    decomposed = unicodedata.normalize("NFKD", text)
    kept = "".join(ch for ch in decomposed if ch != TATWEEL and unicodedata.category(ch) != "Mn")
    return unicodedata.normalize("NFC", kept).translate(_LETTERS).casefold()


_ARABIC_WORD = re.compile("[\u0621-\u064a]{4,}")
# Arabic writes conjunctions, prepositions and the article onto the word ("بالإعدام": "by the
# execution"). A search for "اعدام" must find it, so the index also holds each word without these
# proclitics. Light stemming by hand: the stemmers of NLP packages need models or download data.
_PROCLITICS = ("وال", "بال", "كال", "فال", "لل", "ال", "و", "ف", "ب", "ك", "ل")
_MIN_STEM = 3


def _stems(word: str) -> set[str]:
    found: set[str] = set()
    pending = [word]
    while pending:
        current = pending.pop()
        for prefix in _PROCLITICS:
            rest = current[len(prefix) :]
            if current.startswith(prefix) and len(rest) >= _MIN_STEM and rest not in found:
                found.add(rest)
                pending.append(rest)
    return found


def index_form(text: str) -> str:
    """What the index stores: the folded text, then the words' forms without proclitics."""
    folded = fold(text)
    extra: set[str] = set()
    for word in _ARABIC_WORD.findall(folded):
        extra |= _stems(word)
    return folded if not extra else folded + "\n" + " ".join(sorted(extra))
