"""Comparing two person records: the best name pair, then birth year, nationality, gender.

Names alone mislead (two men share "Abu Hafs"; one man has many spellings); a birth year or a
nationality that disagrees is strong evidence against, agreement is modest evidence for. A
nisba's origin is weighed against the other record's nationality.
"""

from __future__ import annotations

from dataclasses import dataclass

from rigour.territories import lookup_territory

from pursuit.names.compare import NameComparison, compare_names
from pursuit.names.tokens import name_tokens

__all__ = ["PersonComparison", "PersonRecord", "compare_persons", "country_code"]


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


def _best_names(a: PersonRecord, b: PersonRecord) -> tuple[NameComparison, str, str]:
    best: tuple[NameComparison, str, str] | None = None
    for x in a.names:
        for y in b.names:
            found = compare_names(x, y)
            if best is None or found.score > best[0].score:
                best = (found, x, y)
    assert best is not None
    return best


def _birth(a: PersonRecord, b: PersonRecord) -> tuple[float, str | None]:
    if a.birth_year is None or b.birth_year is None:
        return 0.0, None
    gap = abs(a.birth_year - b.birth_year)
    if gap == 0:
        return 0.05, f"birth years {a.birth_year} equal: +"
    if gap == 1:
        return 0.0, f"birth years {a.birth_year} vs {b.birth_year}: ~"
    penalty = -0.15 if gap <= 4 else -0.4
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
            found.append((0.05, f"nationality {sorted(ca & cb)[0]} shared: +"))
        else:
            found.append(
                (-0.2, f"nationalities {','.join(sorted(ca))} vs {','.join(sorted(cb))}: −")
            )
    for own, codes in ((names[0], cb), (names[1], ca)):
        origin = name_tokens(own).origin
        if origin and codes:
            if origin in codes:
                found.append(
                    (0.05, f"nisba of {own!r} points to {origin}, the other's nationality: +")
                )
            else:
                found.append(
                    (-0.1, f"nisba of {own!r} points to {origin}, not {','.join(sorted(codes))}: −")
                )
    return found


def _gender(a: PersonRecord, b: PersonRecord) -> tuple[float, str | None]:
    if a.gender and b.gender and a.gender[0].lower() != b.gender[0].lower():
        return -0.5, f"genders differ: {a.gender} vs {b.gender}: −"
    return 0.0, None


def compare_persons(a: PersonRecord, b: PersonRecord) -> PersonComparison:
    """Score two person records in 0..1; the reasons name every feature that moved it."""
    if not a.names or not b.names:
        return PersonComparison(0.0, ("a record has no name",))
    names, name_a, name_b = _best_names(a, b)
    adjustments = [_birth(a, b), _gender(a, b), *_nationality(a, b, (name_a, name_b))]
    score = names.score + sum(delta for delta, _ in adjustments)
    reasons = [f"names {name_a!r} / {name_b!r}: {names.score:.2f}", *names.reasons]
    reasons += [why for _, why in adjustments if why]
    return PersonComparison(round(max(0.0, min(1.0, score)), 4), tuple(reasons))
