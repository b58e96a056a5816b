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
from pursuit.names.reasons import Reason, ReasonCode
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
    reasons: tuple[Reason, ...]


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


def _birth(a: PersonRecord, b: PersonRecord) -> Reason | None:
    if a.birth_year is None or b.birth_year is None:
        return None
    gap = abs(a.birth_year - b.birth_year)
    if gap == 0:
        return Reason(ReasonCode.BIRTH_YEAR_EQUAL, str(a.birth_year), 0.5)
    years = f"{a.birth_year} vs {b.birth_year}"
    if gap == 1:
        return Reason(ReasonCode.BIRTH_YEAR_CLOSE, years, 0.0)
    return Reason(ReasonCode.BIRTH_YEAR_DIFFERS, years, -2.0 if gap <= 4 else -6.0)


def _codes(record: PersonRecord) -> set[str]:
    return {c for c in map(country_code, record.nationalities) if c}


def _nationality(a: PersonRecord, b: PersonRecord, names: tuple[str, str]) -> list[Reason]:
    found: list[Reason] = []
    ca, cb = _codes(a), _codes(b)
    if ca and cb:
        if ca & cb:
            found.append(Reason(ReasonCode.NATIONALITY_SHARED, sorted(ca & cb)[0], 0.5))
        else:
            both = f"{','.join(sorted(ca))} vs {','.join(sorted(cb))}"
            found.append(Reason(ReasonCode.NATIONALITY_DIFFERS, both, -2.0))
    for own, codes in ((names[0], cb), (names[1], ca)):
        origin = name_tokens(own).origin
        if origin and codes:
            points = f"{own!r} points to {origin}"
            if origin in codes:
                found.append(Reason(ReasonCode.NISBA_MATCHES_NATIONALITY, points, 0.3))
            else:
                detail = f"{points}, not {','.join(sorted(codes))}"
                found.append(Reason(ReasonCode.NISBA_NOT_NATIONALITY, detail, -1.0))
    return found


def _gender(a: PersonRecord, b: PersonRecord) -> Reason | None:
    if a.gender and b.gender and a.gender[0].lower() != b.gender[0].lower():
        return Reason(ReasonCode.GENDER_DIFFERS, f"{a.gender} vs {b.gender}", -6.0)
    return None


def _logit(probability: float) -> float:
    clipped = min(max(probability, 1e-4), 1 - 1e-4)
    return math.log(clipped / (1 - clipped))


def _probability(logit: float) -> float:
    return 1.0 / (1.0 + math.exp(-logit))


def _weigh(a: PersonRecord, b: PersonRecord, found: Sequence[NameComparison]) -> PersonComparison:
    names, name_a, name_b = _best_names(a, b, found)
    other = [_birth(a, b), _gender(a, b), *_nationality(a, b, (name_a, name_b))]
    adjustments = [r for r in other if r is not None]
    score = _probability(_logit(names.score) + sum(r.weight or 0.0 for r in adjustments))
    pair = Reason(ReasonCode.NAME_PAIR, f"{name_a!r} / {name_b!r}", names.score)
    return PersonComparison(round(score, 4), (pair, *names.reasons, *adjustments))


_NO_NAME = PersonComparison(0.0, (Reason(ReasonCode.NO_NAME),))


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
