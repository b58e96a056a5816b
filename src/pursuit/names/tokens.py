"""A name as comparable tokens: folded words with their alternatives, weight and role.

Arabic-script names carry every folded spelling the transliterator ranks, so "حفص" can meet
"Hafs" or "Hafes"; Latin names carry one. Each token knows whether it belongs to the kunya or a
nisba, because those parts weigh differently as evidence.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import JaroWinkler

from pursuit.names.fold import fold_token, has_arabic, latin_tokens, latin_words
from pursuit.names.parse import parse_name
from pursuit.names.transliterate import arabic_token_options
from pursuit.names.vocab import COMMON, TITLES

__all__ = ["NameTokens", "Token", "name_tokens", "token_similarity"]

_FOLDED_TITLES = frozenset(fold_token(t) for t in TITLES)
_MARKERS = frozenset({"abu", "umm", "bin", "bint"})


def _shortest(options: frozenset[str]) -> str:
    """The shortest spelling, ties broken alphabetically: set order changes between runs."""
    return min(options, key=lambda o: (len(o), o))


@dataclass(frozen=True, slots=True)
class Token:
    options: frozenset[str]
    weight: float
    role: str  # kunya, nisba, name or marker
    alone: str | None = None  # the one spelling when there are no alternatives (fast path)
    word: str | None = None  # the Latin word as written, before folding (None for Arabic)

    @property
    def text(self) -> str:
        return _shortest(self.options)


@dataclass(frozen=True, slots=True)
class NameTokens:
    tokens: tuple[Token, ...]
    kunya: str | None
    nisbas: tuple[str, ...]
    origin: str | None

    @property
    def weight(self) -> float:
        return sum(t.weight for t in self.tokens)


# An initial ("J." for Jean) agrees with any word it begins, but proves less than the word.
INITIAL_AGREES = 0.9


def _initial(a: str, b: str) -> float:
    """Similarity when either word is one letter: an initial, not a word to spell-compare."""
    if len(a) == 1 and len(b) == 1:
        return 1.0 if a == b else 0.0
    return INITIAL_AGREES if a[:1] == b[:1] else 0.0


def token_similarity(a: Token, b: Token) -> float:
    """How alike two words are: 1.0 when any spellings agree, else their best Jaro-Winkler."""
    if a.alone is not None and b.alone is not None:
        if a.alone == b.alone:
            return 1.0
        if len(a.alone) == 1 or len(b.alone) == 1:
            return _initial(a.alone, b.alone)
        return JaroWinkler.similarity(a.alone, b.alone)
    if a.options & b.options:
        return 1.0
    return max(JaroWinkler.similarity(x, y) for x in a.options for y in b.options)


def _weight(folded: str) -> float:
    if folded in _MARKERS:
        return 0.05
    if len(folded) == 1:
        return 0.3
    return 0.2 if folded in COMMON else 1.0


def _roles(parsed_kunya: str | None, nisbas: tuple[str, ...]) -> dict[str, str]:
    roles: dict[str, str] = {}
    for nisba in nisbas:
        for word in latin_tokens(nisba):
            roles[word] = "nisba"
    if parsed_kunya:
        for word in latin_tokens(parsed_kunya):
            roles.setdefault(word, "kunya")
    return roles


@lru_cache(maxsize=200_000)
def name_tokens(name: str) -> NameTokens:
    """The tokens of a name, titles removed, each with its alternatives, weight and role."""
    parsed = parse_name(name)
    if has_arabic(name):
        slots = list(arabic_token_options(name))
        written: list[str | None] = [None] * len(slots)
    else:
        slots = [frozenset([t]) for t in latin_tokens(name)]
        written = list(latin_words(name))
    both = list(zip(slots, written, strict=True))
    kept = [(s, w) for s, w in both if not (s & _FOLDED_TITLES)] or both
    roles = _roles(parsed.kunya, parsed.nisbas)
    tokens = []
    for options, word in kept:
        best = _shortest(options)
        role = "marker" if best in _MARKERS else roles.get(best, "name")
        alone = best if len(options) == 1 else None
        tokens.append(Token(options, _weight(best), role, alone, word))
    kunya = " ".join(latin_tokens(parsed.kunya)) if parsed.kunya else None
    nisbas = [" ".join(latin_tokens(n)) for n in parsed.nisbas]
    # An Arabic nisba is spelt as the transliterator ranks it ("العبيدي": Labidi, Ubaydi,
    # Obaidi); the nisba rule must see every spelling, not only the first.
    nisbas += sorted({o for t in tokens if t.role == "nisba" for o in t.options} - set(nisbas))
    return NameTokens(tuple(tokens), kunya, tuple(nisbas), parsed.nisba_origin)
