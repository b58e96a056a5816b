"""Intake benchmark: `pursuit ingest` beside `sha256sum` (the floor) on the same generated files.

Three corpora: 10,000 small text files, 200 PDFs with a text layer, one 2 GB binary file. For
each, the wall time, items/s, MB/s and peak resident memory of the whole `pursuit ingest`
process (text extraction and mention finding included) are printed beside `sha256sum` reading
the same bytes. Results go to bench/results/intake.json and intake.md.

    python bench/bench_intake.py            # full sizes
    python bench/bench_intake.py --quick    # 1,000 texts, 20 PDFs, 200 MB: a smoke run
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent
WORK = ROOT / "work" / "intake"
RESULTS = ROOT / "results"
VENV_BIN = Path(sys.executable).parent

WORDS = (
    "the witness said that fighters of the group held the village of Khasham in summer 2014 "
    "and that the emir Abu Hafs al-Jazrawi ordered the execution of civilians near Deir ez-Zor "
    "شهد الشاهد أن المقاتلين اعتقلوا المدنيين في دير الزور"
).split()


@dataclass
class Row:
    corpus: str
    tool: str
    files: int
    megabytes: float
    seconds: float
    peak_mb: float

    @property
    def items_per_s(self) -> float:
        return self.files / self.seconds if self.seconds else 0.0

    @property
    def mb_per_s(self) -> float:
        return self.megabytes / self.seconds if self.seconds else 0.0


def _pdf(text: str) -> bytes:
    """A one-page PDF with a real text layer, written by hand to keep the bench dependency-free."""
    stream = f"BT /F1 11 Tf 50 750 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def make_corpora(texts: int, pdfs: int, big_mb: int) -> dict[str, Path]:
    rng = random.Random(20261122)
    folders = {"texts": WORK / "texts", "pdfs": WORK / "pdfs", "big": WORK / "big"}
    if WORK.exists():
        shutil.rmtree(WORK)
    for folder in folders.values():
        folder.mkdir(parents=True)
    for i in range(texts):
        body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(40, 160)))
        (folders["texts"] / f"note-{i:05d}.txt").write_text(f"{i} {body}\n", encoding="utf-8")
    for i in range(pdfs):
        line = " ".join(rng.choice(WORDS[:30]) for _ in range(14))
        (folders["pdfs"] / f"report-{i:03d}.pdf").write_bytes(_pdf(f"{i} {line}"))
    with (folders["big"] / "capture.bin").open("wb") as out:
        block = os.urandom(1024 * 1024)
        for i in range(big_mb):
            out.write(block[:-8] + i.to_bytes(8, "big"))
    return folders


def _size_mb(folder: Path) -> tuple[int, float]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files) / 1e6


def _timed(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of a child process, measured with wait4."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0,):
        err = proc.stderr.read().decode() if proc.stderr else ""
        raise SystemExit(f"{cmd[0]} failed: {err[-2000:]}")
    return seconds, usage.ru_maxrss / 1024


def run(corpus: str, folder: Path, home: Path) -> list[Row]:
    files, megabytes = _size_mb(folder)
    floor = _timed(["sh", "-c", 'find "$0" -type f -print0 | xargs -0 sha256sum', str(folder)])
    env = dict(os.environ, PURSUIT_HOME=str(home))
    ours = _timed([str(VENV_BIN / "pursuit"), "ingest", str(folder)], env)
    return [
        Row(corpus, "sha256sum (floor)", files, megabytes, *floor),
        Row(corpus, "pursuit ingest", files, megabytes, *ours),
    ]


def table(rows: list[Row]) -> str:
    head = "| corpus | tool | files | MB | s | items/s | MB/s | peak MB | × floor time |\n"
    head += "|---|---|---:|---:|---:|---:|---:|---:|---:|\n"
    floors = {r.corpus: r.seconds for r in rows if r.tool.startswith("sha256sum")}
    lines = [
        f"| {r.corpus} | {r.tool} | {r.files} | {r.megabytes:.1f} | {r.seconds:.2f} | "
        f"{r.items_per_s:.1f} | {r.mb_per_s:.1f} | {r.peak_mb:.0f} | "
        f"{r.seconds / floors[r.corpus]:.1f} |"
        for r in rows
    ]
    return head + "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes for a smoke run")
    args = parser.parse_args()
    sizes = (1000, 20, 200) if args.quick else (10_000, 200, 2048)
    folders = make_corpora(*sizes)
    rows: list[Row] = []
    for corpus, folder in folders.items():
        home = WORK / f"home-{corpus}"
        print(f"benchmarking {corpus} …", file=sys.stderr)
        rows += run(corpus, folder, home)
    text = table(rows)
    print(text)
    RESULTS.mkdir(exist_ok=True)
    name = "intake-quick" if args.quick else "intake"
    (RESULTS / f"{name}.md").write_text(text, encoding="utf-8")
    data = [asdict(r) | {"items_per_s": r.items_per_s, "mb_per_s": r.mb_per_s} for r in rows]
    (RESULTS / f"{name}.json").write_text(json.dumps(data, indent=2), encoding="utf-8")
    big = [r for r in rows if r.corpus == "big" and r.tool == "pursuit ingest"]
    if big and not args.quick and big[0].peak_mb >= 200:
        print(f"peak memory {big[0].peak_mb:.0f} MB is over the 200 MB target", file=sys.stderr)


if __name__ == "__main__":
    main()
