"""Orders carried by reported speech, and who holds a role word, in four languages.

A defector rarely writes "X ordered the execution"; he says "I protested to the emir; the emir
answered that the prisoners had to be executed". The speaker of such an answer, when his words
demand an act of violence, ordered it. The speaker is often named by his role alone ("the
emir", "l'émir", "der Emir", "الأمير"), so role words are tied to the person who last held them
in the same text ("our emir was Abu Hafs", "Abu Hafs, the emir"): the claim goes to that person,
and resolution carries it to his profile.

Read between the speaker and the act word, with other mentions blanked: a speech or order verb,
then words of obligation ("had to be", "qu'il fallait", "müssten … werden", "بأنه يجب"), or an
order verb taking the act as object ("befahl die Hinrichtung", "أمر بإعدام", "ließ … hinrichten").
German is read by these rules alone: the English model tags German poorly.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from pursuit.nlp.acts import canonical_act
from pursuit.nlp.links import between
from pursuit.nlp.model import Mention, MentionType
from pursuit.nlp.roles import incident_index, role_index
from pursuit.nlp.sentences import Sentence
from pursuit.nlp.subjects import Subject

__all__ = ["Holders", "OrderFound", "role_holders", "sentence_orders"]

P, R, INC = MentionType.PERSON, MentionType.ROLE, MentionType.INCIDENT
EXTRACTOR = "rules:reported 1"

_SPEECH_EN = (
    r"(?:then\s+)?(?:answered|replied|responded|said|says|declared|decided|decreed|insisted|"
    r"shouted|told\s+(?:me|us|them|him|the\s+\w+)|explained)"
)
_OBLIGE_EN = r"(?:had to|have to|has to|must|should|were to|was to|would|needed to|will)(?:\s+be)?"
_EN = re.compile(
    rf"^\W*{_SPEECH_EN}\b[^.;?!]{{0,80}}?\b{_OBLIGE_EN}\s*$|"
    r"^\W*(?:then\s+)?(?:(?:had|has|also|personally)\s+)?(?:ordered|told|instructed|commanded)\b"
    r"[^.;?!]{0,60}?\bto\s*$|"
    r"^\W*(?:then\s+)?(?:gave|issued)\s+(?:the|an|his)\s+orders?\s+(?:to|for)(?:\s+the)?\s*$",
    re.I,
)
_FR = re.compile(
    r"^\W*(?:a|avait|lui a|nous a|leur a)?\s*(?:répondu|dit|déclaré|affirmé|ordonné|exigé|"
    r"décidé|répliqué|lancé|expliqué|répondit|dit|ordonna)\b[^.;?!]{0,80}?"
    r"(?:qu'il fallait|qu’il fallait|fallait|devaient être|doivent être|devait être|"
    r"seraient|de|d'|d’)\s*(?:les|le|la|l['’]|leur)?\s*$|"
    r"^\W*(?:a|avait)\s+donné\s+l['’]ordre\s+(?:de|d['’])\s*(?:l['’]|la\s+|les\s+)?\s*$",
    re.I,
)
_DE = re.compile(
    r"^\W*(?:antwortete|sagte|erklärte|entgegnete|meinte|verlangte|entschied|ordnete)\b"
    r"[^.;?!]{0,80}?\b(?:müssten|müssen|musste|sollten|sollen|solle|seien|würden|zu)\s*$|"
    r"^\W*(?:befahl|befiehlt|ordnete|gab)\b[^.;?!]{0,60}?$|"
    r"^\W*(?:ließ|liess|lässt)\b[^.;?!]{0,60}?$",
    re.I,
)
_AR_AFTER = re.compile(
    r"^\s*(?:[فو]?(?:أجاب|اجاب|قال|رد|أمر|امر|أعطى|طلب)\s*)?(?:الأوامر|الأمر|أوامر)?\s*"
    r"(?:بأنه|بانه|بأن|أنه|انه|إنه|أن)?\s*(?:يجب|ينبغي|لا\s+بد\s+من)?\s*(?:ب)?\s*$"
)
_AR_VERB = re.compile(r"(?:أجاب|اجاب|قال|رد|أمر|امر|أعطى|طلب)\s*$")
_AR_ORDER = re.compile(r"(?:أمر|امر|أعطى|يجب|ينبغي)")
_DE_NEEDS_ACT_VERB = re.compile(r"^\W*(?:ließ|liess|lässt)\b", re.I)
_DE_INVERTED = re.compile(
    r"\b(?P<verb>ließ|liess|lässt|befahl|befiehlt|ordnete|gab)\s+(?:der\s+|die\s+)?"
    r"(?:[\w-]+\s+){0,2}$",
    re.I,
)

# Infinitives and verb forms of acts that the incident vocabulary lists only as nouns.
_ACT_VERBS = {
    "execute": "execution",
    "exécuter": "execution",
    "fusiller": "execution",
    "tuer": "killing",
    "égorger": "beheading",
    "décapiter": "beheading",
    "kill": "killing",
    "behead": "beheading",
    "shoot": "killing",
    "erschießen": "killing",
    "erschiessen": "killing",
    "töten": "killing",
    "enthaupten": "beheading",
    "umbringen": "killing",
}
_ACT_VERB = re.compile(r"(?<!\w)(" + "|".join(_ACT_VERBS) + r")(?!\w)", re.I)

# "our emir was X", "unser Emir war X", "notre émir était X", "كان أميرنا X".
_HOLDER_BEFORE = re.compile(
    r"(?:\b(?:our|my|their|the)\s+(?P<en>\w+)\s+(?:was|is|had been|became)|"
    r"\b(?:notre|mon|leur|l['’]|le)\s*(?P<fr>\w+)\s+(?:était|est|fut)|"
    r"\b(?:unser|mein|ihr|der)\s+(?P<de>\w+)\s+(?:war|ist|hieß|hiess)|"
    r"(?:كان\s+)?(?P<ar>[\u0600-\u06ff]+?)(?:نا|ي)?\s+(?:كان|هو))\s*$",
    re.I,
)
_HOLDER_AR = re.compile(r"كان\s+(?P<ar>[\u0600-\u06ff]+?)(?:نا|ي)\s*$")


@dataclass(slots=True)
class Holders:
    """Role label -> the person who last held it in the text, read in order."""

    by_role: dict[str, Mention] = field(default_factory=dict)

    def hold(self, role: str, person: Mention) -> None:
        self.by_role[role] = person

    def of(self, role: Mention) -> Mention | None:
        return self.by_role.get(role.label or role.text.lower())


@dataclass(frozen=True, slots=True)
class OrderFound:
    """A person ordered an act: `act` is the incident word (a mention or one made here)."""

    person: Mention
    act: Mention
    sentence: Sentence


def _role_label(word: str) -> str | None:
    hits = role_index().find(word)
    whole = hits and hits[0].end - hits[0].start >= len(word) - 2
    return hits[0].entry.label if whole else None


def role_holders(text: str, s: Sentence) -> list[tuple[str, Mention]]:
    """(role label, person) pairs a copula before a name states: "our emir was Abu Hafs"."""
    out: list[tuple[str, Mention]] = []
    for person in s.of(P):
        before = text[max(s.start, person.start - 60) : person.start]
        found = _HOLDER_BEFORE.search(before) or _HOLDER_AR.search(before)
        if found is None:
            continue
        word = next(g for g in found.groupdict().values() if g)
        label = _role_label(word)
        if label is not None:
            out.append((label, person))
    return out


def _speaker(s: Sentence, holders: Holders, mention: Mention) -> Mention | None:
    if mention.type is P:
        return mention
    if mention.type is R:
        return holders.of(mention)
    return None


def _acts(text: str, s: Sentence) -> list[Mention]:
    """Incident mentions of the sentence, and act verbs the vocabulary does not list."""
    found = list(s.of(INC))
    spans = [(m.start(), m.end(), m.group(1)) for m in _ACT_VERB.finditer(text, s.start, s.end)]
    for hit in incident_index().find(text[s.start : s.end]):
        spans.append((s.start + hit.start, s.start + hit.end, hit.entry.label))
    for start, end, label in spans:
        if not any(m.start <= start < m.end for m in found):
            kind = _ACT_VERBS.get(label.lower(), label)
            found.append(Mention(start, end, text[start:end], INC, EXTRACTOR, 0.6, kind))
    return sorted(found, key=lambda m: m.start)


def _orders(text: str, s: Sentence, speaker: Mention, act: Mention) -> bool:
    gap = between(text, speaker, act, s.mentions)
    if len(gap) > 120 or canonical_act(act.text) is None and act.extractor != EXTRACTOR:
        return False
    if _EN.match(gap) or _FR.match(gap):
        return True
    if _DE.match(gap):
        return not _DE_NEEDS_ACT_VERB.match(gap) or act.text[:1].islower()
    if _AR_AFTER.match(gap):
        lead = text[max(s.start, speaker.start - 12) : speaker.start]
        return bool(
            _AR_ORDER.search(gap)
            or _AR_VERB.search(lead)
            and _AR_ORDER.search(lead + gap)
            or re.search(r"يجب|ينبغي", gap)
        )
    return False


def _inverted(text: str, s: Sentence, speaker: Mention, act: Mention) -> bool:
    """German verb-second order: "Laut Anklage ließ er ... hinrichten", "befahl der Emir ...",
    "ließ der saudische Kommandeur X ... enthaupten" (up to two words before the speaker),
    "Im März ordnete X die Erschießung ... an". "ließ" needs the act as a verb (lowercase);
    "befahl", "ordnete" and "gab" take it as a noun too."""
    lead = text[max(s.start, speaker.start - 40) : speaker.start]
    verb = _DE_INVERTED.search(lead)
    if verb is None:
        return False
    gap = between(text, speaker, act, s.mentions)
    as_verb = act.text[:1].islower() or not _DE_NEEDS_ACT_VERB.match(verb.group("verb"))
    return len(gap) <= 80 and not re.search(r"[.;?!]", gap) and as_verb


def sentence_orders(
    text: str, s: Sentence, holders: Holders, pronouns: Sequence[Subject] = ()
) -> list[OrderFound]:
    """Acts a speaker in this sentence demanded, each with the person who spoke; an act has
    one speaker, the nearest before it. `pronouns` are resolved pronoun subjects."""
    by_act: dict[int, tuple[int, OrderFound]] = {}
    acts = _acts(text, s)
    speakers = [(m, _speaker(s, holders, m)) for m in s.of(P, R)]
    speakers += [(x.anchor, x.person) for x in pronouns if x.anchor.type is P]
    for mention, person in speakers:
        if person is None:
            continue
        later = [a for a in acts if a.start >= mention.end]
        for act in later[:1]:
            if _orders(text, s, mention, act) or _inverted(text, s, mention, act):
                known = by_act.get(act.start)
                if known is None or known[0] < mention.start:
                    by_act[act.start] = (mention.start, OrderFound(person, act, s))
    return [found for _, found in sorted(by_act.values(), key=lambda x: x[1].act.start)]
