"""When an event happened, as a span of days: exact, a range, or fuzzy, with the words kept.

`dates.find_dates` reads the common forms ("summer 2014", "June 2014", "2014-2016"); this adds the
fuzzy forms witnesses use for events — parts of a month or year ("early March 2015", "début mars
2015", "Anfang März 2015", "أوائل آذار 2015", "late 2014") and bare years — so two sources that
place one massacre in "summer 2014" and "août 2014" are seen to overlap rather than to differ.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from pursuit.nlp.dates import DateSpan, find_dates

__all__ = ["TimeSpan", "read_timespan"]

_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
_YEAR = r"(?P<y>19[5-9]\d|20[0-4]\d)"
# A part of a month or year: (first day, last day) of a month; months (first, last) of a year.
_PART_WORDS = {
    "early": "early|beginning of|début|au début de|début de|anfang|أوائل|بداية|مطلع",
    "mid": "mid|mid-|middle of|mi-|milieu de|au milieu de|mitte|منتصف|أواسط",
    "late": "late|end of|fin|fin de|à la fin de|ende|أواخر|نهاية",
}
_DAYS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
_MONTHS_OF_YEAR = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
_PART_OF = {w: part for part, ws in _PART_WORDS.items() for w in ws.split("|")}
_PART = "(?P<part>" + "|".join(sorted(map(re.escape, _PART_OF), key=len, reverse=True)) + ")"
_PART_OF_YEAR = re.compile(
    rf"(?<!\w){_PART}[\s-]*(?:(?:the\s+)?year\s+|l'année\s+|عام\s+)?{_YEAR}\b", re.I
)
_BARE_YEAR = re.compile(rf"(?<![\w-]){_YEAR}(?![\w-])")


@dataclass(frozen=True, slots=True)
class TimeSpan:
    """The days `start` to `end` (ISO, inclusive) that `text` means; `exact` for one day."""

    start: str
    end: str
    text: str

    @property
    def exact(self) -> bool:
        return self.start == self.end

    def overlaps(self, other: TimeSpan) -> bool:
        return self.start <= other.end and other.start <= self.end


def _month_part(text: str, span: DateSpan) -> TimeSpan | None:
    """ "early March 2015": the month `find_dates` read, narrowed by the word before it."""
    inside = re.compile(rf"{_PART}[\s-]*(?:de\s+|d'|of\s+)?", re.I).match(text, span.start)
    before = re.search(rf"{_PART}[\s-]*(?:de\s+|d'|of\s+)?$", text[: span.start], re.I)
    found = inside or before
    first, last = span.first, span.last
    if found is None or first[:7] != last[:7] or first[8:] != "01":
        return None
    low, high = _DAYS[_PART_OF[found.group("part").lower()]]
    if low == 21:
        high = calendar.monthrange(int(first[:4]), int(first[5:7]))[1]
    words = text[found.start() : span.end]
    return TimeSpan(f"{first[:8]}{low:02d}", f"{first[:8]}{high:02d}", words)


def _year_part(text: str) -> TimeSpan | None:
    found = _PART_OF_YEAR.search(text)
    if found is None:
        return None
    first, last = _MONTHS_OF_YEAR[_PART_OF[found.group("part").lower()]]
    year = int(found.group("y"))
    end_day = calendar.monthrange(year, last)[1]
    return TimeSpan(f"{year}-{first:02d}-01", f"{year}-{last:02d}-{end_day:02d}", found.group(0))


def _whole_year(span: DateSpan) -> bool:
    return (
        span.first[5:] == "01-01" and span.last[5:] == "12-31" and span.first[:4] == span.last[:4]
    )


def read_timespan(text: str) -> TimeSpan | None:
    """The first time expression in `text` as a span of days, its words kept; else None."""
    clean = text.translate(_ARABIC_DIGITS)
    spans = find_dates(clean)
    part_of_year = _year_part(clean)
    if spans and not (part_of_year is not None and _whole_year(spans[0])):
        first = spans[0]
        words = text[first.start : first.end]
        return _month_part(clean, first) or TimeSpan(first.first, first.last, words)
    if part_of_year is not None:
        return part_of_year
    bare = _BARE_YEAR.search(clean)
    if bare is None:
        return None
    return TimeSpan(f"{bare.group('y')}-01-01", f"{bare.group('y')}-12-31", bare.group(0))
