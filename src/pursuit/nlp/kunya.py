"""Kunya names (Abu/Umm + name + optional nisba) found whole, in Latin and Arabic script.

Statistical models split "Abu Hafs al-Jazrawi" into a person and a place or drop the nisba;
investigators need the whole name as one person, with the nisba read as a hint of origin.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from pursuit.nlp.arabic_text import normalise_arabic
from pursuit.nlp.peoples import nisba_origin

__all__ = ["KUNYA_EXTRACTOR", "KunyaName", "find_kunyas", "kunya_attributes", "person_label"]

KUNYA_EXTRACTOR = "rules:kunya 1"
_HEAD = r"(?:Abu|Abou|Abū|Abo|Aboo|Umm|Um|Oum|Omm)"
_NAME = r"[A-Z\u00c0-\u00de][\w'’]+"
_ARTICLE = r"(?:[Aa]l|[Ee]l|[Aa][dnrstz]|[Aa]sh|[Ee][dnrsz])[-\s]"
_LATIN = re.compile(
    rf"\b{_HEAD}[-\s]+(?:Abd(?:ul|el|al|ul-|ur|-)?[-\s]?(?:{_ARTICLE})?{_NAME}|{_NAME})"
    rf"(?:\s+(?:{_ARTICLE}|Al-|El-){_NAME}){{0,2}}"
)
_NISBA_TAIL = re.compile(rf"\s((?:{_ARTICLE}|Al-|El-){_NAME})$")
_AR_WORD = r"[\u0621-\u064a\u064b-\u0652\u0640]+"
_ARABIC = re.compile(
    rf"(?<![\u0621-\u064a])(?:أبو|ابو|أبا|ابا|أبي|ابي|أم|ام)\s+"
    rf"(?:عبد\s*ال{_AR_WORD}|{_AR_WORD})((?:\s+ال{_AR_WORD}){{0,2}})"
)
_NOT_NISBA = frozenset({"الذي", "التي", "الي", "الذين", "اللتي"})
_NOT_NAME = frozenset({"لا", "ما", "من", "في", "على", "الى", "إلى", "ان", "أن", "هل", "كان", "قد"})
_HEADS = {"abou": "Abu", "abū": "Abu", "abo": "Abu", "aboo": "Abu"}
_HEADS |= {"um": "Umm", "oum": "Umm", "omm": "Umm"}


@dataclass(frozen=True, slots=True)
class KunyaName:
    """A kunya name's span and its parts: the kunya itself and a trailing nisba, if any."""

    start: int
    end: int
    kunya: str
    nisba: str


def _arabic_tail(tail: str) -> str:
    """Keep the trailing article words that are nisbas (end in ي), stopping at the first not."""
    kept = ""
    for match in re.finditer(r"\s+(\S+)", tail):
        word = normalise_arabic(match.group(1))
        if not word.endswith("ي") or word in _NOT_NISBA:
            break
        kept = tail[: match.end()]
    return kept


def _arabic_kunyas(text: str) -> list[KunyaName]:
    found: list[KunyaName] = []
    for match in _ARABIC.finditer(text):
        head_end = match.start(1)
        name_word = text[match.start() : head_end].split()[-1]
        if normalise_arabic(name_word) in _NOT_NAME:
            continue
        tail = _arabic_tail(match.group(1))
        end = head_end + len(tail)
        nisba = tail.split()[-1] if tail.strip() else ""
        found.append(KunyaName(match.start(), end, text[match.start() : head_end].strip(), nisba))
    return found


def _latin_kunyas(text: str) -> list[KunyaName]:
    found: list[KunyaName] = []
    for match in _LATIN.finditer(text):
        tail = _NISBA_TAIL.search(match.group())
        nisba = tail.group(1) if tail else ""
        kunya = match.group()[: len(match.group()) - len(nisba)].strip()
        found.append(KunyaName(match.start(), match.end(), kunya, nisba))
    return found


def find_kunyas(text: str) -> list[KunyaName]:
    """Every kunya name in `text`, Latin and Arabic script, with offsets into `text`."""
    return sorted(_latin_kunyas(text) + _arabic_kunyas(text), key=lambda k: k.start)


def kunya_attributes(name: KunyaName) -> dict[str, str]:
    """The kunya, the nisba and where the nisba points to, as mention attributes."""
    attributes = {"kunya": name.kunya}
    if name.nisba:
        attributes["nisba"] = name.nisba
        origin = nisba_origin(name.nisba)
        if origin is not None:
            attributes["origin_country"] = origin[0]
            if origin[1]:
                attributes["origin_place"] = origin[1]
    return attributes


def _latin_word(word: str) -> str:
    low = word.lower()
    if low in _HEADS:
        return _HEADS[low]
    article = re.match(r"^(?:al|el|a[dnrstz]|ash|e[dnrsz])[-](.+)$", word, re.IGNORECASE)
    if article:
        return "al-" + article.group(1)[:1].upper() + article.group(1)[1:]
    return word[:1].upper() + word[1:]


def person_label(name: str) -> str:
    """A normalised person name used to group mentions: one spelling of Abu, al-, spacing."""
    if any("\u0600" <= c <= "\u06ff" for c in name):
        return " ".join(normalise_arabic(name).split())
    folded = "".join(
        c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c)
    ).replace("’", "'")
    words = re.sub(r"\b([Aa]l|[Ee]l)\s+(?=[A-Z])", r"\1-", folded).split()
    return " ".join(_latin_word(w) for w in words)
