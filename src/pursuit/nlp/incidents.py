"""Incidents read from sentences: kind, place, time, victims and their count, perpetrators,
who ordered it and who witnessed it.

One incident per incident word; the rules look for the classic shapes of testimony and news
("ISIS fighters executed almost 300 civilians", "X was beheaded by Y", "Y ordered his arrest",
"witnesses said"). What they cannot tie to the event stays unlinked rather than guessed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pursuit.nlp.links import between, gap_words, nearest, no_other
from pursuit.nlp.model import Incident, IncidentKind, Mention, MentionType
from pursuit.nlp.sentences import Sentence, sentences
from pursuit.nlp.subjects import Subject, sentence_subjects

__all__ = ["INCIDENTS_EXTRACTOR", "extract_incidents", "victim_count"]

INCIDENTS_EXTRACTOR = "rules:incidents 1"
PER, ORG = MentionType.PERSON, MentionType.ORGANIZATION
_NUMBER_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "dix": 10,
    "vingt": 20,
    "cent": 100,
}
_QUANT = r"(?:almost|nearly|about|around|some|at least|more than|over|up to|approximately|"
_QUANT += r"roughly|an estimated|près de|environ|au moins|plus de|quelque|حوالي|نحو|أكثر من)"
_VICTIMS = (
    r"(?:civilians?|people|men|women|children|boys|girls|prisoners|captives|detainees|villagers|"
    r"residents|yazidis|yezidis|victims|persons|soldiers|fighters|members|hostages|"
    r"civils|personnes|hommes|femmes|enfants|prisonniers|otages|"
    r"مدني|مدنيا|مدنيين|شخص|شخصا|أشخاص|رجل|رجلا|امرأة|طفل|طفلا|أطفال|أسير)"
)
_COUNT = re.compile(
    rf"(?:{_QUANT}\s+)?(?P<n>\d[\d,.\s]*\d|\d|{'|'.join(_NUMBER_WORDS)})\s+"
    rf"(?:[^\W\d]+\s+){{0,2}}?{_VICTIMS}\b",
    re.I,
)
_BY = re.compile(
    r"^(?:\s*[\w'-]+){0,4}?\s*\b(?:by|par|على يد|من قبل)\s+(?:(?:the|a|an|un|une|le|la)\s+)?"
    r"(?:[\w'-]+\s*){0,2}?[,\s]*$",
    re.I,
)
_ORDER = re.compile(
    r"\b(?:ordered|ordering|order|orders|commanded|ordonné|ordonne|أمر|امر)\b", re.I
)
# "beheaded ... on the orders of the local emir, X"; "بأمر من الوالي X".
_ORDERS_OF = re.compile(
    r"\b(?:on the orders? of|at the orders? of|sur ordre d[eu']?|بأمر من|بأوامر من)\s+"
    r"(?:(?:the|a|an|le|la|l')\s*)?(?:[\w'-]+\s*){0,3}?[,\s]*$",
    re.I,
)
# "she took part in the enslavement", "he admitted taking part in the execution".
_PART_IN = re.compile(
    r"\b(?:took part|taking part|take part|participated|participating|involved|"
    r"a participé|participé|شارك|شاركت)\s+(?:in|à|aux?|في)\s+(?:the\s+|l'|la\s+|le\s+)?$",
    re.I,
)
# A trigger written as a verb ("executed", "exécutés", "أعدم") can have its doer before it.
_VERB_FORM = re.compile(r"(?:ed|é|és|ée|ées)$|^(?:shot dead|أعدم|قتل|ذبح|اختطف|اعتقل|قتلوا|ذبحوا)$")
# "X, the sharia official in Hajin, personally executed": the apposition is skipped.
_APPOSITION = re.compile(r"^\s*,[^,;]{0,60},")
_PASSIVE = re.compile(r"\b(?:was|were|been|being|été|تم)\b|;", re.I)
_WITNESS = re.compile(
    r"\b(?:witness(?:es|ed)?|saw|watched|told|testified|said|témoin|a vu|شاهد|قال)\b", re.I
)
_VICTIM_BEFORE = re.compile(
    r"^[\s,]*(?:who\s+)?(?:was|were|had been|has been|a été)\s+"
    r"(?:(?:later|then|allegedly|reportedly|brutally|publicly|summarily|also)\s+)?$",
    re.I,
)
_VICTIM_AFTER = re.compile(r"^\s*(?:of|de|d')\s+$", re.I)


def victim_count(text: str) -> tuple[int, str] | None:
    """The first victim count in `text` ("almost 300 civilians" -> 300) and its words."""
    match = _COUNT.search(text)
    if match is None:
        return None
    raw = match.group("n").lower()
    digits = re.sub(r"[,.\s]", "", raw)
    value = int(digits) if digits.isdigit() else _NUMBER_WORDS.get(raw)
    return (value, match.group()) if value else None


def _agents(text: str, s: Sentence, trigger: Mention) -> list[Mention]:
    """Who did it: "<agent> executed ..." before the word, or "... executed by <agent>"."""
    agents = s.of(PER, ORG)
    for agent in nearest(trigger, agents, after=True)[:1]:
        if _BY.match(between(text, trigger, agent, s.mentions)):
            return [agent]
    if not _VERB_FORM.search(trigger.text.lower()):
        return []
    for agent in nearest(trigger, agents, after=False)[:1]:
        gap = between(text, agent, trigger, s.mentions)
        if len(gap_words(gap)) > 3 or _VICTIM_BEFORE.match(gap) or _PASSIVE.search(gap):
            continue
        if not _ORDER.search(gap):
            return [agent]
    return []


def _subject_agents(
    text: str, s: Sentence, trigger: Mention, subjects: list[Subject]
) -> list[Mention]:
    """ "he personally tortured", "she took part in the enslavement": the doer is a subject."""
    for subject in reversed([x for x in subjects if x.anchor.end <= trigger.start]):
        gap = between(text, subject.anchor, trigger, s.mentions)
        if _PART_IN.search(gap) and len(gap_words(gap)) <= 8 and "never" not in gap_words(gap):
            return [subject.person]
        core = _APPOSITION.sub("", gap)
        short = len(gap_words(core)) <= 2 and not _PASSIVE.search(gap) and not _ORDER.search(gap)
        if short and _VERB_FORM.search(trigger.text.lower()) and core.strip()[:1] != ",":
            return [subject.person]
        break
    return []


def _ordered_by(text: str, s: Sentence, trigger: Mention, subjects: list[Subject]) -> list[Mention]:
    for agent in nearest(trigger, s.of(PER, ORG), after=True)[:1]:
        if agent.type is PER and _ORDERS_OF.search(between(text, trigger, agent, s.mentions)):
            return [agent]
    for subject in reversed([x for x in subjects if x.anchor.end <= trigger.start]):
        gap = between(text, subject.anchor, trigger, s.mentions)
        if _ORDER.search(gap) and len(gap_words(gap)) <= 8:
            return [subject.person]
        break
    return []


def _victims(text: str, s: Sentence, trigger: Mention) -> list[Mention]:
    found = []
    for person in nearest(trigger, s.of(PER), after=True)[:1]:
        if _VICTIM_AFTER.match(between(text, trigger, person, s.mentions)):
            found.append(person)
    for person in nearest(trigger, s.of(PER), after=False)[:1]:
        if _VICTIM_BEFORE.match(between(text, person, trigger, s.mentions)):
            found.append(person)
    return found


def _witnesses(text: str, s: Sentence, taken: set[int]) -> list[Mention]:
    found = []
    for person in s.of(PER):
        if id(person) in taken:
            continue
        after = text[person.end : min(s.end, person.end + 30)]
        before = text[max(s.start, person.start - 30) : person.start]
        if _WITNESS.match(after.strip()) or re.search(r"(?:witness|according to)\s*,?\s*$", before):
            found.append(person)
    return found


def _nearest_of(trigger: Mention, s: Sentence, kind: MentionType) -> Mention | None:
    options = s.of(kind)
    if not options:
        return None
    return min(options, key=lambda m: abs(m.start - trigger.start))


def _incident(text: str, s: Sentence, trigger: Mention, subjects: list[Subject]) -> Incident:
    perpetrators = _agents(text, s, trigger) or _subject_agents(text, s, trigger, subjects)
    ordered = _ordered_by(text, s, trigger, subjects)
    victims = [v for v in _victims(text, s, trigger) if v not in perpetrators]
    taken = {id(m) for m in perpetrators + ordered + victims}
    count = victim_count(text[trigger.start : s.end]) or victim_count(text[s.start : s.end])
    return Incident(
        kind=IncidentKind(trigger.label),
        trigger=trigger,
        start=s.start,
        end=s.end,
        place=_nearest_of(trigger, s, MentionType.LOCATION),
        time=_nearest_of(trigger, s, MentionType.DATE),
        victim_count=count[0] if count else None,
        victim_count_text=count[1] if count else "",
        victims=tuple(victims),
        perpetrators=tuple(p for p in perpetrators if p not in ordered),
        ordered_by=tuple(ordered),
        witnesses=tuple(_witnesses(text, s, taken)),
        confidence=0.6 if perpetrators or count else 0.4,
        extractor=INCIDENTS_EXTRACTOR,
    )


def extract_incidents(text: str, mentions: Sequence[Mention]) -> list[Incident]:
    """One incident per incident word, with what its sentence says about it."""
    out = []
    previous: Subject | None = None
    for s in sentences(text, mentions):
        subjects, previous = sentence_subjects(text, s, previous)
        for trigger in s.of(MentionType.INCIDENT):
            if no_other(MentionType.INCIDENT, s.mentions, trigger.start, trigger.start):
                out.append(_incident(text, s, trigger, subjects))
    return out
