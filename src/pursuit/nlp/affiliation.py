"""Affiliation claims: who joined, fought for, pledged allegiance to or was a member of a group.

Read between a subject (name, alias or pronoun) and a group mention, other mentions blanked:
the words must end in a joining phrase ("joined", "pledged allegiance to", "a member of",
"fought for", "a rejoint", "membre de", "بايع"). "switched allegiance from A to B" makes B the
current affiliation and A a former one; "joined A, and swore allegiance to B" chains. A negation
anywhere in between ("had never been a member of") stops the claim.
"""

from __future__ import annotations

import re

from pursuit.nlp.links import between, blanked, gap_words, nearest
from pursuit.nlp.model import Mention, MentionType
from pursuit.nlp.sentences import Sentence
from pursuit.nlp.subjects import Subject

__all__ = ["affiliations"]

_ARTICLE = r"\s*(?:the\s+|l'|la\s+|le\s+|les\s+|al-|el-|dem\s+|den\s+|der\s+|des\s+)?$"
_VICTIM_NOUNS = r"prisoner|captive|hostage|victim|slave|detainee|critic|opponent|enemy|target"
_JOIN = re.compile(
    r"(?:\bjoined|\bjoin|\bjoining|pledged (?:allegiance|loyalty|bay'?ah) to|"
    r"(?:swore|sworn|pledged|gave|given|offered) (?:(?:his|her|their) )?(?:allegiance|loyalty|"
    r"bay'?a|bay'?ah|an oath of allegiance)(?: \(bay'?ah?\))? to|"
    r"switched (?:allegiance|sides|loyalty)"
    r"\b.*?\bto|defected\b.*?\bto|went over to|belonged to|"
    r"fought (?:first |later |then )?(?:for|with|alongside|in the ranks of)|"
    r"\bmember of|membership (?:in|of)|"
    r"(?:was|were|is|became|worked as|served as|acting as)\s+(?:only |just |later |then )?"
    rf"(?:a|an|the)\s+(?!(?:{_VICTIM_NOUNS})s?\b)(?:[\w-]+\s+){{0,3}}(?:for|with)|"
    r"(?:led|commanded|headed) (?:a|an|the)|"
    r"a rejoint|rejoint|rejoindre|rejoignent|"
    r"a combattu (?:au sein d[eu]|pour|avec|dans les rangs d[eu])|combattait (?:pour|avec)|"
    r"membre d[eu]|membre|a prêté allégeance à|prêté allégeance à|(?:a )?fait allégeance à|"
    r"prêté serment d'allégeance à|(?:a )?juré fidélité à|"
    r"schwor|geschworen hat|Mitglied (?:des|der|im|in der)|kämpfte (?:für|mit|bei|in)|"
    r"schloss sich|trat|diente (?:im|in der|für)|"
    r"أعطى البيعة ل|أقسم الولاء ل|"
    r"انضم\s*(?:إلى|الى|ل)?|بايع|التحق\s*ب?|عضو في|قاتل مع|(?:في|ضمن) صفوف)"
    rf"{_ARTICLE}",
    re.I,
)
# Membership named by a word for the group's members, read in the raw text (the role word
# itself is a mention and so blanked in the gap): "one of the soldiers of the Islamic State".
_MEMBERS = re.compile(
    r"(?:soldiers?|fighters?|members?|militants?|ranks|soldats?|combattants?|membres?|rangs|"
    r"Kämpfer|Mitglied(?:er)?|Soldaten?|Reihen|جنود|جندي|مقاتلي|مقاتل|عناصر|عنصر|أعضاء|عضو|صفوف)"
    r"\s*(?:of|for|de|du|des|d'|der|des|vom|von|في|ل)?\s*(?:the\s+|l'|la\s+|le\s+|dem\s+|den\s+|"
    r"ال)?$",
    re.I,
)
# German puts the verb after the group: "X hat dem IS Treue geschworen", "… angeschlossen".
_DE_BEFORE = re.compile(
    r"^\s*(?:vor\s*,\s*)?(?:hat|hatte|habe|sei|war|ist)?\s*(?:sich\s+)?"
    r"(?:(?:im\s+|seit\s+)?\d{4}\s+)?(?:dem|der|den)?\s*$"
)
_DE_AFTER = re.compile(
    r"\s*(?:die\s+)?(?:Treue\s+geschworen|(?:den\s+)?Treueeid\s+geleistet|angeschlossen|"
    r"beigetreten|an\b)",
    re.I,
)
# The tanween an Arabic role word ends with ("قائداً") is not part of its mention.
_ROLE_LINK = re.compile(rf"[\u064B-\u0652]?\s*\b(?:of|for|with|in|de|du|d'|في){_ARTICLE}", re.I)
# Words allowed between one joined group and the next joining verb ("..., and later joined").
_CHAIN_WORDS = frozenset(
    """and then later finally first before after until till in at near outside brigade battalion
    unit faction group cell et puis ensuite avant de près d d' l' à en dans ثم و""".split()
)
_UNIT = re.compile(r"\s*(?:brigade|battalion|unit|faction|cell|group|katiba|brigades)\b", re.I)
_NEGATION = frozenset("never not n't no nor denies denied jamais pas ni لم ليس ينفي نفى".split())
_FROM = re.compile(r"\b(?:from|de|عن)\s+(?:the\s+)?", re.I)
# Arabic puts the verb first: "انشق أبو خالد عن جبهة النصرة وبايع داعش".
_VERB_FIRST = re.compile(r"(?:انضم|بايع|التحق|انشق)\s*$")
_VERB_FIRST_LINK = frozenset({"إلى", "الى", "عن", "ل"})
# The preposition a time phrase brings with it ("im Januar 2014", "in 2013", "en 2014", "منذ"):
# blanked with the date, so "schloss sich im Januar 2014 der Al-Nusra-Front an" reads as
# "schloss sich … der Al-Nusra-Front an".
_TIME_PREPOSITION = re.compile(
    r"(?:\b(?:im|am|seit|ab|in|on|since|en|depuis|dès|au|منذ|في)\s+)$", re.I
)
# A role word right after the name, then the group: "أبو حمزة الشامي قائداً في داعش",
# "Abu Mansour, an emir of ISIS": the gap before the role holds only a comma and an article.
_BEFORE_ROLE = re.compile(r"^[\s,]*(?:(?:a|an|the|un|une|le|la|ein|eine|der|die)\s+)?$", re.I)


