"""OCR benchmark: pursuit's page OCR beside the plain `tesseract` command on the same pages.

Pages are generated here from known text (English, French, German, Arabic; clean and degraded
like a photocopied scan) plus the demo's mixed Arabic/English order, so accuracy can be measured
as character error rate (CER) beside speed. Peers, on the same pages in the same run:

* `tesseract -l ara+eng+fra` — what a user would type for unknown material (the blind model);
* `tesseract -l <right model>` — the floor: one run with the page's language already known.

Both peers run with OMP_THREAD_LIMIT=1 like pursuit (Tesseract's default threading was ~15x
slower on two cores; one page of that is timed and reported separately).

    python bench/bench_ocr.py            # 16 pages
    python bench/bench_ocr.py --quick    # 4 pages
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont
from rapidfuzz.distance import Levenshtein

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from pursuit.extract import ocr_image  # noqa: E402

ROOT = Path(__file__).resolve().parent
WORK = ROOT / "work" / "ocr"
RESULTS = ROOT / "results"
CORPUS = ROOT.parent / "src" / "pursuit" / "demo" / "corpus"
LATIN_FONT = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"
ARABIC_FONT = "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf"

TEXTS = {
    "en": [
        "The witness said that fighters held the village of Khasham in summer 2014.",
        "Eleven detainees were moved from the Hisba office to the school prison.",
        "The emir of the sector ordered their execution on 3 March 2015.",
        "Residents fled towards Deir ez-Zor and the camps near the border.",
    ],
    "fr": [
        "Le témoin a déclaré que les combattants tenaient le village en été 2014.",
        "Onze détenus ont été transférés du bureau de la Hisba à la prison.",
        "L'émir du secteur a ordonné leur exécution le 3 mars 2015.",
    ],
    "de": [
        "Der Zeuge sagte, die Kämpfer hätten das Dorf im Sommer 2014 gehalten.",
        "Elf Gefangene wurden vom Hisba-Büro in das Schulgefängnis gebracht.",
        "Der Emir des Sektors befahl ihre Hinrichtung am 3. März 2015.",
    ],
    "ar": [
        "قال الشاهد إن المقاتلين سيطروا على قرية خشام في صيف عام 2014",
        "نقل أحد عشر موقوفا من مقر الحسبة إلى سجن المدرسة",
        "أمر أمير القطاع أبو حفص الجزراوي بإعدامهم في شهر آذار",
        "فر السكان نحو دير الزور والمخيمات القريبة من الحدود",
    ],
}
RIGHT_MODEL = {"en": "eng", "fr": "fra", "de": "deu", "ar": "ara"}


@dataclass
class Page:
    path: Path
    language: str
    truth: str
    degraded: bool


@dataclass
class Row:
    tool: str
    pages: int
    seconds: float
    pages_per_minute: float
    cer_clean: float
    cer_degraded: float
    cer_arabic: float


def _render(path: Path, language: str, degraded: bool, rng: random.Random) -> Page:
    lines = TEXTS[language]
    font = ImageFont.truetype(ARABIC_FONT if language == "ar" else LATIN_FONT, 36)
    image = Image.new("L", (1700, 200 + 90 * len(lines)), 255)
    draw = ImageDraw.Draw(image)
    for n, line in enumerate(lines):
        if language == "ar":
            draw.text((1600, 100 + n * 90), line, font=font, fill=0, anchor="ra", direction="rtl")
        else:
            draw.text((100, 100 + n * 90), line, font=font, fill=0)
    if degraded:
        image = image.rotate(rng.uniform(-1.5, 1.5), fillcolor=255, expand=False)
        image = image.filter(ImageFilter.GaussianBlur(1.1))
        noise = Image.effect_noise(image.size, 40)
        image = Image.blend(image, noise, 0.18)
    image.save(path)
    return Page(path, language, "\n".join(lines), degraded)


def _pages(quick: bool) -> list[Page]:
    WORK.mkdir(parents=True, exist_ok=True)
    rng = random.Random(11)
    pages = [
        _render(WORK / f"{lang}-{'scan' if d else 'clean'}.png", lang, d, rng)
        for lang in ("en", "fr", "de", "ar")
        for d in (False, True)
    ]
    pages += [
        _render(WORK / f"{lang}-scan-{k}.png", lang, True, rng)
        for k in (2, 3)
        for lang in ("en", "ar", "fr", "ar")
    ]
    return pages[:4] if quick else pages


def _cer(found: str, truth: str) -> float:
    squash = " ".join(found.split())
    expected = " ".join(truth.split())
    return Levenshtein.distance(squash, expected) / max(len(expected), 1)


def _tesseract(page: Path, model: str, threads: str = "1") -> str:
    env = {**os.environ, "OMP_THREAD_LIMIT": threads}
    if threads == "default":
        env.pop("OMP_THREAD_LIMIT", None)
    done = subprocess.run(
        ["tesseract", str(page), "stdout", "-l", model],
        capture_output=True,
        env=env,
        check=True,
    )
    return done.stdout.decode("utf-8", "replace")


def _row(tool: str, pages: list[Page], read: dict[Path, str], seconds: float) -> Row:
    def mean(selected: list[Page]) -> float:
        values = [_cer(read[p.path], p.truth) for p in selected]
        return round(sum(values) / len(values), 3) if values else float("nan")

    return Row(
        tool,
        len(pages),
        round(seconds, 1),
        round(len(pages) / seconds * 60, 1),
        mean([p for p in pages if not p.degraded]),
        mean([p for p in pages if p.degraded]),
        mean([p for p in pages if p.language == "ar"]),
    )


def _run(tool: str, pages: list[Page], read_one: object) -> Row:
    assert callable(read_one)
    start = time.perf_counter()
    read = {p.path: str(read_one(p)) for p in pages}
    return _row(tool, pages, read, time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    quick = parser.parse_args().quick
    pages = _pages(quick)
    rows = [
        _run(
            "pursuit (script detection, model per block)", pages, lambda p: ocr_image(p.path).text
        ),
        _run(
            "tesseract -l ara+eng+fra (blind)", pages, lambda p: _tesseract(p.path, "ara+eng+fra")
        ),
        _run(
            "tesseract -l <known language> (floor)",
            pages,
            lambda p: _tesseract(p.path, RIGHT_MODEL[p.language]),
        ),
    ]
    start = time.perf_counter()
    _tesseract(pages[0].path, "eng", threads="default")
    default_threads = time.perf_counter() - start
    mixed = ocr_image(CORPUS / "09_transfer_order_scan.png")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    _report(rows, default_threads, mixed.model, peak, own)


def _report(rows: list[Row], default_threads: float, mixed: str, peak: float, own: float) -> None:
    floor = next(r for r in rows if "floor" in r.tool)
    lines = [
        "| tool | pages | s | pages/min | × floor speed | CER clean | CER degraded | CER Arabic |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        ratio = r.pages_per_minute / floor.pages_per_minute
        lines.append(
            f"| {r.tool} | {r.pages} | {r.seconds} | {r.pages_per_minute} | {ratio:.2f} | "
            f"{r.cer_clean} | {r.cer_degraded} | {r.cer_arabic} |"
        )
    lines += [
        "",
        f"Tesseract with its default OpenMP threads: {default_threads:.1f} s for one English page.",
        f"Demo's mixed Arabic/English scan read with models: {mixed}.",
        f"Peak memory: pursuit process {own:.0f} MB, largest Tesseract child {peak:.0f} MB.",
    ]
    table = "\n".join(lines)
    print(table)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "ocr.md").write_text("# OCR benchmark\n\n" + table + "\n", encoding="utf-8")
    document = {
        "rows": [asdict(r) for r in rows],
        "default_threads_seconds_one_page": default_threads,
        "peak_child_mb": peak,
        "peak_self_mb": own,
    }
    (RESULTS / "ocr.json").write_text(json.dumps(document, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
