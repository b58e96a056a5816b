"""What a comparison measures about two names, as numbers a trained model can weigh.

The hand-written alignment says which words correspond; these figures describe that alignment
(how much of each name is accounted for, how exactly, whether the first and last words agree)
beside whole-string similarities of the folded forms. They describe names only — never the
length of a name as such, nor its script — so the model cannot learn quirks of one list.
"""

from __future__ import annotations

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from pursuit.names.blocking import skeleton
from pursuit.names.tokens import NameTokens, Token, token_similarity

__all__ = ["FEATURES", "Aligned", "ending_added", "name_features"]

Aligned = list[tuple[Token, Token, float]]

FEATURES = (
    "matched_short_sharp",
    "matched_long_sharp",
    "matched_short",
    "matched_long",
    "words_short",
    "words_long",
    "mean_similarity",
    "exact_words",
    "token_set_ratio",
    "token_sort_ratio",
    "partial_ratio",
    "first_word",
    "last_word",
    "skeletons_unaligned",
    "ending_added",
    "ending_consonants",
    "weakest_distinct",
    "cap",
)
_VOWELS = frozenset("aeiouwy")


def _unaligned_skeletons(a: NameTokens, b: NameTokens, aligned: Aligned) -> float:
    """Share of the shorter name's unaligned words whose consonants equal an unaligned word's.

    "Salih" and "Saleh", "Mashkautsan" and "Maskaucan" miss the alignment's similarity bar yet
    keep their consonants; vowels are what transliterations disagree on most.
    """
    used = {id(x) for x, _, _ in aligned} | {id(y) for _, y, _ in aligned}
    rest_a = [t for t in a.tokens if id(t) not in used]
    rest_b = [t for t in b.tokens if id(t) not in used]
    if not rest_a or not rest_b:
        return 0.0
    skel_b = {skeleton(o) for t in rest_b for o in t.options}
    hits = sum(1 for t in rest_a if any(skeleton(o) in skel_b for o in t.options))
    return hits / min(len(rest_a), len(rest_b))


def _tails(x: str, y: str) -> tuple[str, str]:
    """What is left of two words after the letters they begin with in common."""
    stem = 0
    while stem < min(len(x), len(y)) and x[stem] == y[stem]:
        stem += 1
    return x[stem:], y[stem:]


def _consonants(text: str) -> str:
    """The consonants of an ending; "h" goes too, as "Baraka" and "Barakah" are one name."""
    return "".join(c for c in text.replace("w", "v") if c not in _VOWELS and c != "h")


def ending_added(x: str, y: str) -> float:
    """1.0 when one word is the other plus an ending that makes another name: consonants
    ("Schneider" / "Schneidermann", "Fadl" / "Fadli", "Karim" / "Karimov") or the nisba's
    "-i" ("Hussein" / "Husseini"); 0.5 for a vowel or an "h" ("Baraka" / "Barakah");
    0.0 when neither word begins the other."""
    tail_x, tail_y = _tails(x, y)
    if (tail_x and tail_y) or not (tail_x or tail_y):
        return 0.0
    tail = tail_x or tail_y
    return 1.0 if _consonants(tail) or tail in ("i", "y", "iy") else 0.5


def _endings(aligned: Aligned) -> tuple[float, float, float]:
    """How the words that were aligned, not equal, part at their end.

    Family names derived by a suffix are other names: "Schneider" / "Schneidermann",
    "Karimov" / "Karimi", "Hussein" / "Husseini". Transliterations differ in vowels and doubled
    letters ("Hashemi" / "Hashimi") far more than in consonants added at the end. Returned: one
    word is the other plus an ending (see `ending_added`); the most consonants the endings
    differ by; the weakest similarity of such a pair (1.0 when every word agrees exactly).
    """
    added, consonants, weakest = 0.0, 0.0, 1.0
    for x, y, sim in aligned:
        if sim >= 1.0 or x.alone is None or y.alone is None or min(x.weight, y.weight) < 0.2:
            continue
        if len(x.alone) == 1 or len(y.alone) == 1:
            continue
        tail_x, tail_y = _tails(x.alone, y.alone)
        added = max(added, ending_added(x.alone, y.alone))
        differ = Levenshtein.distance(_consonants(tail_x), _consonants(tail_y))
        consonants = max(consonants, float(differ))
        weakest = min(weakest, sim)
    return added, consonants, weakest


def name_features(a: NameTokens, b: NameTokens, aligned: Aligned, cap: float) -> list[float]:
    """The figures in `FEATURES` order; `cap` is the Arabic-naming rules' cap on the score."""
    short_w, long_w = sorted((a.weight, b.weight))
    sharp = sum(min(x.weight, y.weight) * sim**3 for x, y, sim in aligned)
    plain = sum(min(x.weight, y.weight) * sim for x, y, sim in aligned)
    short_n, long_n = sorted((len(a.tokens), len(b.tokens)))
    text_a = " ".join(t.text for t in a.tokens)
    text_b = " ".join(t.text for t in b.tokens)
    return [
        sharp / max(short_w, 1e-9),
        sharp / max(long_w, 1e-9),
        plain / max(short_w, 1e-9),
        plain / max(long_w, 1e-9),
        len(aligned) / short_n,
        len(aligned) / long_n,
        sum(sim for _, _, sim in aligned) / len(aligned) if aligned else 0.0,
        sum(1 for _, _, sim in aligned if sim == 1.0) / long_n,
        fuzz.token_set_ratio(text_a, text_b) / 100,
        fuzz.token_sort_ratio(text_a, text_b) / 100,
        fuzz.partial_ratio(text_a, text_b) / 100,
        token_similarity(a.tokens[0], b.tokens[0]),
        token_similarity(a.tokens[-1], b.tokens[-1]),
        _unaligned_skeletons(a, b, aligned),
        *_endings(aligned),
        cap,
    ]
