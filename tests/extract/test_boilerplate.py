"""Page furniture in saved web pages: gone before the language stage, testimony untouched."""

from __future__ import annotations

from pathlib import Path

import pytest

from pursuit.extract.boilerplate import Furniture, page_furniture, without_furniture
from pursuit.extract.html import html_text
from pursuit.nlp import extract_mentions

PAGES = Path(__file__).resolve().parents[2] / "bench" / "data" / "boilerplate"
FURNITURE_WORDS = ("Logo Wide", "Subscribe", "Suspicious", "Mug", "Glock", "Netflix", "Getty")

TESTIMONY = """Interview W-23, 14 May 2019
Interviewer: R.K.

Q: Who was in the square?
A: Many of us.
The guards
The emir
The judge

Names I remember:
Ahmad al-Saleh
Fadi al-Ahmad
Yasser al-Mohammad

Q: Was anyone filming?
A: Yes. Photo: I saw one man with a phone. Abu Hafs al-Jazrawi gave the order.
"""


def _names(text: str, language: str) -> set[str]:
    kinds = ("person", "organization", "location")
    return {m.text for m in extract_mentions(text, language) if m.type.value in kinds}


def test_a_plain_text_save_loses_its_menus_captions_and_lists_but_keeps_its_body() -> None:
    raw = (PAGES / "en_gazette.txt").read_text(encoding="utf-8")
    clean = without_furniture(raw)
    assert len(clean) == len(raw)
    assert clean.splitlines()[0].strip() == ""
    found = _names(clean, "en")
    assert not any(word in name for name in found for word in FURNITURE_WORDS)
    assert {"Saad Jubouri", "Omar Haddad", "Mosul", "Erbil", "Turkey"} <= found
    # Each kept character is where it was: offsets found in the clean text fit the original.
    assert all(c == " " or c == raw[i] for i, c in enumerate(clean))
    assert "Photo: Nadia Karam/AFP" not in clean
    assert "Photo: Nadia Karam/AFP" in raw


@pytest.mark.parametrize(
    ("name", "language", "body"),
    [
        ("fr_depeche.txt", "fr", {"Ahmed Chammari", "Hind Qaisi", "Falloujah"}),
        ("de_tagblatt.txt", "de", {"Jamil Darwish", "Fadi Khoury", "Damaskus"}),
        ("ar_nabaa.txt", "ar", {"مصطفى العزاوي", "تكريت"}),
    ],
)
def test_saves_in_french_german_and_arabic_are_cleaned(
    name: str, language: str, body: set[str]
) -> None:
    raw = (PAGES / name).read_text(encoding="utf-8")
    kinds = {line.kind for line in page_furniture(raw)}
    assert {Furniture.CALL, Furniture.CREDIT, Furniture.LIST, Furniture.MENU} <= kinds
    found = _names(without_furniture(raw), language)
    assert body <= found
    for word in ("Netflix", "Glock", "نتفليكس", "Anzeige", "Publicité", "Kalachnikov"):
        assert not any(word in name for name in found)


def test_html_captions_lists_banners_and_footers_do_not_reach_the_text() -> None:
    text, metadata = html_text((PAGES / "en_ledger.html").read_text(encoding="utf-8"))
    assert "Khalid Rahimi" in text and "Tobias Wendt" in text
    for furniture in ("Photograph:", "Most read", "cookies", "free articles", "Logo Wide"):
        assert furniture not in text
    assert int(metadata["furniture_removed"]) > 0


def test_an_article_wrapped_in_a_paywall_element_is_kept() -> None:
    body = " ".join(["Khalid Rahimi ordered the killing of four men in Hajin in 2017."] * 20)
    markup = f'<html><body><div class="paywall"><p>{body}</p></div></body></html>'
    text, _ = html_text(markup)
    assert "Khalid Rahimi" in text


def test_testimony_with_short_lines_is_read_whole() -> None:
    assert page_furniture(TESTIMONY) == []
    assert without_furniture(TESTIMONY) == TESTIMONY
    assert {"Ahmad al-Saleh", "Abu Hafs al-Jazrawi"} <= _names(TESTIMONY, "en")
