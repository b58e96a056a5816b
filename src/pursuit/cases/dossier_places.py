"""The places of a dossier, each with the gazetteer's point (when it has one) and why it is there.

A place enters by a presence claim, the place a claim names, an incident, or by being named in
the same sentence as the subject ("named with", the weakest link, kept to the best attested).
Points come from the gazetteer shipped in the package, so the map needs no tile server.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from pursuit.cases.dossier_nearby import Nearby
from pursuit.cases.incident_clusters import PlaceRef
from pursuit.cases.incident_mentions import resolve_place
from pursuit.entities import EntityType

__all__ = ["MOST_NAMED_WITH", "DossierPlace", "PlaceLink", "dossier_places"]

MOST_NAMED_WITH = 12  # places only named beside the subject, best attested first
NAMED_WITH = "named with"


@dataclass(frozen=True, slots=True)
class PlaceLink:
    """Why a place is in the dossier: the kind of link, its words, the claim or incident."""

    kind: str  # "presence", "claim", "incident", "named with"
    text: str
    ref: str | None
    items: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DossierPlace:
    id: str
    name: str
    lat: float | None
    lon: float | None
    links: tuple[PlaceLink, ...]

    @property
    def items(self) -> list[str]:
        return sorted({i for link in self.links for i in link.items})

    @property
    def located(self) -> bool:
        return self.lat is not None and self.lon is not None

    @property
    def only_named_with(self) -> bool:
        return all(link.kind == NAMED_WITH for link in self.links)


class _Places:
    def __init__(self) -> None:
        self.refs: dict[str, PlaceRef] = {}
        self.links: dict[str, list[PlaceLink]] = {}

    def add(self, place: PlaceRef, link: PlaceLink) -> None:
        known = self.refs.get(place.ident)
        if known is None or (known.lat is None and place.lat is not None):
            self.refs[place.ident] = place
        self.links.setdefault(place.ident, []).append(link)

    def places(self) -> list[DossierPlace]:
        found = [
            DossierPlace(ident, ref.label, ref.lat, ref.lon, tuple(self.links[ident]))
            for ident, ref in self.refs.items()
        ]
        found.sort(key=lambda p: (p.only_named_with, -len(p.items), p.name))
        strong = [p for p in found if not p.only_named_with]
        weak = [p for p in found if p.only_named_with][:MOST_NAMED_WITH]
        return strong + weak


def _str(value: object) -> str:
    return "" if value is None else str(value)


def _items(value: object) -> tuple[str, ...]:
    return tuple(str(i) for i in value) if isinstance(value, list) else ()


def _from_claims(found: _Places, claims: Iterable[Mapping[str, object]]) -> None:
    for c in claims:
        predicate, value, when = _str(c.get("predicate")), _str(c.get("value")), c.get("time")
        named = value if predicate == "presence" else _str(c.get("place"))
        if not named:
            continue
        kind = "presence" if predicate == "presence" else "claim"
        text = predicate if kind == "presence" else f"{predicate}: {value}"
        text += f" ({when})" if when else ""
        found.add(
            resolve_place(named), PlaceLink(kind, text, _str(c.get("id")), _items(c["items"]))
        )


def _from_incidents(found: _Places, incidents: Iterable[Mapping[str, object]]) -> None:
    for i in incidents:
        label = i.get("place")
        if not label:
            continue
        point = i.get("coordinates")
        lat, lon = point if isinstance(point, list) and len(point) == 2 else (None, None)
        ident = _str(i.get("place_id")) or "text:" + _str(label)
        date = i.get("date")
        when = _str(date.get("text")) if isinstance(date, dict) else ""
        text = f"{i.get('kind')} {when}".strip()
        ref = PlaceRef(ident, _str(label), lat, lon)
        found.add(ref, PlaceLink("incident", text, _str(i.get("id")), _items(i.get("items"))))


def _from_nearby(found: _Places, near: Iterable[Nearby]) -> None:
    grouped: dict[str, tuple[PlaceRef, set[str]]] = {}
    for n in near:
        if n.type is not EntityType.LOCATION:
            continue
        place = n.place or resolve_place(n.text)
        grouped.setdefault(place.ident, (place, set()))[1].add(n.item_id)
    for place, items in grouped.values():
        link = PlaceLink(NAMED_WITH, "named in the same sentence", None, tuple(sorted(items)))
        found.add(place, link)


def dossier_places(
    claims: Iterable[Mapping[str, object]],
    incidents: Iterable[Mapping[str, object]],
    near: Iterable[Nearby] = (),
) -> list[DossierPlace]:
    """The places of the claims, incidents and sentences, strongest links first."""
    found = _Places()
    _from_claims(found, claims)
    _from_incidents(found, incidents)
    _from_nearby(found, near)
    return found.places()
