"""Arabic spelling normalisation and a clitic-aware tokenizer for Arabic-script text.

Arabic news and documents spell one word several ways (hamza on the alef or not, final ى or ي,
diacritics, tatweel). Matching against gazetteers and running our NewsFANE-trained model both need
one spelling, while mentions must keep offsets into the original text, so normalisation is done
per token and never changes where a token sits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["ArabicToken", "has_arabic", "normalise_arabic", "tokenise_arabic"]

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200e\u200f]")
_LETTER_MAP = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ک": "ك", "ی": "ي"})
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_TOKEN = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u0640]+|[^\w\s]", re.UNICODE)
# Conjunctions and prepositions written joined to the next word; NewsFANE splits them off.
_CLITICS = ("و", "ف", "ب", "ل")


def has_arabic(text: str) -> bool:
    """True when any character of `text` is in an Arabic-script block."""
    return _ARABIC.search(text) is not None


def normalise_arabic(word: str) -> str:
    """The spelling used for matching: no diacritics or tatweel, one alef, final ي for ى."""
    return _DIACRITICS.sub("", word).translate(_LETTER_MAP)


@dataclass(frozen=True, slots=True)
class ArabicToken:
    """One token: its span in the original text and its normalised spelling."""

    start: int
    end: int
    norm: str


def _split_clitic(start: int, end: int, norm: str, known: frozenset[str]) -> list[ArabicToken]:
    """Split a leading conjunction or preposition when what remains is a word we know.

    "والرقة" becomes "و" + "الرقة"; "وزير" (minister) stays whole because "زير" is neither
    definite nor known. With `ل` + `ال` Arabic drops the alef ("للرقة"), which we restore.
    """
    if len(norm) < 4 or norm[0] not in _CLITICS or norm in known:
        return [ArabicToken(start, end, norm)]
    rest = norm[1:]
    if norm[0] == "ل" and rest.startswith("ل") and not rest.startswith("ال"):
        rest = "ا" + rest
    if rest.startswith("ال") or rest in known:
        head = ArabicToken(start, start + 1, norm[0])
        return [head, *_split_clitic(start + 1, end, rest, known)]
    return [ArabicToken(start, end, norm)]


def tokenise_arabic(text: str, known: frozenset[str] = frozenset()) -> list[ArabicToken]:
    """Word and punctuation tokens with offsets into `text`, clitics split as NewsFANE does."""
    tokens: list[ArabicToken] = []
    for match in _TOKEN.finditer(text):
        norm = normalise_arabic(match.group())
        if not norm:
            continue
        if has_arabic(norm):
            tokens.extend(_split_clitic(match.start(), match.end(), norm, known))
        else:
            tokens.append(ArabicToken(match.start(), match.end(), norm))
    return tokens
