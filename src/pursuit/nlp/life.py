"""Birth and death claims: "born in 1985 in Buraidah", "né en 1984", "geboren 1986", "من مواليد
1985", "died in 2017", "est mort en 2017", "توفي عام 2017".

These are the single-valued facts that tell two people apart and that sources most often get
wrong, so each source's version is kept as its own claim and compared later (contradictions in
`pursuit.cases.claims`). A cue takes the date or place that follows it closely and the subject
that stands before it in the sentence (a name, an alias or a resolved pronoun); without both, no
claim is made.
"""

from __future__ import annotations

import re

from pursuit.nlp.links import between, gap_words
from pursuit.nlp.model import Claim, ClaimPredicate, Mention, MentionType
from pursuit.nlp.sentences import Sentence
from pursuit.nlp.subjects import Subject

__all__ = ["EXTRACTOR", "claim_on", "life_claims", "precise_date"]

# "an Egyptian-born fighter" says where a person comes from, not a birth claim to read on.
_BIRTH = re.compile(r"(?<![\w-])(?:born|née?|geboren|مواليد|وُلد|ولد|ولدت)(?!\w)", re.I)
_DEATH = re.compile(
    r"(?<!\w)(?:died|passed away|(?:est|était) (?:mort|morte|décédée?)|décédée?|mourut|"
    r"starb|gestorben|verstorben|توفي|توفى|مات)(?!\w)",
    re.I,
)
EXTRACTOR = "rules:life 1"
_NEAR = 4  # words allowed between the cue and its date or place ("born on the 3rd of ...")


def precise_date(first: str, last: str, text: str) -> str:
    """A date range as the value a source gave: a day, a month, a year, or its own words."""
    if first == last:
        return first
    if first[:4] == last[:4] and first[5:] == "01-01" and last[5:] == "12-31":
        return first[:4]
    if first[:7] == last[:7] and first[8:] == "01":
        return first[:7]
    return text


def claim_on(
    s: Sentence,
    subject: Subject,
    predicate: ClaimPredicate,
    obj: Mention,
    value: str,
    confidence: float,
) -> Claim:
    """A claim on the subject's head name; a pronoun's evidence starts at its antecedent."""
    start = min(s.start, subject.start)
    return Claim(subject.person, predicate, obj, value, start, s.end, confidence, EXTRACTOR)


def _follows(text: str, cue: re.Match[str], found: list[Mention], s: Sentence) -> Mention | None:
    for m in sorted(found, key=lambda m: m.start):
        if m.start < cue.end():
            continue
        gap = text[cue.end() : m.start]
        others = [x for x in s.of(MentionType.PERSON) if cue.end() <= x.start < m.start]
        if len(gap_words(gap)) <= _NEAR and not others and "," not in gap:
            return m
        return None
    return None


def _subject_before(text: str, cue_start: int, subjects: list[Subject]) -> Subject | None:
    before = [x for x in subjects if x.anchor.end <= cue_start]
    if not before:
        return None
    last = before[-1]
    gap = text[last.anchor.end : cue_start]
    return last if ";" not in gap and len(gap_words(gap)) <= 12 else None


def _date_value(m: Mention) -> str:
    first, last = str(m.attributes.get("first", "")), str(m.attributes.get("last", ""))
    return precise_date(first, last, m.text) if first and last else m.text


def _cue_claims(
    text: str, s: Sentence, subjects: list[Subject], cue: re.Match[str], birth: bool
) -> list[Claim]:
    subject = _subject_before(text, cue.start(), subjects)
    if subject is None:
        return []
    out: list[Claim] = []
    when = _follows(text, cue, s.of(MentionType.DATE), s)
    predicate = ClaimPredicate.BIRTH if birth else ClaimPredicate.DEATH
    if when is not None:
        out.append(claim_on(s, subject, predicate, when, _date_value(when), 0.7))
    if birth:
        place = _follows(text, cue, s.of(MentionType.LOCATION), s)
        if place is None and when is not None:
            place = _follows_after(text, when, s)
        if place is not None:
            value = place.label or place.text
            out.append(claim_on(s, subject, ClaimPredicate.BIRTHPLACE, place, value, 0.65))
    return out


def _follows_after(text: str, date: Mention, s: Sentence) -> Mention | None:
    """ "born in 1985 in Buraidah": the place right after the birth date."""
    for place in s.of(MentionType.LOCATION):
        if place.start >= date.end:
            gap = between(text, date, place, s.mentions)
            return place if len(gap_words(gap)) <= 2 and "," not in gap else None
    return None


def life_claims(text: str, s: Sentence, subjects: list[Subject]) -> list[Claim]:
    """Birth (date and place) and death claims of this sentence's subjects."""
    out: list[Claim] = []
    for pattern, birth in ((_BIRTH, True), (_DEATH, False)):
        for cue in pattern.finditer(text, s.start, s.end):
            out.extend(_cue_claims(text, s, subjects, cue, birth))
    return out