def _times(text: str, start: int, s: Sentence) -> list[tuple[int, int]]:
    """The spans of the sentence's dates from `start` on, each with its preposition."""
    spans = []
    for m in s.of(MentionType.DATE):
        lead = _TIME_PREPOSITION.search(text, start, m.start) if m.start >= start else None
        spans.append((lead.start() if lead is not None else m.start, m.end))
    return spans


def _verb_first(text: str, s: Sentence, subject: Subject, org: Mention) -> bool | None:
    """Arabic verb-first clauses: None when not one; True when the group is a former one."""
    if not _VERB_FIRST.search(text[s.start : subject.anchor.start]):
        return None
    words = gap_words(between(text, subject.anchor, org, s.mentions))
    if len(words) > 1 or not set(words) <= _VERB_FIRST_LINK:
        return None
    return "عن" in words


def _joined(text: str, s: Sentence, subject: Subject, org: Mention) -> bool:
    others = [(m.start, m.end) for m in s.mentions if m is not subject.anchor and m is not org]
    gap = blanked(text, subject.anchor.end, org.start, others + _times(text, subject.anchor.end, s))
    words = gap_words(gap)
    if len(words) > 25 or _NEGATION.intersection(words) or "n't" in gap:
        return False
    raw = text[subject.anchor.end : org.start]
    if _MEMBERS.search(raw) and len(gap_words(raw)) <= 8:
        return True
    after = blanked(text, org.end, s.end, _times(text, org.end, s))
    if _DE_BEFORE.match(gap) and _DE_AFTER.match(after):
        return True
    if _JOIN.search(gap):
        led = re.search(r"(?:led|commanded|headed) (?:a|an|the)\s*$", gap, re.I)
        return led is None or _UNIT.match(text, org.end) is not None
    roles = [m for m in s.of(MentionType.ROLE) if subject.anchor.end <= m.start < org.start]
    if not roles:
        return False
    described = _BEFORE_ROLE.match(text[subject.anchor.end : roles[0].start]) is not None
    linked = re.search(r"\b(?:was|is|became|served as|worked as|était|est)\b", gap)
    if not (linked or described):
        return False
    return _ROLE_LINK.match(between(text, roles[-1], org, s.mentions)) is not None


def _blocked(s: Sentence, subject: Subject, org: Mention, own: frozenset[int]) -> bool:
    return any(
        m.type is MentionType.PERSON
        and subject.anchor.end <= m.start
        and m.end <= org.start
        and id(m) not in own
        for m in s.mentions
    )


def affiliations(
    text: str, s: Sentence, subject: Subject, own: frozenset[int]
) -> list[tuple[Mention, bool]]:
    """Groups `subject` is said to belong to, each with True when it is a former one."""
    orgs = nearest(subject.anchor, s.of(MentionType.ORGANIZATION), after=True)
    out: list[tuple[Mention, bool]] = []
    for i, org in enumerate(orgs):
        if _blocked(s, subject, org, own):
            break
        former = _verb_first(text, s, subject, org)
        if former is None and not _joined(text, s, subject, org):
            continue
        out.append((org, bool(former)))
        gap = text[subject.anchor.end : org.start]
        earlier = orgs[:i]
        if earlier and _FROM.search(text[subject.anchor.end : earlier[-1].start]) and "to" in gap:
            out.append((earlier[-1], True))
        out += _chained(text, s, org, orgs[i + 1 :])
        break
    return out


def _chained(
    text: str, s: Sentence, first: Mention, rest: list[Mention]
) -> list[tuple[Mention, bool]]:
    """ "joined A, and swore allegiance to B": later groups joined in the same breath."""
    out: list[tuple[Mention, bool]] = []
    last = first
    for org in rest:
        gap = between(text, last, org, s.mentions)
        cut = _JOIN.search(gap)
        lead = gap_words(gap[: cut.start()]) if cut is not None else []
        if cut is None or len(lead) > 5 or not set(lead) <= _CHAIN_WORDS:
            break
        if _NEGATION & set(gap_words(gap)):
            break
        out.append((org, False))
        last = org
    return out
