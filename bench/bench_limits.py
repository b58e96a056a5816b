"""Hostile-input benchmark: what the limits make a huge line, a blank bundle and deep mail cost.

Each case runs `pursuit ingest` in a child process on a fresh workspace, so its peak resident
memory (ru_maxrss of the child) and wall time are its own:

* a one-line text of `--mb` megabytes (default 100) through text and the language stage, read in
  bounded pieces up to PURSUIT_NLP_MAX_CHARS (default here 2,000,000 to finish in minutes; pass
  `--nlp-max-chars 20000000` for the product default);
* a PDF of `--pages` blank pages (default 20,000) through text and OCR;
* an .eml with 5,000 nested MIME parts.

    python bench/bench_limits.py
    python bench/bench_limits.py --mb 10 --pages 2000     # quick
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
RESULTS = ROOT / "results"
PURSUIT = str(Path(sys.executable).parent / "pursuit")
sys.path.insert(0, str(ROOT.parent))

from tests.extract.hostile import nested_eml, pdf  # noqa: E402


def _one_line(path: Path, megabytes: int) -> None:
    filler = "the convoy moved along the road and stopped near the river for water "
    piece = filler * 40 + "Abu Omar al-Shishani was seen in Raqqa. "
    with path.open("w", encoding="utf-8") as out:
        for _ in range(megabytes * 1024 * 1024 // len(piece)):
            out.write(piece)


def _ingest(path: Path, work: Path, env: dict[str, str]) -> dict[str, object]:
    """Run one ingest in a child and read that child's own peak memory with wait4."""
    home = work / f"ws-{path.stem}"
    out, err = work / f"{path.stem}.out", work / f"{path.stem}.err"
    start = time.monotonic()
    with out.open("w") as stdout, err.open("w") as stderr:
        child = subprocess.Popen(
            [PURSUIT, "ingest", str(path), "--home", str(home), "--json"],
            env={**os.environ, "PURSUIT_ACTOR": "bench", **env},
            stdout=stdout,
            stderr=stderr,
        )
        _, status, usage = os.wait4(child.pid, 0)
    seconds = time.monotonic() - start
    lines = [json.loads(x) for x in out.read_text().splitlines() if x.startswith("{")]
    return {
        "file": path.name,
        "bytes": path.stat().st_size,
        "exit": os.waitstatus_to_exitcode(status),
        "seconds": round(seconds, 1),
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
        "result": lines[0] if lines else None,
        "stderr_tail": err.read_text().strip().splitlines()[-3:],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=100)
    parser.add_argument("--pages", type=int, default=20_000)
    parser.add_argument("--nlp-max-chars", type=int, default=2_000_000)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-limits-") as tmp:
        work = Path(tmp)
        deep = work / "deep.eml"
        deep.write_bytes(nested_eml(5000))
        rows.append(_ingest(deep, work, {}))
        blank = work / "blank.pdf"
        blank.write_bytes(pdf([b""] * args.pages))
        rows.append(_ingest(blank, work, {}))
        line = work / "one-line.txt"
        _one_line(line, args.mb)
        rows.append(_ingest(line, work, {"PURSUIT_NLP_MAX_CHARS": str(args.nlp_max_chars)}))
    for row in rows:  # the temporary folder is this run's own: keep only the file's name
        row["path"] = Path(str(row["path"])).name
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / "limits.json"
    out.write_text(json.dumps({"args": vars(args), "cases": rows}, indent=2) + "\n")
    for row in rows:
        print(
            f"{row['file']:>14}  {row['bytes']:>12,} B  exit {row['exit']}  "
            f"{row['seconds']:>7} s  peak {row['peak_rss_mb']:>8} MB"
        )
    print(f"written: {out}")


if __name__ == "__main__":
    main()
