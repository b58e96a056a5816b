"""Comparing two person records: the best name pair, then birth year, nationality, gender.

Names alone mislead (two men share "Abu Hafs"; one man has many spellings); a birth year or a
nationality that disagrees is strong evidence against, agreement is modest evidence for. A
nisba's origin is weighed against the other record's nationality. Each piece of evidence
moves the names' probability in log-odds, so a birth year thirteen years apart undoes even a
perfect name match, while agreement can lift a good one only modestly.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from rigour.territories import lookup_territory

from pursuit.names.compare import NameComparison, compare_many
from pursuit.names.tokens import name_tokens

__all__ = [
    "PersonComparison",
    "PersonRecord",
    "compare_persons",
    "compare_persons_many",
    "country_code",
]


@dataclass(frozen=True, slots=True)
class PersonRecord:
    names: tuple[str, ...]
    birth_year: int | None = None
    nationalities: tuple[str, ...] = ()
    gender: str | None = None
    origin: str | None = None


@dataclass(frozen=True, slots=True)
class PersonComparison:
    score: float
    reasons: tuple[str, ...]


def country_code(value: str) -> str | None:
    """ISO 3166-1 alpha-2 (upper case) of a country name or code ("Saudi", "sa", "Syria")."""
    text = value.strip()
    if not text:
        return None
    territory = lookup_territory(text)
    return territory.code.upper() if territory is not None else None


def _name_pairs(a: PersonRecord, b: PersonRecord) -> list[tuple[str, str]]:
    return [(x, y) for x in a.names for y in b.names]


def _best_names(
    a: PersonRecord, b: PersonRecord, found: Sequence[NameComparison]
) -> tuple[NameComparison, str, str]:
    """The best-scoring pair of names; `found` holds their comparisons in `_name_pairs` order."""
    pairs = _name_pairs(a, b)
    best = max(range(len(pairs)), key=lambda i: found[i].score)
    return found[best], pairs[best][0], pairs[best][1]


def _birth(a: PersonRecord, b: PersonRecord) -> tuple[float, str | None]:
    if a.birth_year is None or b.birth_year is None:
        return 0.0, None
    gap = abs(a.birth_year - b.birth_year)
    if gap == 0:
        return 0.5, f"birth years {a.birth_year} equal: +"
    if gap == 1:
        return 0.0, f"birth years {a.birth_year} vs {b.birth_year}: ~"
    penalty = -2.0 if gap <= 4 else -6.0
    return penalty, f"birth years {a.birth_year} vs {b.birth_year}: −"


def _codes(record: PersonRecord) -> set[str]:
    return {c for c in map(country_code, record.nationalities) if c}


def _nationality(
    a: PersonRecord, b: PersonRecord, names: tuple[str, str]
) -> list[tuple[float, str]]:
    found: list[tuple[float, str]] = []
    ca, cb = _codes(a), _codes(b)
    if ca and cb:
        if ca & cb:
            found.append((0.5, f"nationality {sorted(ca & cb)[0]} shared: +"))
        else:
            found.append(
                (-2.0, f"nationalities {','.join(sorted(ca))} vs {','.join(sorted(cb))}: −")
            )
    for own, codes in ((names[0], cb), (names[1], ca)):
        origin = name_tokens(own).origin
        if origin and codes:
            if origin in codes:
                found.append(
                    (0.3, f"nisba of {own!r} points to {origin}, the other's nationality: +")
                )
            else:
                found.append(
                    (-1.0, f"nisba of {own!r} points to {origin}, not {','.join(sorted(codes))}: −")
                )
    return found


def _gender(a: PersonRecord, b: PersonRecord) -> tuple[float, str | None]:
    if a.gender and b.gender and a.gender[0].lower() != b.gender[0].lower():
        return -6.0, f"genders differ: {a.gender} vs {b.gender}: −"
    return 0.0, None


def _logit(probability: float) -> float:
    clipped = min(max(probability, 1e-4), 1 - 1e-4)
    return math.log(clipped / (1 - clipped))


def _probability(logit: float) -> float:
    return 1.0 / (1.0 + math.exp(-logit))


def _weigh(a: PersonRecord, b: PersonRecord, found: Sequence[NameComparison]) -> PersonComparison:
    names, name_a, name_b = _best_names(a, b, found)
    adjustments = [_birth(a, b), _gender(a, b), *_nationality(a, b, (name_a, name_b))]
    score = _probability(_logit(names.score) + sum(delta for delta, _ in adjustments))
    reasons = [f"names {name_a!r} / {name_b!r}: {names.score:.2f}", *names.reasons]
    reasons += [why for _, why in adjustments if why]
    return PersonComparison(round(score, 4), tuple(reasons))


_NO_NAME = PersonComparison(0.0, ("a record has no name",))


def compare_persons_many(
    pairs: Sequence[tuple[PersonRecord, PersonRecord]],
) -> list[PersonComparison]:
    """Score many pairs of records with one run of the name model over all their names."""
    wanted = [_name_pairs(a, b) for a, b in pairs]
    flat = compare_many([pair for names in wanted for pair in names])
    out, start = [], 0
    for (a, b), names in zip(pairs, wanted, strict=True):
        found = flat[start : start + len(names)]
        start += len(names)
        out.append(_weigh(a, b, found) if names else _NO_NAME)
    return out


def compare_persons(a: PersonRecord, b: PersonRecord) -> PersonComparison:
    """Score two person records in 0..1; the reasons name every feature that moved it."""
    return compare_persons_many([(a, b)])[0]
