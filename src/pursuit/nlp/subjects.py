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

__all__ = ["Carried", "Subject", "heads", "sentence_subjects"]

P = MentionType.PERSON
_ALIAS_WORDS = (
    r"(?:alias|aka|a\.k\.a\.|also known as|(?:better |widely |also )?known(?: in [A-Z][\w' -]{1,20}"
    r"| to \w+)? as|(?:called|calls) (?:himself|herself)|nicknamed|dite?|surnommée?|"
    r"connue? sous le nom d'?|le dénommé|la dénommée|under the name|sous le nom d[e']?|"
    r"(?:took|takes|adopted|chose|used) the (?:name|kunya|nom de guerre)|"
    r"a pris le nom d[e']?|nannte sich|المعروف باسم|الملقب ب?|المكنى ب?)"
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


# A pronoun as the object of a verb of describing or accusing ("described him as a fighter",
# "l'accuse de …", "bezeichnete ihn als …"): it stands for a person the text just named.
_OBJECT = re.compile(
    r"\b(?:described|named|identified|listed|accused|accuses|accuse|charged|called|convicted|"
    r"sentenced|tried|blamed|recognised|recognized|saw|seen)\s+(?P<p>him|her)\b|"
    r"\b(?P<fr>l['’])(?=(?:accus|décri|désign|identifi|présent|soupçonn|reconn|condamn|"
    r"a\s+vu|ont\s+vu|avait\s+vu))|"
    r"\b(?:beschuldigt\w*|bezeichnet\w*|nannte\w*|nennt|identifiziert\w*|sah|erkannte\w*|"
    r"verurteilt\w*)\s+(?P<de>ihn)\b",
    re.I,
)
_FEMININE_OBJECT = frozenset({"her"})
# A plural doer: "they", "both men", "the two brothers", "ils", "elles", "beide".
_PLURAL = re.compile(
    r"\b(?:they|both(?:\s+(?:men|women|brothers|sisters))?|the\s+(?:two|three)\s+"
    r"(?:men|women|brothers|sisters)|ils|elles|les\s+deux(?:\s+(?:hommes|frères|femmes))?|"
    r"tous\s+deux|beide)\b",
    re.I,
)
# An unnamed person in the sentence before ("the Iraqi, whose name I never learned"): with a
# named one it makes "they" plural without being a name claims could go to.
_UNNAMED = re.compile(r"\b(?:the|another|a second|l['’]autre)\s*$", re.I)


@dataclass(frozen=True, slots=True)
class Subject:
    """`anchor` is where the subject stands in the sentence (a name or a pronoun); `person` is
    the head name claims go to; `start` is where the evidence begins (the antecedent's
    sentence, for a pronoun)."""

    anchor: Mention
    person: Mention
    start: int


@dataclass(frozen=True, slots=True)
class Carried:
    """What a sentence hands the next: the one person a singular pronoun may mean, and the
    persons a plural one ("they", "both men") may mean, when at least two were named."""

    single: Subject | None
    group: tuple[Subject, ...] = ()


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


def _object_subjects(
    text: str, s: Sentence, named: list[Subject], previous: Subject | None
) -> list[Subject]:
    """ "The prosecution described him as a fighter": an object pronoun of a describing or
    accusing verb, resolved only to the person the sentence before was about, and only when
    this sentence names nobody before it (who else "him" is would be a guess)."""
    out: list[Subject] = []
    for match in _OBJECT.finditer(text, s.start, s.end):
        group = next(g for g in ("p", "fr", "de") if match.group(g))
        at = match.start(group)
        if previous is None or any(n.anchor.end <= at for n in named):
            continue
        word = match.group(group)
        if not _object_fits(word, previous.person):
            continue
        anchor = Mention(at, match.end(group), word, P, "rules:pronoun object 1", 0.5)
        out.append(Subject(anchor, previous.person, previous.start))
    return out


def _object_fits(word: str, person: Mention) -> bool:
    """ "her" is never Abu X; "him" and "ihn" never Umm X; French "l'" says no gender."""
    if word.lower() in _FEMININE_OBJECT:
        return not _MALE_KUNYA.match(person.text)
    return word[:1] == "l" or not _FEMALE_KUNYA.match(person.text)


def _plural_subjects(
    text: str, s: Sentence, named: list[Subject], group: tuple[Subject, ...]
) -> list[Subject]:
    """ "Both men tortured detainees", "they abducted my husband": a plural doer stands for the
    persons named together just before it (in this sentence, else in the one before)."""
    out: list[Subject] = []
    for match in _PLURAL.finditer(text, s.start, s.end):
        before = _distinct([n for n in named if n.anchor.end <= match.start()])
        if len(before) >= 2:
            chosen = [Subject(_plural(match), n.person, s.start) for n in before]
        elif not before:
            chosen = [Subject(_plural(match), g.person, g.start) for g in group]
        else:
            chosen = []
        out += chosen
    return out


def _plural(match: re.Match[str]) -> Mention:
    return Mention(match.start(), match.end(), match.group(), P, "rules:pronoun plural 1", 0.5)


def _distinct(named: list[Subject]) -> list[Subject]:
    by_person = {id(n.person): n for n in named}
    return sorted(by_person.values(), key=lambda n: n.anchor.start)


_AND = re.compile(r"^\s*(?:,|and|et|und|و)\s*(?:and\s+|et\s+|und\s+)?$", re.I)
_CLAUSE_OPEN = re.compile(
    r"(?:^|[,;:]|\b(?:that|que|qu'|dass|say|says|said|أن|إن))([^,;:]*)$", re.I
)


def _coordinated(text: str, s: Sentence, named: list[Subject]) -> list[Subject]:
    """ "A and B executed four men", "A et B ont rejoint …": names joined by "and" at the head
    of a clause share what the clause says; each earlier name stands again at the last one."""
    out: list[Subject] = []
    run: list[Subject] = []
    for n in [*named, None]:
        if n is not None and run and _AND.match(text[run[-1].anchor.end : n.anchor.start]):
            run.append(n)
            continue
        if len(run) > 1 and _heads_clause(text, s, run[0].anchor):
            last = run[-1].anchor
            for earlier in run[:-1]:
                anchor = Mention(last.start, last.end, last.text, P, "rules:coordinated 1", 0.5)
                out.append(Subject(anchor, earlier.person, earlier.start))
        run = [n] if n is not None else []
    return out


def _heads_clause(text: str, s: Sentence, first: Mention) -> bool:
    lead = _CLAUSE_OPEN.search(text[s.start : first.start])
    return lead is not None and len(lead.group(1).split()) <= 4


def _group_of(text: str, s: Sentence, named: list[Subject]) -> tuple[Subject, ...]:
    """The persons a plural pronoun in the next sentence may mean: the named ones (not quoted
    sources) when there are two or more, or one named beside an unnamed "the Iraqi"."""
    people = [
        n
        for n in _distinct(named)
        if not _SOURCE.search(text[max(0, n.anchor.start - 30) : n.anchor.start])
    ]
    if len(people) >= 2 or (len(people) == 1 and _unnamed(text, s)):
        return tuple(people)
    return ()


def _unnamed(text: str, s: Sentence) -> bool:
    """A person described but not named ("the Iraqi, whose name I never learned")."""
    persons = s.of(P)
    for word in s.of(MentionType.NATIONALITY, MentionType.ROLE):
        if not _UNNAMED.search(text[max(s.start, word.start - 12) : word.start]):
            continue
        near = [p for p in persons if abs(p.start - word.end) < 4 or abs(word.start - p.end) < 4]
        if not near:
            return True
    return False


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
    text: str, s: Sentence, previous: Carried | None
) -> tuple[list[Subject], Carried]:
    """This sentence's subjects, in text order, and the antecedents the next sentence inherits."""
    head_of = heads(text, s)
    single = previous.single if previous is not None else None
    named = [Subject(m, head_of.get(id(m), m), s.start) for m in s.of(P)]
    pronouns = _pronoun_subjects(text, s, named, single)
    pronouns += _object_subjects(text, s, named, single)
    named = _pronoun_aliases(text, named, pronouns)
    plural = _plural_subjects(text, s, named, previous.group if previous is not None else ())
    plural += _coordinated(text, s, named)
    carried = Carried(_first_of(text, named), _group_of(text, s, named)) if named else None
    everyone = sorted(named + pronouns + plural, key=lambda x: x.anchor.start)
    return everyone, carried or Carried(single, previous.group if previous is not None else ())
