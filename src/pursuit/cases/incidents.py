"""Incidents as events: one view, computed here, that the CLI, the API, the web UI and the
dossier all show, so they cannot disagree.

An incident is a group of incident mentions (`incident_clusters`) with its act, place, time,
victims, the persons answerable for it with their mode of liability (linked to their profiles),
its sources, and the element matrix of the crimes it may amount to (`elements`). Its id is
derived from its earliest mention, so it stays the same while sources are added; an id of an
incident since merged into another still finds the merged one.

An incident must have a place to stand as an event: mentions with no place that join no event
are listed apart (`unplaced`), for an analyst to merge into the event they belong to.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pursuit.cases.elements import ElementRow, Evidence, element_matrix, protected_words
from pursuit.cases.incident_clusters import (
    KILLINGS,
    IncidentMention,
    LiablePerson,
    PlaceRef,
    cluster_mentions,
    incident_id,
    main_kind,
)
from pursuit.cases.incident_decisions import (
    LinkDecision,
    decision_history,
    link_pairs,
    status_records,
)
from pursuit.cases.incident_mentions import load_mentions
from pursuit.entities import EntityType, entity_key
from pursuit.errors import UnknownIncident
from pursuit.nlp.model import IncidentKind
from pursuit.nlp.timespan import TimeSpan
from pursuit.nlp.victims import VictimCount
from pursuit.resolve.profiles import Profile, list_profiles
from pursuit.store.schema import claims

__all__ = [
    "CaseIncident",
    "IncidentList",
    "IncidentPerson",
    "get_incident",
    "list_incidents",
]

_ATTACK_KINDS = KILLINGS | {IncidentKind.ABDUCTION, IncidentKind.DETENTION, IncidentKind.TORTURE}


@dataclass(frozen=True, slots=True)
class IncidentPerson:
    """A person answerable for an incident, linked to his profile when one is known."""

    entity_id: str | None
    name: str
    liability: str
    items: tuple[str, ...]
    claims: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CaseIncident:
    """One event of a case, with everything the evidence says about it."""

    id: str
    case_id: str
    kind: IncidentKind
    kinds: tuple[IncidentKind, ...]
    place: PlaceRef | None
    when: TimeSpan | None
    victims: VictimCount | None
    victim_names: tuple[str, ...]
    persons: tuple[IncidentPerson, ...]
    groups: tuple[str, ...]
    sources: tuple[IncidentMention, ...]
    elements: tuple[ElementRow, ...] = ()
    history: tuple[dict[str, object], ...] = ()
    aliases: tuple[str, ...] = field(default_factory=tuple)  # ids of incidents merged into it

    @property
    def items(self) -> list[str]:
        return sorted({m.item_id for m in self.sources})

    @property
    def corroboration(self) -> int:
        """Sources (items) telling of it; origins shared by several items are counted once
        by the claims' independence grouping where the dossier has it."""
        return len(self.items)


@dataclass(frozen=True, slots=True)
class IncidentList:
    incidents: list[CaseIncident]
    unplaced: list[CaseIncident]


def _length(span: TimeSpan) -> int:
    return (date.fromisoformat(span.end) - date.fromisoformat(span.start)).days


def _when(group: Sequence[IncidentMention]) -> TimeSpan | None:
    """The narrowest time a source gives, narrowed further to what all sources share."""
    spans = [m.when for m in group if m.when]
    if not spans:
        return None
    narrow = min(spans, key=_length)
    start, end = max(t.start for t in spans), min(t.end for t in spans)
    return TimeSpan(start, end, narrow.text) if start <= end else narrow


def _victims(group: Sequence[IncidentMention]) -> VictimCount | None:
    """The count most sources give; among equals an exact one, then the larger."""
    found = [m.victims for m in group if m.victims]
    if not found:
        return None
    counts = Counter(v.count for v in found)
    best = max(counts, key=lambda n: (counts[n], n))
    said = [v for v in found if v.count == best]
    exact = [v for v in said if not v.approximate]
    return exact[0] if exact else said[0]


