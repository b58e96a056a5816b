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
from pursuit.nlp.phrases import Hit, PhraseIndex
from pursuit.nlp.places import GAZETTEER_VERSION, find_places
from pursuit.nlp.roles import AMBIGUOUS_ROLES, incident_index, role_index
from pursuit.nlp.statistical import EntitySpan, arabic_entities, model_name, spacy_entities

__all__ = ["extract_mentions"]

_LEAD = re.compile(r"^(?:the|The|le|la|les|l'|Le|La|Les|L')\s*")
_TRAIL = re.compile(r"(?:'s|’s|'|’|\s|[.,;:])+$")
_TITLE_BEFORE = re.compile(r"(?:the|a|an|his|her|their|its|former|le|la|son|sa)\s+$", re.I)
_NAME_OR_PLACE = (MentionType.LOCATION, MentionType.ORGANIZATION)
# "Karim said": a model's place or group that speaks is a person (first names are villages too).
_SPEAKS = re.compile(r",?\s+(?:said|says|told|added|explained|recalled|recounted|asked)\b")
_FORCE_HEADS = (MentionType.LOCATION, MentionType.NATIONALITY)
_FORCES = re.compile(
    r"\.?[\s-]+((?:special |security |armed |ground |coalition )?(?:forces|troops|military|army|"
    r"government|navy|air force|officials|authorities|service members|police|warplanes|jets|"
    r"aircraft|soldiers|regime))\b",
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


def _model_mention(text: str, span: EntitySpan, extractor: str) -> Mention | None:
    start, end = _trim(text, span.start, span.end)
    surface = text[start:end]
    if span.type is MentionType.DATE and not re.search(r"\d", surface):
        return None
    attributes: dict[str, str] = {}
    label = surface
    kind = span.type
    if kind in _NAME_OR_PLACE and len(surface.split()) <= 3 and _SPEAKS.match(text, end):
        kind = MentionType.PERSON
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
    return _country_forces(text, _resolve(candidates))
