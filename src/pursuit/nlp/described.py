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
    r"(?:(?:was|is|were|are|had been|has been|became|served as|acted as|worked as|as|later|"
    r"then|also|now|named|appointed|damals|dann|später|bereits|alors|ensuite|"
    r"and (?:served|worked|acted) as|and (?:was|became)|était|est|"
    r"devenu|devenue|comme|a été|avait été|étaient|sont|servait comme|nommée?|désignée?|"
    r"ernannt zum|zum|war|ist|wurde|"
    r"soll|sollte|sei|diente als|als|waren|sind|"
    r"كان|وكان|وهو|هو|وإنه|إنه|انه)\s+)*"
    r"(?:the|a|an|his|her|its|their|le|la|l'|un|une|der|die|ein|eine|einer|einen|einem|eines)?\s*"
    r"(?:(?:group|organisation|organization|militia|camp|prison|unit|battalion)['’]s\s+)?"
    r"(?:(?:former|then|new|local|senior|top|deputy|military|security|chief|head|main|"
    r"notorious|feared|infamous|ancien|ehemaliger?)\s+)*"
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
# "A, B and C were guards", "lists A (…), B (…) and C (…) as fighters": a plural copula or
# "as" after a list gives the word to every name of the list.
_PLURAL_COPULA = re.compile(
    r"^[\s,]*(?:were|are|had been|have been|as|both|all|étaient|sont|ont été|comme|waren|sind|"
    r"als|كانوا)\b",
    re.I,
)
# "X joined ISIS in 2014 and became an emir": a second verb of the same clause.
_AND_BECAME = re.compile(
    r"^[^,;.]{0,60}\b(?:and|et|und|ثم)\s+(?:later\s+|then\s+|ensuite\s+)?(?:became|was made|"
    r"was appointed|served as|worked as|est devenue?|devint|a été nommée?|wurde|diente als)\s+"
    r"(?:the|a|an|un|une|le|la|l'|ein|eine|einer|zum)?\s*$",
    re.I,
)
# "Among the guards were A and B", "parmi les gardiens figuraient A et B".
_AMONG = re.compile(r"\b(?:among|parmi|unter|من بين)\s+(?:the\s+|les\s+|den\s+)?$", re.I)
_AMONG_GAP = re.compile(r"^\s*(?:were|was|figuraient|figurait|étaient|waren|:)?\s*$", re.I)
_ASIDE = re.compile(r"\([^()]*\)")
# "l'émir de la police islamique, Abou Talha": what the role is of, then the name after a comma.
_OF_PHRASE = re.compile(
    r"^\s*(?:of|de|du|des|d'|der|des)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]*\s*[,،]\s*$", re.I
)


class Described:
    """The persons of a sentence that role and nationality words describe, with confidence."""

    def __init__(self, text: str, s: Sentence, subjects: list[Subject]) -> None:
        self.text, self.s = text, s
        # "A and B" share a clause's acts, not a word in apposition to B ("A and B, a guard").
        subjects = [x for x in subjects if not x.anchor.extractor.startswith("rules:coordinated")]
        self.head = {id(x.anchor): x.person for x in subjects}
        self.before = [x.anchor for x in subjects]
        self.spans: dict[tuple[int, int], list[Mention]] = {}
        for x in subjects:
            self.spans.setdefault((x.anchor.start, x.anchor.end), []).append(x.person)

    def _persons(self, anchor: Mention) -> list[Mention]:
        """The head names an anchor stands for (several for "both men", "they")."""
        found = self.spans.get((anchor.start, anchor.end), [])
        return found if len(found) > 1 else [self.head.get(id(anchor), anchor)]

    def _left(self, word: Mention) -> Mention | None:
        """ "X, the emir", "he was a security official", "X (Yemeni, ...)"."""
        for anchor in nearest(word, self.before, after=False)[:1]:
            gap = _ASIDE.sub(" ", between(self.text, anchor, word, self.s.mentions))
            core = _INSERT.sub("", gap, count=1)
            comma = gap.lstrip()[:1] in (",", "،") and is_apposition(gap)
            linked = bool(_COPULA.match(core) or comma or _AND_BECAME.match(gap))
            if linked and no_other(R, self.s.mentions, anchor.end, word.start):
                return anchor
        return None

    def _list_before(self, last: Mention, word: Mention) -> list[Mention]:
        """ "A, B and C were guards": the names listed before `last`, when a plural copula or
        "as" ties the word to the whole list."""
        gap = _ASIDE.sub(" ", between(self.text, last, word, self.s.mentions))
        if not _PLURAL_COPULA.match(gap):
            return []
        found: list[Mention] = []
        for person in nearest(last, self.s.of(P), after=False):
            link = _ASIDE.sub(" ", between(self.text, person, last, self.s.mentions))
            if not _LIST.match(link):
                break
            found.insert(0, person)
            last = person
        return found

    def _right(self, word: Mention) -> list[Mention]:
        """ "the emir X", "two Egyptian brothers, A and B", "named the commander ... as X"."""
        s, text = self.s, self.text
        for first in nearest(word, s.of(P), after=True)[:1]:
            gap = between(text, word, first, s.mentions)
            lead = text[max(s.start, word.start - 30) : word.start]
            named_as = _NAMED_AS_GAP.match(gap) and _NAMED_AS_BEFORE.search(lead)
            among = _AMONG_GAP.match(gap) and _AMONG.search(lead)
            described = is_apposition(gap) or _OF_PHRASE.match(gap) is not None
            if not named_as and not among and not described:
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
            confidence = 0.65 if pronoun else 0.75
            listed = [self.head.get(id(p), p) for p in self._list_before(left, word)]
            return [(p, confidence) for p in [*listed, *self._persons(left)]]
        return [(self.head.get(id(p), p), 0.8) for p in self._right(word)]
