"""Deterministic screening data for bench_screen.py, from real name parts.

Given names, nisbas and family names are the words of the Latin-script names in
`../shared/data/sanctions-names/persons.jsonl`; more given names come from the Arabic-Latin
pairs of `../shared/data/arabic-latin-transliteration/google_ar2en.csv`. Profiles are composed
from those parts (kunya, ism, nasab, nisba), with a birth year and a nationality. Records are
either a profile written another way (French or German transliteration, el- for al-, reordered
"FAMILY, Given", Muhammad spelled otherwise, a name dropped) — the ones screening should find — or
a newly composed person, who should match nothing. One seed makes every run the same.
"""

from __future__ import annotations

import csv
import json
import random
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
COUNTRIES = ("iq", "sy", "sa", "tn", "ma", "eg", "jo", "ly", "ye", "fr", "de", "gb", "tr", "ru")
_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]+")


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    birth_year: int | None
    country: str | None
    source: str | None = None  # for records: the profile they were written from


@dataclass(frozen=True, slots=True)
class Parts:
    given: list[str]
    nisbas: list[str]
    families: list[str]


def load_parts() -> Parts:
    """Name words seen at least twice, so typos of a single list entry are left out."""
    words: Counter[str] = Counter()
    with (DATA / "sanctions-names" / "persons.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            for name in json.loads(line)["names"]:
                if name.get("script") == "Latin":
                    words.update(w.strip("-'").title() for w in _WORD.findall(name["name"]))
    with (DATA / "arabic-latin-transliteration" / "google_ar2en.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["latin"].isalpha() and 3 <= len(row["latin"]) <= 10:
                words[row["latin"].title()] += 1
    common = sorted(w for w, n in words.items() if n >= 2 and len(w) >= 3)
    nisbas = [w for w in common if w.lower().startswith("al-") and len(w) > 5]
    skip = {"Abu", "Bin", "Ibn", "Bint", "Umm", "Abd", "Al", "El"}
    plain = [w for w in common if "-" not in w and w not in skip]
    return Parts(given=plain, nisbas=nisbas, families=plain[::3])


def compose(rng: random.Random, parts: Parts) -> str:
    words = []
    if rng.random() < 0.2:
        words.append(f"Abu {rng.choice(parts.given)}")
    words.append(rng.choice(parts.given))
    if rng.random() < 0.6:
        words.append(rng.choice(parts.given))
    words.append(rng.choice(parts.nisbas) if rng.random() < 0.5 else rng.choice(parts.families))
    return " ".join(words)


_SPELLINGS = [
    ("ou", "u"),
    ("u", "ou"),
    ("awi", "aoui"),
    ("Al-", "el-"),
    ("al-", "el-"),
    ("j", "dj"),
    ("sh", "ch"),
    ("kh", "h"),
    ("Muhammad", "Mohammed"),
    ("Mohammed", "Mohamed"),
    ("ee", "i"),
    ("y", "i"),
]


def variant(rng: random.Random, name: str) -> str:
    """The same name as another list would write it: one or two changes."""
    for _ in range(rng.choice((1, 1, 2))):
        kind = rng.random()
        words = name.split()
        if kind < 0.55:
            old, new = rng.choice([s for s in _SPELLINGS if s[0] in name] or [("", "")])
            name = name.replace(old, new, 1) if old else name
        elif kind < 0.75 and len(words) > 1:
            name = f"{words[-1].upper()}, {' '.join(words[:-1])}"
        elif kind < 0.9 and len(words) > 3:
            del words[rng.randrange(1, len(words) - 1)]
            name = " ".join(words)
        else:
            name = name.upper()
    return name


def profiles(count: int, parts: Parts, seed: int = 7) -> list[Person]:
    rng = random.Random(seed)
    return [
        Person(
            f"p{i:07d}",
            compose(rng, parts),
            rng.randint(1950, 2002) if rng.random() < 0.7 else None,
            rng.choice(COUNTRIES) if rng.random() < 0.7 else None,
        )
        for i in range(count)
    ]


def records(count: int, listed: list[Person], parts: Parts, share: float = 0.3, seed: int = 11):
    """`share` of the records are variants of listed profiles; the rest are new people."""
    rng = random.Random(seed)
    found: list[Person] = []
    for i in range(count):
        if rng.random() < share:
            p = rng.choice(listed)
            year = p.birth_year if p.birth_year and rng.random() < 0.6 else None
            found.append(Person(f"r{i:07d}", variant(rng, p.name), year, p.country, p.id))
        else:
            year = rng.randint(1950, 2002) if rng.random() < 0.5 else None
            found.append(Person(f"r{i:07d}", compose(rng, parts), year, rng.choice(COUNTRIES)))
    return found
