"""The model's "persons" that are not people: weapons, products, common nouns and known places.

The statistical models tag any capitalised word near a verb as a person: "Glock" from a
headline, "Suspicious" from a list, "Verteidiger" (a German noun), or the village of a report
whose name they never saw. A wrong person is worse than a missed one here: it becomes an entity
that can be screened and matched. So, only for the model's guesses (never for kunya names,
rules or gazetteers), a person mention is:

* dropped when a word of it is a weapon or product, or it is one word that is a common noun by
  its shape (an article or possessive right before it, the same word written lower-case
  elsewhere in the text, an adjective or abstract-noun ending, a number word);
* retyped an organization when a company name or an organization's head word ("Watch",
  "Monitor") ends it;
* retyped a place when the gazetteer knows the whole name as a place, unless a person cue (a
  speech verb after it, a title before it) says it is a person;
* dropped when it holds a digit ("Passcode 3080897", "traditions.[3"); a rank taken alone
  ("Brig" of "Brig. Gen. Richard Coe") is widened to the name after it, or dropped.

Ships ("USS Hopper", "HMS Ocean", and "Forbin" once "FS Forbin" is in the text) are dropped
whatever type the model gave them: a vessel is neither a person, a group nor a place.
"""

from __future__ import annotations

import re

from pursuit.nlp.model import Mention, MentionType
from pursuit.nlp.person_cues import ORG_HEADS, TITLES, cued
from pursuit.nlp.places import GAZETTEER_VERSION, find_places

__all__ = ["PERSON_FILTER_EXTRACTOR", "screen_persons"]

PERSON_FILTER_EXTRACTOR = "rules:person-filter 1"

# Weapons, vehicles and devices: never a person, a group or a place.
_THINGS = frozenset(
    "glock kalashnikov kalachnikov kalaschnikow ak-47 ak47 akm m16 m4 rpg rpg-7 dshk pkm uzi "
    "beretta makarov browning sig-sauer mig-21 mig-23 su-24 su-34 hellfire tow grad katyusha "
    "iphone ipad android hilux thuraya playstation "
    "غلوك كلاشنكوف كلاشنيكوف آيفون ايفون".split()
)
# Companies and platforms: an organization at most, never a person or a place.
_COMPANIES = frozenset(
    "netflix toyota facebook twitter youtube whatsapp telegram instagram tiktok google apple "
    "samsung nokia microsoft amazon spotify snapchat signal "
    "نتفليكس تويوتا فيسبوك يوتيوب واتساب تلغرام تويتر".split()
)
_NUMBER_WORDS = frozenset(
    "hundert hunderte hunderten tausend tausende tausenden dutzend dutzende dutzenden "
    "millionen hundreds thousands dozens centaines milliers dizaines".split()
)
_DETERMINER = re.compile(
    r"(?:^|[\s(])(?:the|a|an|his|her|their|its|this|that|der|die|das|den|dem|des|ein|eine|"
    r"einen|einem|eines|sein|seine|seinen|seinem|ihr|ihre|ihren|ihrem|le|la|les|un|une|son|sa|"
    r"ses|leur|ce|cette)\s+$",
    re.I,
)
_COMMON_ENDING = re.compile(
    r"(?:ous|ive|able|ible|ful|less|ness|tion|sion|ity|ism|heit|keit|schaft|ung|ierung)$"
)
# Prefixes of naval vessels' names.
_VESSEL = re.compile(r"\b(?:USS|USNS|HMS|HMAS|HMCS|HMNZS|FS|FGS|INS|RFS|TCG|HNLMS|ESPS|ITS)\s+")
_PLACE = MentionType.LOCATION
_PLACE_OR_GROUP = (MentionType.LOCATION, MentionType.ORGANIZATION)
_WORD = re.compile(r"[\w'’-]+")


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def _parts(text: str) -> set[str]:
    words = _words(text)
    return set(words) | {p for w in words for p in w.split("-")}


def _common_noun(text: str, m: Mention) -> bool:
    """One word whose shape says it is a common noun, not a name."""
    word = m.text.strip()
    if len(word.split()) != 1 or not word[:1].isupper():
        return False
    folded = word.casefold()
    if folded in _NUMBER_WORDS or _DETERMINER.search(text[max(0, m.start - 12) : m.start]):
        return True
    if len(word) >= 7 and _COMMON_ENDING.search(folded):
        return True
    lower = re.compile(rf"(?<![\w-]){re.escape(folded)}(?![\w-])")
    return word != folded and lower.search(text) is not None


