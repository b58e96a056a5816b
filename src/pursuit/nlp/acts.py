"""One vocabulary for acts across English, French, German and Arabic.

"execution", "exécution", "Hinrichtung" and "إعدام" name one act; claims about what a person
ordered or committed, and incidents from different sources, compare acts by this canonical kind
rather than by the word a source happened to use. The words are the incident vocabulary of
`roles.INCIDENT_WORDS`, so extraction and comparison can never disagree.
"""

from __future__ import annotations

import re
from functools import cache

from pursuit.nlp.arabic_text import normalise_arabic
from pursuit.nlp.model import IncidentKind
from pursuit.nlp.roles import INCIDENT_WORDS

__all__ = ["canonical_act", "act_words"]


def _fold(text: str) -> str:
    return " ".join(normalise_arabic(text).casefold().split())


@cache
def act_words() -> dict[str, IncidentKind]:
    """Every (folded) word or phrase of the vocabulary and the act it names."""
    found: dict[str, IncidentKind] = {}
    for kind, words in INCIDENT_WORDS.items():
        for word in words.split("|"):
            found.setdefault(_fold(word), kind)
    return found


@cache
def _pattern() -> re.Pattern[str]:
    words = sorted(act_words(), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)")


def canonical_act(text: str) -> IncidentKind | None:
    """The act a word or phrase names ("exécution" -> execution), or None when none does.

    A phrase ("the execution of the prisoners") is read for its first act word.
    """
    folded = _fold(text)
    exact = act_words().get(folded)
    if exact is not None:
        return exact
    found = _pattern().search(folded)
    return act_words()[found.group(0)] if found else None
