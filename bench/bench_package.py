"""Benchmark the court package: time and peak memory of `pursuit export --format package` and of
`pursuit verify-package`, beside the floor of hashing and zipping the same files with coreutils
and Info-ZIP in the same run.

A package's cost is dominated by its originals, so the workspace holds 200 short reports naming
one person and one large original (2 GiB; 200 MiB with --quick) attached to his dossier. Each
command runs as a child process and its peak RSS is read with wait4. Results go to
bench/results/package.md and package.json.

    .venv/bin/python bench/bench_package.py [--quick]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = ROOT / ".venv" / "bin"
RESULTS = ROOT / "bench" / "results"
WORK = ROOT / "bench" / "work" / "package"  # ignored by git
PERSON = "Abu Hafs al-Jazrawi"

# Runs in a child: packs the person's dossier with the large item added to its manifest (the
# large file is a binary no extractor names him in, so it is attached here, as an analyst's
# exhibit would be).
PACK = """
import dataclasses, sys
from pathlib import Path
from pursuit.cases.dossier import build_dossier
from pursuit.cases.package import export_package
from pursuit.cli.common import workspace
from pursuit.evidence.items import list_items
from pursuit.render.casefile import dossier_files

ws = workspace(None)
with ws.read() as conn:
    built = build_dossier(conn, sys.argv[1])
    big = next(i for i in list_items(conn) if i.filename == "exhibit.bin")
first = built.manifest[0]
extra = dataclasses.replace(first, item_id=big.id, filename=big.filename, sha256=big.sha256)
built = dataclasses.replace(built, manifest=[*built.manifest, extra])
out = Path(sys.argv[2])
report = export_package(ws, built, dossier_files(built), out, hashes_only=False, actor="bench")
print(report.items, report.included)
"""


@dataclass(frozen=True)
class Row:
    step: str
    megabytes: float
    seconds: float
    peak_mb: float


def _timed(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of a child process, measured with wait4."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        err = proc.stderr.read().decode() if proc.stderr else ""
        raise SystemExit(f"{cmd[0]} failed: {err[-2000:]}")
    return seconds, usage.ru_maxrss / 1024


def _corpus(folder: Path, big_mb: int) -> None:
    folder.mkdir(parents=True)
    for n in range(200):
        (folder / f"report-{n:03d}.txt").write_text(
            f"Report {n}. Witnesses in Mayadin said that {PERSON}, a Saudi emir of the Islamic "
            f"State, ordered the arrest of {n % 7 + 2} men in March 2015.\n",
            encoding="utf-8",
        )
    with (folder / "exhibit.bin").open("wb") as out:
        chunk = os.urandom(1 << 20)
        for _ in range(big_mb):
            out.write(chunk)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a 200 MiB original instead of 2 GiB")
    args = parser.parse_args()
    big_mb = 200 if args.quick else 2048
    shutil.rmtree(WORK, ignore_errors=True)
    files, home = WORK / "files", WORK / "home"
    _corpus(files, big_mb)
    env = dict(os.environ, PURSUIT_HOME=str(home), PURSUIT_VAULT_KEY_FILE=str(WORK / "vault.key"))
    print("taking the corpus in …", file=sys.stderr)
    subprocess.run([str(VENV_BIN / "pursuit"), "init"], env=env, check=True, capture_output=True)
    subprocess.run(
        [str(VENV_BIN / "pursuit"), "ingest", str(files)], env=env, check=True, capture_output=True
    )
    megabytes = sum(p.stat().st_size for p in files.iterdir()) / 1e6
    floor_zip = WORK / "floor.zip"
    package = WORK / "package.zip"
    print("measuring …", file=sys.stderr)
    rows = [
        Row("sha256sum of the files (floor)", megabytes, *_timed(
            ["sh", "-c", 'sha256sum "$0"/* > /dev/null', str(files)])),
        Row("zip -0 -r of the files (floor: stored, as the originals are)", megabytes, *_timed(
            ["zip", "-q", "-0", "-r", str(floor_zip), str(files)])),
        Row("pursuit export --format package", megabytes, *_timed(
            [str(VENV_BIN / "python"), "-c", PACK, PERSON, str(package)], env)),
        Row("pursuit verify-package", megabytes, *_timed(
            [str(VENV_BIN / "pursuit"), "verify-package", str(package)], env)),
    ]  # fmt: skip
    floor = rows[0].seconds + rows[1].seconds
    head = "| step | MB | s | peak MB | × floor (sha256sum + zip) |\n|---|---:|---:|---:|---:|\n"
    lines = [
        f"| {r.step} | {r.megabytes:.0f} | {r.seconds:.1f} | {r.peak_mb:.0f} | "
        f"{r.seconds / floor:.2f} |"
        for r in rows
    ]
    text = head + "\n".join(lines) + "\n"
    print(text)
    RESULTS.mkdir(exist_ok=True)
    name = "package-quick" if args.quick else "package"
    (RESULTS / f"{name}.md").write_text(text, encoding="utf-8")
    (RESULTS / f"{name}.json").write_text(
        json.dumps([asdict(r) for r in rows], indent=2), encoding="utf-8"
    )
    shutil.rmtree(WORK, ignore_errors=True)


if __name__ == "__main__":
    main()
