"""Person names the statistical model mistypes or misses, recovered from what surrounds them.

The small English model often calls an unfamiliar Arabic name an organization ("Qanbar was a
commander", "Jamal Alzoubi, the farm's owner") and leaves a name it saw once untagged the second
time ("Sadiq beamed"). Three narrow cues fix most of it, each only for the model's guesses, never
for a group or place our own lexicons know:

* a speech or action verb right after a name the model typed as an organization ("X said");
* a courtesy title or rank right before a name, typed or not ("Mr Alzoubi", "Colonel X");
* the same name tagged as a person elsewhere in the text (one name, one type per text).
"""

from __future__ import annotations

import re
from dataclasses import replace

from pursuit.nlp.kunya import person_label
from pursuit.nlp.model import Mention, MentionType

__all__ = ["ORG_HEADS", "PERSON_CUES_EXTRACTOR", "TITLES", "cued", "person_cues"]

PERSON_CUES_EXTRACTOR = "rules:person-cues 1"

_VERB_AFTER = re.compile(
    r"\s*(?:,\s*(?:who|qui)\s+)?(?:said|says|told|tells|announced|denied|added|explained|stated|"
    r"replied|recalled|insisted|beamed|smiled|shrugged|laughed|admitted|testified|confessed|"
    r"a déclaré|a dit|a raconté|affirme|explique)\b"
)
# Courtesy titles and ranks that put a person's name right after them ("Mr Alzoubi").
_COURTESY = (
    "Mr Mrs Ms Mme Dr Sir Lord Lady Monsieur Madame Herr Frau President Senator General Gen "
    "Colonel Col Captain Capt Major Maj Lieutenant Lt Sergeant Sgt Brigadier Brig Sheikh Imam "
    "Mullah Advisor Adviser Ambassador Commodore Admiral Envoy Secretary Minister Spokesman "
    "Spokeswoman".split()
)
_TITLE_BEFORE = re.compile(rf"(?:\b(?:{'|'.join(_COURTESY)})\.?\s+)$")
# Words that are never a name's first word: the courtesy titles and offices ("Prime Minister").
TITLES = frozenset(_COURTESY) | {"Commander", "Prime", "Special", "Staff", "Navy"}
# Words that head an organization's name: "the Mujahideen Shura Council announced" is no man.
ORG_HEADS = frozenset(
    "Council Committee Army Front Brigade Brigades Battalion Ministry Office Group Force Forces "
    "Party Movement Agency Command Court Government Union Organization Organisation Institute "
    "Foundation Company Bank University Department Service Services Network Coalition Alliance "
    "Commission Authority Police Guard Guards Corps Division Regiment Unit Barrage Dam "
    "Bridge Watch Monitor Observatory Archive Centre Center Initiative Project Media "
    "Ltd".split()
)
# "14-year-old Amjad", "the farm's owner, Jamal Alzoubi": an age or an office right before.
_DESCRIBED_BEFORE = re.compile(
    r"(?:\b\d{1,3}-year-old|\b(?:owner|founder|leader|head|chief|director|spokesman|"
    r"spokeswoman|commander|brother|sister|son|daughter|father|mother|wife|husband|widow),)\s+$"
)
# "Knox Thames, the Special Advisor to ...": an office in apposition right after.
_OFFICE_AFTER = re.compile(
    r",\s+(?:the|a|an|its|our)\s+(?:[A-Z]\w+\s+){0,3}(?:Advisor|Adviser|Minister|Secretary|"
    r"Ambassador|Envoy|Director|Spokesman|Spokeswoman|Commander|Chief|President|Chairman|"
    r"advisor|adviser|minister|secretary|ambassador|envoy|director|spokesman|spokeswoman|"
    r"commander|chief|president|chairman|owner|founder|leader)\b"
)
_NAME = re.compile(r"[A-Z][a-z'’-]+(?:\s+(?:al-|el-|bin\s+|ibn\s+)?[A-Z][a-z'’-]+){0,2}")
_WINDOW = 30


def _name_like(m: Mention) -> bool:
    """Up to three capitalised words, none of them an acronym, a title or an organization's
    head word."""
    words = m.text.replace("-", " ").split()
    return (
        _NAME.fullmatch(m.text) is not None
        and not any(w in ORG_HEADS for w in words)
        and words[0] not in TITLES
    )


def _person(m: Mention, start: int | None = None) -> Mention:
    begin = m.start if start is None else start
    text = m.text[begin - m.start :]
    return Mention(
        begin, m.end, text, MentionType.PERSON, PERSON_CUES_EXTRACTOR, 0.6, person_label(text)
    )


def _found(start: int, end: int, name: str) -> Mention:
    """A person these cues found where the model found nothing."""
    return Mention(
        start, end, name, MentionType.PERSON, PERSON_CUES_EXTRACTOR, 0.55, person_label(name)
    )


def cued(text: str, m: Mention) -> bool:
    """A speech verb right after the name, or a courtesy title or rank right before it."""
    before = text[max(0, m.start - _WINDOW) : m.start]
    if _VERB_AFTER.match(text, m.end) or _OFFICE_AFTER.match(text, m.end):
        return True
    return _TITLE_BEFORE.search(before) is not None or _DESCRIBED_BEFORE.search(before) is not None