@dataclass(frozen=True, slots=True)
class _People:
    """A case's profiles, found by any member entity id or by a folded spelling."""

    by_entity: dict[str, Profile]
    by_name: dict[str, Profile]

    @classmethod
    def of(cls, conn: Connection, case_id: str) -> _People:
        found = list_profiles(conn, None, case_id)
        by_entity = {m: p for p in found for m in p.members}
        by_name: dict[str, Profile] = {}
        for p in (p for p in found if p.type is EntityType.PERSON):
            for spelling in (p.name, *(s.text for s in p.spellings)):
                by_name.setdefault(entity_key(spelling), p)
        return cls(by_entity, by_name)

    def profile(self, person: LiablePerson) -> Profile | None:
        if person.entity_id and person.entity_id in self.by_entity:
            return self.by_entity[person.entity_id]
        return self.by_name.get(entity_key(person.name))


def _persons(
    group: Sequence[IncidentMention], people: _People
) -> tuple[tuple[IncidentPerson, ...], tuple[str, ...]]:
    """Persons with their liability (one line per person and mode), and the groups named."""
    lines: dict[tuple[str, str], tuple[str | None, str, set[str], set[str]]] = {}
    groups: dict[str, None] = {}
    for m in group:
        for person in m.persons:
            profile = people.profile(person)
            if profile is not None and profile.type is EntityType.ORGANIZATION:
                groups[profile.name] = None
                continue
            ident = profile.id if profile else None
            name = profile.name if profile else person.name
            line = lines.setdefault(
                (ident or entity_key(name), str(person.liability)), (ident, name, set(), set())
            )
            line[2].add(m.item_id)
            if person.claim_id:
                line[3].add(person.claim_id)
    persons = tuple(
        IncidentPerson(ident, name, mode, tuple(sorted(its)), tuple(sorted(cl, key=int)))
        for (_, mode), (ident, name, its, cl) in sorted(
            lines.items(), key=lambda kv: (kv[1][1], kv[0][1])
        )
    )
    return persons, tuple(groups)


def _affiliations(
    conn: Connection, entity_ids: Collection[str]
) -> dict[str, list[tuple[str, str]]]:
    """entity id -> (claim id, item) of its affiliation claims: membership of an armed group."""
    if not entity_ids:
        return {}
    query = sa.select(claims.c.id, claims.c.item_id, claims.c.subject_entity_id).where(
        claims.c.predicate == "affiliation", claims.c.subject_entity_id.in_(sorted(entity_ids))
    )
    found: dict[str, list[tuple[str, str]]] = {}
    for r in conn.execute(query):
        found.setdefault(str(r.subject_entity_id), []).append((str(r.id), str(r.item_id)))
    return found


def _victim_items(group: Sequence[IncidentMention], which: int) -> tuple[str, ...]:
    """Items whose victim words describe protected persons (0), fighters (1), a group (2)."""
    found = set()
    for m in group:
        text = " ".join([m.victims.text if m.victims else "", m.sentence])
        if protected_words(text)[which] or (which == 0 and m.victim_names):
            found.add(m.item_id)
    return tuple(sorted(found))


@dataclass(frozen=True, slots=True)
class _Built:
    group: list[IncidentMention]
    persons: tuple[IncidentPerson, ...]
    groups: tuple[str, ...]


