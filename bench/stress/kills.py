"""kill -9 at random points of `pursuit ingest`, of uploads to `pursuit serve`, and of reprocess.

Faults pile up between kills (no clean-up in between, as on a machine that keeps crashing). What a
command acknowledged before its kill (a JSON line of ingest, a 201 of the API) must be stored;
after the kills one ingest of every folder and `reprocess --unfinished` must leave each file as
exactly one item with its text read, a sound record and no partial file.
"""

from __future__ import annotations

import json
import random
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.stress.checks import Outcome, check_workspace, stored_hashes
from bench.stress.corpus import make_batch, sha256_of
from bench.stress.procs import Server, Target, kill_group, run, spawn, token_for, upload

__all__ = ["KillReport", "kill_campaign"]


@dataclass(slots=True)
class KillReport:
    kills: dict[str, int] = field(
        default_factory=lambda: {"ingest": 0, "upload": 0, "reprocess": 0}
    )
    finished_before_kill: int = 0
    acknowledged: set[str] = field(default_factory=set)
    lost_before_recovery: list[str] = field(default_factory=list)
    outcome: Outcome = field(default_factory=Outcome)
    files: int = 0
    seconds: float = 0.0


@dataclass(slots=True)
class _Run:
    target: Target
    work: Path
    rng: random.Random
    report: KillReport
    token: str = ""
    serial: int = 0
    cycle: int = 0

    def new_files(self, folder: str, count: int) -> list[Path]:
        made = make_batch(self.work / folder, self.serial, count)
        self.serial += count
        return made

    def log(self, kind: str) -> Path:
        self.cycle += 1
        return self.work / "logs" / f"{self.cycle:04d}-{kind}.out"


def _acknowledged_lines(out: Path) -> set[str]:
    found: set[str] = set()
    for line in out.read_text(errors="replace").splitlines():
        if line.startswith("{") and line.endswith("}"):
            row = json.loads(line)
            if row.get("status") in ("new", "duplicate") and row.get("sha256"):
                found.add(row["sha256"])
    return found


def _kill_after(run_: _Run, kind: str, args: list[str], low: float, high: float) -> None:
    out = run_.log(kind)
    proc = spawn(run_.target, args, out)
    time.sleep(run_.rng.uniform(low, high))
    if kill_group(proc):
        run_.report.kills[kind] += 1
    else:
        run_.report.finished_before_kill += 1
    if kind == "ingest":
        run_.report.acknowledged |= _acknowledged_lines(out)


def _ingest_kill(run_: _Run) -> None:
    run_.new_files("files", 3)
    _kill_after(run_, "ingest", ["ingest", str(run_.work / "files"), "--json"], 1.0, 7.0)


def _reprocess_kill(run_: _Run) -> None:
    stage = run_.rng.choice(["text", "nlp"])
    _kill_after(run_, "reprocess", ["reprocess", "--stage", stage, "--json"], 0.8, 6.0)


def _uploader(run_: _Run, port: int, files: list[Path], stop: threading.Event) -> None:
    for path in files:
        if stop.is_set():
            return
        try:
            status, hashes = upload(port, run_.token, path, timeout=30)
        except OSError:
            return
        if status == 201:
            run_.report.acknowledged.add(sha256_of(path))


def _upload_kill(run_: _Run) -> None:
    files = run_.new_files("uploads", 8)
    server = Server(run_.target, run_.log("upload"))
    server.wait_ready()
    stop = threading.Event()
    worker = threading.Thread(target=_uploader, args=(run_, server.port, files, stop))
    worker.start()
    time.sleep(run_.rng.uniform(0.05, 4.0))
    if server.kill():
        run_.report.kills["upload"] += 1
    else:
        run_.report.finished_before_kill += 1
    stop.set()
    worker.join()


def _recover(run_: _Run) -> None:
    folders = [
        str(run_.work / name) for name in ("files", "uploads") if (run_.work / name).is_dir()
    ]
    done = run(run_.target, "ingest", *folders, "--json")
    if done.returncode not in (0, 1):
        raise RuntimeError(f"recovery ingest exit {done.returncode}: {done.stderr[-500:]}")
    run(run_.target, "reprocess", "--unfinished", "--json")


def _schedule(plan: dict[str, int], rng: random.Random) -> list[str]:
    order = [kind for kind, count in plan.items() for _ in range(count)]
    rng.shuffle(order)
    return order


def kill_campaign(work: Path, target: Target, plan: dict[str, int], seed: int) -> KillReport:
    """Inject the kills `plan` asks for (a kind is retried until its kills landed)."""
    started = time.monotonic()
    run_ = _Run(target, work, random.Random(seed), KillReport())
    (work / "logs").mkdir(parents=True, exist_ok=True)
    run_.new_files("files", 8)
    run(target, "ingest", str(work / "files"), "--json")  # a workspace with items to reprocess
    run_.token = token_for(target)
    actions = {"ingest": _ingest_kill, "upload": _upload_kill, "reprocess": _reprocess_kill}
    for kind in _schedule(plan, run_.rng):
        goal = run_.report.kills[kind] + 1
        for _attempt in range(5):
            actions[kind](run_)
            if run_.report.kills[kind] >= goal:
                break
    present = stored_hashes(target)
    run_.report.lost_before_recovery = sorted(h for h in run_.report.acknowledged if not present[h])
    _recover(run_)
    every = [p for name in ("files", "uploads") for p in sorted((work / name).glob("doc-*"))]
    run_.report.files = len(every)
    expected = {sha256_of(p) for p in every}
    run_.report.outcome = check_workspace(target, expected, run_.report.acknowledged)
    run_.report.seconds = round(time.monotonic() - started, 1)
    return run_.report
