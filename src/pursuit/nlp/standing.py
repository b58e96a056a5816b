"""How a text presents a person: as a journalist or investigator, a witness, or a quoted source.

Screening must not flag the reporter who wrote about a massacre, nor the witness who saw it. The
words around a name say which they are: a profession next to it ("the journalist Lina Haddad",
"Lina Haddad, a reporter for …", "الصحفية …"), a byline ("By Lina Haddad"), a witness word or
pseudonym ("a witness, Omar …", "W-07"), "told us", or a speech verb that quotes the person
("X said", "according to X", "selon X", "laut X", "قال X"). These are cues for an analyst's role
proposal, each with the words it rests on, never a finding.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from pursuit.nlp.model import Mention, MentionType

__all__ = ["Standing", "StandingCue", "standing_cues"]


class Standing(StrEnum):
    INVESTIGATOR = "investigator"
    WITNESS = "witness"
    SOURCE = "source"


_PROFESSION = (
    r"journalists?|reporters?|correspondents?|investigators?|researchers?|editors?|"
    r"documentalists?|investigative journalist|journaliste|correspondante?|enquêt(?:eur|rice)|"
    r"chercheu(?:r|se)|reporter|Journalist(?:in)?|Korrespondent(?:in)?|Reporter(?:in)?|"
    r"Ermittler(?:in)?|Rechercheur(?:in)?|صحفي|صحفية|الصحفي|الصحفية|مراسل|مراسلة|باحث|باحثة|محقق"
)
_WITNESS_WORD = r"witness|eyewitness|témoin|Zeuge|Zeugin|الشاهد|شاهد|شاهدة"
_BEFORE = {
    Standing.INVESTIGATOR: re.compile(
        rf"(?:\b(?:{_PROFESSION})\b[\s,]*(?:\w+\s+){{0,2}}$|^\W*(?:by|par|von)\s+$)", re.I
    ),
    Standing.WITNESS: re.compile(rf"\b(?:{_WITNESS_WORD})\b[\s,:]*(?:\w+\s+){{0,1}}$", re.I),
    Standing.SOURCE: re.compile(
        r"(?:according to|selon|d'après|laut|nach Angaben von|وفقا ل|حسب|قال|قالت|sagte|said)\s*$",
        re.I,
    ),
}
_AFTER = {
    Standing.INVESTIGATOR: re.compile(
        rf"^[\s,]*(?:(?:a|an|the|un|une|le|la|ein|eine|die|der)\s+)?(?:\w+\s+){{0,2}}"
        rf"(?:{_PROFESSION})\b",
        re.I,
    ),
    Standing.WITNESS: re.compile(
        rf"^[\s,]*(?:(?:a|an|the|un|une|le|la|ein|eine)\s+)?(?:{_WITNESS_WORD})\b|"
        r"^\s*(?:told us|told the|testified|a témoigné|sagte aus)|^\s*:",
        re.I,
    ),
    Standing.SOURCE: re.compile(
        r"^[\s,]*(?:said|says|told|explained|recalled|added|a déclaré|a dit|a expliqué|"
        r"a raconté|sagte|erklärte|berichtete)\b",
        re.I,
    ),
}
_PSEUDONYM = re.compile(r"^[A-Z]{1,3}-\d{1,4}$")


@dataclass(frozen=True, slots=True)
class StandingCue:
    """A person mention, how the text presents it, and the words that say so."""

    person: Mention
    standing: Standing
    words: str


def _cue(text: str, person: Mention) -> StandingCue | None:
    if _PSEUDONYM.match(person.text):
        return StandingCue(person, Standing.WITNESS, "protected witness pseudonym")
    before = text[max(0, person.start - 40) : person.start].split("\n")[-1]
    after = text[person.end : person.end + 40].split("\n")[0]
    for standing in Standing:
        found = _BEFORE[standing].search(before)
        if found is not None:
            return StandingCue(person, standing, (found.group(0) + person.text).strip())
        found = _AFTER[standing].match(after)
        if found is not None:
            return StandingCue(person, standing, (person.text + found.group(0)).strip())
    return None


def standing_cues(text: str, mentions: Sequence[Mention]) -> list[StandingCue]:
    """The cues found around each person mention of `text`, in text order."""
    out = []
    for person in sorted(mentions, key=lambda m: m.start):
        if person.type is MentionType.PERSON:
            cue = _cue(text, person)
            if cue is not None:
                out.append(cue)
    return out
