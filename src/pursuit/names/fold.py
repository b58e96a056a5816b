"""Folding a name to one comparable Latin form across scripts and spelling conventions.

anyascii takes any script's accents off (é→e, ü→u); what no library does is fold the ways
English, French and German write the same Arabic sounds — "Abou Hafs al-Jazraoui",
"Abu Hafs al-Dschasrawi" and "Abu Hafs al-Jazrawi" — so those rules are written here, token by
token: consonant digraphs first (dsch/dj→j, sch/ch→sh, ou→u, -aoui→-awi), then vowels reduced
(e→a, o→u, ee→i), doubled letters collapsed, and given names mapped to one spelling
(Mohamed/Mehmet→muhammad). Articles (al-, el-, ash-…) are dropped, and "Abd al-X" compounds glued.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

from pursuit.names.vocab import ARTICLES, GIVEN_EQUIVALENTS

__all__ = [
    "fold_name",
    "fold_token",
    "has_arabic",
    "latin_tokens",
    "latin_words",
    "split_surname_first",
]

_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f]")
_APOSTROPHES = re.compile("['`\u2018\u2019\u02bb\u02bc\u02be\u02bf\u0060\u00b4\u201a\u2039\u203a]")
_SEPARATORS = re.compile(r"[^a-z]+")
_DIGRAPHS = (
    ("dsch", "j"),
    ("tsch", "ch"),
    ("sch", "sh"),
    ("dj", "j"),
    ("dh", "d"),
    ("th", "t"),
    ("ph", "f"),
    ("aoui", "awi"),
    ("oui", "wi"),
    ("ou", "u"),
    ("oo", "u"),
    ("ee", "i"),
    ("ie", "i"),
    ("ch", "sh"),
    ("q", "k"),
    ("x", "ks"),
)
_SUN_ASSIMILATED = re.compile(r"^(?:a|e|u)(?:t|th|d|dh|r|z|s|sh|n)$")
_ABD_COMPOUND = re.compile(r"^abd(?:ul|el|al|ur|ar|ol|ou|u|e|i|a)?(?:[-\s])?(.{3,})$")
_DOUBLE = re.compile(r"(.)\1+")
# English and French words lists put inside aliases ("Abdullah the Turk", "dit le Belge").
_FILLERS = frozenset({"the", "of", "dit", "alias", "aka", "known", "as"})


def has_arabic(text: str) -> bool:
    return bool(_ARABIC.search(text))


def split_surname_first(name: str) -> str:
    """Lists write "SURNAME, Given"; put it back in speaking order."""
    head, comma, tail = name.partition(",")
    return f"{tail.strip()} {head.strip()}" if comma and tail.strip() else name


# Slavic names reach the lists through German, Swedish and English conventions: "Sergej",
# "Viktorovitj", "Kulisjov" are "Sergey", "Viktorovich", "Kulishov".
_SLAVIC = (
    (re.compile(r"(?<=[aeiou])j$"), "y"),
    (re.compile(r"tj"), "ch"),
    (re.compile(r"sj"), "sh"),
)


# Swedish and German spellings write the Slavic "y" as "j" ("Jevgenij Aleksejevitj Fjodorov" is
# "Yevgeny Alekseyevich Fyodorov"). Arabic names need their "j", so the swap is made only in words
# that end the Slavic way: -ov/-ev(a), -ovich/-evich, -ovna, -sky, -ij. There the glide "y"
# between vowels goes too: "Tarbayev", "Tarbajev" and "Tarbaev" are one name.
_SLAVIC_WORD = re.compile(r"(?:[oe]v(?:a|ich|na|skiy?|skaya)?|iy|ij|yj)$")
_SLAVIC_J = re.compile(r"(?<!d)j")
_GLIDE = re.compile(r"(?<=[aeiou])y(?=[aeiou])")


def _letters(token: str) -> str:
    for pattern, replacement in _SLAVIC:
        token = pattern.sub(replacement, token)
    if _SLAVIC_WORD.search(token):
        token = _GLIDE.sub("", _SLAVIC_J.sub("y", token))
    for old, new in _DIGRAPHS:
        token = token.replace(old, new)
    first, rest = token[:1], token[1:]
    rest = rest.replace("e", "a").replace("o", "u").replace("y", "i")
    return _DOUBLE.sub(r"\1", first + rest)


@lru_cache(maxsize=500_000)
def fold_token(token: str) -> str:
    """One word's folded form: given-name spellings unified, then letters folded."""
    word = token.lower()
    if word in GIVEN_EQUIVALENTS:
        return GIVEN_EQUIVALENTS[word]
    folded = _letters(word)
    return GIVEN_EQUIVALENTS.get(folded, folded)


