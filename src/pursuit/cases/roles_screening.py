"""Screening against the persons of interest: suspects and watch-list entries by default.

A register screened against every person of a case flags the journalists who investigate it and
the witnesses who saw it. By default screening now keeps only the persons of interest
(`roles.persons_of_interest`), each candidate saying why that person is of interest; `all`
screens against everyone, those of interest still marked. One function for each shape the edges
hold: the CLI has profiles, the API and web page a kept index.
"""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy.engine import Connection

from pursuit.cases.roles import persons_of_interest
from pursuit.errors import InputError
from pursuit.screen import ALL, ProfileSet, ScreenIndex, of_interest

__all__ = ["INTEREST", "against_everyone", "index_of_interest", "profiles_of_interest"]

INTEREST = "interest"  # the default: suspects and the watch list


def against_everyone(against: str | None) -> bool:
    """Whether `against` asks for every person ("all") rather than the persons of interest."""
    if against is None or against == INTEREST:
        return False
    if against == ALL:
        return True
    raise InputError(f"against must be {INTEREST!r} (suspects and watch list) or {ALL!r}")


def profiles_of_interest(
    conn: Connection,
    profiles: ProfileSet,
    everyone: bool,
    case_ids: Collection[str] | None = None,
) -> ProfileSet:
    """The workspace's profiles to screen against, each carrying why it is of interest."""
    return of_interest(profiles, persons_of_interest(conn, case_ids=case_ids), everyone=everyone)


def index_of_interest(
    conn: Connection,
    index: ScreenIndex,
    everyone: bool,
    case_ids: Collection[str] | None = None,
) -> ScreenIndex:
    """A kept index narrowed to the persons of interest; with `everyone`, the index as it is
    (rebuilding a large index per request only to mark reasons would cost seconds)."""
    if everyone:
        return index
    kept = profiles_of_interest(conn, ProfileSet(list(index.profiles)), everyone, case_ids)
    return ScreenIndex(kept.profiles)
