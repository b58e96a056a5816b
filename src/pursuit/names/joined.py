"""Words written together on one side and apart on the other: "Mohammedali" / "Mohammed Ali".

Camel case is split when a name is folded ("MohammedAli"); a word run together in plain letters
can only be found against the other name. Two neighbouring words of one name are joined into one
token when their letters, run together, spell a word of the other name.
"""

from __future__ import annotations

from dataclasses import replace

from rapidfuzz.distance import JaroWinkler

from pursuit.names.tokens import NameTokens, Token

__all__ = ["rejoin"]

_MIN_JOINED = 6
_JOINED_AGREES = 0.93
_LENGTH_SLACK = 2


def _spelt_by(word: str, joined: str) -> bool:
    if abs(len(word) - len(joined)) > _LENGTH_SLACK:
        return False
    return JaroWinkler.similarity(word, joined) >= _JOINED_AGREES


def _join_into(long: NameTokens, split: NameTokens) -> NameTokens:
    """`split` with each neighbouring pair that spells a word of `long` made one token."""
    words = [t.alone for t in long.tokens if t.alone is not None and len(t.alone) >= _MIN_JOINED]
    if not words or len(split.tokens) < 2:
        return split
    out: list[Token] = []
    tokens = split.tokens
    index = 0
    while index < len(tokens):
        first = tokens[index]
        second = tokens[index + 1] if index + 1 < len(tokens) else None
        if first.alone and second is not None and second.alone and first.alone not in words:
            joined = first.alone + second.alone
            if second.alone not in words and any(_spelt_by(w, joined) for w in words):
                weight = max(first.weight, second.weight)
                written = (first.word or "") + (second.word or "")
                out.append(Token(frozenset([joined]), weight, "name", joined, written or None))
                index += 2
                continue
        out.append(first)
        index += 1
    return split if len(out) == len(tokens) else replace(split, tokens=tuple(out))


def rejoin(a: NameTokens, b: NameTokens) -> tuple[NameTokens, NameTokens]:
    """Both names with words run together on the other side joined on this one too."""
    return _join_into(b, a), _join_into(a, b)
