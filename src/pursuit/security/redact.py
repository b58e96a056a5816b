"""Redaction: every spelling of a protected witness's identity replaced by their pseudonym.

A witness registered as "Ahmad Khalil al-Hassan" is written in testimony as "AHMAD KHALIL",
"al-Hassan, Ahmed", "Ahmed Khalil El Hassan" or "أحمد خليل الحسن". Literal replacement would miss
most of these, so names are matched word by word on folded forms:

- a Latin word folds through `pursuit.names` (case, accents, Ahmad/Ahmed/Ahmet, articles dropped);
- an Arabic word folds as search does (harakat, hamza forms, taa marbuta) without its article
  and proclitics, and also through the romanizer's ranked Latin spellings, so Arabic text is
  matched against a Latin name and the other way round.

A run of adjacent words (joined only by spaces, hyphens, dots or commas, articles and "bin/ibn"
allowed inside) that covers two or more distinct parts of a name, in any order, is replaced; a
one-word name is replaced wherever it stands. A lone given name ("Ahmad") of a longer name is
left, since it names many people — register it as an alias to hide it too. The contact is
replaced literally and, for phone numbers, by its digits whatever the separators.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from pursuit.names.fold import has_arabic, latin_tokens
from pursuit.names.transliterate import arabic_token_options, transliterate
from pursuit.search.normalize import fold
from pursuit.security.vault import Identity

__all__ = ["Redactor", "word_keys"]

_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u0640"
_WORD = re.compile(rf"[\w{_MARKS}]+(?:[-'’][\w{_MARKS}]+)*")
_JOIN = re.compile(r"^[\s\-‐.,،]*$")
_PROCLITICS = ("وال", "بال", "فال", "لل", "ال", "و", "ف", "ب", "ل")
_MIN_PHONE_DIGITS = 7
_PHONE_TAIL = 9

Keys = tuple[frozenset[str], ...]


def _arabic_forms(word: str) -> set[str]:
    """The folded Arabic word, and the word without each proclitic it may carry."""
    folded = fold(word)
    forms = {folded}
    for prefix in _PROCLITICS:
        if folded.startswith(prefix) and len(folded) - len(prefix) >= 2:
            forms.add(folded[len(prefix) :])
    return forms


@lru_cache(maxsize=100_000)
def word_keys(word: str) -> Keys:
    """One word's comparable forms, one set per name part it holds; `()` for an article.

    Latin "al-Hassan" → ({"hasan"},); Arabic "الحسن" → ({"حسن", "الحسن", "hasan", …},).
    """
    if not has_arabic(word):
        return tuple(frozenset([token]) for token in latin_tokens(word))
    latin = arabic_token_options(word)
    forms = _arabic_forms(word)
    if len(latin) == 1:
        forms |= latin[0]
    elif len(latin) == 0 and all(f in ("ال", "بن", "ابن") for f in forms):
        return ()
    return (frozenset(forms),)


def _name_parts(name: str) -> Keys:
    parts: list[frozenset[str]] = []
    for match in _WORD.finditer(name):
        parts.extend(word_keys(match.group()))
    return tuple(parts)


def _spellings(name: str) -> list[str]:
    """The name as given and, for Arabic script, its ranked Latin spellings."""
    found = [name.strip()]
    if has_arabic(name):
        found += transliterate(name)
    return [s for s in found if s]


def _phone_pattern(contact: str) -> re.Pattern[str] | None:
    digits = re.sub(r"\D", "", contact)
    if len(digits) < _MIN_PHONE_DIGITS or re.search(r"[A-Za-z@]", contact):
        return None
    tail = digits[-_PHONE_TAIL:]
    body = r"[\s().\-]*".join(tail)
    return re.compile(rf"(?:(?:\+|00)\d{{1,3}}[\s().\-]*)?(?:\(?0\)?[\s\-]*)?{body}(?!\d)")


def _literal(texts: Iterable[str]) -> re.Pattern[str] | None:
    unique = sorted({t for t in texts if len(t.strip()) >= 3}, key=len, reverse=True)
    if not unique:
        return None
    return re.compile("|".join(re.escape(t) for t in unique), re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Redactor:
    """Replaces one witness's identity strings with the pseudonym. Its repr shows only that."""

    pseudonym: str
    names: tuple[Keys, ...]
    patterns: tuple[re.Pattern[str], ...]

    def __repr__(self) -> str:
        return f"Redactor({self.pseudonym})"

    @classmethod
    def for_identity(cls, identity: Identity, pseudonym: str) -> Redactor:
        names = [identity.name, *identity.aliases]
        parts = tuple(p for p in (_name_parts(n) for n in names) if p)
        literals = [s for n in names for s in _spellings(n)]
        if identity.contact.strip():
            literals.append(identity.contact.strip())
        found = [_literal(literals), _phone_pattern(identity.contact)]
        return cls(pseudonym, parts, tuple(p for p in found if p is not None))

    def redact(self, text: str) -> str:
        """`text` with every occurrence of the identity replaced by the pseudonym."""
        for pattern in self.patterns:
            text = pattern.sub(self.pseudonym, text)
        for parts in self.names:
            text = _replace_runs(text, parts, self.pseudonym)
        return text


def _take(keys: Keys, parts: Keys, used: set[int]) -> bool:
    """Mark the parts one word covers; False (nothing marked) when a sub-word matches none."""
    chosen: list[int] = []
    for sub in keys:
        free = [i for i, p in enumerate(parts) if i not in used and i not in chosen and sub & p]
        if not free:
            return False
        chosen.append(free[0])
    used.update(chosen)
    return True


def _run_end(
    words: list[tuple[int, int, Keys]], text: str, start: int, parts: Keys
) -> tuple[int, int]:
    """From word `start`, the last word of a run naming the person and the parts it covers."""
    used: set[int] = set()
    last = -1
    index = start
    while index < len(words):
        if index > start and not _JOIN.match(text[words[index - 1][1] : words[index][0]]):
            break
        keys = words[index][2]
        if keys and not _take(keys, parts, used):
            break
        if keys:
            last = index
        elif index == start:
            return -1, 0
        index += 1
    return last, len(used)


def _replace_runs(text: str, parts: Keys, pseudonym: str) -> str:
    words = [(m.start(), m.end(), word_keys(m.group())) for m in _WORD.finditer(text)]
    needed = min(2, len(parts))
    pieces: list[str] = []
    cursor = index = 0
    while index < len(words):
        last, covered = _run_end(words, text, index, parts)
        if last >= 0 and covered >= needed:
            pieces += [text[cursor : words[index][0]], pseudonym]
            cursor, index = words[last][1], last + 1
        else:
            index += 1
    pieces.append(text[cursor:])
    return "".join(pieces)
