"""The dossier's map: the vendored Natural Earth borders decode to real countries, and the view
fits the places with their labels, offline."""

from __future__ import annotations

from pursuit.cases.dossier_places import DossierPlace, PlaceLink
from pursuit.render.map import HEIGHT, WIDTH, country_shapes, map_view

PRESENCE = (PlaceLink("presence", "presence (2013)", "cl-1", ("it-1",)),)
NAMED = (PlaceLink("named with", "named in the same sentence", None, ("it-2",)),)


def place(name: str, lat: float | None, lon: float | None, links=PRESENCE) -> DossierPlace:
    return DossierPlace("test:" + name, name, lat, lon, links)


def country(name: str):
    return next(c for c in country_shapes() if c.name == name)


def test_the_vendored_borders_decode_to_closed_rings_around_real_places() -> None:
    shapes = country_shapes()
    assert len(shapes) > 200
    syria = country("Syria")
    west, south, east, north = syria.box
    assert west < 36.3 < east and south < 33.5 < north  # Damascus
    assert 35.5 < west < 36.0 and 41.5 < east < 42.5  # the coast to the Iraqi border
    assert all(ring[0] == ring[-1] for c in shapes for ring in c.rings)
    assert country("Belgium").box[2] < 7 and country("Iraq").box[0] > 38


def test_the_view_holds_every_place_with_a_margin_and_draws_the_countries_between() -> None:
    view = map_view([place("Raqqa", 35.95, 39.01), place("Berlin", 52.52, 13.41)])
    assert view is not None and (view.width, view.height) == (WIDTH, HEIGHT)
    west, south, east, north = view.box
    assert west < 13.41 < 39.01 < east and south < 35.95 < 52.52 < north
    for pin in view.pins:
        assert 20 < pin.x < WIDTH - 20 and 20 < pin.y < HEIGHT - 20
    drawn = {s.name for s in view.shapes}
    assert {"Syria", "Germany", "Turkey", "Austria"} <= drawn
    assert "Brazil" not in drawn and "Australia" not in drawn
    raqqa, berlin = view.pins
    assert raqqa.x > berlin.x and raqqa.y > berlin.y  # east and south of Berlin


def test_one_place_still_shows_its_surroundings_and_unlocated_places_are_left_out() -> None:
    view = map_view([place("Mayadin", 35.02, 40.45), place("Wilayat al-Khayr", None, None)])
    assert view is not None and [p.label for p in view.pins] == ["Mayadin"]
    west, _, east, _ = view.box
    assert east - west > 2.5
    assert "Syria" in {s.name for s in view.shapes}
    assert map_view([place("Wilayat al-Khayr", None, None)]) is None


def test_arabic_labels_read_right_to_left_and_weak_links_are_marked() -> None:
    view = map_view([place("الميادين", 35.02, 40.45), place("Hajin", 34.69, 40.83, NAMED)])
    assert view is not None
    arabic, hajin = view.pins
    assert arabic.rtl and arabic.strong
    assert not hajin.rtl and not hajin.strong
