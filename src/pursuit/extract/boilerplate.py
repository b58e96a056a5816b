"""Web-page furniture in text: menus, consent banners, paywalls, captions, related-article lists.

A page copied or saved as text keeps what surrounded the article, and the language stage then
reads "Subscribe", "Logo Wide" or a caption's photographer as people. The furniture is found by
its shape (runs of short unpunctuated lines, rows of links, credit lines, headings of article
lists and the headlines under them, lines repeated on the page) and by the generic calls to the
reader in `furniture_words`; never by a list of outlets.

Nothing is removed from the evidence. `without_furniture` returns a text of the same length with
the furniture lines blanked, so offsets of what is found in it are offsets into the stored
derivative. It changes nothing unless the text looks like a saved web page (several strong
signs), so testimony with short lines, lists of names or one "Photo:" remark is read whole.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from enum import StrEnum

from pursuit.extract.furniture_words import BUTTON, CALL, CREDIT, LIST_HEAD, SEPARATORS

__all__ = [
    "BOILERPLATE_VERSION",
    "Furniture",
    "FurnitureLine",
    "furniture_lines",
    "page_furniture",
    "without_furniture",
]

BOILERPLATE_VERSION = "1"

_SENTENCE_END = re.compile(r"[.!?؟:;,\"”»)]\s*$")
_FINISHED = re.compile(r"[.!?؟]\s*$")
_NUMBERED = re.compile(r"^\(?\d{1,2}[.)]?\s+\S")
_MAX_CALL_WORDS = 40
_MAX_CAPTION_WORDS = 30
_MIN_RUN = 3
_MAX_LIST = 12


class Furniture(StrEnum):
    """Why a line is page furniture."""

    CALL = "call"  # subscribe, cookies, paywall, footer
    CREDIT = "credit"  # a picture credit, or the caption it closes
    MENU = "menu"  # menu runs, rows of links, buttons, all-caps section labels
    LIST = "list"  # "most read", "related" and the headlines under them
    REPEATED = "repeated"  # a short line the page repeats


@dataclass(frozen=True, slots=True)
class FurnitureLine:
    """One line of furniture: its offsets in the text (without the newline) and its kind."""

    start: int
    end: int
    kind: Furniture


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    end: int
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split())


def _lines(text: str) -> list[_Line]:
    out, offset = [], 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        lead = len(body) - len(body.lstrip())
        out.append(_Line(offset + lead, offset + len(body.rstrip()), body.strip()))
        offset += len(raw)
    return out


def _short(line: _Line) -> bool:
    """A menu entry's shape: up to three words, no sentence punctuation at its end."""
    return 0 < line.words <= 3 and len(line.text) <= 30 and not _SENTENCE_END.search(line.text)


def _link_row(line: _Line) -> bool:
    parts = [p for p in SEPARATORS.split(line.text) if p]
    return len(parts) >= 3 and all(len(p.split()) <= 4 and not p.endswith(".") for p in parts)


def _shape(line: _Line) -> Furniture | None:
    """What a line is on its own, before its neighbours are looked at."""
    text = line.text
    if not text:
        return None
    if CREDIT.search(text) and line.words <= _MAX_CAPTION_WORDS * 2:
        return Furniture.CREDIT
    if LIST_HEAD.match(text):
        return Furniture.LIST
    if CALL.search(text) and line.words <= _MAX_CALL_WORDS:
        return Furniture.CALL
    bare = text.strip(" .:!|•·>»→-–—")
    if BUTTON.match(bare) or _link_row(line):
        return Furniture.MENU
    letters = [c for c in text if c.isalpha()]
    if line.words <= 4 and len(letters) >= 3 and text.isupper():
        return Furniture.MENU
    return None


def _headline(line: _Line) -> bool:
    return 0 < line.words <= 18 and (
        not _SENTENCE_END.search(line.text)
        or line.text.endswith("?")
        or bool(_NUMBERED.match(line.text))
    )


def _lists(lines: list[_Line], kinds: list[Furniture | None]) -> None:
    """The headlines under a "most read" or "related" heading, up to the first body line."""
    for i, kind in enumerate(list(kinds)):
        if kind is not Furniture.LIST:
            continue
        taken = 0
        for j in range(i + 1, len(lines)):
            if not lines[j].text:
                continue
            if taken >= _MAX_LIST or not (_headline(lines[j]) or kinds[j] is not None):
                break
            kinds[j] = kinds[j] or Furniture.LIST
            taken += 1


