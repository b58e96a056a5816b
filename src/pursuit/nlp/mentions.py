"""extract_mentions: statistical NER, kunya rules, gazetteers and lexicons merged into one
non-overlapping list of mentions with offsets, labels and confidence.

Order of trust: kunya names and rule-read dates first (models split or miss them), then the
longest span wins, ties going to gazetteers and lexicons over the model. Each mention names the
extractor that found it, so a reviewer can see why it is there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pursuit.nlp.arabic_text import has_arabic
from pursuit.nlp.dates import DATES_EXTRACTOR, find_dates
from pursuit.nlp.groups import group_index
from pursuit.nlp.kunya import KUNYA_EXTRACTOR, find_kunyas, kunya_attributes, person_label
from pursuit.nlp.language import guess_language
from pursuit.nlp.model import Mention, MentionType
from pursuit.nlp.peoples import demonym_index, nisba_origin
from pursuit.nlp.person_cues import person_cues
from pursuit.nlp.person_filter import screen_persons
from pursuit.nlp.phrases import Hit, PhraseIndex
from pursuit.nlp.places import GAZETTEER_VERSION, find_places
from pursuit.nlp.roles import AMBIGUOUS_ROLES, incident_index, role_index
from pursuit.nlp.statistical import EntitySpan, arabic_entities, model_name, spacy_entities

__all__ = ["extract_mentions"]

_LEAD = re.compile(
    r"^(?:(?:the|The|a|an|A|An|le|la|les|Le|La|Les|Near|Outside|Inside|In|At|From)\s+|[lL]['’])"
)
_TRAIL = re.compile(r"(?:'s|’s|'|’|\s|[.,;:]|\s(?:in|of|at|on|and|to|from)\b)+$")
# "in Muhassan": a one-word model person right after a place preposition is a place.
_PLACE_BEFORE = re.compile(
    r"\b(?:in|near|at|outside|à|près de|(?:citizen|national|native|resident|man|woman) from)\s+$",
    re.I,
)
# "Wilayat al-Khayr", "the village of Tal Hasan": words that make a name a place.
_PLACE_NAME = re.compile(
    r"(?:^|\s)(?:Wilayat|Wilayah|Wilaya)\s+\S+|\b(?:village|town|city|district|province|"
    r"governorate|neighbourhood|neighborhood) of\s+[A-Z][^,.;]*$"
)
# "the siege of Darayya", "a native of Al-Qa'im": a one- or two-word model group after these
# words is a place.
_PLACE_OF = re.compile(
    r"\b(?:siege|suburbs?|outskirts|native|countryside|centre|center|capital|residents|"
    r"near|outside|(?:north|south|east|west)(?:ern)? of)\s+(?:of\s+)?$",
    re.I,
)
_PREPOSITION_BEFORE = re.compile(r"\b(?:in|at|from|near|to|à|de)\s+$", re.I)
# "Karim Haddouchi, a 29-year-old Belgian": a model group or place described like a person.
_DESCRIBED = re.compile(
    r",\s+(?:\d{1,2},|(?:a|an)\s+(?:\d{1,2}-year-old|[A-Z]\w+\s+(?:man|woman|national|"
    r"citizen|convert|fighter|jihadist)\b))"
)
# Function words the Arabic model sometimes tags ("كان" as a place).
_ARABIC_FUNCTION_WORDS = frozenset("كان كانت وإن إن أن وأن ان لكن قد هو هي وهو وهي".split())
_TITLE_BEFORE = re.compile(r"(?:the|a|an|his|her|their|its|former|le|la|son|sa)\s+$", re.I)
_NAME_OR_PLACE = (MentionType.LOCATION, MentionType.ORGANIZATION)
# "Karim said": a model's place or group that speaks is a person (first names are villages too).
_SPEAKS = re.compile(r",?\s+(?:said|says|told|added|explained|recalled|recounted|asked)\b")
_FORCE_HEADS = (MentionType.LOCATION, MentionType.NATIONALITY)
_FORCES = re.compile(
    r"\.?[\s-]+((?:special |security |armed |ground |coalition )?(?:forces|troops|military|army|"
    r"government|navy|air force|officials|authorities|service members|police|warplanes|jets|"
    r"aircraft|soldiers|regime|ships|warships|vessels|fleet|embassy|diplomats))\b",
    re.I,
)
_LEXICONS: list[tuple[str, MentionType, float]] = [
    ("gazetteer:groups 1", MentionType.ORGANIZATION, 0.85),
    ("lexicon:nationalities 1", MentionType.NATIONALITY, 0.85),
    ("lexicon:roles 1", MentionType.ROLE, 0.8),
    ("lexicon:incidents 1", MentionType.INCIDENT, 0.75),
]


@dataclass(order=True, slots=True)
class _Candidate:
    """A mention proposal; sorted by tier, then length, then priority (higher first)."""

    key: tuple[int, int, int]
    mention: Mention = field(compare=False)


def _candidate(mention: Mention, tier: int, priority: int) -> _Candidate:
    return _Candidate((-tier, -(mention.end - mention.start), -priority), mention)


def _kunya_candidates(text: str) -> list[_Candidate]:
    out = []
    for name in find_kunyas(text):
        span = text[name.start : name.end]
        mention = Mention(
            name.start,
            name.end,
            span,
            MentionType.PERSON,
            KUNYA_EXTRACTOR,
            0.9,
            person_label(span),
            kunya_attributes(name),
        )
        out.append(_candidate(mention, 2, 100))
    return out


def _date_candidates(text: str) -> list[_Candidate]:
    out = []
    for date in find_dates(text):
        span = text[date.start : date.end]
        attributes = {"first": date.first, "last": date.last}
        mention = Mention(
            date.start, date.end, span, MentionType.DATE, DATES_EXTRACTOR, 0.9, span, attributes
        )
        out.append(_candidate(mention, 2, 90))
    return out


def _hit_mention(text: str, hit: Hit, kind: MentionType, extractor: str, conf: float) -> Mention:
    attributes = dict(hit.entry.attributes)
    if kind is MentionType.NATIONALITY:
        attributes["country"] = hit.entry.label
    return Mention(
        hit.start,
        hit.end,
        text[hit.start : hit.end],
        kind,
        extractor,
        conf,
        hit.entry.label,
        attributes,
    )


def _role_is_plausible(text: str, hit: Hit) -> bool:
    """Ambiguous role words count only before a capitalised name or after an article."""
    if hit.entry.label not in AMBIGUOUS_ROLES:
        return True
    after = text[hit.end : hit.end + 2].strip()
    before = text[max(0, hit.start - 12) : hit.start]
    return after[:1].isupper() or _TITLE_BEFORE.search(before) is not None


def _lexicon_candidates(text: str) -> list[_Candidate]:
    indexes: list[PhraseIndex] = [group_index(), demonym_index(), role_index(), incident_index()]
    out = []
    for index, (extractor, kind, conf) in zip(indexes, _LEXICONS, strict=True):
        for hit in index.find(text):
            if kind is MentionType.ROLE and not _role_is_plausible(text, hit):
                continue
            out.append(_candidate(_hit_mention(text, hit, kind, extractor, conf), 1, 80))
    place_extractor = f"gazetteer:places {GAZETTEER_VERSION}"
    for hit in find_places(text):
        if text[hit.start : hit.end] in _ARABIC_FUNCTION_WORDS:
            continue
        mention = _hit_mention(text, hit, MentionType.LOCATION, place_extractor, 0.85)
        minor = "minor" in mention.attributes
        out.append(_candidate(mention, 1, 40 if minor else 85))
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading article and a trailing possessive or punctuation from a model span."""
    span = text[start:end]
    lead = _LEAD.match(span)
    if lead and lead.end() < len(span):
        start += lead.end()
    trail = _TRAIL.search(text[start:end])
    if trail and trail.start() > 0:
        end = start + trail.start()
    return start, end