def _untagged_titled(text: str, taken: list[Mention]) -> list[Mention]:
    """ "Mr Alzoubi" where nothing was found: the title makes the next words a person."""
    found = []
    for match in _NAME.finditer(text):
        start, end = match.start(), match.end()
        words = match.group()
        while words.split()[0].rstrip(".") in TITLES and len(words.split()) > 1:
            cut = len(words.split()[0])
            words = words[cut:].lstrip()
            start = end - len(words)
        if words.split()[0] in TITLES or any(w in ORG_HEADS for w in words.split()):
            continue
        if any(start < t.end and t.start < end for t in taken):
            continue
        before = text[max(0, start - _WINDOW) : start]
        if _TITLE_BEFORE.search(before):
            found.append(_found(start, end, words))
    return found


# "Mehmet, a Turkish smuggler": an untagged capitalised word described right after by an
# article, perhaps a nationality, and a role word (all three our own mentions) is a person.
_DESCRIBED_ARTICLE = re.compile(r",\s+(?:a|an|un|une|ein|eine|einer)\s+$", re.I)
# Words that open a sentence before such a description without being anyone's name.
_NOT_NAMES = frozenset(
    """Yesterday Today Tonight Later Earlier Meanwhile Then Now Instead Also However Here There
    Once Afterwards Finally Hier Aujourd Ensuite Puis Alors Gestern Heute Später Dann Damals
    Dort Inzwischen Near Outside Inside After Before During Since Under Across Along Until
    Près Après Avant Pendant Depuis Nach Vor Während Seit""".split()
)
_ONE_NAME = re.compile(r"(?<![\w-])[A-Z][a-zà-ÿ'’]{2,}(?:\s+[A-Z][a-zà-ÿ'’]{2,})?(?![\w-])")


def _untagged_described(text: str, taken: list[Mention]) -> list[Mention]:
    """Untagged names that a role in apposition describes ("Mehmet, a Turkish smuggler")."""
    kinds = (MentionType.ROLE, MentionType.NATIONALITY)
    found = []
    for m in taken:
        if m.type is not MentionType.ROLE:
            continue
        start = m.start
        before = [x for x in taken if x.type in kinds and x.end <= start and start - x.end <= 1]
        if before and before[-1].type is MentionType.NATIONALITY:
            start = before[-1].start
        article = _DESCRIBED_ARTICLE.search(text, max(0, start - 8), start)
        if article is None:
            continue
        names = list(_ONE_NAME.finditer(text, max(0, article.start() - 40), article.start()))
        name = names[-1] if names else None
        if name is None or name.end() != article.start() or name.group().split()[0] in _NOT_NAMES:
            continue
        if any(name.start() < t.end and t.start < name.end() for t in taken):
            continue
        words = name.group()
        if words.split()[0] in TITLES or any(w in ORG_HEADS for w in words.split()):
            continue
        found.append(_found(name.start(), name.end(), words))
    return found


# "Karim B.", "Jennifer W.": French and German courts and press shorten an accused's family
# name to its initial; a capitalised word, a capital and a full stop, then a comma or a verb.
_INITIALLED = re.compile(
    r"(?<![\w.-])(?:[A-Z][a-zà-ÿ'’]{2,}\s+)?[A-Z][a-zà-ÿ'’]{2,}\s+[A-Z]\."
    r"(?=\s*,|\s+(?:soll|sollen|hat|habe|hatte|ist|war|wurde|wird|sei|a|est|aurait|avait|"
    r"était|was|is|has|had)\b)"
)


def _with_initial(text: str, m: Mention) -> Mention:
    """A person mention ending in an initial gets the initial's full stop ("Karim B.")."""
    if m.type is not MentionType.PERSON or not re.search(r"\s[A-Z]$", m.text):
        return m
    if text[m.end : m.end + 1] != ".":
        return m
    return replace(m, end=m.end + 1, text=m.text + ".", label=person_label(m.text + "."))


def _untagged_initialled(text: str, taken: list[Mention]) -> list[Mention]:
    """Given names followed by a family name's initial ("Karim B."): no model knows them."""
    found = []
    for match in _INITIALLED.finditer(text):
        words = match.group().split()
        if words[0] in _NOT_NAMES or words[0] in TITLES or any(w in ORG_HEADS for w in words):
            continue
        if any(match.start() < t.end and t.start < match.end() for t in taken):
            continue
        found.append(_found(match.start(), match.end(), match.group()))
    return found


def _known(mentions: list[Mention]) -> set[str]:
    """Names typed as persons at least twice in the text: a single guess is not repeated."""
    counts: dict[str, int] = {}
    for m in mentions:
        if m.type is MentionType.PERSON:
            counts[m.text] = counts.get(m.text, 0) + 1
    return {name for name, n in counts.items() if n >= 2 and _NAME.fullmatch(name)}


def person_cues(text: str, mentions: list[Mention]) -> list[Mention]:
    """`mentions` with the model's mistyped names retyped, plus titled or repeated names it
    missed."""
    known = _known(mentions)
    out = []
    for m in (_with_initial(text, x) for x in mentions):
        weak = m.extractor.startswith("spacy:") and m.type is MentionType.ORGANIZATION
        if weak and _name_like(m) and (cued(text, m) or m.text in known):
            m = _person(m)
        out.append(m)
    extra = _untagged_titled(text, out)
    extra += _untagged_described(text, out + extra)
    extra += _untagged_initialled(text, out + extra)
    taken = out + extra
    for name in sorted(known, key=len, reverse=True):
        for match in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            start, end = match.start(), match.end()
            if not any(start < t.end and t.start < end for t in taken):
                repeat = _found(start, end, name)
                extra.append(repeat)
                taken.append(repeat)
    return sorted(out + extra, key=lambda m: (m.start, m.end))
