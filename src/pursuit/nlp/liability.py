"""Modes of liability (Rome Statute articles 25 and 28) and the words that show them.

Who committed an act, who ordered it, who induced or aided it, who acted with a group in a common
purpose, and who held command over those who did: "on the orders of X", "sur ordre de X",
"auf Befehl von X", "بأمر من X" show an order; "with the help of X" aid; "at the instigation of
X" inducement; "under the command of X" command. A cue ties only the nearest person after it
(or, for "X ordered", before it) in the same sentence, so nothing is guessed across sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

__all__ = ["Liability", "PersonSpan", "liability_cues"]


class Liability(StrEnum):
    """How a person is answerable for an act (Rome Statute arts. 25(3) and 28)."""

    COMMITTED = "committed"
    ORDERED = "ordered"
    INDUCED = "induced"
    AIDED = "aided"
    COMMON_PURPOSE = "common_purpose"
    COMMAND = "command"


# Cues followed by the person: "on the orders of the emir X".
_BEFORE_PERSON: dict[Liability, str] = {
    Liability.ORDERED: (
        r"on the orders? of|at the orders? of|ordered by|on orders from|upon the order of|"
        r"sur (?:l'|les )?ordres? d[eu']?|sur ordre d[eu']?|ordonnée? par|"
        r"auf (?:Befehl|Anordnung|Geheiß) (?:von|des|der)|befohlen von|den Befehl gab|"
        r"بأمر من|بأوامر من|بأمر|بناء على أوامر|بناء على أمر"
    ),
    Liability.INDUCED: (
        r"at the instigation of|incited by|urged by|à l'instigation d[eu']?|incités? par|"
        r"auf Anstiftung (?:von|des)|angestiftet von|بتحريض من|بتحريض"
    ),
    Liability.AIDED: (
        r"with the help of|with the assistance of|aided by|avec l'aide d[eu']?|aidés? par|"
        r"mit (?:der )?Hilfe (?:von|des)|unterstützt von|بمساعدة|بمساعدة من"
    ),
    Liability.COMMAND: (
        r"under the command of|commanded by|sous le commandement d[eu']?|"
        r"unter dem Kommando (?:von|des)|unter (?:der )?Führung (?:von|des)|بقيادة|تحت قيادة"
    ),
    Liability.COMMON_PURPOSE: (
        r"together with|acting with|alongside|avec ses hommes|aux côtés d[eu']?|"
        r"gemeinsam mit|zusammen mit|بالاشتراك مع|مع رجاله"
    ),
}
# Cues that follow the person: "X ordered the execution".
_AFTER_PERSON: dict[Liability, str] = {
    Liability.ORDERED: (
        r"ordered|gave the order|a ordonné|ordonna|a donné l'ordre|befahl|ordnete|"
        r"gab den Befehl|أمر|أصدر أمرا|أصدر الأمر"
    ),
    Liability.INDUCED: r"incited|urged|a incité|stiftete|حرض",
    Liability.AIDED: r"helped|supplied|provided|a aidé|a fourni|half|lieferte|ساعد|زود",
}
_REACH = 80  # characters between a cue and the person it names


@dataclass(frozen=True, slots=True)
class PersonSpan:
    """A person named in a sentence, at `start`-`end` of the sentence's text."""

    name: str
    start: int
    end: int


def _cues(table: dict[Liability, str]) -> list[tuple[Liability, re.Pattern[str]]]:
    return [(mode, re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.I)) for mode, words in table.items()]


_CUES_BEFORE = _cues(_BEFORE_PERSON)
_CUES_AFTER = _cues(_AFTER_PERSON)
_LEAD = re.compile(r"^[\s,]*(?:(?:personally|then|also|later|had|has|a|hat|قد)\s+)?$", re.I)


def _next_person(persons: list[PersonSpan], at: int) -> PersonSpan | None:
    after = [p for p in persons if p.start >= at]
    first = min(after, key=lambda p: p.start, default=None)
    return first if first is not None and first.start - at <= _REACH else None


def _previous_person(sentence: str, persons: list[PersonSpan], at: int) -> PersonSpan | None:
    before = [p for p in persons if p.end <= at]
    last = max(before, key=lambda p: p.end, default=None)
    return last if last is not None and _LEAD.match(sentence[last.end : at]) else None


def liability_cues(sentence: str, persons: list[PersonSpan]) -> list[tuple[PersonSpan, Liability]]:
    """The persons of a sentence whose mode of liability the sentence's words show."""
    found: dict[PersonSpan, Liability] = {}
    for mode, cue in _CUES_BEFORE:
        for match in cue.finditer(sentence):
            person = _next_person(persons, match.end())
            if person is not None:
                found.setdefault(person, mode)
    for mode, cue in _CUES_AFTER:
        for match in cue.finditer(sentence):
            person = _previous_person(sentence, persons, match.start())
            if person is not None:
                found.setdefault(person, mode)
    return sorted(found.items(), key=lambda pair: pair[0].start)
