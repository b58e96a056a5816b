"""The dossier's link graph: people, organizations, places and incidents around its subject.

Every edge names what it rests on (a claim, an incident, or the sentences that name both) and
its items, so a line on the drawing can be traced back to the evidence. Links from claims and
incidents come first; "named with" (same sentence) fills the rest, best attested first, up to
`MOST_NODES`, so the drawing stays legible on a page.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from sqlalchemy.engine import Connection

from pursuit.cases.dossier_nearby import Nearby
from pursuit.cases.dossier_places import NAMED_WITH, DossierPlace
from pursuit.entities import EntityType, entity_key
from pursuit.resolve.profiles import Profile, list_profiles

__all__ = ["MOST_NODES", "GraphEdge", "GraphNode", "LinkGraph", "case_people", "link_graph"]

MOST_NODES = 20


@dataclass(frozen=True, slots=True)
class GraphNode:
    id: str
    type: str  # person, organization, location, incident
    label: str
    subject: bool = False
    items: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class GraphEdge:
    source: str
    target: str
    label: str
    items: tuple[str, ...]
    refs: tuple[str, ...] = ()  # the claims or incidents it rests on


@dataclass(frozen=True, slots=True)
class LinkGraph:
    nodes: tuple[GraphNode, ...] = ()
    edges: tuple[GraphEdge, ...] = ()

    def label(self, ident: str) -> str:
        """The label of the node `ident` (its id when it is not in the graph)."""
        return next((n.label for n in self.nodes if n.id == ident), ident)


@dataclass
class _Draft:
    nodes: dict[str, tuple[str, str]] = field(default_factory=dict)
    edges: dict[tuple[str, str, str], tuple[set[str], set[str]]] = field(default_factory=dict)

    def node(self, ident: str, type_: str, label: str) -> str:
        self.nodes.setdefault(ident, (type_, label))
        return ident

    def link(self, a: str, b: str, label: str, items: Iterable[str], ref: str = "") -> None:
        if a == b:
            return
        found = self.edges.setdefault((a, b, label), (set(), set()))
        found[0].update(items)
        if ref:
            found[1].add(ref)

    def finish(self, subject: str) -> LinkGraph:
        kept = _kept(self, subject)
        edges = [
            GraphEdge(a, b, label, tuple(sorted(its)), tuple(sorted(refs)))
            for (a, b, label), (its, refs) in sorted(self.edges.items())
            if a in kept and b in kept
        ]
        touching: dict[str, set[str]] = {}
        for e in edges:
            touching.setdefault(e.source, set()).update(e.items)
            touching.setdefault(e.target, set()).update(e.items)
        nodes = [
            GraphNode(i, t, label, i == subject, tuple(sorted(touching.get(i, ()))))
            for i, (t, label) in self.nodes.items()
            if i in kept
        ]
        nodes.sort(key=lambda n: (not n.subject, n.type, n.label))
        return LinkGraph(tuple(nodes), tuple(edges))


def _kept(draft: _Draft, subject: str) -> set[str]:
    """The subject and the best-linked others: claim and incident links before "named with"."""
    score: dict[str, tuple[int, int]] = {}
    for (a, b, label), (items, _) in draft.edges.items():
        for end in (a, b):
            strong, count = score.get(end, (0, 0))
            score[end] = (max(strong, int(label != NAMED_WITH)), count + len(items))
    ranked = sorted((n for n in score if n != subject), key=lambda n: (score[n], n), reverse=True)
    return {subject, *ranked[:MOST_NODES]}


def case_people(conn: Connection, case_id: str) -> dict[str, Profile]:
    """Every member entity id of the case -> its profile, to tie links to the right node."""
    return {m: p for p in list_profiles(conn, None, case_id) for m in p.members}


def _str(value: object) -> str:
    return "" if value is None else str(value)


def _items(value: object) -> list[str]:
    return [str(i) for i in value] if isinstance(value, list) else []


class _People:
    """The case's profiles by member id and by folded spelling, to tie names to nodes."""

    def __init__(self, people: Mapping[str, Profile]) -> None:
        self.by_id = people
        self.by_name = {
            (p.type, entity_key(s)): p
            for p in people.values()
            for s in (p.name, *(x.text for x in p.spellings))
        }

    def named(self, type_: EntityType, name: str) -> Profile | None:
        return self.by_name.get((type_, entity_key(name)))


