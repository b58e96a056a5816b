"""Fuzzing: hypothesis-made inputs to every extractor and importer, each under a time limit.

Inputs are random bytes or a real file (see `seeds.py`) with a few edits: bits flipped, bytes
inserted, deleted or repeated, the tail cut. Every extractor gets its own format with its own MIME
and name; the importers get screening CSVs, FtM JSON lines and backup files (the bytes mutated, or
the manifest rewritten inside an intact archive). A pursuit error is the right answer to garbage;
any other exception or a hang is a finding, its input kept under `fuzz-findings/`.
"""

from __future__ import annotations

import io
import shutil
import tarfile
from collections.abc import Callable
from functools import partial
from pathlib import Path

from bench.stress.guard import Finding, TargetStats, guarded
from bench.stress.seeds import extractor_seeds, ftm_seed, hostile_files, screen_csv_seed
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from pursuit.extract.base import Extractor, Probe
from pursuit.extract.registry import read
from pursuit.extract.sniff import sniff
from pursuit.screen.profiles import profiles_from_ftm
from pursuit.screen.records import read_records

__all__ = ["FuzzBudget", "fuzz_all"]

OPS = ("flip", "insert", "delete", "repeat", "cut")
MANIFEST = "manifest.json"
TIMEOUT = 30.0


class FuzzBudget:
    """Inputs per target: `examples` for extractors and importers, `restores` for backups."""

    def __init__(self, examples: int, restores: int) -> None:
        self.examples = examples
        self.restores = restores


def _apply(seed: bytes, edits: list[tuple[str, int, bytes]]) -> bytes:
    data = bytearray(seed)
    for op, where, chunk in edits:
        at = where % (len(data) + 1)
        if op == "flip" and at < len(data):
            data[at] ^= chunk[0] or 1
        elif op == "insert":
            data[at:at] = chunk
        elif op == "delete":
            del data[at : at + len(chunk) * 4]
        elif op == "repeat":
            data[at:at] = data[at : at + 64] * (chunk[0] % 32 + 2)
        elif op == "cut":
            del data[at:]
    return bytes(data)


def mutations(seed: bytes) -> st.SearchStrategy[bytes]:
    edit = st.tuples(
        st.sampled_from(OPS), st.integers(0, 1 << 20), st.binary(min_size=1, max_size=32)
    )
    edited = st.lists(edit, min_size=1, max_size=6).map(partial(_apply, seed))
    return st.one_of(edited, edited, edited, st.binary(max_size=4096))


def _drive(
    strategy: st.SearchStrategy[bytes], examples: int, each: Callable[[bytes], None]
) -> None:
    """Run `each` on `examples` inputs drawn by hypothesis (fixed seed, no shrinking)."""

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=True,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def case(data: bytes) -> None:
        each(data)

    case()


class _Fuzzer:
    def __init__(self, work: Path) -> None:
        self.work = work
        self.keep = work / "fuzz-findings"
        self.stats: list[TargetStats] = []

    def target(self, name: str, path: Path, call: Callable[[], object]) -> Callable[[bytes], None]:
        stats = TargetStats(name)
        self.stats.append(stats)

        def each(data: bytes) -> None:
            path.write_bytes(data)
            stats.tried += 1
            found = guarded(call, TIMEOUT)
            if found is not None:
                self.keep.mkdir(exist_ok=True)
                sample = self.keep / f"{name}-{stats.tried}{path.suffix}"
                shutil.copyfile(path, sample)
                stats.findings.append(Finding(name, *found, str(sample.relative_to(self.work))))

        return each

    def extractor(self, extractor: Extractor, filename: str, mime: str) -> Callable[[bytes], None]:
        folder = self.work / f"fuzz-{extractor.name}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / filename
        probe = Probe(path, mime, filename)

        def call() -> None:
            extractor.extract(probe)
            unpack = folder / "unpacked"
            shutil.rmtree(unpack, ignore_errors=True)
            unpack.mkdir()
            for _child in extractor.children(probe, unpack):
                pass

        return self.target(f"extract:{extractor.name}", path, call)


def _repack(backup: bytes, manifest: bytes) -> bytes:
    """The backup with its manifest replaced, every other member intact."""
    out = io.BytesIO()
    with (
        tarfile.open(fileobj=io.BytesIO(backup)) as source,
        tarfile.open(fileobj=out, mode="w") as dest,
    ):
        for member in source.getmembers():
            data = source.extractfile(member).read() if member.isfile() else None  # type: ignore[union-attr]
            if member.name == MANIFEST and data is not None:
                data = manifest
                member.size = len(data)
            dest.addfile(member, io.BytesIO(data) if data is not None else None)
    return out.getvalue()


def _manifest_of(backup: bytes) -> bytes:
    with tarfile.open(fileobj=io.BytesIO(backup)) as source:
        return source.extractfile(MANIFEST).read()  # type: ignore[union-attr]


def fuzz_extractors(fuzzer: _Fuzzer, budget: FuzzBudget) -> None:
    for extractor, seed in extractor_seeds(fuzzer.work / "seeds"):
        each = fuzzer.extractor(extractor, seed.filename, seed.mime)
        _drive(mutations(seed.data), budget.examples, each)
    folder = fuzzer.work / "fuzz-hostile"
    folder.mkdir(exist_ok=True)
    for name, data in hostile_files():
        path = folder / name
        fuzzer.target(f"hostile:{name}", path, lambda p=path: read(sniff(p)))(data)


def fuzz_importers(
    fuzzer: _Fuzzer, budget: FuzzBudget, backup: Path | None, restore: Callable[[Path], object]
) -> None:
    folder = fuzzer.work / "fuzz-import"
    folder.mkdir(exist_ok=True)
    csv, ftm = folder / "list.csv", folder / "list.ftm.jsonl"
    _drive(
        mutations(screen_csv_seed()),
        budget.examples,
        fuzzer.target("import:screen-csv", csv, partial(read_records, csv)),
    )
    _drive(
        mutations(ftm_seed()),
        budget.examples,
        fuzzer.target("import:ftm-jsonl", ftm, partial(profiles_from_ftm, ftm)),
    )
    if backup is None:
        return
    seed = backup.read_bytes()
    target = folder / "backup.tar"
    each = fuzzer.target("import:restore", target, partial(restore, target))
    half = max(budget.restores // 2, 1)
    _drive(mutations(seed), half, each)
    _drive(mutations(_manifest_of(seed)).map(partial(_repack, seed)), budget.restores - half, each)


def fuzz_all(
    work: Path, budget: FuzzBudget, backup: Path | None, restore: Callable[[Path], object]
) -> list[TargetStats]:
    """Fuzz every extractor, the hostile files and every importer; the per-target counts."""
    fuzzer = _Fuzzer(work)
    fuzz_extractors(fuzzer, budget)
    fuzz_importers(fuzzer, budget, backup, restore)
    return fuzzer.stats
