"""Given names that are one name though spelt apart: hypocoristics and cross-language forms.

"Sasha" is "Alexander", "Bill" is "William", "Kolya" is "Nikolai": no folding of letters brings
them together. rigour (already a dependency, through nomenklatura) tags name words with the
Wikidata given-name items they may stand for and with English nickname groups; two words sharing
one of those symbols are forms of one given name. Only given names are looked up this way: a
family name shares items with too many others to be evidence.
"""

from __future__ import annotations

from functools import lru_cache

from rigour.names import NameTypeTag, analyze_names
from rigour.names.symbol import Symbol

__all__ = ["name_symbols", "same_given_name"]

_KINDS = frozenset({Symbol.Category.NAME, Symbol.Category.NICK})
_MIN_LETTERS = 3


@lru_cache(maxsize=50_000)
def name_symbols(word: str) -> frozenset[str]:
    """The given-name items and nickname groups rigour tags one word with."""
    if len(word) < _MIN_LETTERS:
        return frozenset()
    found: set[str] = set()
    for name in analyze_names(NameTypeTag.PER, [word], phonetics=False, numerics=False):
        found.update(f"{s.category}:{s.id}" for s in name.symbols if s.category in _KINDS)
    return frozenset(found)


def same_given_name(a: str, b: str) -> bool:
    """Whether two given names are forms of one another (Sasha / Alexander)."""
    return bool(name_symbols(a.lower()) & name_symbols(b.lower()))