def _evidence(
    built: _Built, people: _People, armed: dict[str, list[tuple[str, str]]], attack: tuple[str, ...]
) -> Evidence:
    items = tuple(sorted({m.item_id for m in built.group}))
    armed_claims: set[str] = set()
    armed_items = {m.item_id for m in built.group if built.groups}
    for person in built.persons:
        profile = people.by_entity.get(person.entity_id or "")
        for member in profile.members if profile else ():
            for claim_id, item in armed.get(member, []):
                armed_claims.add(claim_id)
                armed_items.add(item)
    liable_claims = {c for p in built.persons for c in p.claims}
    liable_items = {i for p in built.persons for i in p.items}
    return Evidence(
        items=items,
        victim_items=_victim_items(built.group, 0),
        fighter_items=tuple(
            i for i in _victim_items(built.group, 1) if i not in _victim_items(built.group, 0)
        ),
        group_items=_victim_items(built.group, 2),
        armed_items=tuple(sorted(armed_items)),
        armed_claims=tuple(sorted(armed_claims, key=int)),
        liable_items=tuple(sorted(liable_items)) if built.persons or built.groups else (),
        liable_claims=tuple(sorted(liable_claims, key=int)),
        attack_items=attack,
    )


def _attack_items(groups: list[list[IncidentMention]]) -> tuple[str, ...]:
    """Items of the case's placed incidents against protected persons, when there are two or
    more: the least the widespread or systematic attack needs, for an analyst to weigh."""
    hits = [
        g
        for g in groups
        if any(m.place for m in g) and main_kind(g) in _ATTACK_KINDS and _victim_items(g, 0)
    ]
    return tuple(sorted({m.item_id for g in hits for m in g})) if len(hits) >= 2 else ()


def _view(conn: Connection, case_id: str, built: _Built, evidence: Evidence | None) -> CaseIncident:
    group = built.group
    ids = [incident_id(case_id, m.key) for m in group]
    place = next((m.place for m in group if m.place), None)
    kinds = {m.kind for m in group}
    matrix = (
        element_matrix(kinds, evidence, status_records(conn, ids)) if evidence and place else []
    )
    return CaseIncident(
        id=ids[0],
        case_id=case_id,
        kind=main_kind(group),
        kinds=tuple(sorted(kinds)),
        place=place,
        when=_when(group),
        victims=_victims(group),
        victim_names=tuple(dict.fromkeys(n for m in group for n in m.victim_names)),
        persons=built.persons,
        groups=built.groups,
        sources=tuple(group),
        elements=tuple(matrix),
        history=tuple(decision_history(conn, [m.key for m in group])),
        aliases=tuple(ids[1:]),
    )


def _case_incidents(
    conn: Connection, case_id: str, found: list[IncidentMention], matrix: bool
) -> list[CaseIncident]:
    links = link_pairs(conn, case_id)
    groups = cluster_mentions(found, links[LinkDecision.SAME], links[LinkDecision.DIFFERENT])
    people = _People.of(conn, case_id)
    built = [_Built(g, *_persons(g, people)) for g in groups]
    members = {m for b in built for p in b.persons for m in _members(people, p)}
    armed = _affiliations(conn, members) if matrix else {}
    attack = _attack_items(groups) if matrix else ()
    return [
        _view(conn, case_id, b, _evidence(b, people, armed, attack) if matrix else None)
        for b in built
    ]


def _members(people: _People, person: IncidentPerson) -> tuple[str, ...]:
    profile = people.by_entity.get(person.entity_id or "")
    return profile.members if profile else ()


def list_incidents(
    conn: Connection, case_ids: Collection[str] | None = None, *, matrix: bool = True
) -> IncidentList:
    """The incidents of the cases (every case when None), earliest first; mentions with no
    place that joined no event come apart in `unplaced`."""
    found = load_mentions(conn, case_ids)
    every = [
        i
        for case_id in sorted(found)
        for i in _case_incidents(conn, case_id, found[case_id], matrix)
    ]
    every.sort(key=lambda i: i.sources[0].rank)
    return IncidentList(
        [i for i in every if i.place is not None], [i for i in every if i.place is None]
    )


def get_incident(
    conn: Connection, ref: str, case_ids: Collection[str] | None = None
) -> CaseIncident:
    """The incident with id `ref`, or the one an incident of that id was merged into."""
    listed = list_incidents(conn, case_ids)
    for incident in listed.incidents + listed.unplaced:
        if ref == incident.id or ref in incident.aliases:
            return incident
    raise UnknownIncident(f"no incident with id {ref!r}")
