"""Profiles to screen against: the workspace's persons, or Person entities of a list file.

A list file is FollowTheMoney JSON lines. Only `Person` entities are taken; `name`, `alias` and
`weakAlias` give the names (weak aliases — a kunya, a nom de guerre — are kept but marked, since
they say little on their own), `birthDate` the birth years, `nationality` (or `citizenship`) the
countries, whether written as names or codes. Lines that are not JSON or not entities are
reported, not silently dropped.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Connection

from pursuit.errors import EmptyInput, MalformedInput, UnreadableInput
from pursuit.names.fields import country_codes, parse_birth
from pursuit.screen.records import RowProblem

__all__ = [
    "ALL",
    "Profile",
    "ProfileSet",
    "of_interest",
    "profiles_from_ftm",
    "profiles_from_workspace",
]

PERSON_SCHEMAS = ("Person",)
ALL = "all"  # `--against all`: every person of the workspace, not only those of interest


@dataclass(frozen=True, slots=True)
class Profile:
    """One person a record may be: names, weak aliases and facts, and the items behind it."""

    id: str
    name: str
    names: tuple[str, ...]
    weak: tuple[str, ...] = ()
    birth_years: tuple[int, ...] = ()
    countries: tuple[str, ...] = ()
    gender: str | None = None
    item_ids: tuple[str, ...] = ()
    interest: str = ""  # why the person is screened against: "suspect: role emir in 3 items"


@dataclass(frozen=True, slots=True)
class ProfileSet:
    profiles: list[Profile]
    skipped: list[RowProblem] = field(default_factory=list)
    source: str = ""


def _values(props: dict[str, Any], key: str) -> list[str]:
    found = props.get(key) or []
    if isinstance(found, str):
        found = [found]
    return [" ".join(str(v).split()) for v in found if str(v).strip()]


def _profile(entity: dict[str, Any]) -> Profile | None:
    props = entity.get("properties") or {}
    names = list(dict.fromkeys(_values(props, "name") + _values(props, "alias")))
    weak = [w for w in dict.fromkeys(_values(props, "weakAlias")) if w not in names]
    if not names and not weak:
        return None
    years = sorted({b.year for t in _values(props, "birthDate") if (b := parse_birth(t)[0])})
    countries: list[str] = []
    for text in _values(props, "nationality") + _values(props, "citizenship"):
        countries.extend(c for c in country_codes(text)[0] if c not in countries)
    genders = _values(props, "gender")
    gender = genders[0] if genders else None
    return Profile(
        id=str(entity["id"]),
        name=(names or weak)[0],
        names=tuple(names),
        weak=tuple(weak),
        birth_years=tuple(years),
        countries=tuple(countries),
        gender=gender.lower() if gender else None,
    )


def _entity(line: str, number: int) -> tuple[dict[str, Any] | None, str | None]:
    try:
        entity = json.loads(line)
    except json.JSONDecodeError as exc:
        return None, f"not JSON: {exc.msg} at column {exc.colno}"
    if not isinstance(entity, dict) or "id" not in entity or "schema" not in entity:
        return None, "not a FollowTheMoney entity (needs id, schema and properties)"
    return entity, None


def profiles_from_ftm(path: Path) -> ProfileSet:
    """Person entities of a FollowTheMoney JSON-lines file."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except UnicodeDecodeError as exc:
        raise MalformedInput(f"{path} is not UTF-8 JSON lines (byte {exc.start})") from exc
    except OSError as exc:
        raise UnreadableInput(f"cannot read {path}: {exc.strerror or exc}") from exc
    profiles: list[Profile] = []
    skipped: list[RowProblem] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        entity, problem = _entity(line, number)
        if entity is None:
            skipped.append(RowProblem(number, "", problem or "unreadable"))
        elif entity["schema"] in PERSON_SCHEMAS:
            found = _profile(entity)
            if found is None:
                skipped.append(RowProblem(number, str(entity["id"]), "person without a name"))
            else:
                profiles.append(found)
    if not profiles:
        raise EmptyInput(f"{path} holds no Person entity with a name ({len(skipped)} bad lines)")
    return ProfileSet(profiles, skipped, str(path))


def profiles_from_workspace(conn: Connection) -> ProfileSet:
    """The workspace's persons, as reviewers' corrections and judgements have merged them."""
    from pursuit.resolve.profiles import list_profiles

    profiles = []
    for e in list_profiles(conn, "person"):
        countries: list[str] = []
        for text in e.properties.get("nationality", []):
            countries.extend(c for c in country_codes(text)[0] if c not in countries)
        names = tuple(dict.fromkeys([e.name, *e.aliases]))
        profiles.append(
            Profile(e.id, e.name, names, countries=tuple(countries), item_ids=tuple(e.item_ids))
        )
    return ProfileSet(profiles, [], "workspace")


def of_interest(
    profiles: ProfileSet, interest: Mapping[str, str], *, everyone: bool = False
) -> ProfileSet:
    """The profiles `interest` names (entity id -> why), each carrying its reason.

    Screening a register against every person of a case flags the journalists who investigate
    it and the witnesses; by default it screens only persons of interest (suspects, watch-list
    entries: the caller says who). With `everyone`, all profiles stay, those of interest marked.
    """
    kept = [
        replace(p, interest=interest.get(p.id, ""))
        for p in profiles.profiles
        if everyone or p.id in interest
    ]
    source = profiles.source if everyone else f"{profiles.source} (persons of interest)"
    return ProfileSet(kept, profiles.skipped, source)
