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


def _read(image: Path, model: str) -> OcrPage:
    """Run Tesseract and rebuild lines and paragraphs from its word table."""
    table = run_program(["tesseract", str(image), "stdout", "-l", model, "tsv"], timeout=600)
    lines: dict[tuple[str, str, str], list[str]] = {}
    confidences: list[float] = []
    for row in csv.DictReader(io.StringIO(table), delimiter="\t", quoting=csv.QUOTE_NONE):
        word = (row.get("text") or "").strip()
        if row.get("level") != "5" or not word:
            continue
        lines.setdefault((row["block_num"], row["par_num"], row["line_num"]), []).append(word)
        confidences.append(float(row.get("conf") or 0))
    text_lines: list[str] = []
    previous: tuple[str, str] | None = None
    for (block, paragraph, _), words in lines.items():
        if previous is not None and previous != (block, paragraph):
            text_lines.append("")
        text_lines.append(" ".join(words))
        previous = (block, paragraph)
    mean = sum(confidences) / len(confidences) if confidences else 0.0
    return OcrPage("\n".join(text_lines), model, round(mean, 1))


def ocr_image(image: Path) -> OcrPage:
    """Read one page image with the model its script calls for."""
    script = detect_script(image)
    if script == "Arabic":
        return _read(image, ARABIC_MODEL)
    if script is not None:
        return _read(image, LATIN_MODEL)
    candidates = [_read(image, LATIN_MODEL), _read(image, ARABIC_MODEL)]
    return max(candidates, key=lambda page: page.confidence if page.text else -1.0)


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