def _model_kind(text: str, start: int, end: int, kind: MentionType) -> MentionType:
    """Fix a model's type from the words around it: speakers and described people are persons,
    a lone name after "in" is a place."""
    words = len(text[start:end].split())
    before = text[max(0, start - 12) : start]
    if kind in _NAME_OR_PLACE and words <= 3:
        speaks = _SPEAKS.match(text, end) and not _PREPOSITION_BEFORE.search(before)
        if speaks or (kind is MentionType.ORGANIZATION and _DESCRIBED.match(text, end)):
            return MentionType.PERSON
    if kind is MentionType.PERSON and words == 1 and _PLACE_BEFORE.search(before):
        return MentionType.LOCATION
    wide = text[max(0, start - 20) : start]
    named = not text[start:end].isupper()
    if kind is MentionType.ORGANIZATION and words <= 2 and named and _PLACE_OF.search(wide):
        return MentionType.LOCATION
    if kind is not MentionType.LOCATION and _PLACE_NAME.search(text[max(0, start - 20) : end]):
        return MentionType.LOCATION
    return kind


def _model_mention(text: str, span: EntitySpan, extractor: str) -> Mention | None:
    start, end = _trim(text, span.start, span.end)
    surface = text[start:end]
    if span.type is MentionType.DATE and not re.search(r"\d", surface):
        return None
    attributes: dict[str, str] = {}
    label = surface
    kind = span.type
    if surface in _ARABIC_FUNCTION_WORDS:
        return None
    kind = _model_kind(text, start, end, kind)
    if kind is MentionType.PERSON:
        label = person_label(surface)
        origin = nisba_origin(surface.split()[-1]) if len(surface.split()) > 1 else None
        if origin is not None:
            attributes = {"nisba": surface.split()[-1], "origin_country": origin[0]}
    return Mention(start, end, surface, kind, extractor, 0.7, label, attributes)


