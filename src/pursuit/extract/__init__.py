"""Extraction: text and technical metadata out of every kind of source, and OCR.

The pure core of intake's text stage: no workspace here, only files in and text out, so each
format reader is tested on real files and the stages decide what to store.
"""

from pursuit.extract.base import ChildFile, Extracted, Extractor, Probe
from pursuit.extract.blank import blank_image, blank_pdf_pages
from pursuit.extract.boilerplate import furniture_lines, page_furniture, without_furniture
from pursuit.extract.language import (
    ParagraphLanguage,
    detect_language,
    language_meta,
    paragraph_languages,
)
from pursuit.extract.limits import Limits, current_limits, limits
from pursuit.extract.ocr import OcrPage, ocr_image, ocr_pdf_page, tesseract_version
from pursuit.extract.registry import EXTRACTORS, candidates, choose, read
from pursuit.extract.sniff import sniff

__all__ = [
    "EXTRACTORS",
    "ChildFile",
    "Extracted",
    "Extractor",
    "Limits",
    "OcrPage",
    "ParagraphLanguage",
    "Probe",
    "blank_image",
    "blank_pdf_pages",
    "candidates",
    "choose",
    "current_limits",
    "detect_language",
    "furniture_lines",
    "language_meta",
    "limits",
    "ocr_image",
    "ocr_pdf_page",
    "page_furniture",
    "paragraph_languages",
    "read",
    "sniff",
    "tesseract_version",
    "without_furniture",
]
