"""What a comparison measures about two names, as numbers a trained model can weigh.

The hand-written alignment says which words correspond; these figures describe that alignment
(how much of each name is accounted for, how exactly, whether the first and last words agree)
beside whole-string similarities of the folded forms. They describe names only — never the
length of a name as such, nor its script — so the model cannot learn quirks of one list.
"""

from __future__ import annotations

from rapidfuzz import fuzz

from pursuit.names.blocking import skeleton
from pursuit.names.tokens import NameTokens, Token, token_similarity

__all__ = ["FEATURES", "Aligned", "name_features"]

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
    "cap",
)


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
        cap,
    ]
