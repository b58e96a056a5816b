"""Build the names benchmark: labelled pairs by class, broader than the sanctions lists.

Writes bench/data/names_benchmark/pairs.csv (name_a, name_b, label, class, split, source).
Sources and licences are in that folder's README. Positive classes are one person written two
ways; negative classes are different people whose names look alike. Each pair gets a split by a
hash of its seed (the family name, or the record): `heldout` (a quarter) is never used for
training or for choosing a threshold; `dev` may be.

    python tools/make_names_benchmark.py [--per-class 400]

Needs ../shared/data and the `nicknames` package (a development tool, for given names and their
English hypocoristics); the product needs neither.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path

from anyascii import anyascii
from rapidfuzz.distance import JaroWinkler, Levenshtein

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
WIKIDATA = DATA / "arabic-latin-transliteration" / "wikidata_person_tokens.csv"
GOOGLE = DATA / "arabic-latin-transliteration" / "google_ar2en.csv"
PERSONS = DATA / "sanctions-names" / "persons.jsonl"
OUTPUT = ROOT / "bench" / "data" / "names_benchmark" / "pairs.csv"
SEED = 20250513
Pair = tuple[str, str, str]  # name_a, name_b, seed of the split

# Titles and forms of address in the languages of the sources; each is only ever put in front
# of a name, never compared as a name.
TITLES = (
    "Herr", "Frau", "Monsieur", "Madame", "M.", "Mme", "Sheikh", "Cheikh", "Scheich", "Shaykh",
    "President", "Président", "Präsident", "Presidente", "Dr.", "Doktor", "Prof.", "General",
    "Général", "Colonel", "Oberst", "Imam", "Mullah", "Haji", "Señor", "Signor", "Sir", "Emir",
    "Mr", "Mrs", "Ms",
)  # fmt: skip
# Compound given names as French and German write them.
COMPOUNDS = (
    "Jean-Pierre", "Jean-Paul", "Jean-Luc", "Jean-Claude", "Jean-Marc", "Jean-François",
    "Marie-Claire", "Anne-Marie", "Marie-Hélène", "Pierre-Yves", "Hans-Peter", "Karl-Heinz",
    "Hans-Jürgen", "Klaus-Dieter", "Eva-Maria", "Ali-Reza", "Mohammed-Amine", "Abdel-Karim",
)  # fmt: skip
DIGITS = {"o": "0", "l": "1", "i": "1", "e": "3", "a": "4", "s": "5", "t": "7"}
_VOWELS = re.compile(r"[aeiouyhw]")


def heldout(seed: str) -> bool:
    """A quarter of the seeds, by hash: the same family name never lands on both sides."""
    return hashlib.sha256(f"names-benchmark:{seed.lower()}".encode()).digest()[0] % 4 == 0


def _title(word: str) -> str:
    return "-".join(p[:1].upper() + p[1:] for p in word.split("-"))


def _plain(word: str) -> str:
    return anyascii(word).lower()


class Sources:
    """The public data the pairs are made of, read once."""

    def __init__(self) -> None:
        self.by_arabic: dict[str, set[str]] = defaultdict(set)
        with WIKIDATA.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                self.by_arabic[row["arabic"]].add(row["latin"].lower())
        with GOOGLE.open(encoding="utf-8") as handle:
            self.arabic_names = {row["arabic"] for row in csv.DictReader(handle)}
        self.arabic_of: dict[str, set[str]] = defaultdict(set)
        for arabic, spellings in self.by_arabic.items():
            for latin in spellings:
                self.arabic_of[latin].add(arabic)
        self.families = sorted(
            w for w in self.arabic_of if w.isalpha() and w.isascii() and len(w) >= 4
        )
        self.nicknames, self.given = _nicknames()
        self.arabic_given = _arabic_given()

    def variants(self, a: str, b: str) -> bool:
        """Two Latin tokens written alike in Arabic, or folding to one plain form."""
        return bool(self.arabic_of[a] & self.arabic_of[b]) or _plain(a) == _plain(b)


def _nicknames() -> tuple[dict[str, set[str]], list[str]]:
    text = resources.files("nicknames").joinpath("names.csv").read_text(encoding="utf-8")
    groups: dict[str, set[str]] = defaultdict(set)
    for row in csv.DictReader(text.splitlines()):
        if row["relationship"] == "has_nickname":
            groups[row["name1"]].add(row["name2"])
    given = sorted(n for n in groups if len(n) >= 4)
    return dict(groups), given


def _arabic_given() -> list[str]:
    """First words of UN primary names (the UN writes them in speaking order), seen 3+ times."""
    counts: dict[str, int] = defaultdict(int)
    with PERSONS.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            for name in row["names"]:
                if row["source"] == "un_sc" and name["kind"] == "primary":
                    words = name["name"].split()
                    if len(words) >= 2 and words[0].isalpha() and words[0].isascii():
                        counts[words[0].lower()] += 1
    skip = {"abu", "abd", "al", "umm", "haji", "mullah", "mohammad"}
    return sorted(w for w, n in counts.items() if n >= 3 and len(w) >= 3 and w not in skip)


def _given(src: Sources, rng: random.Random) -> str:
    pool = src.arabic_given if rng.random() < 0.5 else src.given
    return _title(rng.choice(pool))


def _middle(src: Sources, rng: random.Random) -> list[str]:
    return [_given(src, rng)] if rng.random() < 0.3 else []


def _skeleton(word: str) -> str:
    return _VOWELS.sub("", word)


def family_prefix(src: Sources, rng: random.Random) -> Iterator[Pair]:
    """Same given name; one family name is the other with more letters (Schneider/Schneidermann,
    Hussein/Husseini), both real family-name tokens of Wikidata persons."""
    names = src.families
    found = []
    for index, short in enumerate(names):
        if len(short) < 5:
            continue
        for long in names[index + 1 : index + 40]:
            if not long.startswith(short):
                break
            tail = long[len(short) :]
            if _name_making(tail) and not src.variants(short, long):
                found.append((short, long))
    for short, long in rng.sample(found, len(found)):
        given = [_given(src, rng), *_middle(src, rng)]
        yield " ".join([*given, _title(short)]), " ".join([*given, _title(long)]), short


def _name_making(tail: str) -> bool:
    """An ending that makes another family name: consonants ("-mann", "-ov", "-ian") or the
    nisba's "-i"; a vowel, "h" or "s" alone (Wilfred/Wilfredo, Baraka/Barakah) is left out, as
    such pairs are as often one name spelt two ways."""
    if tail in ("i", "y"):
        return True
    return len(tail) >= 2 and bool(_skeleton(tail)) and tail not in ("es", "se")


def family_syllable(src: Sources, rng: random.Random) -> Iterator[Pair]:
    """Same given name; family names that share a stem of 4+ letters and end in a different
    syllable that adds or drops a consonant (Karimov/Karimi; Baltasar/Baltazar is left out)."""
    by_stem: dict[str, list[str]] = defaultdict(list)
    for word in src.families:
        if len(word) >= 6:
            by_stem[word[:5]].append(word)
    found = []
    for words in by_stem.values():
        for a in words:
            for b in words:
                if a < b and _syllable_apart(a, b) and not src.variants(a, b):
                    found.append((a, b))
    for a, b in rng.sample(found, len(found)):
        given = [_given(src, rng), *_middle(src, rng)]
        yield " ".join([*given, _title(a)]), " ".join([*given, _title(b)]), a


def _syllable_apart(a: str, b: str) -> bool:
    stem = 0
    while stem < min(len(a), len(b)) and a[stem] == b[stem]:
        stem += 1
    tail_a, tail_b = a[stem:], b[stem:]
    if stem < 4 or not tail_a or not tail_b or max(len(tail_a), len(tail_b)) > 3:
        return False
    # A consonant added or dropped with the syllable (Karimov/Karimi), not one swapped for a
    # like one (Baltasar/Baltazar, a spelling) nor a vowel for a consonant (Tyrone/Tyronn).
    apart = Levenshtein.distance(tail_a, tail_b) >= 2
    return apart and len(_skeleton(tail_a)) != len(_skeleton(tail_b))


def same_family(src: Sources, rng: random.Random) -> Iterator[Pair]:
    """Different given names (not nicknames of one another) and one family name: relatives."""
    while True:
        family = _title(rng.choice(src.families))
        a, b = _given(src, rng), _given(src, rng)
        if _related(src, a.lower(), b.lower()) or JaroWinkler.similarity(a, b) > 0.8:
            continue
        middle = _middle(src, rng)
        yield " ".join([a, *middle, family]), " ".join([b, *middle, family]), family


def _related(src: Sources, a: str, b: str) -> bool:
    return a == b or b in src.nicknames.get(a, ()) or a in src.nicknames.get(b, ())


def popular_given(src: Sources, rng: random.Random) -> Iterator[Pair]:
    """A popular given name on both sides and different family names of like sound: the
    collisions screening meets most (Mohammed Hassan / Mohammed Hussain are two men)."""
    popular = ("Mohammed", "Ahmed", "Ali", "Hassan", "Omar", "Ibrahim", "John", "Michael",
               "David", "Maria", "Ivan", "Alexander", "Abdullah", "Mustafa", "Yusuf")  # fmt: skip
    while True:
        a, b = rng.choice(src.families), rng.choice(src.families)
        if a[0] != b[0] or src.variants(a, b) or _skeleton(a) == _skeleton(b):
            continue
        if JaroWinkler.similarity(a, b) < 0.75:
            continue
        given = rng.choice(popular)
        yield f"{given} {_title(a)}", f"{given} {_title(b)}", a


def cross_script(src: Sources, rng: random.Random) -> Iterator[Pair]:
    """Arabic-script tokens against their Wikidata English labels, two or three to a name."""
    arabic = sorted(a for a, spellings in src.by_arabic.items() if len(spellings) == 1)
    while True:
        words = rng.sample(arabic, rng.choice((2, 2, 3)))
        latin = [_title(next(iter(src.by_arabic[w]))) for w in words]
        yield " ".join(words), " ".join(latin), words[-1]


def transliteration(src: Sources, rng: random.Random) -> Iterator[Pair]:
    """Two Latin spellings Wikidata gives one Arabic name (Hashemi/Hashimi, Kamel/Kamil), kept
    only for Arabic names (in the Google set) whose spellings are close (Jaro-Winkler >= 0.85),
    as Arabic script also merges unrelated foreign names (Buxton/Paxton)."""
    groups = []
    for arabic, spellings in src.by_arabic.items():
        latin = sorted(s for s in spellings if s.isalpha())
        close = [
            (a, b)
            for a in latin
            for b in latin
            if a < b and _plain(a) != _plain(b) and _close_spellings(a, b)
        ]
        if arabic in src.arabic_names and close:
            groups.append(close)
    while True:
        a, b = rng.choice(rng.choice(groups))
        given = _given(src, rng)
        other = rng.choice(rng.choice(groups))
        yield (
            f"{given} {_title(a)} {_title(other[0])}",
            f"{given} {_title(b)} {_title(other[1])}",
            a,
        )


def _consonants(word: str) -> str:
    plain = _plain(word).replace("ph", "f").replace("q", "k").replace("c", "k")
    return re.sub(r"(.)\1+", r"\1", _VOWELS.sub("", plain))


def _close_spellings(a: str, b: str) -> bool:
    """Alike in Jaro-Winkler and in their consonants (one consonant apart at most)."""
    x, y = _consonants(a), _consonants(b)
    apart = Levenshtein.distance(x, y)
    return JaroWinkler.similarity(a, b) >= 0.85 and a[0] == b[0] and apart <= 1


def _person(src: Sources, rng: random.Random) -> tuple[list[str], str]:
    return [_given(src, rng), *_middle(src, rng)], _title(rng.choice(src.families))


def reordered(src: Sources, rng: random.Random) -> Iterator[Pair]:
    """Family name first, as lists ("SURNAME, Given") and Hungarian or Chinese usage write it."""
    while True:
        given, family = _person(src, rng)
        full = " ".join([*given, family])
        other = (
            f"{family.upper()}, {' '.join(given)}"
            if rng.random() < 0.5
            else " ".join([family, *given])
        )
        yield full, other, family


def initials(src: Sources, rng: random.Random) -> Iterator[Pair]:
    """Given names cut to initials: "A. Rahman Khalil", "J.-P. Dubois", "John M. Smith"."""
    while True:
        given, family = _person(src, rng)
        if rng.random() < 0.3:
            given = [rng.choice(COMPOUNDS)]
        short = [_initial(g) for g in given]
        if len(given) > 1 and rng.random() < 0.5:
            short[0] = given[0]
        yield " ".join([*given, family]), " ".join([*short, family]), family


def _initial(given: str) -> str:
    return "-".join(f"{part[0]}." for part in given.split("-"))


def titles(src: Sources, rng: random.Random) -> Iterator[Pair]:
    """A title or form of address in front of one name, or a different one on each side."""
    while True:
        given, family = _person(src, rng)
        full = " ".join([*given, family])
        other = f"{rng.choice(TITLES)} {full}" if rng.random() < 0.5 else full
        yield f"{rng.choice(TITLES)} {full}", other, family


def joined(src: Sources, rng: random.Random) -> Iterator[Pair]:
    """Two given names written as one word: "MohammedAli Hassan", "Mohammedali Hassan"."""
    while True:
        given, family = _person(src, rng)
        if len(given) == 1:
            given.append(_given(src, rng))
        glued = given[0] + (given[1] if rng.random() < 0.5 else given[1].lower())
        yield " ".join([*given, family]), f"{glued} {family}", family


def digits(src: Sources, rng: random.Random) -> Iterator[Pair]:
    """One or two letters typed as digits (0/o, 1/l, 3/e, 4/a, 5/s, 7/t), as in handles."""
    while True:
        given, family = _person(src, rng)
        full = " ".join([*given, family])
        spots = [i for i, c in enumerate(full) if c.lower() in DIGITS and i > 0]
        if not spots:
            continue
        chars = list(full)
        for spot in rng.sample(spots, min(len(spots), rng.choice((1, 2)))):
            chars[spot] = DIGITS[chars[spot].lower()]
        yield full, "".join(chars), family


def hypocoristics(src: Sources, rng: random.Random) -> Iterator[Pair]:
    """An English given name against its nickname (Robert/Bob), same family name."""
    names = sorted(src.nicknames)
    while True:
        formal = rng.choice(names)
        nick = rng.choice(sorted(src.nicknames[formal]))
        if len(nick) < 3 or len(formal) < 3:
            continue
        family = _title(rng.choice(src.families))
        yield f"{_title(formal)} {family}", f"{_title(nick)} {family}", family


def other_scripts(src: Sources, rng: random.Random) -> Iterator[Pair]:
    """Cyrillic names of UN-listed people against the Latin names of the same record."""
    with PERSONS.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            names = row["names"]
            for native in (n for n in names if n["script"] == "Cyrillic"):
                for latin in (n for n in names if n["script"] == "Latin"):
                    if _same_words(native["name"], latin["name"]):
                        yield native["name"], latin["name"], row["group"]


def _same_words(native: str, latin: str) -> bool:
    """The Latin name spells the Cyrillic one (not a kunya or nom de guerre of the person): as
    many words, alike letter by letter once the Cyrillic is romanised."""
    a = sorted(_plain(native).replace(",", " ").split())
    b = sorted(_plain(latin).replace(",", " ").split())
    return len(a) == len(b) and JaroWinkler.similarity(" ".join(a), " ".join(b)) >= 0.75


POSITIVE: dict[str, Callable[[Sources, random.Random], Iterator[Pair]]] = {
    "pos_cross_script_arabic": cross_script,
    "pos_transliteration": transliteration,
    "pos_reordered": reordered,
    "pos_initials": initials,
    "pos_titles": titles,
    "pos_joined_words": joined,
    "pos_digit_swaps": digits,
    "pos_hypocoristic": hypocoristics,
    "pos_cyrillic": other_scripts,
}
NEGATIVE: dict[str, Callable[[Sources, random.Random], Iterator[Pair]]] = {
    "neg_family_prefix": family_prefix,
    "neg_family_syllable": family_syllable,
    "neg_same_family": same_family,
    "neg_popular_given": popular_given,
}


def build(per_class: int) -> list[dict[str, str]]:
    src = Sources()
    rows: list[dict[str, str]] = []
    for label, classes in (("1", POSITIVE), ("0", NEGATIVE)):
        for name, make in classes.items():
            rng = random.Random(f"{SEED}:{name}")
            seen: set[tuple[str, str]] = set()
            for a, b, seed in make(src, rng):
                if (a, b) in seen or a == b:
                    continue
                seen.add((a, b))
                split = "heldout" if heldout(seed) else "dev"
                rows.append({"name_a": a, "name_b": b, "label": label, "class": name,
                             "split": split})  # fmt: skip
                if len(seen) >= per_class:
                    break
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-class", type=int, default=400)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    rows = build(args.per_class)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with args.output.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, ["name_a", "name_b", "label", "class", "split"])
        writer.writeheader()
        writer.writerows(rows)
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for row in rows:
        counts[(row["class"], row["split"])] += 1
    for (name, split), n in sorted(counts.items()):
        print(f"{name:28} {split:8} {n}")
    print(f"wrote {len(rows)} pairs to {args.output}")


if __name__ == "__main__":
    main()