def _runs(lines: list[_Line], kinds: list[Furniture | None]) -> None:
    """Runs of at least three short lines (blank lines allowed between): a menu."""
    run: list[int] = []
    for i, line in enumerate([*lines, _Line(0, 0, "end of text, a long line")]):
        if not line.text:
            continue
        if _short(line) or (i < len(kinds) and kinds[i] is Furniture.MENU):
            run.append(i)
            continue
        if sum(1 for j in run if _short(lines[j])) >= _MIN_RUN:
            for j in run:
                kinds[j] = kinds[j] or Furniture.MENU
        run = []


def _continued(lines: list[_Line], kinds: list[Furniture | None]) -> None:
    """A banner sentence wrapped over two lines: the line after an unfinished call is a call."""
    for i in range(1, len(lines)):
        previous = lines[i - 1]
        follows = kinds[i - 1] is Furniture.CALL and not _FINISHED.search(previous.text)
        if follows and kinds[i] is None and 0 < lines[i].words <= _MAX_CALL_WORDS:
            kinds[i] = Furniture.CALL


def _between(lines: list[_Line], kinds: list[Furniture | None]) -> None:
    """Short lines with furniture on both sides ("Accept", "Settings" between a banner and the
    footer) are buttons; the start and end of the text count as furniture."""
    group: list[int] = []
    before_is_furniture = True
    for i, line in enumerate(lines):
        if not line.text:
            continue
        if kinds[i] is None and _short(line):
            group.append(i)
            continue
        if group and before_is_furniture and kinds[i] is not None:
            for j in group:
                kinds[j] = Furniture.MENU
        group, before_is_furniture = [], kinds[i] is not None
    if group and before_is_furniture:
        for j in group:
            kinds[j] = Furniture.MENU


def _captions(lines: list[_Line], kinds: list[Furniture | None]) -> None:
    """A bare credit line ("Photo: X/Agency") closes the caption written on the line before."""
    previous: int | None = None
    for i, line in enumerate(lines):
        if not line.text:
            continue
        bare = kinds[i] is Furniture.CREDIT and CREDIT.match(line.text) is not None
        if bare and previous is not None and kinds[previous] is None:
            short = lines[previous].words <= _MAX_CAPTION_WORDS
            kinds[previous] = Furniture.CREDIT if short else None
        previous = i


def _repeated(lines: list[_Line], kinds: list[Furniture | None]) -> None:
    counts = Counter(line.text.casefold() for line in lines if 0 < line.words <= 5)
    for i, line in enumerate(lines):
        if kinds[i] is None and 0 < line.words <= 5 and counts[line.text.casefold()] > 1:
            kinds[i] = Furniture.REPEATED


def furniture_lines(text: str) -> list[FurnitureLine]:
    """Every line shaped like page furniture, whether or not the text is a web page."""
    lines = _lines(text)
    kinds = [_shape(line) for line in lines]
    _lists(lines, kinds)
    _continued(lines, kinds)
    _captions(lines, kinds)
    _runs(lines, kinds)
    _between(lines, kinds)
    _repeated(lines, kinds)
    return [
        FurnitureLine(line.start, line.end, kind)
        for line, kind in zip(lines, kinds, strict=True)
        if kind is not None
    ]


def _web_save(found: list[FurnitureLine]) -> bool:
    """Three strong signs (calls, credits, article lists), or two and a menu: a web page.

    One sign is not enough: a witness may say "Photo:" or list names on short lines."""
    strong = sum(1 for f in found if f.kind in (Furniture.CALL, Furniture.CREDIT, Furniture.LIST))
    menus = sum(1 for f in found if f.kind is Furniture.MENU)
    return strong >= 3 or (strong >= 2 and menus >= _MIN_RUN)


def page_furniture(text: str) -> list[FurnitureLine]:
    """The furniture lines of a text that looks like a saved web page; none for any other."""
    found = furniture_lines(text)
    return found if _web_save(found) else []


def without_furniture(text: str) -> str:
    """`text` with its page furniture blanked by spaces: same length, same line breaks."""
    found = page_furniture(text)
    if not found:
        return text
    chars = list(text)
    for line in found:
        chars[line.start : line.end] = " " * (line.end - line.start)
    return "".join(chars)
