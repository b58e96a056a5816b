"""The language stage in bounded pieces, so a huge text costs memory in proportion to a piece.

The extractors build token lists, model documents and candidate lists several times the size of
the text they read; a 100 MB line once drove them past 11 GB. `analyse` cuts the text at
paragraph, line, sentence or word boundaries into pieces of at most `chunk_chars` (a line with
none of these is cut hard), reads each piece on its own and shifts every offset back, so mentions,
claims and incidents point into the whole text exactly as if it had been read at once. A text
shorter than one piece is read in one go, with the same results as before chunking existed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from pursuit.nlp.claims import sentence_claims
from pursuit.nlp.incidents import extract_incidents
from pursuit.nlp.mentions import extract_mentions
from pursuit.nlp.model import Claim, Incident, Mention

__all__ = ["CHUNK_CHARS", "Analysis", "analyse", "text_chunks"]

CHUNK_CHARS = 100_000
# Preferred cut points, best first: a paragraph, a line, a sentence, a word.
_BREAKS = ("\n\n", "\n", ". ", "。", " ")

MentionFix = Callable[[list[Mention]], list[Mention]]


@dataclass(frozen=True, slots=True)
class Analysis:
    """What the language stage found in a text; `chunks` is how many pieces it was read in.

    `claims` are the sentence claims; an incident's own claims come from `incident_claims`.
    """

    mentions: list[Mention]
    claims: list[Claim]
    incidents: list[Incident]
    chunks: int


def _cut(text: str, start: int, size: int) -> int:
    """Where the piece beginning at `start` ends: a boundary in its second half, else hard."""
    end = start + size
    if end >= len(text):
        return len(text)
    floor = start + size // 2
    for mark in _BREAKS:
        found = text.rfind(mark, floor, end)
        if found != -1:
            return found + len(mark)
    return end


def text_chunks(text: str, size: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """Pieces of at most `size` characters with their offset in `text`; together, all of it."""
    start = 0
    while start < len(text):
        end = _cut(text, start, size)
        yield start, text[start:end]
        start = end


def _mention(m: Mention, by: int) -> Mention:
    return replace(m, start=m.start + by, end=m.end + by)


def _maybe(m: Mention | None, by: int) -> Mention | None:
    return None if m is None else _mention(m, by)


def _claim(c: Claim, by: int) -> Claim:
    return replace(
        c,
        subject=_mention(c.subject, by),
        object=_maybe(c.object, by),
        time=_maybe(c.time, by),
        start=c.start + by,
        end=c.end + by,
    )


def _incident(i: Incident, by: int) -> Incident:
    return replace(
        i,
        trigger=_mention(i.trigger, by),
        start=i.start + by,
        end=i.end + by,
        place=_maybe(i.place, by),
        time=_maybe(i.time, by),
        victims=tuple(_mention(m, by) for m in i.victims),
        perpetrators=tuple(_mention(m, by) for m in i.perpetrators),
        ordered_by=tuple(_mention(m, by) for m in i.ordered_by),
        witnesses=tuple(_mention(m, by) for m in i.witnesses),
    )


def _piece(
    piece: str, offset: int, language: str | None, fix: MentionFix
) -> tuple[list[Mention], list[Claim], list[Incident]]:
    """One piece read on its own; `fix` sees (and returns) mentions at whole-text offsets."""
    found = fix([_mention(m, offset) for m in extract_mentions(piece, language)])
    local = [_mention(m, -offset) for m in found]
    found_claims = sentence_claims(piece, local)
    found_incidents = extract_incidents(piece, local)
    return (
        found,
        [_claim(c, offset) for c in found_claims],
        [_incident(i, offset) for i in found_incidents],
    )


def analyse(
    text: str,
    language: str | None = None,
    fix: MentionFix | None = None,
    chunk_chars: int = CHUNK_CHARS,
) -> Analysis:
    """Mentions, sentence claims and incidents of `text`, read piece by piece."""
    keep: MentionFix = fix or (lambda found: found)
    mentions: list[Mention] = []
    claims: list[Claim] = []
    incidents: list[Incident] = []
    count = 0
    for offset, piece in text_chunks(text, chunk_chars):
        m, c, i = _piece(piece, offset, language, keep)
        mentions += m
        claims += c
        incidents += i
        count += 1
    return Analysis(mentions, claims, incidents, count)