def _known_place(m: Mention) -> Mention | None:
    """The gazetteer's reading of the whole span, if it is a place it knows."""
    for hit in find_places(m.text):
        if hit.start == 0 and hit.end == len(m.text):
            attributes = dict(hit.entry.attributes)
            extractor = f"gazetteer:places {GAZETTEER_VERSION}"
            kind = MentionType.LOCATION
            return Mention(
                m.start, m.end, m.text, kind, extractor, 0.8, hit.entry.label, attributes
            )
    return None


# A verb inside the span makes it a title or a slogan, never a name ("Raqqa is Being
# Slaughtered Silently", an activists' group).
_CLAUSE_WORDS = frozenset("is are was were being been est sont ist sind war".split())


def _not_a_name(m: Mention) -> bool:
    """A digit (codes, footnote marks, hull numbers) or a verb is no part of a name."""
    if any(w.lower() in _CLAUSE_WORDS for w in m.text.split()[1:]):
        return True
    return re.search(r"\d", m.text) is not None


def _titles_only(m: Mention) -> bool:
    return all(w.rstrip(".") in TITLES for w in m.text.split())


def _titled_name(text: str, m: Mention, following: Mention | None) -> Mention | None:
    """A rank the model took alone ("Brig" of "Brig. Gen. Richard Coe"): the person is the
    rank with the capitalised words after it, unless another mention already holds them."""
    after = re.match(r"\.?(?:\s+[A-Z][\w'’-]*\.?)+", text[m.end :])
    if after is None or (following is not None and following.start < m.end + after.end()):
        return None
    end = m.end + len(after.group().rstrip("."))
    return Mention(m.start, end, text[m.start : end], m.type, m.extractor, m.confidence, m.label)


def _vessel_names(text: str) -> set[str]:
    """The names after a vessel prefix in `text` ("Forbin" for "FS Forbin")."""
    names = set()
    for match in _VESSEL.finditer(text):
        name = re.match(r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*", text[match.end() :])
        if name:
            names.add(name.group())
    return names


def _vessel(text: str, m: Mention, names: set[str]) -> bool:
    before = text[max(0, m.start - 8) : m.start]
    prefixed = _VESSEL.match(m.text) is not None or re.search(rf"{_VESSEL.pattern}$", before)
    return bool(prefixed) or any(m.text == n or m.text.endswith(f" {n}") for n in names)


def _retyped(m: Mention, kind: MentionType) -> Mention:
    return Mention(m.start, m.end, m.text, kind, PERSON_FILTER_EXTRACTOR, 0.6, m.text)


def _screened(text: str, m: Mention) -> Mention | None:
    """A model person kept, retyped or dropped (None)."""
    parts = _parts(m.text)
    words = m.text.split()
    if _titles_only(m):
        return None
    if parts & _THINGS or _not_a_name(m):
        return None
    if parts & _COMPANIES or words[-1] in ORG_HEADS:
        return (
            _retyped(m, MentionType.ORGANIZATION) if len(words) > 1 or parts & _COMPANIES else None
        )
    if cued(text, m):
        return m
    place = _known_place(m)
    if place is not None:
        return place
    return None if _common_noun(text, m) else m


def _thing_elsewhere(m: Mention) -> bool:
    """A weapon or product the model called a place or group ("Glock", "Kalachnikov")."""
    parts = _parts(m.text)
    if parts & _THINGS:
        return True
    return m.type is MentionType.LOCATION and bool(parts & _COMPANIES)


def screen_persons(text: str, mentions: list[Mention]) -> list[Mention]:
    """`mentions` without the model's non-people, with its known places typed as places."""
    out: list[Mention] = []
    vessels = _vessel_names(text)
    for m in mentions:
        if not m.extractor.startswith("spacy:"):
            out.append(m)
            continue
        if _vessel(text, m, vessels):
            continue
        if m.type is MentionType.PERSON and _titles_only(m):
            nxt = next((x for x in mentions if x.start >= m.end), None)
            kept = _titled_name(text, m, nxt)
            if kept is not None:
                out.append(kept)
        elif m.type is MentionType.PERSON:
            kept = _screened(text, m)
            if kept is not None:
                out.append(kept)
        elif not (
            m.type in (MentionType.LOCATION, MentionType.ORGANIZATION) and _thing_elsewhere(m)
        ):
            out.append(m)
    return out
