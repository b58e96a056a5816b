"""A person's name split into the parts Arabic naming gives it.

A kunya (Abu Hafs) is a by-name shared by thousands; an ism (Hafs, Yassin) is the given name; a
nasab (bin Ladin) names the father; a nisba (al-Jazrawi) names an origin — often the only hint of
nationality in a nom de guerre; titles (Sheikh, Haji, Dr) say nothing of identity and are set
aside. No package parses these, so the rules are ours.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pursuit.names.fold import (
    _ascii,
    fold_token,
    has_arabic,
    split_surname_first,
)
from pursuit.names.vocab import ARTICLES, KUNYA_MARKERS, NASAB_MARKERS, NISBA_ORIGINS, TITLES

__all__ = ["ParsedName", "nisba_origin", "parse_name"]

_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
_NISBA_END = re.compile(r"(?:i|y|awi|aui|ani)$")
_ORIGINS = {fold_token(root): code for root, code in NISBA_ORIGINS.items()}
_MIN_NISBA = 4
# An Arabic word written with the article and the nisba ending: al-...-i ("البلجيكي").
_ARABIC_NISBA = re.compile("^\u0627\u0644[\u0600-\u06ff]{2,}[\u064a\u06cc]$")


@dataclass(frozen=True, slots=True)
class ParsedName:
    """The parts of one name, in the original spelling (Latin) or its best transliteration."""

    original: str
    script: str
    kunya: str | None
    ism: str | None
    nasab: tuple[str, ...]
    nisbas: tuple[str, ...]
    nisba_origin: str | None
    laqab: str | None
    family: str | None
    titles: tuple[str, ...]
    nom_de_guerre: str | None

    @property
    def nisba(self) -> str | None:
        return self.nisbas[0] if self.nisbas else None


def nisba_origin(nisba: str) -> str | None:
    """The country (ISO 3166-1 alpha-2) a nisba points to, if it is one we know."""
    words = [w for w in re.split(r"[-\s]+", nisba.lower()) if w and w not in ARTICLES]
    return _ORIGINS.get(fold_token(words[-1])) if words else None


def _script(name: str) -> str:
    arabic = has_arabic(name)
    latin = bool(re.search("[A-Za-z]", name))
    return "mixed" if arabic and latin else "Arabic" if arabic else "Latin"


def _is_nisba(word: str, with_article: bool) -> bool:
    root = word.split("-")[-1]
    if len(root) < _MIN_NISBA:
        return False
    if fold_token(root) in _ORIGINS:
        return True
    return with_article and bool(_NISBA_END.search(root))


def _unhyphen_kunya(words: list[str]) -> list[str]:
    """ "Abu-Yousuf" is a kunya of its own; read as one word, the next word (the nisba in
    "Abu-Bakr al-Baghdadi") would be swallowed into it."""
    out: list[str] = []
    for word in words:
        marker, dash, rest = word.partition("-")
        if dash and marker in KUNYA_MARKERS and rest and rest not in ARTICLES:
            out.extend([marker, rest])
        else:
            out.append(word)
    return out


def _restore_articles(arabic: str, words: list[str]) -> list[str]:
    """Put back the article the transliterator dropped from a nisba the Arabic writes with it.

    "أبو يوسف البلجيكي" comes back as "Abu-Yousuf Beljiki": without "al-" the last word reads as
    part of the kunya or a given name, and the name loses its nisba. The Arabic and Latin words
    are paired from the end, where nisbas stand, until they stop corresponding one to one.
    """
    source = arabic.split()
    out = list(words)
    for back in range(1, min(len(source), len(out)) + 1):
        word, before = out[-back], out[-back - 1] if back < len(out) else ""
        if before in ARTICLES or word in ARTICLES or "-" in word:
            break
        if _ARABIC_NISBA.match(source[-back]) and _NISBA_END.search(word):
            out[-back] = f"al-{word}"
    return out


def _latin_words(name: str) -> list[str]:
    arabic = has_arabic(name)
    text = name
    if arabic:
        from pursuit.names.transliterate import transliterate

        spellings = transliterate(name)
        text = spellings[0] if spellings else ""
    words = _unhyphen_kunya(_WORD.findall(_ascii(split_surname_first(text)).replace("'", "")))
    return _restore_articles(name, words) if arabic else words


@dataclass
class _Parts:
    kunya: list[str]
    nasab: list[str]
    nisbas: list[str]
    titles: list[str]
    rest: list[str]


def _split(words: list[str]) -> _Parts:
    parts = _Parts([], [], [], [], [])
    index = 0
    while index < len(words):
        word = words[index]
        bare = word.split("-")[0]
        following = words[index + 1] if index + 1 < len(words) else None
        if word in TITLES and len(words) > 1:
            parts.titles.append(word)
        elif bare in KUNYA_MARKERS and following and not parts.kunya:
            take = 2 if following in ARTICLES and index + 2 < len(words) else 1
            parts.kunya = words[index : index + 1 + take]
            index += take
        elif bare in NASAB_MARKERS and following:
            parts.nasab.append(f"{word} {following}")
            index += 1
        elif word in ARTICLES and following:
            target = parts.nisbas if _is_nisba(following, True) else parts.rest
            target.append(f"{word}-{following}")
            index += 1
        elif "-" in word and bare in ARTICLES:
            (parts.nisbas if _is_nisba(word, True) else parts.rest).append(word)
        elif _is_nisba(word, False):
            parts.nisbas.append(word)
        else:
            parts.rest.append(word)
        index += 1
    return parts


@lru_cache(maxsize=200_000)
def parse_name(name: str) -> ParsedName:
    """Split a name, in Latin or Arabic script, into kunya, ism, nasab, nisbas and the rest."""
    parts = _split(_latin_words(name))
    kunya = " ".join(w.title() for w in parts.kunya) or None
    ism = parts.rest[0].title() if parts.rest else None
    family = parts.rest[-1].title() if len(parts.rest) > 1 else None
    laqab = " ".join(w.title() for w in parts.rest[1:-1]) or None
    nisbas = tuple(n.title() for n in parts.nisbas)
    origin = next((o for o in map(nisba_origin, nisbas) if o), None)
    nom = " ".join(filter(None, [kunya, *nisbas])) if kunya and not ism else None
    return ParsedName(
        original=name,
        script=_script(name),
        kunya=kunya,
        ism=ism,
        nasab=tuple(n.title() for n in parts.nasab),
        nisbas=nisbas,
        nisba_origin=origin,
        laqab=laqab,
        family=family,
        titles=tuple(parts.titles),
        nom_de_guerre=nom,
    )
