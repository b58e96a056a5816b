"""A full disk: the workspace on a 4 MB tmpfs, asked to take in more than fits.

Expected: exit 1, one clear line per file not taken (naming it, no traceback), the files taken
stored whole, `verify` sound on the full disk, and no partial file left behind.
"""

from __future__ import annotations

import json
import random
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from bench.stress.checks import stored_hashes, temp_leftovers, verify
from bench.stress.corpus import make_batch, sha256_of
from bench.stress.procs import Target, run

__all__ = ["FullDiskReport", "full_disk"]


@dataclass(slots=True)
class FullDiskReport:
    skipped: str = ""
    files: int = 0
    taken: int = 0
    not_taken: int = 0
    exit_code: int = 0
    unnamed: list[str] = field(default_factory=list)
    traceback: bool = False
    corruptions: list[str] = field(default_factory=list)
    half_stored: list[str] = field(default_factory=list)
    sample_line: str = ""

    @property
    def ok(self) -> bool:
        bad = self.unnamed or self.traceback or self.corruptions or self.half_stored
        return bool(self.skipped) or (not bad and self.exit_code == 1 and self.not_taken > 0)


def _files(folder: Path, seed: int) -> list[Path]:
    rng = random.Random(seed)
    made = make_batch(folder, 0, 4)
    for n in range(10):
        path = folder / f"blob-{n:02d}.bin"
        path.write_bytes(rng.randbytes(450_000))
        made.append(path)
    return made


def _mount(point: Path) -> str:
    point.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(point)],
        capture_output=True,
        text=True,
        check=False,
    )
    return "" if done.returncode == 0 else f"cannot mount a tmpfs: {done.stderr.strip()}"


def _judge(
    report: FullDiskReport, target: Target, files: list[Path], stdout: str, stderr: str
) -> None:
    rows = [json.loads(x) for x in stdout.splitlines() if x.startswith("{")]
    taken = {r["sha256"] for r in rows if r.get("status") in ("new", "duplicate")}
    stored = stored_hashes(target)
    report.taken = len(taken)
    missing = [p for p in files if sha256_of(p) not in taken]
    report.not_taken = len(missing)
    lines = stderr.splitlines()
    report.unnamed = [p.name for p in missing if not any(p.name in line for line in lines)]
    sample = next((line for line in lines if missing and missing[0].name in line), "")
    report.sample_line = sample.replace(str(missing[0].parent), "<files>") if missing else ""
    report.traceback = "Traceback" in stderr
    problems, warnings = verify(target)
    report.corruptions = problems
    report.half_stored = [w for w in warnings if "partial_file" in w] + temp_leftovers(target)
    report.half_stored += [h for h in taken if not stored[h]]


def full_disk(work: Path, seed: int) -> FullDiskReport:
    report = FullDiskReport()
    point = work / "small-disk"
    report.skipped = _mount(point)
    if report.skipped:
        return report
    try:
        files = _files(work / "disk-files", seed)
        report.files = len(files)
        target = Target(point / "ws")
        done = run(target, "ingest", str(work / "disk-files"), "--json")
        report.exit_code = done.returncode
        _judge(report, target, files, done.stdout, done.stderr)
    finally:
        subprocess.run(["umount", "-l", str(point)], check=False)
    return report
