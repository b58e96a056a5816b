"""Who a clause is about: a named person, an alias standing for its head name, or a pronoun.

Testimony names a person once and goes on with "he" ("Abu X arrived in Syria in 2013. He fought
first with ..."), and court reports give a real name with its kunya ("Julien Moreau, alias Abu
Abdallah al-Faransi"). Claims about the pronoun or the alias belong to the head name. This is
deliberately narrow: a pronoun is resolved only when exactly one person could be meant (one
name, with its aliases, earlier in the same sentence or, failing that, in the sentence before);
otherwise it gives no subject and no claim.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from pursuit.nlp.model import Mention, MentionType
from pursuit.nlp.sentences import Sentence

__all__ = ["Subject", "heads", "sentence_subjects"]

P = MentionType.PERSON
_ALIAS = re.compile(
    r"^\s*,?\s*(?:(?:a|an|the)\s+[^,.;]{0,40}?\s+)?(?:alias|aka|a\.k\.a\.|also known as|"
    r"(?:who is |better |widely |also )?known(?: in [A-Z][\w' -]{1,20}| to \w+)? as|"
    r"(?:who )?(?:called|calls) (?:himself|herself)|nicknamed|dite?|surnommée?|"
    r"connue? sous le nom d'?|le dénommé|la dénommée|المعروف باسم|الملقب ب?|المكنى ب?)\s*$",
    re.I,
)
_PRONOUN = re.compile(r"\b(?:he|she|elle|il(?! y\b| faut\b| s'agit\b))\b", re.I)


@dataclass(frozen=True, slots=True)
class Subject:
    """`anchor` is where the subject stands in the sentence (a name or a pronoun); `person` is
    the head name claims go to; `start` is where the evidence begins (the antecedent's
    sentence, for a pronoun)."""

    anchor: Mention
    person: Mention
    start: int


def heads(text: str, s: Sentence) -> dict[int, Mention]:
    """Alias mention id -> its head name ("X, alias Y": Y -> X), chained left to right."""
    out: dict[int, Mention] = {}
    persons = s.of(P)
    for left, right in zip(persons, persons[1:], strict=False):
        gap = text[left.end : right.start]
        if _ALIAS.match(gap) and not _has_other_person(s, left, right):
            out[id(right)] = out.get(id(left), left)
    return out


def _has_other_person(s: Sentence, left: Mention, right: Mention) -> bool:
    return any(m.type is P and left.end <= m.start and m.end <= right.start for m in s.mentions)


def _pronoun(text: str, match: re.Match[str]) -> Mention:
    return Mention(match.start(), match.end(), match.group(), P, "rules:pronoun 1", 0.5)


def _pronoun_subjects(
    text: str, s: Sentence, named: list[Subject], previous: Subject | None
) -> list[Subject]:
    out: list[Subject] = []
    for match in _PRONOUN.finditer(text, s.start, s.end):
        before = {id(n.person): n for n in named if n.anchor.end <= match.start()}
        if len(before) == 1:
            only = next(iter(before.values()))
            out.append(Subject(_pronoun(text, match), only.person, s.start))
        elif not before and previous is not None and not named_after(named, match.start()):
            out.append(Subject(_pronoun(text, match), previous.person, previous.start))
    return out


def named_after(named: Sequence[Subject], position: int) -> bool:
    """True when a name comes later in the sentence ("When he arrived, Abu X ...")."""
    return any(n.anchor.start >= position for n in named)


def sentence_subjects(
    text: str, s: Sentence, previous: Subject | None
) -> tuple[list[Subject], Subject | None]:
    """This sentence's subjects, in text order, and the antecedent the next sentence inherits."""
    head_of = heads(text, s)
    named = [Subject(m, head_of.get(id(m), m), s.start) for m in s.of(P)]
    found = named + _pronoun_subjects(text, s, named, previous)
    distinct = {id(n.person): n for n in named}
    if len(distinct) == 1:
        carried: Subject | None = next(iter(distinct.values()))
    else:
        carried = previous if not distinct else None
    return sorted(found, key=lambda x: x.anchor.start), carried