# anyascii takes the háček off ("Timčenko" → "Timcenko"), but in Slavic spellings it is a letter
# of its own: "Timčenko" is "Timchenko", "Maškaucan" is "Mashkautsan".
_HACEK = str.maketrans(
    {
        "č": "ch",
        "Č": "Ch",
        "ć": "ch",
        "Ć": "Ch",
        "š": "sh",
        "Š": "Sh",
        "ś": "sh",
        "Ś": "Sh",
        "ž": "zh",
        "Ž": "Zh",
        "ź": "zh",
        "ż": "zh",
        "Ż": "Zh",
        "Ź": "Zh",
    }
)


# Letters typed as digits ("Kar1m Schne1der", "M0hammed"): read back only inside a word that
# also has letters, so a date or a number stays a number. "1" is an "l" before a vowel and an
# "i" elsewhere ("Schne1der" is "Schneider", "Tal1awy" is "Tallawy").
_LEET_WORD = re.compile(r"\b(?=\w*[^\W\d_])\w*\d\w*\b")
_LEET = str.maketrans({"0": "o", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b"})
_ONE_AS_L = re.compile(r"1(?=[aeiouy])", re.IGNORECASE)
# Words run together in camel case ("MohammedAli"; anyascii writes Chinese as "XiJinPing") are
# split back, except the Celtic and Romance prefixes that are written that way (McKay, MacLeod).
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")
_CAMEL_KEEP = re.compile(r"^(?:Mc|Mac|Fitz)[A-Z]")


def _letters_for_digits(text: str) -> str:
    def swap(found: re.Match[str]) -> str:
        return _ONE_AS_L.sub("l", found.group(0)).translate(_LEET).replace("1", "i")

    return _LEET_WORD.sub(swap, text)


def _uncamel(text: str) -> str:
    words = text.split(" ")
    return " ".join(w if _CAMEL_KEEP.match(w) else _CAMEL.sub(" ", w) for w in words)


def _ascii(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_HACEK)
    text = _uncamel(anyascii(_letters_for_digits(text)))
    return _APOSTROPHES.sub("", text).lower()


def _glue(words: list[str]) -> list[str]:
    """Drop articles (keeping them out of the comparison) and glue "abd al X" into one word."""
    out: list[str] = []
    index = 0
    while index < len(words):
        word = words[index]
        if word in (
            "abd",
            "abdul",
            "abdel",
            "abdal",
            "abdoul",
            "abdur",
            "abdu",
        ) and index + 1 < len(words):
            nxt = index + 1
            if words[nxt] in ARTICLES and nxt + 1 < len(words):
                nxt += 1
            out.append("abd" + fold_token(words[nxt]))
            index = nxt + 1
            continue
        compound = _ABD_COMPOUND.match(word)
        if compound and not word.startswith("abdal") and word not in GIVEN_EQUIVALENTS:
            out.append("abd" + fold_token(compound.group(1)))
        elif word not in ARTICLES and word not in _FILLERS and not _SUN_ASSIMILATED.match(word):
            out.append(word)
        index += 1
    return out


@lru_cache(maxsize=200_000)
def latin_words(name: str) -> tuple[str, ...]:
    """The words of a Latin-script name as written (lower case, accents off), articles dropped
    and "Abd al-X" glued: one for each of `latin_tokens`, for look-ups that need the spelling."""
    words = [w for w in _SEPARATORS.split(_ascii(split_surname_first(name))) if w]
    return tuple(_glue(words))


@lru_cache(maxsize=200_000)
def latin_tokens(name: str) -> tuple[str, ...]:
    """The folded words of a Latin-script name, in order."""
    return tuple(fold_token(w) if not w.startswith("abd") else w for w in latin_words(name))


@lru_cache(maxsize=200_000)
def fold_name(name: str) -> str:
    """The comparable form of a name in any script: folded words joined by spaces."""
    if has_arabic(name):
        from pursuit.names.transliterate import transliterate

        spellings = transliterate(name)
        name = spellings[0] if spellings else name
    return " ".join(latin_tokens(name))
