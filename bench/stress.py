"""The suite that tries to break pursuit: kills, a full disk, concurrent writers, fuzzing, load.

    python bench/stress.py                 # long: 200+ kills, fuzzing, load test (15-30 min)
    python bench/stress.py --quick         # a handful of kills and fuzz inputs (under a minute)
    python bench/stress.py --postgres URL  # also concurrent writers on a fresh PostgreSQL database

It prints one table (faults injected, inputs tried, items lost, corruptions, requests/s and p95
per route) and writes it to bench/results/stress.md and stress.json (stress-quick.* for --quick).
Exit 1 when an item was lost, the record is corrupt, a check failed or a fuzz input crashed.
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.stress.concurrent import concurrent_writers, drop_postgres, fresh_postgres  # noqa: E402
from bench.stress.fulldisk import full_disk  # noqa: E402
from bench.stress.fuzz import FuzzBudget, fuzz_all  # noqa: E402
from bench.stress.kills import kill_campaign  # noqa: E402
from bench.stress.load import load_test  # noqa: E402
from bench.stress.procs import Target, run  # noqa: E402
from bench.stress.report import Summary, table, write  # noqa: E402

from pursuit.evidence.restore import restore_workspace  # noqa: E402
from pursuit.settings import Settings  # noqa: E402

RESULTS = ROOT / "bench" / "results"
LONG = {"ingest": 130, "upload": 40, "reprocess": 50}
QUICK = {"ingest": 2, "upload": 1, "reprocess": 1}


def _kills(work: Path, summary: Summary, plan: dict[str, int], seed: int) -> None:
    report = kill_campaign(work / "kills", Target(work / "kills" / "ws"), plan, seed)
    summary.faults.update({f"kill -9 {k}": v for k, v in report.kills.items()})
    summary.items_lost += len(report.lost_before_recovery) + len(report.outcome.lost)
    summary.corruptions += len(report.outcome.corruptions)
    summary.checks["kills"] = {
        "ok": report.outcome.ok and not report.lost_before_recovery,
        "files": report.files,
        "acknowledged": len(report.acknowledged),
        "runs_finished_before_their_kill": report.finished_before_kill,
        "seconds": report.seconds,
        **report.outcome.summary(),
    }


def _full_disk(work: Path, summary: Summary, seed: int) -> None:
    report = full_disk(work / "disk", seed)
    if report.skipped:
        summary.notes.append(f"full disk skipped: {report.skipped}")
        return
    summary.faults["full disk"] = 1
    summary.corruptions += len(report.corruptions)
    summary.checks["full disk"] = {k: v for k, v in asdict(report).items() if v} | {"ok": report.ok}


def _concurrent(work: Path, summary: Summary, postgres: str | None, files: int) -> None:
    backends = [("sqlite", None)] + ([("postgresql", postgres)] if postgres else [])
    for backend, url in backends:
        db_url = fresh_postgres(url) if url else None
        try:
            report = concurrent_writers(
                work / backend, Target(work / backend / "ws", db_url), backend, files
            )
        finally:
            if url and db_url:
                drop_postgres(url, db_url)
        summary.items_lost += len(report.outcome.lost)
        summary.corruptions += len(report.outcome.corruptions)
        summary.checks[f"concurrent writers ({backend})"] = {
            "ok": report.ok,
            "writers": report.writers,
            "files": report.files,
            "seconds": report.seconds,
            "upload_errors": report.upload_errors[:3],
            "exit_codes": report.exit_codes,
            **report.outcome.summary(),
        }


def _backup(work: Path) -> Path:
    """A backup of the workspace the kills left (sound by then), the seed of the restore fuzz."""
    target = Target(work / "kills" / "ws")
    path = work / "seed.backup"
    done = run(target, "backup", str(path))
    if done.returncode != 0:
        raise RuntimeError(f"pursuit backup failed: {done.stderr[-400:]}")
    return path


def _restorer(work: Path):  # type: ignore[no-untyped-def]
    counter = itertools.count()

    def restore(path: Path) -> object:
        home = work / "restores" / f"ws-{next(counter)}"
        settings = Settings(home=home, vault_key_file=work / "restores.vault-key", actor="stress")
        try:
            return restore_workspace(settings, path)
        finally:
            shutil.rmtree(home, ignore_errors=True)

    return restore


def _fuzz(work: Path, summary: Summary, budget: FuzzBudget) -> None:
    stats = fuzz_all(work / "fuzz", budget, _backup(work), _restorer(work))
    summary.inputs = {s.name: s.tried for s in stats}
    summary.findings = [asdict(f) for s in stats for f in s.findings]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="a few faults only (for the test suite)"
    )
    parser.add_argument("--postgres", default=os.environ.get("PURSUIT_TEST_POSTGRES_URL"))
    parser.add_argument("--seed", type=int, default=10)
    parser.add_argument("--load-seconds", type=int, default=20)
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--results", type=Path, default=RESULTS)
    args = parser.parse_args()
    started = time.monotonic()
    summary = Summary("quick" if args.quick else "long")
    work = Path(tempfile.mkdtemp(prefix="pursuit-stress-"))
    try:
        _kills(work, summary, QUICK if args.quick else LONG, args.seed)
        _fuzz(work, summary, FuzzBudget(3, 2) if args.quick else FuzzBudget(500, 40))
        if not args.quick:
            _full_disk(work, summary, args.seed)
            _concurrent(work / "concurrent", summary, args.postgres, 24)
            summary.load = load_test(work / "load", args.load_seconds)
    finally:
        summary.seconds = round(time.monotonic() - started, 1)
        if args.keep:
            print(f"work folder kept: {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    path = write(summary, args.results, "stress-quick" if args.quick else "stress")
    print(table(summary))
    print(f"written: {path} and {path.with_suffix('.json')}")
    return 0 if summary.ok else 1


if __name__ == "__main__":
    sys.exit(main())
