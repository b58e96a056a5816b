"""Claims read from sentences: role, nationality, affiliation (and former), presence, alias,
orders carried by reported speech (`reported.py`) and what a witness saw (`firstperson.py`).

Rules over mention sequences, not a parser: each claim names the mentions it rests on and the
sentence it came from, and a reviewer can check it against those words. When the text does not
say clearly who a role or nationality belongs to, no claim is made.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pursuit.nlp.affiliation import affiliations
from pursuit.nlp.described import Described
from pursuit.nlp.firstperson import witnessed
from pursuit.nlp.incidents import extract_incidents
from pursuit.nlp.life import life_claims
from pursuit.nlp.links import between, gap_words, nearest
from pursuit.nlp.model import Claim, ClaimPredicate, Mention, MentionType
from pursuit.nlp.presence import act_places, presence_places
from pursuit.nlp.reported import Holders, role_holders, sentence_orders
from pursuit.nlp.sentences import Sentence, sentences
from pursuit.nlp.subjects import Carried, Subject, sentence_subjects

__all__ = ["CLAIMS_EXTRACTOR", "sentence_claims"]

CLAIMS_EXTRACTOR = "rules:claims 1"
P = MentionType.PERSON
# Between a role word and what it is of; an adjective may come first ("القائد العسكري في").
_OBJECT_LINK = re.compile(
    r"^\s*(?:(?:military|security|senior|العسكري|الأمني|الشرعي|الإعلامي|militaire|militärische[rn]?)"
    r"\s+)?(?:of|for|in|at|over|de|du|d'|des|à|في|ل)?\s*(?:the|l')?\s*$"
)
_ROLE_ADJECTIVES = frozenset(
    {"military", "security", "media", "senior", "local", "top", "chief", "s", "group"}
)
_FROM = re.compile(r"\b(?:from|de)\s+(?:the\s+)?$", re.I)


def _claim(
    s: Sentence,
    subject: Mention,
    predicate: ClaimPredicate,
    obj: Mention | None,
    value: str,
    confidence: float,
    time: Mention | None = None,
) -> Claim:
    return Claim(subject, predicate, obj, value, s.start, s.end, confidence, CLAIMS_EXTRACTOR, time)


def _role_object(text: str, s: Sentence, role: Mention) -> Mention | None:
    targets = s.of(MentionType.ORGANIZATION, MentionType.LOCATION)
    for target in nearest(role, targets, after=True)[:1]:
        if _OBJECT_LINK.match(between(text, role, target)):
            return target
    return None


def _role_claims(text: str, s: Sentence, holders: Described) -> list[Claim]:
    out = []
    for role in s.of(MentionType.ROLE):
        for person, confidence in holders.of(role):
            out += _one_role(text, s, role, person, confidence)
    return out


def _one_role(
    text: str, s: Sentence, role: Mention, person: Mention, confidence: float
) -> list[Claim]:
    """A role claim, and the group a role word names ("an ISIS emir", "emir of ISIS")."""
    target = _role_object(text, s, role)
    out = [_claim(s, person, ClaimPredicate.ROLE, target, role.label, confidence)]
    for org in nearest(role, s.of(MentionType.ORGANIZATION), after=False)[:1]:
        words = gap_words(between(text, org, role))
        if set(words) <= _ROLE_ADJECTIVES and len(words) < 3:
            out.append(_claim(s, person, ClaimPredicate.AFFILIATION, org, org.label, 0.7))
    if target is not None and target.type is MentionType.ORGANIZATION:
        out.append(_claim(s, person, ClaimPredicate.AFFILIATION, target, target.label, 0.7))
    return out


def _nationality_claims(text: str, s: Sentence, holders: Described) -> list[Claim]:
    out = []
    for word in s.of(MentionType.NATIONALITY):
        country = word.attributes.get("country", word.label)
        for person, confidence in holders.of(word):
            out.append(_claim(s, person, ClaimPredicate.NATIONALITY, word, country, confidence))
    for person in s.of(P):
        for place in nearest(person, s.of(MentionType.LOCATION), after=True)[:1]:
            gap = between(text, person, place, s.mentions)
            is_country = place.attributes.get("place_kind") == "country"
            if is_country and _FROM.search(gap) and len(gap_words(gap)) <= 4:
                out.append(_claim(s, person, ClaimPredicate.NATIONALITY, place, place.label, 0.55))
    return out


def _subject_claim(
    s: Sentence,
    subject: Subject,
    predicate: ClaimPredicate,
    obj: Mention,
    confidence: float,
    time: Mention | None = None,
) -> Claim:
    """A claim on a subject's head name; a pronoun's evidence starts at its antecedent."""
    start = min(s.start, subject.start)
    value = obj.label or obj.text
    return Claim(
        subject.person, predicate, obj, value, start, s.end, confidence, CLAIMS_EXTRACTOR, time
    )


def _time_of(s: Sentence, place: Mention) -> Mention | None:
    dates = s.of(MentionType.DATE)
    when = nearest(place, dates, after=True)[:1] or nearest(place, dates, after=False)[:1]
    return when[0] if when else None


def _subject_claims(text: str, s: Sentence, subjects: list[Subject]) -> list[Claim]:
    """Affiliation and presence claims for every name, alias and resolved pronoun."""
    out: list[Claim] = []
    seen: set[tuple[int, str, int]] = set()
    for subject in subjects:
        own = frozenset(id(x.anchor) for x in subjects if x.person is subject.person)
        found = [
            (org, ClaimPredicate.FORMER_AFFILIATION if former else ClaimPredicate.AFFILIATION)
            for org, former in affiliations(text, s, subject, own)
        ]
        found += [
            (place, ClaimPredicate.PRESENCE) for place in presence_places(text, s, subject, own)
        ]
        for obj, predicate in found:
            key = (id(subject.person), predicate.value, id(obj))
            if key in seen:
                continue
            seen.add(key)
            pronoun = subject.anchor is not subject.person and subject.start < s.start
            confidence = 0.6 if pronoun else 0.7
            time = _time_of(s, obj) if predicate is ClaimPredicate.PRESENCE else None
            out.append(_subject_claim(s, subject, predicate, obj, confidence, time))
    return out


def _alias_claims(s: Sentence, subjects: list[Subject]) -> list[Claim]:
    """ "X, alias Y", "he was known as Y": the text itself says two names are one person.

    Names alone can never link a kunya to a legal name ("Abu Seif al-Jawi" / "Wiji Joko
    Santoso"); this claim is the evidence that can, and resolution turns it into a proposal.
    """
    out = []
    for subject in subjects:
        made = subject.anchor.extractor.startswith(("rules:pro", "rules:coordinated"))
        named = subject.anchor.type is P and not made
        if named and subject.anchor is not subject.person:
            confidence = 0.8 if subject.start >= s.start else 0.6
            out.append(_subject_claim(s, subject, ClaimPredicate.ALIAS, subject.anchor, confidence))
    return out


def _held_roles(text: str, s: Sentence, found: list[Claim], holders: Holders) -> list[Claim]:
    """Role claims of "our emir was X", and every role holder remembered for later sentences."""
    out = []
    known = {(id(c.subject), c.value) for c in found if c.predicate is ClaimPredicate.ROLE}
    for label, person in role_holders(text, s):
        if (id(person), label) not in known:
            out.append(_claim(s, person, ClaimPredicate.ROLE, None, label, 0.7))
    for claim in [*found, *out]:
        if claim.predicate is ClaimPredicate.ROLE:
            holders.hold(claim.value, claim.subject)
    return out


def _spoken_claims(
    text: str, s: Sentence, holders: Holders, subjects: list[Subject]
) -> list[Claim]:
    """Orders carried by reported speech, and first-person statements of what was seen."""
    pronouns = [
        x
        for x in subjects
        if x.anchor.extractor.startswith("rules:pronoun") and "object" not in x.anchor.extractor
    ]
    out = [
        _claim(s, o.person, ClaimPredicate.ORDERED, o.act, o.act.text.lower(), 0.6)
        for o in sentence_orders(text, s, holders, pronouns)
    ]
    for w in witnessed(text, s):
        out.append(_claim(s, w.speaker, ClaimPredicate.WITNESSED, w.seen, w.value, 0.6))
    return out


def sentence_claims(text: str, mentions: Sequence[Mention]) -> list[Claim]:
    """Role, nationality, affiliation, presence, alias, life, order and witnessed claims."""
    out: list[Claim] = []
    previous: Carried | None = None
    holders = Holders()
    for s in sentences(text, mentions):
        subjects, previous = sentence_subjects(text, s, previous)
        described = Described(text, s, subjects)
        found = _role_claims(text, s, described)
        found += _held_roles(text, s, found, holders)
        out.extend(found)
        out.extend(_nationality_claims(text, s, described))
        out.extend(_subject_claims(text, s, subjects))
        out.extend(_alias_claims(s, subjects))
        out.extend(life_claims(text, s, subjects))
        out.extend(_spoken_claims(text, s, holders, subjects))
    return out + _act_presence(text, mentions)


def _act_presence(text: str, mentions: Sequence[Mention]) -> list[Claim]:
    """Presence where a person did or ordered an act, at the act's time."""
    out = []
    spans = {(x.start, x.end): x for x in sentences(text, mentions)}
    for incident in extract_incidents(text, mentions):
        s = spans.get((incident.start, incident.end))
        if s is None:
            continue
        for person, place in act_places(text, incident, s):
            time = incident.time or _time_of(s, place)
            out.append(_claim(s, person, ClaimPredicate.PRESENCE, place, place.label, 0.6, time))
    return out
