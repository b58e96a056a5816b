"""Scoring two names: a probability-like score with the reasons a reviewer can check.

Token alignment with Jaro-Winkler (rapidfuzz) gives the base: how much of each name the other
accounts for, common words (Abu, Muhammad, bin) weighing little. Arabic naming then caps it:
different kunyas or nisbas pointing to different countries mean different men however alike
the rest looks ("Abu Hafs al-Masri" is not "Abu Hafs al-Jazrawi"), and a kunya alone, or a
one-word name, is weak evidence. The default threshold is chosen on development pairs for
precision (see docs/names.md): a false match can brand a refugee a war criminal.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz.distance import JaroWinkler

from pursuit.names.tokens import NameTokens, Token, name_tokens

__all__ = ["DEFAULT_THRESHOLD", "NameComparison", "compare_names", "token_similarity"]

# Chosen on the development split of the sanctions name pairs for precision >= 0.95
# (bench/eval_names.py prints the curve; docs/names.md has the figures).
DEFAULT_THRESHOLD = 0.8
_MATCHED = 0.84
_CAP_KUNYA_DIFFERS = 0.3
_CAP_ORIGINS_DIFFER = 0.25
_CAP_NISBA_DIFFERS = 0.45
_CAP_KUNYA_ONLY = 0.55
_CAP_ONE_WORD = 0.7
_CAP_GIVEN_DIFFERS = 0.65
# A near-miss spelling counts for less than an exact one: similarity is raised to this power.
_SHARPNESS = 3
# How much of the shorter name the longer accounts for weighs most: lists drop middle names.
_SHORT_SIDE = 0.7


@dataclass(frozen=True, slots=True)
class NameComparison:
    score: float
    reasons: tuple[str, ...]


def token_similarity(a: Token, b: Token) -> float:
    if a.alone is not None and b.alone is not None:
        return 1.0 if a.alone == b.alone else JaroWinkler.similarity(a.alone, b.alone)
    if a.options & b.options:
        return 1.0
    return max(JaroWinkler.similarity(x, y) for x in a.options for y in b.options)


def _align(a: NameTokens, b: NameTokens) -> list[tuple[Token, Token, float]]:
    """Greedy one-to-one alignment of tokens, best pairs first."""
    pairs = sorted(
        (
            (token_similarity(x, y), i, j)
            for i, x in enumerate(a.tokens)
            for j, y in enumerate(b.tokens)
        ),
        reverse=True,
    )
    used_a: set[int] = set()
    used_b: set[int] = set()
    out = []
    for sim, i, j in pairs:
        if sim >= _MATCHED and i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            out.append((a.tokens[i], b.tokens[j], sim))
    return out


def _part_rules(a: NameTokens, b: NameTokens, reasons: list[str]) -> float:
    """The cap the kunya and nisba rules put on the score (1.0 when none applies)."""
    cap = 1.0
    if a.kunya and b.kunya:
        sim = JaroWinkler.similarity(a.kunya, b.kunya)
        if sim < _MATCHED:
            reasons.append(f"kunyas differ: {a.kunya} vs {b.kunya}")
            cap = min(cap, _CAP_KUNYA_DIFFERS)
        else:
            reasons.append("kunya equal" if sim == 1 else f"kunya {a.kunya} ~ {b.kunya}")
    if a.nisbas and b.nisbas:
        sim = max(JaroWinkler.similarity(x, y) for x in a.nisbas for y in b.nisbas)
        if sim >= _MATCHED:
            reasons.append(f"nisba {a.nisbas[0]} ~ {b.nisbas[0]}")
        elif a.origin and b.origin and a.origin != b.origin:
            reasons.append(f"nisbas point to different origins: {a.origin} vs {b.origin}")
            cap = min(cap, _CAP_ORIGINS_DIFFER)
        elif not (a.origin and a.origin == b.origin):
            reasons.append(f"nisbas differ: {a.nisbas[0]} vs {b.nisbas[0]}")
            cap = min(cap, _CAP_NISBA_DIFFERS)
    return cap


def _words(name: NameTokens) -> int:
    """Words of a name; an "Abd al-X" compound is one given name, so it counts as one."""
    return len(name.tokens)


def _given_names(
    a: NameTokens, b: NameTokens, aligned: list[tuple[Token, Token, float]], reasons: list[str]
) -> float:
    """Brothers and sons share all but the first name: differing first names cap the score."""
    first_a = next((t for t in a.tokens if t.role == "name"), None)
    first_b = next((t for t in b.tokens if t.role == "name"), None)
    if first_a is None or first_b is None or token_similarity(first_a, first_b) >= _MATCHED:
        return 1.0
    matched_a = {id(x) for x, _, _ in aligned}
    matched_b = {id(y) for _, y, _ in aligned}
    if id(first_a) in matched_a and id(first_b) in matched_b:
        return 1.0
    reasons.append(f"first names differ: {first_a.text} vs {first_b.text}")
    return _CAP_GIVEN_DIFFERS


def _evidence_caps(
    a: NameTokens, b: NameTokens, aligned: list[tuple[Token, Token, float]], reasons: list[str]
) -> float:
    cap = 1.0
    outside = ("kunya", "marker")
    beyond_kunya = sum(
        x.weight for x, y, _ in aligned if x.role not in outside and y.role not in outside
    )
    kunya_shared = any("kunya" in (x.role, y.role) for x, y, _ in aligned)
    if kunya_shared and beyond_kunya == 0:
        reasons.append("only the kunya agrees: weak evidence")
        cap = min(cap, _CAP_KUNYA_ONLY)
    if min(_words(a), _words(b)) == 1:
        reasons.append("a one-word name: weak evidence")
        cap = min(cap, _CAP_ONE_WORD)
    return cap


def compare_names(a: str, b: str) -> NameComparison:
    """Score two names in 0..1, with the reasons behind the score."""
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta.tokens or not tb.tokens:
        return NameComparison(0.0, ("a name is empty after removing titles and punctuation",))
    aligned = _align(ta, tb)
    matched = sum(min(x.weight, y.weight) * sim**_SHARPNESS for x, y, sim in aligned)
    short, long_ = sorted((ta.weight, tb.weight))
    base = _SHORT_SIDE * matched / max(short, 1e-9) + (1 - _SHORT_SIDE) * matched / max(long_, 1e-9)
    reasons = [f"{len(aligned)} of {max(len(ta.tokens), len(tb.tokens))} words agree"]
    reasons += [f"{x.text} ~ {y.text}" for x, y, sim in aligned if sim < 1.0 and x.role == "name"]
    cap = min(
        _part_rules(ta, tb, reasons),
        _evidence_caps(ta, tb, aligned, reasons),
        _given_names(ta, tb, aligned, reasons),
    )
    return NameComparison(round(min(base, cap, 1.0), 4), tuple(reasons))
