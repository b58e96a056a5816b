"""OCR with Tesseract, choosing the language model page by page.

On degraded scans a blind ``ara+eng+fra`` model wrecks Arabic, while Tesseract's Arabic script
model reads it best; Latin pages read best with the English, French and German models together.
So each page first goes through Tesseract's script detection (OSD), and only a page whose
script cannot be told (too little text) is read with both models, keeping the more confident.
"""

from __future__ import annotations

import csv
import io
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from pursuit.errors import MalformedInput
from pursuit.extract.programs import program_version, run_program

__all__ = [
    "ARABIC_MODEL",
    "LATIN_MODEL",
    "OcrPage",
    "ocr_image",
    "ocr_pdf_page",
    "tesseract_version",
]

ARABIC_MODEL = "Arabic"
LATIN_MODEL = "eng+fra+deu"
_SCRIPT = re.compile(r"^Script:\s*(\w+)", re.M)
_SCRIPT_CONF = re.compile(r"^Script confidence:\s*([\d.]+)", re.M)
_MIN_SCRIPT_CONFIDENCE = 1.0
_DPI = "300"
# Blocks below this mean word confidence are read again with the other script's model, and
# the second reading must beat the first by a margin to replace it.
_WEAK = 75.0
_BETTER_BY = 5.0
_PAD = 8


@dataclass(frozen=True, slots=True)
class OcrPage:
    """One page's text, the model that read it and Tesseract's mean word confidence (0-100)."""

    text: str
    model: str
    confidence: float


def tesseract_version() -> str:
    return program_version("tesseract")


def detect_script(image: Path) -> str | None:
    """Tesseract's guess of the page's script ("Arabic", "Latin"…), or None when unsure."""
    try:
        output = run_program(["tesseract", str(image), "stdout", "--psm", "0", "-l", "osd"], 120)
    except MalformedInput:
        return None
    script = _SCRIPT.search(output)
    confidence = _SCRIPT_CONF.search(output)
    if script is None or confidence is None:
        return None
    return script.group(1) if float(confidence.group(1)) >= _MIN_SCRIPT_CONFIDENCE else None


@dataclass(frozen=True, slots=True)
class _Block:
    """A text block of Tesseract's layout analysis: its box, lines and mean word confidence."""

    box: tuple[int, int, int, int]
    lines: tuple[str, ...]
    confidence: float
    model: str


def _blocks(image: Path, model: str, psm: str = "3") -> list[_Block]:
    """Run Tesseract once and group its word table into blocks of lines."""
    table = run_program(
        ["tesseract", str(image), "stdout", "--psm", psm, "-l", model, "tsv"], timeout=600
    )
    words: dict[str, dict[tuple[str, str], list[str]]] = {}
    boxes: dict[str, tuple[int, int, int, int]] = {}
    confidences: dict[str, list[float]] = {}
    for row in csv.DictReader(io.StringIO(table), delimiter="\t", quoting=csv.QUOTE_NONE):
        block = row["block_num"]
        if row.get("level") == "2":
            left, top = int(row["left"]), int(row["top"])
            boxes[block] = (left, top, left + int(row["width"]), top + int(row["height"]))
        word = (row.get("text") or "").strip()
        if row.get("level") != "5" or not word:
            continue
        words.setdefault(block, {}).setdefault((row["par_num"], row["line_num"]), []).append(word)
        confidences.setdefault(block, []).append(float(row.get("conf") or 0))
    return [
        _Block(
            boxes.get(block, (0, 0, 0, 0)),
            tuple(" ".join(line) for line in lines.values()),
            sum(confidences[block]) / len(confidences[block]),
            model,
        )
        for block, lines in words.items()
    ]


def _reread(image: Path, block: _Block, model: str) -> _Block:
    """Read one weak block again with the other script's model; keep the more confident."""
    left, top, right, bottom = block.box
    with Image.open(image) as page, tempfile.TemporaryDirectory(prefix="pursuit-ocr-") as tmp:
        crop = page.crop((max(left - _PAD, 0), max(top - _PAD, 0), right + _PAD, bottom + _PAD))
        region = Path(tmp) / "region.png"
        crop.save(region)
        again = _blocks(region, model, psm="6")
    if not again:
        return block
    confidence = sum(b.confidence for b in again) / len(again)
    if confidence <= block.confidence + _BETTER_BY:
        return block
    lines = tuple(line for b in again for line in b.lines)
    return _Block(block.box, lines, confidence, model)


def ocr_image(image: Path) -> OcrPage:
    """Read one page image with the model its script calls for, block by block.

    Pages mixing scripts (an Arabic order with a typed English translation) are common in
    this material: blocks the first model reads poorly are read again with the other one.
    """
    script = detect_script(image)
    primary = ARABIC_MODEL if script == "Arabic" else LATIN_MODEL
    other = LATIN_MODEL if primary == ARABIC_MODEL else ARABIC_MODEL
    blocks = _blocks(image, primary)
    if not blocks and script is None:
        blocks = _blocks(image, other)
    blocks = [b if b.confidence >= _WEAK else _reread(image, b, other) for b in blocks]
    if not blocks:
        return OcrPage("", primary, 0.0)
    words = sum(len(" ".join(b.lines).split()) for b in blocks) or 1
    confidence = sum(b.confidence * len(" ".join(b.lines).split()) for b in blocks) / words
    models = sorted({b.model for b in blocks}, key=lambda m: m != primary)
    text = "\n\n".join("\n".join(b.lines) for b in blocks)
    return OcrPage(text, "|".join(models), round(confidence, 1))


def ocr_pdf_page(pdf: Path, page: int) -> OcrPage:
    """Render one PDF page at 300 dpi and OCR it; the rendering is discarded afterwards."""
    with tempfile.TemporaryDirectory(prefix="pursuit-ocr-") as tmp:
        prefix = Path(tmp) / "page"
        run_program(
            [
                "pdftoppm",
                "-r",
                _DPI,
                "-f",
                str(page),
                "-l",
                str(page),
                "-png",
                str(pdf),
                str(prefix),
            ],
            timeout=600,
        )
        rendered = sorted(Path(tmp).glob("page*.png"))
        if not rendered:
            raise MalformedInput(f"page {page} of the PDF could not be rendered")
        return ocr_image(rendered[0])