def _model_candidates(text: str, language: str) -> list[_Candidate]:
    out = []
    if language == "ar" or has_arabic(text):
        extractor = model_name("ar")
        for span in arabic_entities(text):
            mention = _model_mention(text, span, extractor)
            if mention is not None and has_arabic(mention.text):
                out.append(_candidate(mention, 1, 50))
    if language != "ar":
        extractor = model_name(language)
        for span in spacy_entities(text, language):
            mention = _model_mention(text, span, extractor)
            if mention is not None and not has_arabic(mention.text):
                out.append(_candidate(mention, 1, 50))
    return out


def _resolve(candidates: list[_Candidate]) -> list[Mention]:
    taken: list[Mention] = []
    for candidate in sorted(candidates):
        m = candidate.mention
        if m.end > m.start and all(m.end <= t.start or t.end <= m.start for t in taken):
            taken.append(m)
    return sorted(taken, key=lambda m: (m.start, m.end))


def _country_forces(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "U.S. forces", "Iraqi troops": a country or people plus a force noun is an organization."""
    out: list[Mention] = []
    for m in mentions:
        after = _FORCES.match(text, m.end) if m.type in _FORCE_HEADS else None
        country = m.attributes.get("country", m.label)
        if after is None or (
            m.type is MentionType.LOCATION and m.attributes.get("place_kind") != "country"
        ):
            out.append(m)
            continue
        end = after.end()
        label = f"{country} {after.group(1).lower()}"
        out.append(
            Mention(
                m.start,
                end,
                text[m.start : end],
                MentionType.ORGANIZATION,
                "rules:forces 1",
                0.75,
                label,
                {"country": country},
            )
        )
    return out


def _person_names(mentions: list[Mention]) -> set[str]:
    """Surfaces that name a person somewhere in the text, and multi-word names' last words."""
    names: set[str] = set()
    for m in mentions:
        if m.type is MentionType.PERSON:
            names.add(m.text)
            words = m.text.split()
            if len(words) > 1 and len(words[-1]) > 3 and words[-1][:1].isupper():
                names.add(words[-1])
    return names


def _consistent(mentions: list[Mention]) -> list[Mention]:
    """One name, one type per text: "Karim" that speaks in one sentence is no village in the
    next. Only the model's guesses and minor gazetteer places are retyped."""
    names = _person_names(mentions)
    out = []
    for m in mentions:
        weak = m.extractor.startswith("spacy:") or "minor" in m.attributes
        if m.type in _NAME_OR_PLACE and weak and m.text in names:
            m = Mention(
                m.start, m.end, m.text, MentionType.PERSON, m.extractor, 0.6, person_label(m.text)
            )
        out.append(m)
    return out


def extract_mentions(text: str, language: str | None = None) -> list[Mention]:
    """Persons, organizations, places, dates, roles, nationalities and incident words in `text`.

    Offsets are Python string indices into `text`, for any script or mix of scripts. `language`
    ("en", "fr", "ar", ...) chooses the statistical model; when None it is guessed.
    """
    if not text.strip():
        return []
    lang = (language or guess_language(text))[:2].lower()
    candidates = _kunya_candidates(text) + _date_candidates(text)
    candidates += _lexicon_candidates(text) + _model_candidates(text, lang)
    found = _consistent(screen_persons(text, _resolve(candidates)))
    return _country_forces(text, person_cues(text, found))
