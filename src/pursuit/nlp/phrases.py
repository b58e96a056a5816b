"""Find listed phrases (places, groups, roles, incident words) in text, spelling-tolerantly.

A folded view of the text is matched token by token against an index of folded phrases, longest
first. Folding drops accents, Arabic diacritics and tatweel, unifies alef and final yaa, turns
hyphens into spaces and drops apostrophe-like marks, so "Deir ez-Zor", "Deir ez Zor" and
"Dayr az-Zawr" reduce to listed keys; every folded character remembers where it came from, so
hits carry offsets into the original text. Arabic conjunctions and prepositions written joined to
a word ("والرقة", "بالموصل") are looked through.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from pursuit.nlp.arabic_text import normalise_arabic

__all__ = ["Entry", "Hit", "PhraseIndex", "fold", "fold_view"]

_DROP = (
    set("ʿʾ\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u0640")
    | {chr(c) for c in range(0x064B, 0x0660)}
    | {"\u0670"}
)
_SPACE = set("-‐‑‒–—_/'’‘`´")
_WORD = re.compile(r"\w+")
_CLITICS = ("و", "ف", "ب", "ل")
_ARTICLE = re.compile(r"^(?:(?:al|el|ar|as|ad|ash|at|az|an|ez|es|ed|er)[\s-]|l')(?=\w)")


@lru_cache(maxsize=65536)
def _fold_char(char: str, lower: bool) -> str:
    if char in _DROP:
        return ""
    if char in _SPACE:
        return " "
    decomposed = unicodedata.normalize("NFD", char)
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    base = normalise_arabic(base) if base else base
    return base.lower() if lower else base


@lru_cache(maxsize=8)
def _tokens_of(text: str) -> tuple[list[tuple[int, int, str]], list[int]]:
    """Folded tokens of a text and the index map; cached, as five indexes read the same text."""
    view, index = fold_view(text)
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(view)], index


def fold_view(text: str, lower: bool = True) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, the index it came from in `text`."""
    out: list[str] = []
    index: list[int] = []
    for i, char in enumerate(text):
        folded = _fold_char(char, lower)
        out.append(folded)
        index.extend([i] * len(folded))
    return "".join(out), index


def fold(text: str, lower: bool = True) -> str:
    """The folded form of a phrase, as index keys are written."""
    return " ".join(_WORD.findall(fold_view(text, lower)[0]))


@dataclass(frozen=True, slots=True)
class Entry:
    """What a listed phrase stands for. `cased`: the text must match the listed capitals."""

    kind: str
    label: str
    cased: bool = False
    capitalised: bool = False
    attributes: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Hit:
    """A listed phrase found at `start`-`end` of the original text."""

    start: int
    end: int
    entry: Entry
    variant: str


@dataclass(slots=True)
class PhraseIndex:
    """Folded phrase -> entries; `find` returns the longest non-overlapping hits."""

    keys: dict[str, list[tuple[str, Entry]]] = field(default_factory=dict)
    prefixes: set[str] = field(default_factory=set)

    def add(self, phrase: str, entry: Entry) -> None:
        key = fold(phrase)
        if not key:
            return
        self.keys.setdefault(key, []).append((phrase, entry))
        words = key.split(" ")
        self.prefixes.update(" ".join(words[:n]) for n in range(1, len(words) + 1))

    def find(self, text: str) -> list[Hit]:
        tokens, index = _tokens_of(text)
        hits: list[Hit] = []
        i = 0
        while i < len(tokens):
            found = self._longest_at(text, index, tokens, i)
            if found is None:
                i += 1
                continue
            hit, used = found
            hits.append(hit)
            i += used
        return hits

    def _longest_at(
        self, text: str, index: list[int], tokens: list[tuple[int, int, str]], i: int
    ) -> tuple[Hit, int] | None:
        best: tuple[Hit, int] | None = None
        for skip, first in _first_token_forms(tokens[i][2]):
            key = first
            n = 1
            while key in self.prefixes:
                start = index[tokens[i][0] + skip]
                end = index[tokens[i + n - 1][1] - 1] + 1
                entry = self._accept(key, text[start:end]) if key in self.keys else None
                if entry is not None and (best is None or n > best[1]):
                    best = Hit(start, end, entry[1], entry[0]), n
                if i + n >= len(tokens):
                    break
                key = f"{key} {tokens[i + n][2]}"
                n += 1
        return best

    def _accept(self, key: str, original: str) -> tuple[str, Entry] | None:
        for variant, entry in self.keys.get(key, ()):
            if entry.cased and fold(original, lower=False) != fold(variant, lower=False):
                continue
            if entry.capitalised and _ARTICLE.sub("", original)[:1].islower():
                continue
            return variant, entry
        return None


def _first_token_forms(token: str) -> list[tuple[int, str]]:
    """The token as written, then without a joined Arabic clitic (with the skip in characters)."""
    forms = [(0, token)]
    if len(token) >= 4 and token[0] in _CLITICS:
        rest = token[1:]
        if token[0] == "ل" and rest.startswith("ل") and not rest.startswith("ال"):
            forms.append((1, "ا" + rest))
        forms.append((1, rest))
        if len(rest) >= 4 and rest[0] in _CLITICS:
            forms.append((2, rest[1:]))
    return forms
