"""Sentence spans, and the mentions that fall in each: claims never cross a sentence."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from pursuit.nlp.model import Mention, MentionType

__all__ = ["Sentence", "sentences"]

_END = re.compile(r"(?<=[.!?؟。])[\"'»”)]*\s+|\n\s*\n|\n(?=\s*[-•*\d])")
_ABBREV = re.compile(
    r"(?:\b(?:Gen|Col|Lt|Capt|Sgt|Mr|Mrs|Ms|Dr|St|Maj|Brig|No|Jr|Sr|vs|etc|approx|M|Mme)|"
    r"\b[A-Z]|\b(?:U\.S|U\.K|U\.N)|\b(?:Nr|bzw|ca|vgl|Abs|Prof|Hr|Fr|usw|ggf|z\.\s?B|u\.\s?a))\.$"
)
# German writes the day as an ordinal: "Am 3. März 2015" is one sentence.
_DAY = re.compile(r"(?<![\d.])[0-3]?\d\.$")
_MONTH_NEXT = re.compile(
    r"(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|"
    r"Dezember)\b"
)


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: its span in the text and its mentions, in text order."""

    start: int
    end: int
    mentions: tuple[Mention, ...]

    def of(self, *types: MentionType) -> list[Mention]:
        """This sentence's mentions of the given types."""
        return [m for m in self.mentions if m.type in types]


def _spans(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for match in _END.finditer(text):
        before = text[max(start, match.start() - 8) : match.start()]
        day = _DAY.search(before) and _MONTH_NEXT.match(text, match.end())
        if _ABBREV.search(before) or day:
            continue
        if text[start : match.start()].strip():
            yield start, match.start()
        start = match.end()
    if text[start:].strip():
        yield start, len(text)


def sentences(text: str, mentions: Sequence[Mention]) -> list[Sentence]:
    """Split `text` into sentences and hand each its mentions."""
    ordered = sorted(mentions, key=lambda m: m.start)
    out = []
    for start, end in _spans(text):
        inside = tuple(m for m in ordered if m.start >= start and m.end <= end)
        out.append(Sentence(start, end, inside))
    return out
