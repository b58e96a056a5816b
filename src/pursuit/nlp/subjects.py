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
from dataclasses import dataclass

from pursuit.nlp.kunya import person_label
from pursuit.nlp.model import Mention, MentionType
from pursuit.nlp.phrases import fold
from pursuit.nlp.sentences import Sentence

__all__ = ["Subject", "heads", "sentence_subjects"]

P = MentionType.PERSON
_ALIAS_WORDS = (
    r"(?:alias|aka|a\.k\.a\.|also known as|(?:better |widely |also )?known(?: in [A-Z][\w' -]{1,20}"
    r"| to \w+)? as|(?:called|calls) (?:himself|herself)|nicknamed|dite?|surnommée?|"
    r"connue? sous le nom d'?|le dénommé|la dénommée|under the name|sous le nom d[e']?|"
    r"المعروف باسم|الملقب ب?|المكنى ب?)"
)
# "X, alias Y", "X, a Swedish man known in Raqqa as Y", "X (Y)", "X, who called himself Y".
_ALIAS = re.compile(
    r"^\s*(?:\(\s*(?:الشيخ\s*)?|(?:,\s*(?:a|an|the|un|une|le|la)\b[^.;()]{0,70}?)?[\s,]*"
    rf"(?:who\s+|qui\s+)?(?:is\s+|was\s+|est\s+|était\s+)?{_ALIAS_WORDS}\s*)$",
    re.I,
)
# After a pronoun: "he became Abu X", "he was known as Abu X", "fought for ISIS under the name X".
_PRONOUN_ALIAS = re.compile(
    rf"^\s*(?:became|was known as|is known as|{_ALIAS_WORDS}|[^.;]{{0,40}}\bunder the name|"
    r"[^.;]{0,40}\bsous le nom d[e']?)\s*$",
    re.I,
)
_PRONOUN = re.compile(r"\b(?:he|she|elle|il(?! y\b| faut\b| s'agit\b)|er)\b", re.I)
_FEMININE = frozenset({"she", "elle"})
_MALE_KUNYA = re.compile(r"^(?:abu|abou|abū|أبو|ابو)\b", re.I)
_FEMALE_KUNYA = re.compile(r"^(?:umm|um|oum|أم|ام)\b", re.I)
# A name given as the source of what follows is not what the next sentence is about.
_SOURCE = re.compile(
    r"(?:according to|selon|d'après|laut|nach Angaben (?:von|der|des)|حسب|وفقا ل)\s*$", re.I
)
# A pronoun in an opening subordinate clause may point forward ("When he arrived, Abu X ...").
_SUBORDINATE = re.compile(
    r"\W*(?:when|after|before|while|as|once|although|though|until|since|quand|lorsqu|"
    r"après|avant|alors|bien)\b",
    re.I,
)


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


def _fits(pronoun: str, person: Mention) -> bool:
    """A kunya tells a gender: "she" is never Abu X, "he" never Umm X."""
    if pronoun.lower() in _FEMININE:
        return not _MALE_KUNYA.match(person.text)
    return not _FEMALE_KUNYA.match(person.text)


def _pronoun(match: re.Match[str]) -> Mention:
    return Mention(match.start(), match.end(), match.group(), P, "rules:pronoun 1", 0.5)


def _pronoun_subjects(
    text: str, s: Sentence, named: list[Subject], previous: Subject | None
) -> list[Subject]:
    out: list[Subject] = []
    forward = _SUBORDINATE.match(text, s.start) is not None
    for match in _PRONOUN.finditer(text, s.start, s.end):
        before = {id(n.person): n for n in named if n.anchor.end <= match.start()}
        if len(before) == 1:
            only = next(iter(before.values()))
            candidate: Subject | None = Subject(_pronoun(match), only.person, s.start)
        elif not before and previous is not None and not forward:
            candidate = Subject(_pronoun(match), previous.person, previous.start)
        else:
            candidate = None
        if candidate is not None and _fits(match.group(), candidate.person):
            out.append(candidate)
    return out


def _pronoun_aliases(text: str, named: list[Subject], pronouns: list[Subject]) -> list[Subject]:
    """Names that a resolved pronoun "became" or was "known as" take the pronoun's head."""
    out = []
    for n in named:
        before = [p for p in pronouns if p.anchor.end <= n.anchor.start]
        if before and n.person is n.anchor:
            gap = text[before[-1].anchor.end : n.anchor.start]
            if _PRONOUN_ALIAS.match(gap) and not any(
                m.anchor.end <= n.anchor.start and m.anchor.start >= before[-1].anchor.end
                for m in named
            ):
                n = Subject(n.anchor, before[-1].person, before[-1].start)
        out.append(n)
    return out


def _skeleton(name: str) -> str:
    """A name's consonants with doubled letters collapsed: spellings of one name agree
    ("Abou Yahya el-Maghrebi" / "Abu Yahya al-Maghribi", "Ayyub" / "Ayoub")."""
    bare = re.sub(r"[aeiouy\W_]+", "", fold(person_label(name)))
    return re.sub(r"(.)\1+", r"\1", bare)


def _first_of(text: str, named: list[Subject]) -> Subject | None:
    """The person a next sentence's pronoun points to: the only one named (spelling variants
    count as one), or the first named that is not a quoted source, which English, French and
    German put in subject position ("Bilal travelled with his brother Jonas. He ...")."""
    distinct = {id(n.person): n for n in named}
    people = sorted(distinct.values(), key=lambda n: n.anchor.start)
    if len({_skeleton(n.person.text) for n in people}) == 1:
        return people[0]
    for n in sorted(named, key=lambda n: n.anchor.start):
        if not _SOURCE.search(text[max(0, n.anchor.start - 30) : n.anchor.start]):
            return distinct[id(n.person)]
    return None


def sentence_subjects(
    text: str, s: Sentence, previous: Subject | None
) -> tuple[list[Subject], Subject | None]:
    """This sentence's subjects, in text order, and the antecedent the next sentence inherits."""
    head_of = heads(text, s)
    named = [Subject(m, head_of.get(id(m), m), s.start) for m in s.of(P)]
    pronouns = _pronoun_subjects(text, s, named, previous)
    named = _pronoun_aliases(text, named, pronouns)
    carried = _first_of(text, named) if named else previous
    return sorted(named + pronouns, key=lambda x: x.anchor.start), carried
