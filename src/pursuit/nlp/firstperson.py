"""First-person statements of what a witness saw or heard: "I saw", "j'ai vu", "ich habe … gesehen".

Testimony carries its weight in these sentences: a witness who saw an execution is evidence of
another kind than one who was told of it. Each gives a `witnessed` claim whose subject is the
speaker — the pseudonym or name that opens the transcript line ("W-07: I saw …") when there is
one, else the first-person word itself — and whose object is what was seen: the incident word or
person named after the verb, else the words that follow it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pursuit.nlp.model import Mention, MentionType
from pursuit.nlp.roles import incident_index
from pursuit.nlp.sentences import Sentence

__all__ = ["Witnessed", "EXTRACTOR", "witnessed"]

EXTRACTOR = "rules:first-person 1"
_SEEN = re.compile(
    r"(?<!\w)(?:"
    r"(?P<en>I)\s+(?:personally\s+|myself\s+|also\s+|then\s+)?(?:saw|watched|witnessed|heard|"
    r"have seen|had seen|have heard|had heard|could see|could hear|was present at|was there when)"
    r"|(?P<fr>j['’]ai|je l['’]ai|j['’]avais)\s+(?:moi-même\s+|aussi\s+)?(?:vu|entendu|"
    r"assisté\s+à|été\s+témoin\s+d[eu'’]?)|(?P<fr2>je)\s+(?:voyais|vis|regardais|entendais)"
    r"|(?P<de>ich)\s+(?:habe|hatte)\b[^.;!?]{0,60}?\b(?:gesehen|gehört|beobachtet|miterlebt)"
    r"|(?P<de2>ich)\s+(?:sah|hörte|beobachtete|wurde\s+Zeuge)"
    r"|(?P<ar>[وف]?(?:رأيت|رايت|شاهدت|سمعت|شهدت|رأيتُ|شاهدتُ|سمعتُ))"
    r")(?!\w)",
    re.I,
)
# A transcript line opened by a speaker: "W-07: ...", "Witness W-11: ...".
_SPEAKER = re.compile(
    r"^[ \t]*(?:(?:witness|témoin|zeuge|zeugin|الشاهد)\s+)?(?P<who>[A-Z]{1,3}-\d{1,4})\s*:",
    re.M | re.I,
)
_CLAUSE_END = re.compile(r"[.;!?؟\n]")


@dataclass(frozen=True, slots=True)
class Witnessed:
    """The speaker, what was seen (a mention when one was named) and the words that say it."""

    speaker: Mention
    seen: Mention | None
    value: str
    start: int
    end: int


def _speaker(text: str, at: int, pronoun: Mention) -> Mention:
    """The speaker of the transcript turn `at` falls in, else the first-person word."""
    line_start = text.rfind("\n\n", 0, at)
    found = None
    for match in _SPEAKER.finditer(text, max(line_start, 0), at):
        found = match
    if found is None:
        return pronoun
    who = found.start("who"), found.end("who")
    return Mention(
        who[0],
        who[1],
        text[who[0] : who[1]],
        MentionType.PERSON,
        EXTRACTOR,
        0.8,
        text[who[0] : who[1]],
    )


def _seen(text: str, s: Sentence, start: int, end: int) -> tuple[Mention | None, str]:
    """The first incident (else person) named in the clause, else its opening words."""
    stop = _CLAUSE_END.search(text, end, s.end)
    clause_end = stop.start() if stop else s.end
    inside = [m for m in s.mentions if start <= m.start and m.end <= clause_end]
    acts = [m for m in inside if m.type is MentionType.INCIDENT] or _act_words(
        text, start, clause_end
    )
    if acts:
        return acts[0], acts[0].text.lower()
    persons = [m for m in inside if m.type is MentionType.PERSON]
    if persons:
        return persons[0], persons[0].text
    words = text[end:clause_end].split()[:6]
    return None, " ".join(words).strip(" ,:\"'«»“”")


def _act_words(text: str, start: int, end: int) -> list[Mention]:
    """Act words the mention stage missed (the English model reads German poorly)."""
    return [
        Mention(
            start + h.start,
            start + h.end,
            text[start + h.start : start + h.end],
            MentionType.INCIDENT,
            EXTRACTOR,
            0.5,
            h.entry.label,
        )
        for h in incident_index().find(text[start:end])
    ]


def witnessed(text: str, s: Sentence) -> list[Witnessed]:
    """Each first-person statement of seeing or hearing in sentence `s`."""
    out = []
    for match in _SEEN.finditer(text, s.start, s.end):
        group = next(g for g in ("en", "fr", "fr2", "de", "de2", "ar") if match.group(g))
        pronoun = Mention(
            match.start(group),
            match.end(group),
            match.group(group),
            MentionType.PERSON,
            EXTRACTOR,
            0.5,
            "I",
        )
        seen, value = _seen(text, s, match.start(), match.end())
        if not value:
            continue
        speaker = _speaker(text, match.start(), pronoun)
        out.append(Witnessed(speaker, seen, value, s.start, s.end))
    return out
