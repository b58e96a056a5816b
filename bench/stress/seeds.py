"""Seed inputs for the fuzzer: the bundled demo corpus (one real file of each format pursuit
reads), a CSV, a screening list, an FtM JSON lines file, and the hostile files of issue 10."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from tests.extract.hostile import many_parts_eml, nested_eml, pdf

from pursuit.extract.base import Extractor
from pursuit.extract.registry import EXTRACTORS
from pursuit.extract.sniff import sniff

__all__ = ["Seed", "extractor_seeds", "ftm_seed", "hostile_files", "screen_csv_seed"]

CORPUS = Path(__file__).resolve().parents[2] / "src" / "pursuit" / "demo" / "corpus"

CSV = (
    "name,unit,date\nAbu Omar al-Shishani,Katibat al-Muhajirin,2014-03-02\n"
    "أبو عمر الشيشاني,كتيبة المهاجرين,2014-03-02\nTarkhan Batirashvili,,1986-01-11\n"
)
SCREEN_CSV = (
    "id,name,birth_date,nationality\n1,Abu Omar al-Shishani,1986-01-11,ge\n"
    "2,أبو عمر الشيشاني,1986,sy\n3,Omar Batirashvili,,ge\n4,Ayman,,\n"
)


@dataclass(frozen=True, slots=True)
class Seed:
    """A real file an extractor reads: its bytes, its name and the MIME it was sniffed as."""

    filename: str
    mime: str
    data: bytes


def _corpus(work: Path) -> list[Seed]:
    found = [p for p in sorted(CORPUS.iterdir()) if p.name != "manifest.json"]
    csv = work / "register.csv"
    csv.write_text(CSV, encoding="utf-8")
    return [Seed(p.name, sniff(p).mime, p.read_bytes()) for p in [*found, csv]]


def _best(extractor: Extractor, seeds: list[Seed], work: Path) -> Seed | None:
    scored = []
    for seed in seeds:
        path = work / seed.filename
        path.write_bytes(seed.data)
        scored.append((extractor.match(sniff(path)), len(seed.data), seed))
    scored = [s for s in scored if s[0] > 0]
    return min(scored, key=lambda s: (-s[0], s[1]))[2] if scored else None


def extractor_seeds(work: Path) -> list[tuple[Extractor, Seed]]:
    """Every registered extractor with the smallest real file that fits it best."""
    work.mkdir(parents=True, exist_ok=True)
    seeds = _corpus(work)
    pairs = [(e, _best(e, seeds, work)) for e in EXTRACTORS]
    missing = [e.name for e, s in pairs if s is None]
    if missing:
        raise RuntimeError(f"no seed file for extractors {missing}")
    return [(e, s) for e, s in pairs if s is not None]


def screen_csv_seed() -> bytes:
    return SCREEN_CSV.encode("utf-8")


def ftm_seed() -> bytes:
    people = [
        {
            "id": "p1",
            "schema": "Person",
            "properties": {
                "name": ["Abu Omar al-Shishani"],
                "birthDate": ["1986-01-11"],
                "nationality": ["ge"],
                "alias": ["أبو عمر الشيشاني"],
            },
        },
        {"id": "p2", "schema": "Person", "properties": {"name": ["Tarkhan Batirashvili"]}},
        {"id": "o1", "schema": "Organization", "properties": {"name": ["Jaish al-Muhajirin"]}},
    ]
    return "".join(json.dumps(p, ensure_ascii=False) + "\n" for p in people).encode("utf-8")


def hostile_files() -> list[tuple[str, bytes]]:
    """The hostile files issue 10 names, at sizes that stay quick (bench_limits: the big ones)."""
    return [
        ("deep.eml", nested_eml(5000)),
        ("wide.eml", many_parts_eml(5000)),
        ("blank.pdf", pdf([b""] * 300)),
        ("one-line.txt", b"Abu Omar " * 400_000),
        ("nul.txt", b"\x00" * 200_000),
    ]