def _claim_links(
    g: _Draft, subject: str, claims: Iterable[Mapping[str, object]], p: _People
) -> None:
    for c in claims:
        if c.get("predicate") != "affiliation":
            continue
        value = _str(c.get("value"))
        org = p.named(EntityType.ORGANIZATION, value)
        ident = org.id if org else "org:" + entity_key(value)
        g.node(ident, "organization", org.name if org else value)
        who = c.get("subject")
        source = _str(who.get("id")) if isinstance(who, dict) and who.get("id") else subject
        if source != subject and isinstance(who, dict):
            g.node(source, "person", _str(who.get("name")))
        g.link(source, ident, "affiliation", _items(c.get("items")), _str(c.get("id")))


def _incident_links(g: _Draft, subject: str, inc: Mapping[str, object], p: _People) -> None:
    ident = _str(inc.get("id"))
    date = inc.get("date")
    when = _str(date.get("text")) if isinstance(date, dict) else ""
    g.node(ident, "incident", f"{inc.get('kind')} {when}".strip())
    items = _items(inc.get("items"))
    persons = inc.get("persons")
    for person in persons if isinstance(persons, list) else []:
        who = _str(person.get("entity_id")) or "name:" + entity_key(_str(person.get("name")))
        if who != subject:
            g.node(who, "person", _str(person.get("name")))
        g.link(who, ident, _str(person.get("liability")), _items(person.get("items")), ident)
    groups = inc.get("groups")
    for name in groups if isinstance(groups, list) else []:
        org = p.named(EntityType.ORGANIZATION, str(name))
        gid = g.node(org.id if org else "org:" + entity_key(str(name)), "organization", str(name))
        g.link(gid, ident, "group", items, ident)
    victims = inc.get("victim_names")
    for name in victims if isinstance(victims, list) else []:
        known = p.named(EntityType.PERSON, str(name))
        vid = g.node(known.id if known else "name:" + entity_key(str(name)), "person", str(name))
        g.link(vid, ident, "victim", items, ident)


def _place_links(g: _Draft, subject: str, places: Iterable[DossierPlace]) -> None:
    for place in places:
        g.node(place.id, "location", place.name)
        for link in place.links:
            source = link.ref if link.kind == "incident" and link.ref else subject
            label = "at" if link.kind == "incident" else link.kind.split(":")[0]
            g.link(source, place.id, label, link.items, link.ref or "")


def _nearby_links(g: _Draft, subject: str, near: Iterable[Nearby], p: _People) -> None:
    for n in near:
        if n.type is EntityType.LOCATION:
            continue  # places come in with their points, from the dossier's places
        profile = p.by_id.get(n.entity_id)
        if profile is None or profile.id == subject:
            continue
        g.node(profile.id, str(profile.type), profile.name)
        g.link(subject, profile.id, NAMED_WITH, [n.item_id])


def link_graph(
    subject: tuple[str, str, str],
    facts: Mapping[str, Iterable[Mapping[str, object]]],
    places: Iterable[DossierPlace],
    near: Iterable[Nearby],
    people: Mapping[str, Profile],
) -> LinkGraph:
    """The graph around `subject` (id, type, label) from the dossier's "claims" and
    "incidents", its places, and the entities named in its sentences; `people` maps every
    member entity id of the case to its profile."""
    ident, type_, label = subject
    g, p = _Draft(), _People(people)
    g.node(ident, type_, label)
    _claim_links(g, ident, facts.get("claims", ()), p)
    for inc in facts.get("incidents", ()):
        _incident_links(g, ident, inc, p)
    _place_links(g, ident, places)
    _nearby_links(g, ident, near, p)
    return g.finish(ident)
