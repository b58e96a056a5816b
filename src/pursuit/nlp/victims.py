"""Victim counts as sources write them, in English, French, German and Arabic.

"almost 300 civilians", "près de 300 civils", "fast 300 Zivilisten", "نحو 300 مدني" are one
count, 300, said approximately; "eleven prisoners", "onze prisonniers", "elf Gefangene" and
"أحد عشر أسيرا" are eleven, said exactly. The words are kept with the number, so a reader can
see what the source said rather than only what we read into it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pursuit.nlp.dates import find_dates

__all__ = ["VictimCount", "number_value", "read_victims"]

_UNITS = {
    "en": "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen twenty",
    "fr": "zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze "
    "quinze seize dix-sept dix-huit dix-neuf vingt",
    "de": "null eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn "
    "vierzehn fünfzehn sechzehn siebzehn achtzehn neunzehn zwanzig",
    "ar": "صفر واحد اثنان ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة عشرة أحد_عشر اثنا_عشر "
    "ثلاثة_عشر أربعة_عشر خمسة_عشر ستة_عشر سبعة_عشر ثمانية_عشر تسعة_عشر عشرون",
}
_TENS = {
    30: "thirty|trente|dreißig|dreissig|ثلاثون|ثلاثين",
    40: "forty|quarante|vierzig|أربعون|أربعين|اربعين",
    50: "fifty|cinquante|fünfzig|خمسون|خمسين",
    60: "sixty|soixante|sechzig|ستون|ستين",
    70: "seventy|soixante-dix|siebzig|سبعون|سبعين",
    80: "eighty|quatre-vingts|quatre-vingt|achtzig|ثمانون|ثمانين",
    90: "ninety|quatre-vingt-dix|neunzig|تسعون|تسعين",
    100: "hundred|a hundred|one hundred|cent|hundert|einhundert|مئة|مائة|مية",
    200: "two hundred|deux cents|zweihundert|مئتان|مئتين|مائتين|مائتان",
    300: "three hundred|trois cents|dreihundert|ثلاثمئة|ثلاثمائة",
    400: "four hundred|quatre cents|vierhundert|أربعمئة|أربعمائة",
    500: "five hundred|cinq cents|fünfhundert|خمسمئة|خمسمائة",
    1000: "thousand|a thousand|one thousand|mille|tausend|eintausend|ألف",
}
_EXTRA = {
    2: "اثنين|اثنتين|اثنتان|deux",
    3: "ثلاث",
    11: "إحدى عشرة|احد عشر",
    12: "اثني عشر|اثنتا عشرة",
    20: "عشرين",
    10: "عشر",
}
_APPROXIMATE = (
    r"almost|nearly|about|around|some|approximately|roughly|an estimated|close to|up to|"
    r"at least|more than|over|près de|environ|presque|quelque|au moins|plus de|jusqu'à|"
    r"fast|etwa|rund|ungefähr|knapp|mindestens|mehr als|beinahe|über|"
    r"حوالي|حوالى|نحو|قرابة|ما يقارب|ما يقرب من|أكثر من|ما لا يقل عن|زهاء"
)
_NOUNS = (
    r"civilians?|people|men|women|children|boys|girls|prisoners|captives|detainees|villagers|guards|"
    r"residents|yazidis|yezidis|victims|persons|soldiers|fighters|members|hostages|shepherds?|"
    r"civils|personnes|hommes|femmes|enfants|prisonniers|otages|villageois|habitants|victimes|"
    r"détenus|gardes|Wachen|Wachleute|Zivilisten|Menschen|Personen|Männer|Frauen|Kinder|Gefangene|Gefangenen|Geiseln|"
    r"Dorfbewohner|Bewohner|Opfer|Häftlinge|"
    r"مدني|مدنيا|مدنياً|مدنيين|شخص|شخصا|شخصاً|أشخاص|رجل|رجلا|رجال|امرأة|نساء|طفل|طفلا|أطفال|"
    r"حراس|أسير|أسيرا|أسرى|معتقل|معتقلا|معتقلين|ضحية|ضحايا|قروي|قرويين"
)
_JOIN = re.compile(r"-et-|\s+et\s+|-|und|\s+و\s*|\s+")
_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")


@cache
def _number_words() -> dict[str, int]:
    found: dict[str, int] = {}
    for words in _UNITS.values():
        for value, word in enumerate(words.split()):
            found.setdefault(word.replace("_", " "), value)
    for table in (_TENS, _EXTRA):
        for value, words in table.items():
            for word in words.split("|"):
                found.setdefault(word, value)
    found.update({"ein": 1, "une": 1, "a dozen": 12, "une douzaine": 12, "ein dutzend": 12})
    return found


@dataclass(frozen=True, slots=True)
class VictimCount:
    """How many victims a source names, its words, and whether it only estimates."""

    count: int
    text: str
    approximate: bool


def number_value(word: str) -> int | None:
    """A written number ("300", "1,200", "onze", "أحد عشر", "٣٠٠") as an int, else None."""
    folded = " ".join(word.translate(_ARABIC_DIGITS).casefold().split())
    digits = re.sub(r"(?<=\d)[,.\s'](?=\d{3}\b)", "", folded)
    if digits.isdigit():
        return int(digits)
    whole = _number_words().get(folded)
    if whole is not None:
        return whole
    parts = [_number_words().get(p) for p in _JOIN.split(folded)]
    if len(parts) != 2 or None in parts:
        return None
    a, b = sorted(p for p in parts if p is not None)
    return a + b if a < 10 <= b and b % 10 == 0 and b < 100 else None  # twenty-two, zweiundzwanzig


@cache
def _pattern() -> re.Pattern[str]:
    words = sorted(_number_words(), key=len, reverse=True)
    word = "|".join(re.escape(w) for w in words)
    compound = rf"(?:{word})(?:-et-|\s+et\s+|-|und|\s+و\s*)(?:{word})"
    number = rf"\d{{1,3}}(?:[,.\s']\d{{3}})+|\d+|[٠-٩]+|{compound}|{word}"
    return re.compile(
        rf"(?<!\w)(?:(?P<q>{_APPROXIMATE})\s+)?(?P<n>{number})\s+"
        rf"(?:[^\W\d]+\s+){{0,2}}?(?:{_NOUNS})(?!\w)",
        re.I,
    )


def read_victims(text: str) -> VictimCount | None:
    """The first victim count in `text`, with its words; None when no count is given."""
    dates = [(d.start, d.end) for d in find_dates(text)]
    at = 0
    while (match := _pattern().search(text, at)) is not None:
        start, end = match.span("n")
        at = end
        if any(a < end and start < b for a, b in dates):  # "in summer 2014 eleven men…"
            continue
        value = number_value(match.group("n"))
        if value and value < 1_000_000:
            return VictimCount(value, match.group(0), match.group("q") is not None)
    return None
