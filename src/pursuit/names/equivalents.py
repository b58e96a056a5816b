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

__all__ = ["name_symbols", "same_given_name", "shortened_given_name"]

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


# Pet forms made by clipping a given name, which no list holds in full (Sasha is listed, "Bella"
# for "Arabella" or "Donnie" for "Donald" often is not). Written by hand: rigour and the other
# name libraries here keep lists of known pairs, not the rules that make new ones. Each rule
# keeps a stem long enough that two unrelated names rarely meet it by chance:
# * the front kept (Sam / Samantha, Jeff / Jeffrey): at least 3 letters, 2 fewer than the name;
# * the end kept (Bella / Arabella, Tina / Kristine): at least 4 letters, 2 fewer;
# * the front kept with a pet ending (Donnie / Donald, Robby / Robert, Angie / Angela): a stem of
#   at least 3 letters, its last consonant perhaps doubled, then -ie, -y, -ey, -ee or -i.
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")
_PET_ENDINGS = ("ie", "ey", "ee", "y", "i")
_FRONT, _END, _STEM, _LONGER_BY = 3, 4, 3, 2


def _latin(word: str) -> bool:
    return bool(word) and set(word) <= _LETTERS


def _pet_stem(short: str, full: str) -> bool:
    for ending in _PET_ENDINGS:
        if not short.endswith(ending):
            continue
        stem = short[: -len(ending)]
        if len(stem) >= _STEM + 1 and stem[-1] == stem[-2]:
            stem = stem[:-1]  # "Donnie": "don" + a doubled "n"
        if len(stem) >= _STEM and full.startswith(stem) and len(full) > len(stem) + 1:
            return True
    return False


def _end_kept(short: str, full: str) -> bool:
    """ "Bella" / "Arabella"; a final vowel may change with the clipping ("Tina" / "Kristine")."""
    if full.endswith(short):
        return True
    vowels = "aeiouy"
    return short[-1] in vowels and full[-1] in vowels and full[:-1].endswith(short[:-1])


# What is left over when a longer name is not a pet form but another name: a feminine ending
# (Ali / Aliya, Paul / Pauline) or the second half of an Arabic compound (Saif / Saifullah,
# Jamal / Jamaluddin, Hassan / Hassanein).
_OTHER_NAME_ENDINGS = (
    "a ah ia iya ya na ina ine ette elle ullah ollah allah ulla uddin eddin iddin addin aldin "
    "uldin ein ain ayn"
).split()


def _another_name(short: str, full: str) -> bool:
    return full.startswith(short) and full[len(short) :] in _OTHER_NAME_ENDINGS


def shortened_given_name(a: str, b: str) -> bool:
    """Whether one Latin-script given name is a clipped or pet form of the other."""
    x, y = a.lower(), b.lower()
    if not (_latin(x) and _latin(y)) or x == y:
        return False
    short, full = sorted((x, y), key=len)
    if _another_name(short, full):
        return False
    if len(full) - len(short) >= _LONGER_BY:
        if len(short) >= _FRONT and full.startswith(short):
            return True
        if len(short) >= _END and _end_kept(short, full):
            return True
    return _pet_stem(x, y) or _pet_stem(y, x)
