"""Who a role or nationality word describes, in the shapes news and testimony use.

"X, the emir of ...", "the emir X", "Emir X", "X served as emir", "X, qui était émir", "er soll
als Wächter ...", "الأمير X", "X (Yemeni, born 1990)", "X, de nationalité saoudienne", "two
Egyptian brothers, A and B", "named the commander of the squad as X". The word is tied to a
name, an alias (the claim goes to the head name) or a pronoun resolved to one name; when the
words in between do not say plainly that the word describes that person, nothing is tied.
"""

from __future__ import annotations

import re

from pursuit.nlp.links import between, is_apposition, nearest, no_other
from pursuit.nlp.model import Mention, MentionType
from pursuit.nlp.sentences import Sentence
from pursuit.nlp.subjects import Subject

__all__ = ["Described"]

P, R = MentionType.PERSON, MentionType.ROLE
# Between a name (or pronoun) and the word that describes it: a copula, "served as", "als".
_COPULA = re.compile(
    r"^[\s,،(]*(?:who\s+|qui\s+|der\s+|die\s+)?"
    r"(?:(?:was|is|had been|has been|became|served as|acted as|worked as|as|later|then|also|now|"
    r"named|appointed|and (?:served|worked|acted) as|and (?:was|became)|était|est|devenu|devenue|"
    r"comme|a été|avait été|servait comme|nommée?|désignée?|ernannt zum|zum|war|ist|wurde|"
    r"soll|sollte|sei|diente als|als|"
    r"كان|وكان|وهو|هو|وإنه|إنه|انه)\s+)*"
    r"(?:the|a|an|his|her|its|their|le|la|l'|un|une|der|die|ein|eine|einer)?\s*"
    r"(?:former|then|new|local|senior|top|deputy|military|security|ancien|ehemaliger?)?\s*"
    r"(?:de\s+nationalité|nationalité|citizen\s+of|Staatsangehörige[rn]?)?\s*$",
    re.I,
)
# "named the commander of the firing squad as X": an identifying verb, the word, then "as".
_NAMED_AS_BEFORE = re.compile(
    r"\b(?:named|identified|described|listed|recognised|recognized)\s+(?:the|a|an|his|her)?\s*$",
    re.I,
)
_NAMED_AS_GAP = re.compile(r"^\s*(?:of\s+(?:the\s+)?[\w' -]{1,30}?\s+)?as\s*$", re.I)
# "X, a Jordanian, was the wali": an inserted description before the copula is looked through.
_INSERT = re.compile(r"^\s*[,،][^,،;]{0,60}(?=[,،])")
_LIST = re.compile(r"^\s*(?:,|and|et|und|و)\s*(?:and\s+|et\s+|und\s+)?$", re.I)


class Described:
    """The persons of a sentence that role and nationality words describe, with confidence."""

    def __init__(self, text: str, s: Sentence, subjects: list[Subject]) -> None:
        self.text, self.s = text, s
        self.head = {id(x.anchor): x.person for x in subjects}
        self.before = [x.anchor for x in subjects]

    def _person(self, anchor: Mention) -> Mention:
        return self.head.get(id(anchor), anchor)

    def _left(self, word: Mention) -> Mention | None:
        """ "X, the emir", "he was a security official", "X (Yemeni, ...)"."""
        for anchor in nearest(word, self.before, after=False)[:1]:
            gap = between(self.text, anchor, word, self.s.mentions)
            core = _INSERT.sub("", gap, count=1)
            linked = _COPULA.match(core) or gap.lstrip()[:1] == "," and is_apposition(gap)
            if linked and no_other(R, self.s.mentions, anchor.end, word.start):
                return anchor
        return None

    def _right(self, word: Mention) -> list[Mention]:
        """ "the emir X", "two Egyptian brothers, A and B", "named the commander ... as X"."""
        s, text = self.s, self.text
        for first in nearest(word, s.of(P), after=True)[:1]:
            gap = between(text, word, first, s.mentions)
            named_as = _NAMED_AS_GAP.match(gap) and _NAMED_AS_BEFORE.search(
                text[max(s.start, word.start - 30) : word.start]
            )
            if not named_as and not is_apposition(gap):
                return []
            found, last = [first], first
            for person in nearest(first, s.of(P), after=True):
                if not _LIST.match(between(text, last, person, s.mentions)):
                    break
                found.append(person)
                last = person
            return found
        return []

    def of(self, word: Mention) -> list[tuple[Mention, float]]:
        """The persons `word` describes (head names), each with a confidence."""
        left = self._left(word)
        if left is not None:
            pronoun = left.extractor.startswith("rules:pronoun")
            return [(self._person(left), 0.65 if pronoun else 0.75)]
        return [(self._person(p), 0.8) for p in self._right(word)]
