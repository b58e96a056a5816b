"""Tests on the words between two mentions, shared by claim and incident rules.

Claims come from patterns of the form <mention> <linking words> <mention>. The linking words are
read with the other mentions blanked out, so "his emir, a Saudi jihadist, Abu Hafs" links the
role to the name through ", a <nationality> jihadist, ".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from pursuit.nlp.model import Mention, MentionType

__all__ = [
    "APPOSITION_WORDS",
    "between",
    "blanked",
    "gap_words",
    "is_apposition",
    "nearest",
    "no_other",
]

APPOSITION_WORDS = frozenset(
    "a an the his her their its one named called known as also alias aka former then local "
    "senior top notorious feared so-called self-styled jihadist jihadi militant man woman "
    "un une le la les son sa ses dit nommé appelé ancien djihadiste jihadiste "
    "of for in de du des d two three four both brothers brother sisters sister group's "
    "organisation's organization's islamic islamique der die ein eine included including among "
    "them namely notamment dont s einer eines mutmaßliche mutmaßlicher ehemalige ehemaliger "
    "أحد إحدى national citizen ressortissant ressortissante staatsbürger staatsangehörige".split()
)
_WORD = re.compile(r"[^\W\d_][\w'-]*|\d+")


def blanked(text: str, start: int, end: int, spans: Iterable[tuple[int, int]]) -> str:
    """text[start:end] with every span that lies wholly inside it turned into spaces, so that
    offsets still line up with the text."""
    chars = list(text[start:end])
    for first, last in spans:
        if first >= start and last <= end:
            chars[first - start : last - start] = " " * (last - first)
    return "".join(chars)


def between(text: str, left: Mention, right: Mention, blank: Sequence[Mention] = ()) -> str:
    """The text from the end of `left` to the start of `right`, other mentions blanked."""
    start, end = left.end, right.start
    if end < start:
        return ""
    others = [(m.start, m.end) for m in blank if m is not left and m is not right]
    return blanked(text, start, end, others)


def gap_words(gap: str) -> list[str]:
    """The words of a gap, lower-cased."""
    return [w.lower() for w in _WORD.findall(gap)]


def is_apposition(gap: str, limit: int = 6) -> bool:
    """True when a gap holds only commas, articles and describing words ("a Saudi jihadist")."""
    words = gap_words(gap)
    return len(words) <= limit and all(w in APPOSITION_WORDS for w in words) and "." not in gap


def nearest(anchor: Mention, candidates: Sequence[Mention], after: bool) -> list[Mention]:
    """Candidates after (or before) `anchor`, nearest first."""
    if after:
        return sorted((c for c in candidates if c.start >= anchor.end), key=lambda c: c.start)
    return sorted((c for c in candidates if c.end <= anchor.start), key=lambda c: -c.end)


def no_other(kind: MentionType, mentions: Sequence[Mention], start: int, end: int) -> bool:
    """True when no mention of `kind` lies between `start` and `end`."""
    return not any(m.type is kind and m.start >= start and m.end <= end for m in mentions)
