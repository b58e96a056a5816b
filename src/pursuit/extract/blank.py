"""Telling blank pages from pages worth OCR, cheaply, before Tesseract sees them.

Tesseract spends seconds on a page even when it is empty, and scanned bundles and hostile files
hold thousands of blank pages. A page rendered at 24 dpi (a few thousand pixels) whose darkest and
lightest pixels differ by less than `UNIFORM_RANGE` grey levels carries no ink worth reading: a
white page, a black page, an even grey scan. A page with one faint line still has darker pixels
than its paper at that size, so it is read. Pages are rendered a batch at a time in one poppler
call and the images deleted before the next batch, so 20,000 pages cost seconds and little disk.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from PIL import Image

from pursuit.extract.programs import run_program

__all__ = ["UNIFORM_RANGE", "blank_image", "blank_pdf_pages"]

UNIFORM_RANGE = 32
_DPI = "24"
_BATCH = 200
_PAGE_NUMBER = re.compile(r"-(\d+)\.pgm$")


def _uniform(image: Image.Image) -> bool:
    low, high = image.convert("L").getextrema()
    assert isinstance(low, int | float) and isinstance(high, int | float)  # one band
    return high - low < UNIFORM_RANGE


def blank_image(path: Path) -> bool:
    """Whether an image file is one flat tone (judged on a small copy, as pages are); an image
    this cannot read is not blank, so that OCR reports what is wrong with it."""
    try:
        with Image.open(path) as image:
            image.draft("L", (256, 256))
            small = image.convert("L")
            small.thumbnail((256, 256))
            return _uniform(small)
    except (OSError, ValueError, Image.DecompressionBombError):
        return False


def _batches(pages: Sequence[int]) -> Iterator[tuple[int, int]]:
    """Runs of consecutive page numbers, each at most `_BATCH` long."""
    run: list[int] = []
    for number in sorted(pages):
        if run and (number != run[-1] + 1 or len(run) >= _BATCH):
            yield run[0], run[-1]
            run = []
        run.append(number)
    if run:
        yield run[0], run[-1]


def _render(pdf: Path, first: int, last: int, folder: Path) -> dict[int, Path]:
    prefix = folder / "p"
    args = ["pdftoppm", "-r", _DPI, "-gray", "-f", str(first), "-l", str(last)]
    run_program([*args, str(pdf), str(prefix)], timeout=600)
    found: dict[int, Path] = {}
    for path in folder.glob("p-*.pgm"):
        match = _PAGE_NUMBER.search(path.name)
        if match:
            found[int(match.group(1))] = path
    return found


def blank_pdf_pages(pdf: Path, pages: Sequence[int]) -> Iterator[tuple[int, bool]]:
    """Each of `pages` in order with whether it is blank; lazily, one batch rendered at a time.

    A page poppler could not render is reported as not blank, so OCR gets to say what is wrong.
    """
    for first, last in _batches(pages):
        with tempfile.TemporaryDirectory(prefix="pursuit-ocr-") as tmp:
            rendered = _render(pdf, first, last, Path(tmp))
            for number in range(first, last + 1):
                path = rendered.get(number)
                if path is None:
                    yield number, False
                    continue
                with Image.open(path) as image:
                    yield number, _uniform(image)
