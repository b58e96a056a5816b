"""The dossier's link graph: bounded to the best-attested links, claims and incidents first, and
laid out the same way on every print."""

from __future__ import annotations

import math

from pursuit.cases.dossier_graph import MOST_NODES, link_graph
from pursuit.cases.dossier_nearby import Nearby
from pursuit.cases.dossier_places import dossier_places
from pursuit.entities import EntityType
from pursuit.render.graph import HEIGHT, WIDTH, graph_view
from pursuit.resolve.profiles import NameSource, Profile

SUBJECT = ("en-subject", "person", "Abu Hafs al-Jazrawi")
CLAIMS = [
    {
        "id": "cl-1",
        "subject": {"id": "en-subject", "name": "Abu Hafs al-Jazrawi"},
        "predicate": "affiliation",
        "value": "Daesh",
        "time": None,
        "place": None,
        "items": ["it-a", "it-b"],
    },
    {
        "id": "cl-2",
        "subject": {"id": "en-subject", "name": "Abu Hafs al-Jazrawi"},
        "predicate": "presence",
        "value": "Mayadin",
        "time": "2013",
        "place": "Mayadin",
        "items": ["it-a"],
    },
]
INCIDENT = {
    "id": "ic-1",
    "kind": "execution",
    "place": "Deir ez-Zor",
    "place_id": "geonames:170794",
    "coordinates": [35.33588, 40.14084],
    "date": {"start": "2015-03-03", "end": "2015-03-03", "text": "3 March 2015"},
    "items": ["it-c"],
    "persons": [
        {
            "entity_id": "en-subject",
            "name": "Abu Hafs al-Jazrawi",
            "liability": "ordered",
            "items": ["it-c"],
        },
        {"entity_id": None, "name": "Maher al-Khatib", "liability": "committed", "items": ["it-c"]},
    ],
    "groups": [],
    "victim_names": [],
}


def profile(ident: str, type_: EntityType, name: str) -> Profile:
    return Profile(ident, "case", type_, name, NameSource.SOURCES, (ident,))


def people(count: int) -> dict[str, Profile]:
    found = {
        f"en-{i}": profile(f"en-{i}", EntityType.PERSON, f"Person {i:02d}") for i in range(count)
    }
    found["en-is"] = profile("en-is", EntityType.ORGANIZATION, "Islamic State")
    return found


def test_claims_and_incidents_become_labelled_links_resting_on_their_items() -> None:
    places = dossier_places(CLAIMS, [INCIDENT])
    facts = {"claims": CLAIMS, "incidents": [INCIDENT]}
    graph = link_graph(SUBJECT, facts, places, [], people(0))
    label = {n.id: n.label for n in graph.nodes}
    edges = {(label[e.source], e.label, label[e.target]): e for e in graph.edges}
    assert edges[("Abu Hafs al-Jazrawi", "affiliation", "Daesh")].items == ("it-a", "it-b")
    assert ("Abu Hafs al-Jazrawi", "presence", "Mayadin") in edges
    assert ("Abu Hafs al-Jazrawi", "ordered", "execution 3 March 2015") in edges
    assert ("Maher al-Khatib", "committed", "execution 3 March 2015") in edges
    assert ("execution 3 March 2015", "at", "Deir ez-Zor") in edges
    assert [n.id for n in graph.nodes if n.subject] == ["en-subject"]


def test_the_graph_keeps_the_best_attested_and_every_strong_link() -> None:
    near = [
        Nearby(f"en-{i}", EntityType.PERSON, f"Person {i:02d}", f"it-{j}")
        for i in range(40)
        for j in range(i % 4 + 1)
    ]
    facts = {"claims": CLAIMS, "incidents": [INCIDENT]}
    graph = link_graph(SUBJECT, facts, dossier_places(CLAIMS, [INCIDENT]), near, people(40))
    assert len(graph.nodes) == MOST_NODES + 1
    kept = {n.label for n in graph.nodes}
    assert {"Daesh", "Mayadin", "Deir ez-Zor", "Maher al-Khatib", "execution 3 March 2015"} <= kept
    weak = [n for n in graph.nodes if n.label.startswith("Person")]
    assert all(len(n.items) >= 3 for n in weak)  # the persons named most often


def test_the_drawing_is_deterministic_centred_and_dashes_mere_co_mentions() -> None:
    near = [Nearby("en-1", EntityType.PERSON, "أبو محمد التونسي", "it-z")]
    cast = people(2) | {"en-1": profile("en-1", EntityType.PERSON, "أبو محمد التونسي")}
    facts = {"claims": CLAIMS, "incidents": [INCIDENT]}
    graph = link_graph(SUBJECT, facts, dossier_places(CLAIMS, [INCIDENT]), near, cast)
    one, two = graph_view(graph), graph_view(graph)
    assert one == two and one is not None
    centre = next(s for s in one.spots if s.subject)
    assert (centre.x, centre.y) == (WIDTH / 2, HEIGHT / 2)
    others = [s for s in one.spots if not s.subject]
    assert all(0 < s.x < WIDTH and 0 < s.y < HEIGHT for s in others)
    assert len({(s.x, s.y) for s in others}) == len(others)
    arabic = next(s for s in others if s.id == "en-1")
    assert arabic.rtl
    dashed = [line for line in one.lines if line.weak]
    assert len(dashed) == 1 and dashed[0].label == ""
    assert math.dist((dashed[0].x2, dashed[0].y2), (arabic.x, arabic.y)) < 1e-6
    assert graph_view(link_graph(SUBJECT, {}, [], [], {})) is None
