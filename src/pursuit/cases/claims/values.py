"""What a claim's value and time mean: one spelling per value, and dates as day ranges.

Sources write the same fact differently ("exécution" and "execution", "12 June 2015" and
"2015-06-12"); claims are grouped, compared and placed on the timeline by the canonical form, and
the source's own words stay in each statement.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, datetime

from pursuit.entities import entity_key
from pursuit.errors import InputError
from pursuit.nlp.acts import canonical_act
from pursuit.nlp.dates import find_dates
from pursuit.nlp.life import precise_date
from pursuit.nlp.model import ClaimPredicate

__all__ = [
    "ACT_PREDICATES",
    "DATE_PREDICATES",
    "DayRange",
    "canonical_value",
    "check_predicate",
    "day_range",
    "value_key",
    "when_of",
]

ACT_PREDICATES = frozenset({"ordered", "committed", "perpetrator"})
DATE_PREDICATES = frozenset({"birth", "death"})
_ISO = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


@dataclass(frozen=True, slots=True)
class DayRange:
    """The first and last day a date expression allows, as ISO strings."""

    first: str
    last: str

    def overlaps(self, other: DayRange) -> bool:
        return self.first <= other.last and other.first <= self.last

    @property
    def single_day(self) -> bool:
        return self.first == self.last


def check_predicate(predicate: str) -> str:
    """The predicate if it is one of the vocabulary; otherwise an error naming the vocabulary."""
    known = sorted({p.value for p in ClaimPredicate} | {"committed"})
    if predicate not in known:
        raise InputError(f"unknown predicate {predicate!r}; use one of {', '.join(known)}")
    return predicate


def _iso_range(text: str) -> DayRange | None:
    found = _ISO.match(text.strip())
    if found is None:
        return None
    year, month, day = (int(g) if g else 0 for g in found.groups())
    if not month:
        return DayRange(f"{year:04d}-01-01", f"{year:04d}-12-31")
    if not 1 <= month <= 12:
        return None
    days = calendar.monthrange(year, month)[1]
    if not day:
        return DayRange(f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{days:02d}")
    if not 1 <= day <= days:
        return None
    return DayRange(f"{year:04d}-{month:02d}-{day:02d}", f"{year:04d}-{month:02d}-{day:02d}")


def day_range(text: str | None) -> DayRange | None:
    """The days a date expression allows ("summer 2014", "2015-06-12"), or None."""
    if not text or not text.strip():
        return None
    iso = _iso_range(text)
    if iso is not None or _ISO.match(text.strip()):
        return iso
    spans = find_dates(text)
    return DayRange(spans[0].first, spans[0].last) if spans else None


def when_of(text: str | None) -> str | None:
    """A date expression as YYYY, YYYY-MM or YYYY-MM-DD when it is one; None when not a date."""
    found = day_range(text)
    if found is None:
        return None
    exact = precise_date(found.first, found.last, "")
    if exact:
        return exact
    return found.first[:7] if found.first[:7] == found.last[:7] else found.first[:4]


def canonical_value(predicate: str, value: str) -> str:
    """One spelling per value: acts in the shared vocabulary, dates in ISO, roles lower-case."""
    value = " ".join(value.split())
    if predicate in ACT_PREDICATES:
        act = canonical_act(value)
        return str(act) if act is not None else value.casefold()
    if predicate in DATE_PREDICATES:
        return when_of(value) or value
    if predicate == "role":
        return value.casefold()
    return value


def value_key(predicate: str, value: str) -> str:
    """What makes two values the same claim (names and places folded)."""
    return entity_key(canonical_value(predicate, value)) or value.casefold()


def check_date(predicate: str, value: str, time: str | None) -> None:
    """Birth and death values must be dates; no date may lie in the future."""
    now = datetime.now(UTC).date().isoformat()
    if predicate in DATE_PREDICATES and day_range(value) is None:
        raise InputError(f"a {predicate} claim needs a date, not {value!r}")
    for text in (value if predicate in DATE_PREDICATES else None, time):
        found = day_range(text)
        if text and found is None:
            raise InputError(f"{text!r} is not a date")
        if found is not None and found.first > now:
            raise InputError(f"{text!r} lies in the future")


__all__ += ["check_date"]
