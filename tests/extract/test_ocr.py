"""OCR in Arabic, English and French, with the model chosen from the page itself."""

from __future__ import annotations

from pathlib import Path

from pursuit.extract import detect_language, ocr_image, paragraph_languages
from pursuit.extract.ocr import ARABIC_MODEL, LATIN_MODEL, detect_script

from .samples import CORPUS, page_image


def test_english_page_is_read_with_the_latin_models(tmp_path: Path) -> None:
    page = page_image(
        tmp_path / "en.png",
        ["Order to transfer detainees no. 47", "from the Hisba office to the school prison."],
    )
    assert detect_script(page) == "Latin"
    found = ocr_image(page)
    assert found.model == LATIN_MODEL
    assert "transfer detainees" in found.text and "school prison" in found.text
    assert found.confidence > 80


def test_french_accents_survive_ocr(tmp_path: Path) -> None:
    page = page_image(
        tmp_path / "fr.png",
        ["Les détenus ont été transférés à la prison", "de l'école, selon un témoin."],
    )
    found = ocr_image(page)
    assert "détenus" in found.text and "été transférés" in found.text
    assert detect_language(found.text) == "fr"


def test_mixed_arabic_and_english_page_reads_each_block_with_its_model() -> None:
    found = ocr_image(CORPUS / "09_transfer_order_scan.png")
    assert ARABIC_MODEL in found.model.split("|") and LATIN_MODEL in found.model.split("|")
    assert "أبو حفص الجزراوي" in found.text
    assert "Abu Hafs al-Jazrawi" in found.text
    languages = {p.language for p in paragraph_languages(found.text)}
    assert {"ar", "en"} <= languages


def test_a_page_with_no_text_gives_empty_text_not_an_error(tmp_path: Path) -> None:
    blank = page_image(tmp_path / "blank.png", [])
    found = ocr_image(blank)
    assert found.text.strip() == ""
