"""Offline language identification for items and their paragraphs.

lingua runs without a network and is accurate on short texts; the detector is built for the
languages this field meets (Arabic, the European languages of news and asylum files, Turkish,
Persian, Kurdish's neighbours, Russian for Chechen and Central Asian material) because a detector
for all 75 languages is slower and confuses close ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

__all__ = ["ParagraphLanguage", "detect_language", "language_meta", "paragraph_languages"]

_LANGUAGES = (
    Language.ARABIC,
    Language.ENGLISH,
    Language.FRENCH,
    Language.GERMAN,
    Language.TURKISH,
    Language.PERSIAN,
    Language.RUSSIAN,
    Language.DUTCH,
    Language.SWEDISH,
    Language.URDU,
)
_PARAGRAPH = re.compile(r"\n\s*\n|\f")
_LETTER = re.compile(r"[^\W\d_]")
_MIN_LETTERS = 12
_MIN_PARAGRAPH_LETTERS = 40


@dataclass(frozen=True, slots=True)
class ParagraphLanguage:
    """A paragraph's character span in the text and its ISO 639-1 language code."""

    start: int
    end: int
    language: str


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    return (
        LanguageDetectorBuilder.from_languages(*_LANGUAGES).with_preloaded_language_models().build()
    )


def _code(language: Language | None) -> str | None:
    return language.iso_code_639_1.name.lower() if language is not None else None


def detect_language(text: str, min_letters: int = _MIN_LETTERS) -> str | None:
    """The main language of `text` (ISO 639-1), or None when there are too few letters to say."""
    sample = text[:20_000]
    if len(_LETTER.findall(sample)) < min_letters:
        return None
    return _code(_detector().detect_language_of(sample))


def paragraph_languages(text: str) -> list[ParagraphLanguage]:
    """Each paragraph's language, so an Arabic quotation inside an English report is findable."""
    found: list[ParagraphLanguage] = []
    start = 0
    for separator in [*_PARAGRAPH.finditer(text), None]:
        end = separator.start() if separator is not None else len(text)
        # Headings and signature lines are too short to judge and would add noise languages.
        language = detect_language(text[start:end], _MIN_PARAGRAPH_LETTERS)
        if language is not None:
            found.append(ParagraphLanguage(start, end, language))
        if separator is not None:
            start = separator.end()
    return found


def language_meta(text: str) -> tuple[str | None, dict[str, str]]:
    """The text's main language and, for the search filter, every paragraph language in it."""
    if not text.strip():
        return None, {}
    main = detect_language(text)
    found = sorted({p.language for p in paragraph_languages(text[:2_000_000])})
    return main, ({"languages": ",".join(found)} if found else {})
