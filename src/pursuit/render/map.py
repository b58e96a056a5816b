"""The dossier's map, drawn offline as inline SVG: Natural Earth's country borders (vendored in
data/world-atlas) under the gazetteer's points of the dossier's places.

The projection is equirectangular, centred on the places and fitted to their bounding box with
a margin, with longitudes scaled by the cosine of the central latitude so a region keeps its
shape. Nothing is fetched: no tiles, no fonts, no script, so the map passes the pages' CSP and
prints to PDF as it shows on screen.

TopoJSON is decoded here (about thirty lines: delta-decoded, quantized arcs stitched into
rings). The maintained `topojson` package only *encodes* topologies; the decoders on the
registry (pytopojson, topo2geo) have had no release since 2022 and would add numpy-sized
dependencies for what a reader of the format can check at a glance below.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from pursuit.cases.dossier_places import DossierPlace
from pursuit.cases.dossier_sources import script_of

__all__ = ["MapView", "Pin", "Shape", "country_shapes", "map_view"]

WIDTH, HEIGHT = 720, 440
MARGIN = 0.35  # of the places' span, on each side
LEAST_SPAN = 2.5  # degrees: one place still shows its surroundings
PIXEL = 0.75  # points closer than this (in px) to the last one drawn are dropped

Ring = list[tuple[float, float]]  # (lon, lat)
Box = tuple[float, float, float, float]  # west, south, east, north


@dataclass(frozen=True, slots=True)
class Country:
    name: str
    rings: tuple[tuple[tuple[float, float], ...], ...]
    box: Box


@dataclass(frozen=True, slots=True)
class Shape:
    """A country as an SVG path, with where (if anywhere) to write its name."""

    name: str
    path: str
    label_at: tuple[float, float] | None


@dataclass(frozen=True, slots=True)
class Pin:
    """A place's dot and label; `rtl` for a name in a right-to-left script."""

    x: float
    y: float
    label: str
    rtl: bool
    strong: bool  # tied by a claim or an incident, not only named in the same sentence


@dataclass(frozen=True, slots=True)
class MapView:
    width: int
    height: int
    shapes: tuple[Shape, ...]
    pins: tuple[Pin, ...]
    box: Box  # the area shown


def _arcs(topology: dict[str, object]) -> list[Ring]:
    """Every arc in longitude and latitude: quantized positions are deltas from the last."""
    transform = topology["transform"]
    assert isinstance(transform, dict)
    (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
    decoded: list[Ring] = []
    raw = topology["arcs"]
    assert isinstance(raw, list)
    for arc in raw:
        x = y = 0
        ring: Ring = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            ring.append((x * sx + tx, y * sy + ty))
        decoded.append(ring)
    return decoded


def _ring(indexes: Iterable[int], arcs: list[Ring]) -> Ring:
    """A ring stitched from arcs; index ~i is arc i reversed, and arcs share their ends."""
    points: Ring = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def _polygons(geometry: dict[str, object]) -> list[list[list[int]]]:
    arcs = geometry.get("arcs", [])
    if geometry.get("type") == "Polygon":
        return [arcs]  # type: ignore[list-item]
    return arcs if geometry.get("type") == "MultiPolygon" else []  # type: ignore[return-value]


@cache
def country_shapes() -> tuple[Country, ...]:
    """The vendored countries, decoded once per process."""
    source = files("pursuit.render") / "data" / "world-atlas" / "countries-50m.json"
    topology = json.loads(source.read_text(encoding="utf-8"))
    arcs = _arcs(topology)
    found: list[Country] = []
    for g in topology["objects"]["countries"]["geometries"]:
        rings = [_ring(r, arcs) for polygon in _polygons(g) for r in polygon]
        rings = [r for r in rings if len(r) > 2]
        if not rings:
            continue
        lons = [p[0] for r in rings for p in r]
        lats = [p[1] for r in rings for p in r]
        name = str(g.get("properties", {}).get("name", ""))
        box = (min(lons), min(lats), max(lons), max(lats))
        found.append(Country(name, tuple(tuple(r) for r in rings), box))
    return tuple(found)


@dataclass(frozen=True, slots=True)
class _Projection:
    west: float
    north: float
    k: float  # px per degree of latitude
    c: float  # cosine of the central latitude

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        return (lon - self.west) * self.k * self.c, (self.north - lat) * self.k


def _fit(points: Sequence[tuple[float, float]]) -> tuple[_Projection, Box]:
    """The projection whose WIDTH x HEIGHT view holds the points with a margin around them."""
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    mid_lon, mid_lat = (min(lons) + max(lons)) / 2, (min(lats) + max(lats)) / 2
    c = max(math.cos(math.radians(mid_lat)), 0.2)
    span_lon = max(max(lons) - min(lons), LEAST_SPAN) * (1 + 2 * MARGIN)
    span_lat = max(max(lats) - min(lats), LEAST_SPAN) * (1 + 2 * MARGIN)
    k = min(WIDTH / (span_lon * c), HEIGHT / span_lat)
    half_lon, half_lat = WIDTH / (k * c) / 2, HEIGHT / k / 2
    box = (mid_lon - half_lon, mid_lat - half_lat, mid_lon + half_lon, mid_lat + half_lat)
    return _Projection(box[0], box[3], k, c), box


def _path(rings: Iterable[Iterable[tuple[float, float]]], project: _Projection) -> str:
    parts: list[str] = []
    for ring in rings:
        last: tuple[float, float] | None = None
        drawn: list[str] = []
        for lon, lat in ring:
            x, y = project(lon, lat)
            if last and abs(x - last[0]) < PIXEL and abs(y - last[1]) < PIXEL:
                continue
            drawn.append(f"{x:.1f},{y:.1f}")
            last = (x, y)
        if len(drawn) > 2:
            parts.append("M" + "L".join(drawn) + "Z")
    return "".join(parts)


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def _label_at(country: Country, project: _Projection) -> tuple[float, float] | None:
    """The middle of the country's largest ring, if it is large enough on the map to name."""
    ring = max(country.rings, key=len)
    xs, ys = zip(*(project(lon, lat) for lon, lat in ring), strict=True)
    if (max(xs) - min(xs)) < 60 or (max(ys) - min(ys)) < 30:
        return None
    x, y = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    return (x, y) if 0 < x < WIDTH and 0 < y < HEIGHT else None


def map_view(places: Iterable[DossierPlace]) -> MapView | None:
    """The map of the places that have a point, or None when none has one."""
    located = [p for p in places if p.lat is not None and p.lon is not None]
    if not located:
        return None
    project, box = _fit([(p.lon or 0.0, p.lat or 0.0) for p in located])
    shapes = tuple(
        Shape(c.name, _path(c.rings, project), _label_at(c, project))
        for c in country_shapes()
        if _overlaps(c.box, box)
    )
    pins = []
    for p in located:
        x, y = project(p.lon or 0.0, p.lat or 0.0)
        rtl = script_of(p.name) in ("Arabic", "Hebrew", "Syriac")
        pins.append(Pin(round(x, 1), round(y, 1), p.name, rtl, not p.only_named_with))
    return MapView(WIDTH, HEIGHT, tuple(s for s in shapes if s.path), tuple(pins), box)
