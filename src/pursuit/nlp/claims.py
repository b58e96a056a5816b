"""Claims read from sentences: role, nationality, affiliation (and former), presence.

Rules over mention sequences, not a parser: each claim names the mentions it rests on and the
sentence it came from, and a reviewer can check it against those words. When the text does not
say clearly who a role or nationality belongs to, no claim is made.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pursuit.nlp.links import between, gap_words, is_apposition, nearest, no_other
from pursuit.nlp.model import Claim, ClaimPredicate, Mention, MentionType
from pursuit.nlp.sentences import Sentence, sentences

__all__ = ["CLAIMS_EXTRACTOR", "sentence_claims"]

CLAIMS_EXTRACTOR = "rules:claims 1"
P = MentionType.PERSON
_COPULA = re.compile(
    r"^[\s,]*(?:who\s+)?(?:(?:was|is|had been|has been|became|served as|acted as|worked as|"
    r"as|later|then|also|now|named|appointed|était|est|devenu|devenue|comme|كان|وهو|هو)\s+)*"
    r"(?:the|a|an|his|her|its|their|le|la|l'|un|une)?\s*"
    r"(?:former|then|new|local|senior|top|deputy|military|security|ancien)?\s*$",
    re.I,
)
_OBJECT_LINK = re.compile(r"^\s*(?:of|for|in|at|over|de|du|d'|des|à|في|ل)?\s*(?:the|l')?\s*$")
_JOIN = re.compile(
    r"(?:joined|join|pledged (?:allegiance|loyalty|bay'?ah) to|swore allegiance to|"
    r"switched (?:allegiance|sides|loyalty)\b.*?\bto|defected to|belonged to|"
    r"fought (?:for|with|alongside)|(?:a |was a |became a )?member of|(?:a )?rejoint|"
    r"a prêté allégeance à|انضم\s*(?:إلى|الى|ل)?|بايع|التحق\s*ب?)\s*(?:the\s+)?$",
    re.I,
)
_ROLE_ADJECTIVES = frozenset({"military", "security", "media", "senior", "local", "top", "chief"})
_FROM = re.compile(r"\b(?:from|de)\s+(?:the\s+)?$", re.I)
_PRESENCE = re.compile(
    r"^[\s,]*(?:who\s+)?(?:[\w']+[\s,]+){0,6}?(?:was|were|lived|stayed|arrived|moved|travell?ed|went|"
    r"fled|returned|based|stationed|seen|remained|worked|fought|settled|était|vivait|arrivé|"
    r"allé|parti|rentré|كان|عاش|وصل|انتقل|ذهب)\b[^.;]{0,40}?\b(?:in|to|at|into|à|au|en|في|"
    r"إلى|الى)\s+(?:the\s+)?$",
    re.I,
)


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


def _holder(text: str, s: Sentence, word: Mention) -> tuple[Mention, float] | None:
    """The person a role or nationality word describes: "X, the emir" or "the emir, X"."""
    for person in nearest(word, s.of(P), after=False)[:1]:
        gap = between(text, person, word, s.mentions)
        if _COPULA.match(gap) and no_other(MentionType.ROLE, s.mentions, person.end, word.start):
            return person, 0.75
    for person in nearest(word, s.of(P), after=True)[:1]:
        gap = between(text, word, person, s.mentions)
        if is_apposition(gap) and no_other(P, s.mentions, word.end, person.start):
            return person, 0.8
    return None


def _role_object(text: str, s: Sentence, role: Mention) -> Mention | None:
    targets = s.of(MentionType.ORGANIZATION, MentionType.LOCATION)
    for target in nearest(role, targets, after=True)[:1]:
        if _OBJECT_LINK.match(between(text, role, target)):
            return target
    return None


def _role_claims(text: str, s: Sentence) -> list[Claim]:
    out = []
    for role in s.of(MentionType.ROLE):
        held = _holder(text, s, role)
        if held is None:
            continue
        person, confidence = held
        target = _role_object(text, s, role)
        out.append(_claim(s, person, ClaimPredicate.ROLE, target, role.label, confidence))
        before = nearest(role, s.of(MentionType.ORGANIZATION), after=False)[:1]
        for org in before:
            words = gap_words(between(text, org, role))
            if set(words) <= _ROLE_ADJECTIVES and len(words) < 3:
                out.append(_claim(s, person, ClaimPredicate.AFFILIATION, org, org.label, 0.7))
        if target is not None and target.type is MentionType.ORGANIZATION:
            out.append(_claim(s, person, ClaimPredicate.AFFILIATION, target, target.label, 0.7))
    return out


def _nationality_claims(text: str, s: Sentence) -> list[Claim]:
    out = []
    for word in s.of(MentionType.NATIONALITY):
        held = _holder(text, s, word)
        if held is not None:
            country = word.attributes.get("country", word.label)
            out.append(_claim(s, held[0], ClaimPredicate.NATIONALITY, word, country, held[1]))
    for person in s.of(P):
        for place in nearest(person, s.of(MentionType.LOCATION), after=True)[:1]:
            gap = between(text, person, place, s.mentions)
            is_country = place.attributes.get("place_kind") == "country"
            if is_country and _FROM.search(gap) and len(gap_words(gap)) <= 4:
                out.append(_claim(s, person, ClaimPredicate.NATIONALITY, place, place.label, 0.55))
    return out


def _affiliation_claims(text: str, s: Sentence) -> list[Claim]:
    out = []
    orgs = s.of(MentionType.ORGANIZATION)
    for person in s.of(P):
        for org in nearest(person, orgs, after=True):
            gap = text[person.end : org.start]
            if not no_other(P, s.mentions, person.end, org.start) or not _JOIN.search(gap):
                continue
            out.append(_claim(s, person, ClaimPredicate.AFFILIATION, org, org.label, 0.75))
            earlier = [o for o in orgs if person.end <= o.start and o.end <= org.start]
            if earlier and re.search(r"\bfrom\b|\bde\b", gap, re.I):
                former = earlier[-1]
                out.append(
                    _claim(s, person, ClaimPredicate.FORMER_AFFILIATION, former, former.label, 0.7)
                )
            break
    return out


def _presence_claims(text: str, s: Sentence) -> list[Claim]:
    out = []
    dates = s.of(MentionType.DATE)
    for person in s.of(P):
        for place in nearest(person, s.of(MentionType.LOCATION), after=True)[:1]:
            if not no_other(P, s.mentions, person.end, place.start):
                continue
            if _PRESENCE.match(between(text, person, place, s.mentions)):
                when = nearest(place, dates, after=True)[:1] or nearest(place, dates, after=False)
                time = when[0] if when else None
                claim = _claim(s, person, ClaimPredicate.PRESENCE, place, place.label, 0.7, time)
                out.append(claim)
    return out


def sentence_claims(text: str, mentions: Sequence[Mention]) -> list[Claim]:
    """Role, nationality, affiliation and presence claims, sentence by sentence."""
    out: list[Claim] = []
    for s in sentences(text, mentions):
        for rule in (_role_claims, _nationality_claims, _affiliation_claims, _presence_claims):
            out.extend(rule(text, s))
    return out
