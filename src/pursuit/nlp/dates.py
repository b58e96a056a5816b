"""Dates and date ranges as investigators write them: "summer 2014", "in 2015", "June 2014",
"between 2014 and 2016", "été 2015", "صيف 2014", each read into a start and end day.

Testimony rarely gives exact days; a range keeps what the witness said without inventing
precision, and claims and timelines can still be ordered by it.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

__all__ = ["DATES_EXTRACTOR", "DateSpan", "find_dates"]

DATES_EXTRACTOR = "rules:dates 1"
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_MONTHS = {
    1: "january|jan|janvier|januar|يناير|كانون الثاني",
    2: "february|feb|février|fevrier|februar|فبراير|شباط",
    3: "march|mar|mars|märz|مارس|آذار",
    4: "april|apr|avril|أبريل|ابريل|نيسان",
    5: "may|mai|مايو|أيار",
    6: "june|jun|juin|juni|يونيو|حزيران",
    7: "july|jul|juillet|juli|يوليو|تموز",
    8: "august|aug|août|aout|أغسطس|اغسطس|آب",
    9: "september|sept|sep|septembre|سبتمبر|أيلول",
    10: "october|oct|octobre|oktober|أكتوبر|اكتوبر|تشرين الأول",
    11: "november|nov|novembre|نوفمبر|تشرين الثاني",
    12: "december|dec|décembre|decembre|dezember|ديسمبر|كانون الأول",
}
_SEASONS = {
    (3, 5): "spring|printemps|frühling|frühjahr|ربيع",
    (6, 8): "summer|été|ete|sommer|صيف",
    (9, 11): "autumn|fall|automne|herbst|خريف",
    (12, 2): "winter|hiver|شتاء",
}
_MONTH_OF = {w: n for n, ws in _MONTHS.items() for w in ws.split("|")}
_SEASON_OF = {w: span for span, ws in _SEASONS.items() for w in ws.split("|")}
_MONTH = "(?:" + "|".join(sorted(_MONTH_OF, key=len, reverse=True)) + r")\.?"
_SEASON = "(?:" + "|".join(sorted(_SEASON_OF, key=len, reverse=True)) + ")"
_PARTS = {"early": (0, 4), "mid": (4, 8), "late": (8, 12), "début": (0, 4), "fin": (8, 12)}
_PARTS |= {"anfang": (0, 4), "mitte": (4, 8), "ende": (8, 12)}

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "range",
        re.compile(
            rf"\b(?:between|from|entre|de|von|zwischen)\s+(?P<a>{_YEAR})\s+(?:and|to|until|et|à|a|bis|und)\s+(?P<b>{_YEAR})\b",
            re.I,
        ),
    ),
    ("range", re.compile(rf"(?<![\d-])(?P<a>{_YEAR})\s?[-–/]\s?(?P<b>{_YEAR})(?![\d-])")),
    ("iso", re.compile(rf"\b(?P<y>{_YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    ("dmy_num", re.compile(rf"\b(?P<d>[0-3]?\d)[./](?P<m>[01]?\d)[./](?P<y>{_YEAR})\b")),
    (
        "dmy",
        re.compile(
            rf"(?<!\w)(?P<d>[0-3]?\d)(?:st|nd|rd|th|er|\.)?\s+(?:of\s+)?(?P<mon>{_MONTH})\s*,?\s+(?P<y>{_YEAR})\b",
            re.I,
        ),
    ),
    (
        "mdy",
        re.compile(
            rf"(?<!\w)(?P<mon>{_MONTH})\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>{_YEAR})\b",
            re.I,
        ),
    ),
    (
        "season",
        re.compile(
            rf"(?<!\w)(?:(?:the\s+|l'|en\s+|au\s+)?(?P<s>{_SEASON})\s+(?:of\s+|de\s+|d'|عام\s+)?(?P<y>{_YEAR}))\b",
            re.I,
        ),
    ),
    (
        "month",
        re.compile(
            rf"(?<!\w)(?:(?P<part>early|mid|late|début|fin|anfang|mitte|ende)[-\s](?:de\s+)?)?(?P<mon>{_MONTH})\s+(?:of\s+|de\s+|عام\s+)?(?P<y>{_YEAR})\b",
            re.I,
        ),
    ),
    (
        "year",
        re.compile(
            rf"(?:(?<=\bin\s)|(?<=\bsince\s)|(?<=\buntil\s)|(?<=\bduring\s)|(?<=\bby\s)|(?<=\ben\s)|(?<=\bdepuis\s)|(?<=\bim\s)|(?<=\bseit\s)|(?<=\bSeit\s)|(?<=\bbis\s)|(?<=\bJahr\s)|(?<=\bAnfang\s)|(?<=\bEnde\s)|(?<=\bMitte\s)|(?<=عام\s)|(?<=سنة\s)|(?<=منذ\s)|(?<=\bIn\s)|(?<=\bEn\s)|(?<=\bearly\s)|(?<=\blate\s)|(?<=\bmid-))(?P<y>{_YEAR})\b"
        ),
    ),
]


@dataclass(frozen=True, slots=True)
class DateSpan:
    """A date expression at `start`-`end` meaning the days `first` to `last` (ISO, inclusive)."""

    start: int
    end: int
    first: str
    last: str


def _day(year: int, month: int, day: int | None, last: bool) -> str:
    if day is None:
        day = calendar.monthrange(year, month)[1] if last else 1
    return f"{year:04d}-{month:02d}-{day:02d}"


def _read(kind: str, g: dict[str, str | None]) -> tuple[str, str] | None:
    """First and last day of a match, or None when the numbers are not a real date."""
    y = int(g.get("y") or 0)
    if kind == "range":
        a, b = int(g["a"] or 0), int(g["b"] or 0)
        return (f"{a}-01-01", f"{b}-12-31") if a < b else None
    if kind in ("iso", "dmy_num", "dmy", "mdy"):
        month = int(g.get("m") or 0) or _MONTH_OF[(g["mon"] or "").lower().rstrip(".")]
        day = int(g["d"] or 0)
        if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(y, month)[1]:
            return None
        return _day(y, month, day, False), _day(y, month, day, True)
    if kind == "season":
        first, last = _SEASON_OF[(g["s"] or "").lower()]
        end_year = y + 1 if last < first else y
        return _day(y, first, None, False), _day(end_year, last, None, True)
    if kind == "month":
        month = _MONTH_OF[(g["mon"] or "").lower().rstrip(".")]
        return _day(y, month, None, False), _day(y, month, None, True)
    return f"{y}-01-01", f"{y}-12-31"


def _overlaps(spans: list[DateSpan], start: int, end: int) -> bool:
    return any(s.start < end and start < s.end for s in spans)


def find_dates(text: str) -> list[DateSpan]:
    """Date expressions in `text`, most specific pattern first, never overlapping."""
    found: list[DateSpan] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            word = match.group("mon") if kind == "month" else ""
            if word.lower() in ("may", "mar", "mai") and not word[0].isupper():
                continue
            if _overlaps(found, match.start(), match.end()):
                continue
            days = _read(kind, match.groupdict())
            if days is not None:
                found.append(DateSpan(match.start(), match.end(), days[0], days[1]))
    return sorted(found, key=lambda s: s.start)
