"""Contradictions: claims on one person that cannot all hold.

- Single-valued predicates with incompatible values: birth and death dates whose day ranges do not
  overlap ("1985" and "1985-03-12" agree; "1985" and "1987" do not), two birthplaces, two legal
  names.
- One person in two places on one day that are more than `DISTANT_KM` (300 km) apart by the
  gazetteer's coordinates: more than a day's travel across front lines and checkpoints, and far
  enough that neighbouring towns, a city and its province, or a place's two spellings never count.
  Presence on a day only: "March 2015" in Raqqa and in Mosul can both be true.
- A sighting (any dated claim) after a recorded death, and a death before a birth.

A contradiction's id comes from its profile, predicate and values, so an analyst's resolution (a
reason, and optionally the value that holds) stays with it; a new source bringing a new value
makes a new, open contradiction, since the earlier weighing did not see it.
"""

from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from collections.abc import Collection, Sequence
from functools import cache

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pursuit.cases.claims.model import CaseClaim, Contradiction, Resolution, Side
from pursuit.cases.claims.values import DATE_PREDICATES, day_range, value_key
from pursuit.nlp.places import places
from pursuit.store.schema import contradiction_resolutions

__all__ = ["DISTANT_KM", "SINGLE_VALUED", "detect", "distance_km", "with_resolutions"]

SINGLE_VALUED = ("birth", "birthplace", "death", "legal_name")
DISTANT_KM = 300.0


def _id(profile_id: str, predicate: str, sides: Sequence[Side]) -> str:
    key = "\x1f".join([profile_id, predicate, *sorted(s.value for s in sides)])
    return "ct-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def _sides(groups: dict[str, list[CaseClaim]]) -> tuple[Side, ...]:
    return tuple(
        Side(value, tuple(sorted({i for c in cs for i in c.items})), tuple(c.id for c in cs))
        for value, cs in sorted(groups.items())
    )


def _made(
    profile_id: str, predicate: str, groups: dict[str, list[CaseClaim]], why: str
) -> Contradiction:
    sides = _sides(groups)
    return Contradiction(_id(profile_id, predicate, sides), profile_id, predicate, sides, why)


def _incompatible(predicate: str, mine: list[CaseClaim]) -> bool:
    if predicate not in DATE_PREDICATES:
        return len({value_key(predicate, c.value) for c in mine}) > 1
    ranges = [r for r in (day_range(c.value) for c in mine) if r is not None]
    return any(not a.overlaps(b) for i, a in enumerate(ranges) for b in ranges[i + 1 :])


def _single_valued(profile_id: str, found: list[CaseClaim]) -> list[Contradiction]:
    out = []
    for predicate in SINGLE_VALUED:
        mine = [c for c in found if c.predicate == predicate]
        if len(mine) > 1 and _incompatible(predicate, mine):
            groups: dict[str, list[CaseClaim]] = defaultdict(list)
            for c in mine:
                groups[c.value].append(c)
            why = f"sources give {len(groups)} different {predicate} values; a person has one"
            out.append(_made(profile_id, predicate, groups, why))
    return out


@cache
def _points() -> dict[str, tuple[float, float]]:
    found: dict[str, tuple[float, float]] = {}
    for p in places():
        found.setdefault(p.label.casefold(), (p.lat, p.lon))
    return found


def distance_km(a: str, b: str) -> float | None:
    """Great-circle distance between two gazetteer places, or None when one is unknown."""
    pa, pb = _points().get(a.casefold()), _points().get(b.casefold())
    if pa is None or pb is None:
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (*pa, *pb))
    h = math.sin((lat2 - lat1) / 2) ** 2
    h += math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _far_pair(names: list[str]) -> tuple[str, str, float] | None:
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            km = distance_km(a, b)
            if km is not None and km > DISTANT_KM:
                return a, b, km
    return None


def _two_places(profile_id: str, found: list[CaseClaim]) -> list[Contradiction]:
    by_day: dict[str, list[CaseClaim]] = defaultdict(list)
    for c in found:
        if c.predicate == "presence" and c.time and len(c.time) == 10:
            by_day[c.time].append(c)
    out = []
    for day, mine in sorted(by_day.items()):
        groups: dict[str, list[CaseClaim]] = defaultdict(list)
        for c in mine:
            groups[c.value].append(c)
        far = _far_pair(sorted(groups))
        if far is not None:
            a, b, km = far
            why = f"{a} and {b} are {km:.0f} km apart; one person cannot be in both on {day}"
            out.append(_made(profile_id, "presence", groups, why))
    return out


def _after_death(profile_id: str, found: list[CaseClaim]) -> list[Contradiction]:
    out = []
    for death in (c for c in found if c.predicate == "death"):
        died = day_range(death.value)
        if died is None:
            continue
        later: dict[str, list[CaseClaim]] = defaultdict(list)
        for c in found:
            when = day_range(c.value if c.predicate == "birth" else c.time)
            if c.predicate != "death" and when is not None and when.first > died.last:
                later[f"{c.predicate}: {c.value} ({c.time or c.value})"].append(c)
        if later:
            later[f"death: {death.value}"].append(death)
            why = f"recorded dead in {death.value}, yet placed or born after it"
            out.append(_made(profile_id, "death", later, why))
    return out


def detect(profile_id: str, found: Collection[CaseClaim]) -> list[Contradiction]:
    """Every contradiction among a profile's claims in force (rejected ones left out)."""
    active = [c for c in found if not c.rejected]
    return [
        *_single_valued(profile_id, active),
        *_two_places(profile_id, active),
        *_after_death(profile_id, active),
    ]


def with_resolutions(conn: Connection, found: list[Contradiction]) -> list[Contradiction]:
    """The contradictions with the latest resolution an analyst recorded for each."""
    ids = [c.id for c in found]
    query = sa.select(contradiction_resolutions).where(
        contradiction_resolutions.c.contradiction_id.in_(ids)
    )
    latest: dict[str, Resolution] = {}
    for r in conn.execute(query.order_by(contradiction_resolutions.c.id)):
        latest[str(r.contradiction_id)] = Resolution(r.holds, r.reason, r.made_by, r.made_at)
    return [
        Contradiction(c.id, c.profile_id, c.predicate, c.values, c.why, latest.get(c.id))
        for c in found
    ]
