"""The one seam between identity (resolution, screening) and the names package.

Resolution and screening need, for each name, its folded comparable form (Arabic script
transliterated, French/German/English spellings folded), its kunya and nisba with the origin the
nisba points to, and its blocking keys; and, for two people, a score with per-feature reasons.
All of that is the names package's work; this module only reshapes it into the columns that
Splink and the screening index use, so a change there is absorbed here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from pursuit import names as _names

__all__ = [
    "DEFAULT_THRESHOLD",
    "NameForms",
    "PersonComparison",
    "PersonRecord",
    "blocking_keys",
    "compare_persons",
    "compare_persons_many",
    "name_forms",
]

PersonRecord = _names.PersonRecord
DEFAULT_THRESHOLD: float = float(_names.DEFAULT_THRESHOLD)


@dataclass(frozen=True, slots=True)
class NameForms:
    """A name reduced to the columns identity compares."""

    folded: str
    kunya: str | None
    nisba: str | None
    origin: str | None
    given: str | None


@dataclass(frozen=True, slots=True)
class PersonComparison:
    score: float
    reasons: tuple[_names.Reason, ...]


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, list | tuple):
        return _text(value[0]) if value else None
    text = str(getattr(value, "folded", None) or value).strip()
    return text or None


@lru_cache(maxsize=200_000)
def name_forms(name: str) -> NameForms:
    """The folded form, kunya, nisba (and its origin) and given name of one name."""
    parsed = _names.parse_name(name)
    folded = str(_names.fold_name(name))
    nisba = _text(getattr(parsed, "nisba", None) or getattr(parsed, "nisbas", None))
    origin = _text(getattr(parsed, "nisba_origin", None) or getattr(parsed, "origin", None))
    given = _text(getattr(parsed, "ism", None) or getattr(parsed, "given", None))
    kunya = _text(getattr(parsed, "kunya", None))
    return NameForms(
        folded=folded,
        kunya=str(_names.fold_name(kunya)) if kunya else None,
        nisba=str(_names.fold_name(nisba)) if nisba else None,
        origin=origin,
        given=str(_names.fold_name(given)) if given else None,
    )


@lru_cache(maxsize=200_000)
def blocking_keys(name: str) -> frozenset[str]:
    """The names package's blocking keys of a name: names that may match share one."""
    return frozenset(str(k) for k in _names.blocking_keys(name))


def compare_persons(a: PersonRecord, b: PersonRecord) -> PersonComparison:
    """The names package's person comparison, as a score in 0..1 with its reasons."""
    found = _names.compare_persons(a, b)
    return PersonComparison(score=found.score, reasons=found.reasons)


def compare_persons_many(
    pairs: Sequence[tuple[PersonRecord, PersonRecord]],
) -> list[PersonComparison]:
    """Many comparisons in one run of the name model: what screening a register needs."""
    return [
        PersonComparison(score=f.score, reasons=f.reasons)
        for f in _names.compare_persons_many(pairs)
    ]
