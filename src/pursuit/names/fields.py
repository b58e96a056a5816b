"""Reading the loose fields of a screening list: birth dates given as years or guesses, countries.

Lists come from many hands. A birth date may be "1983-04-02", "02/04/1983", "1983", "1983?",
"about 1980", "c. 1980" or "1980s"; a nationality may be "Iraq", "IRQ", "iq" or "Iraqi". Each
reader returns what it understood and, when it understood nothing, a problem to report — a field
that cannot be read is never silently taken as empty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

__all__ = ["BirthYear", "country_code", "country_codes", "parse_birth"]

_APPROX = re.compile(
    r"^\s*(?:about|approx\.?|approximately|circa|ca\.?|c\.|around|~|vers|environ|etwa|ungefähr)\s*",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
_DECADE = re.compile(r"^(1[89]\d|20\d)0s$")
_SPLIT = re.compile(r"\s*[;|/]\s*|\s*,\s*(?=[A-Za-z])")
YEAR_RANGE = (1850, 2030)


@dataclass(frozen=True, slots=True)
class BirthYear:
    """A birth year, with how sure the list was (approximate years allow a wider margin)."""

    year: int
    approximate: bool = False


def parse_birth(text: str) -> tuple[BirthYear | None, str | None]:
    """The birth year in `text`, or a problem saying why none could be read."""
    raw = text.strip()
    if not raw:
        return None, None
    approx = bool(_APPROX.match(raw)) or raw.endswith("?")
    body = _APPROX.sub("", raw).rstrip("?").strip()
    decade = _DECADE.match(body)
    if decade:
        return BirthYear(int(decade.group(1)) * 10 + 5, True), None
    years = {int(y) for y in _YEAR.findall(body)}
    if not years or max(years) - min(years) > 3:
        why = "years far apart" if years else "no year"
        return None, f"birth date {raw!r} not understood ({why} in it)"
    year, approx = (min(years) + max(years)) // 2, approx or len(years) > 1
    if not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
        return None, f"birth year {year} is outside {YEAR_RANGE[0]}-{YEAR_RANGE[1]}"
    return BirthYear(year, approx), None


@cache
def country_code(text: str) -> str | None:
    """The ISO code of a country name, code or adjective ("Iraq", "IRQ", "Iraqi" -> "iq")."""
    cleaned = text.strip()
    if not cleaned:
        return None
    # followthemoney loads its whole model (~80 MB) on import: only when a country is read.
    from followthemoney import registry

    code = registry.country.clean_text(cleaned)
    return str(code) if code else None


def country_codes(text: str) -> tuple[tuple[str, ...], list[str]]:
    """Every country in a field that may list several; unknown ones come back as problems."""
    whole = country_code(text)
    if whole is not None:
        return (whole,), []
    codes: list[str] = []
    problems: list[str] = []
    for part in _SPLIT.split(text.strip()):
        if not part:
            continue
        code = country_code(part)
        if code is None:
            problems.append(f"nationality {part!r} is not a known country")
        elif code not in codes:
            codes.append(code)
    return tuple(codes), problems
