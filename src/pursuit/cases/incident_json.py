"""Incidents in the dossier's JSON shape (DESIGN.md, "incidents"), one function for every edge.

`incidents_section(conn, profile)` is the dossier's "incidents": those the person is linked to
with a mode of liability (or named as a victim), or, for an incident profile, the incident its
mentions belong to. `incident_json` adds, beyond the contract's fields, the approximate flag of
the victim count, the named victims, groups, sources with their sentences, and the history.
"""

from __future__ import annotations

from sqlalchemy.engine import Connection

from pursuit.cases.elements import ElementRow
from pursuit.cases.incident_clusters import IncidentMention
from pursuit.cases.incidents import CaseIncident, list_incidents
from pursuit.entities import EntityType, entity_key
from pursuit.resolve.profiles import Profile

__all__ = ["element_json", "incident_json", "incidents_section", "source_json"]


def element_json(row: ElementRow) -> dict[str, object]:
    """One line of the element matrix: the contract's four fields, then the rest."""
    chosen = row.set_by
    return {
        "crime": row.crime,
        "element": row.element,
        "status": str(row.status),
        "claims": list(row.claims),
        "items": list(row.items),
        "crime_title": row.crime_title,
        "article": row.article,
        "text": row.text,
        "rule": row.rule,
        "set_by": None
        if chosen is None
        else {"by": chosen.made_by, "reason": chosen.reason, "at": chosen.made_at.isoformat()},
    }


def source_json(m: IncidentMention) -> dict[str, object]:
    return {
        "key": m.key,
        "item_id": m.item_id,
        "kind": str(m.kind),
        "words": m.trigger,
        "sentence": m.sentence,
        "place": m.place.label if m.place else None,
        "date": m.when.text if m.when else None,
        "victims": m.victims.text if m.victims else None,
    }


def incident_json(inc: CaseIncident) -> dict[str, object]:
    """The dossier contract's incident, with more fields after the fixed ones."""
    when, victims, place = inc.when, inc.victims, inc.place
    return {
        "id": inc.id,
        "kind": str(inc.kind),
        "place": place.label if place else None,
        "date": {"start": when.start, "end": when.end, "text": when.text} if when else None,
        "victims": {
            "count": victims.count,
            "text": victims.text,
            "approximate": victims.approximate,
        }
        if victims
        else None,
        "persons": [
            {
                "entity_id": p.entity_id,
                "name": p.name,
                "liability": p.liability,
                "items": list(p.items),
            }
            for p in inc.persons
        ],
        "corroboration": inc.corroboration,
        "items": inc.items,
        "elements": [element_json(e) for e in inc.elements],
        "case_id": inc.case_id,
        "kinds": [str(k) for k in inc.kinds],
        "place_id": place.ident if place else None,
        "coordinates": [place.lat, place.lon] if place and place.lat is not None else None,
        "victim_names": list(inc.victim_names),
        "groups": list(inc.groups),
        "sources": [source_json(m) for m in inc.sources],
        "merged_ids": list(inc.aliases),
        "history": list(inc.history),
    }


def _concerns(inc: CaseIncident, profile: Profile) -> bool:
    if profile.type is EntityType.INCIDENT:
        return any(m.entity_id in profile.members for m in inc.sources)
    if any(p.entity_id == profile.id for p in inc.persons):
        return True
    return any(profile.knows(name) for name in inc.victim_names)


def incidents_section(conn: Connection, profile: Profile) -> list[dict[str, object]]:
    """The dossier's "incidents" for a person (those he is linked to) or an incident profile."""
    listed = list_incidents(conn, [profile.case_id])
    keys = {entity_key(profile.name)}
    found = [i for i in listed.incidents + listed.unplaced if _concerns(i, profile)]
    if not found and profile.type is EntityType.PERSON:
        found = [i for i in listed.incidents if any(entity_key(p.name) in keys for p in i.persons)]
    return [incident_json(i) for i in found]
