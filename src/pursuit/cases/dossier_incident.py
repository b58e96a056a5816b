"""The dossier of one incident: what happened, where and when, to whom, who is answerable and how,
which crimes' elements the evidence supports, and every source with its hash.

Its claims are those of the persons answerable for it that rest on the incident's own items
(what the sources about the event say of them); its contradictions, those with a side in them.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pursuit.cases.claims import claims_section
from pursuit.cases.dossier_graph import case_people, link_graph
from pursuit.cases.dossier_model import Dossier, DossierMention
from pursuit.cases.dossier_places import dossier_places
from pursuit.cases.dossier_sources import ManifestEntry, cite_claims, manifest
from pursuit.cases.incident_json import incident_json
from pursuit.cases.incidents import CaseIncident, get_incident
from pursuit.entities import EntityType
from pursuit.resolve.profiles import NameSource, Profile
from pursuit.store.schema import incidents

__all__ = ["INCIDENT_PREFIX", "incident_dossier", "incident_timeline", "incident_title"]

INCIDENT_PREFIX = "ic-"

Rows = list[dict[str, object]]


def _span_date(start: str, end: str | None) -> str:
    """A span as the timeline's "YYYY[-MM[-DD]]": a whole year or month as such."""
    if not end or start == end:
        return start
    if start[:4] == end[:4] and start[5:] == "01-01" and end[5:] == "12-31":
        return start[:4]
    if start[:7] == end[:7] and start[8:] == "01":
        return start[:7]
    return start


def incident_timeline(inc: Mapping[str, object]) -> Rows:
    """The timeline line of an incident (in the dossier's JSON shape), when it has a date."""
    date = inc.get("date")
    if not isinstance(date, dict) or not date.get("start"):
        return []
    start, end = str(date["start"]), date.get("end")
    place = f" in {inc['place']}" if inc.get("place") else ""
    return [
        {
            "date": _span_date(start, str(end) if end else None),
            "end": end,
            "text": f"{inc.get('kind')}{place}",
            "items": inc.get("items", []),
            "incident": inc.get("id"),
        }
    ]


def incident_title(inc: CaseIncident) -> str:
    """ "execution in Deir ez-Zor, 3 March 2015": how the incident is named on its dossier."""
    title = str(inc.kind) + (f" in {inc.place.label}" if inc.place else "")
    return title + (f", {inc.when.text}" if inc.when and inc.when.text else "")


def _person_facts(
    conn: Connection, inc: CaseIncident, people: Mapping[str, Profile]
) -> tuple[Rows, Rows, Rows]:
    """Claims, contradictions and dated lines of the answerable persons on the incident's items."""
    own = set(inc.items)
    claims: Rows = []
    contradictions: Rows = []
    timeline: Rows = []
    seen: set[str] = set()
    for person in inc.persons:
        profile = people.get(person.entity_id or "")
        if profile is None or profile.id in seen:
            continue
        seen.add(profile.id)
        facts = claims_section(conn, profile)
        kept = [c for c in _rows(facts["claims"]) if own & set(_items(c))]
        ids = {c["id"] for c in kept}
        claims += kept
        contradictions += [
            k
            for k in _rows(facts["contradictions"])
            if any(own & set(_items(v)) for v in _values(k))
        ]
        timeline += [t for t in _rows(facts["timeline"]) if t.get("claim") in ids]
    return claims, contradictions, timeline


def _rows(value: object) -> Rows:
    return [r for r in value if isinstance(r, dict)] if isinstance(value, list) else []


def _items(row: Mapping[str, object]) -> list[str]:
    listed = row.get("items")
    return [str(i) for i in listed] if isinstance(listed, list) else []


def _values(row: Mapping[str, object]) -> Rows:
    return _rows(row.get("values"))


def _found_by(conn: Connection, inc: CaseIncident) -> dict[tuple[str, int], tuple[str, float]]:
    """(item, offset) -> (extractor, confidence) of the incident's mentions."""
    query = sa.select(
        incidents.c.item_id,
        incidents.c.trigger_start,
        incidents.c.extractor,
        incidents.c.confidence,
    ).where(incidents.c.item_id.in_(inc.items))
    return {
        (str(r.item_id), int(r.trigger_start)): (str(r.extractor), float(r.confidence))
        for r in conn.execute(query)
    }


def _source_mentions(
    conn: Connection, inc: CaseIncident, by_item: Mapping[str, ManifestEntry]
) -> list[DossierMention]:
    """Each source's sentence, with the incident's words marked in it."""
    found_by = _found_by(conn, inc)
    out: list[DossierMention] = []
    for m in inc.sources:
        at = m.sentence.find(m.trigger)
        before, after = (
            (m.sentence[:at], m.sentence[at + len(m.trigger) :]) if at >= 0 else ("", "")
        )
        extractor, confidence = found_by.get((m.item_id, m.offset), ("incidents", 0.0))
        entry = by_item.get(m.item_id)
        filename = entry.filename if entry else m.item_id
        end = m.offset + len(m.trigger)
        out.append(
            DossierMention(
                m.item_id, filename, m.trigger, m.offset, end, before, after, extractor, confidence
            )
        )
    return out


def incident_dossier(
    conn: Connection, ref: str, *, case_ids: Collection[str] | None = None
) -> Dossier:
    """The dossier of the incident `ref` (or of the incident it was merged into)."""
    inc = get_incident(conn, ref, case_ids)
    body, title = incident_json(inc), incident_title(inc)
    people = case_people(conn, inc.case_id)
    claims, contradictions, dated = _person_facts(conn, inc, people)
    cited = manifest(conn, {*inc.items, *(i for c in claims for i in _items(c))})
    by_item = {m.item_id: m for m in cited}
    timeline = sorted(
        incident_timeline(body) + dated, key=lambda e: (str(e["date"]), str(e["text"]))
    )
    sections: dict[str, Rows] = {
        "claims": cite_claims(claims, by_item),
        "contradictions": contradictions,
        "timeline": timeline,
        "incidents": [body],
    }
    own_place = dossier_places([], [body])
    graph = link_graph((inc.id, "incident", title), sections, own_place, (), people)
    profile = Profile(
        inc.id, inc.case_id, EntityType.INCIDENT, title, NameSource.LABEL, (inc.id, *inc.aliases)
    )
    return Dossier(
        entity=profile,
        generated_at=datetime.now(UTC).isoformat(),
        mentions=_source_mentions(conn, inc, by_item),
        manifest=cited,
        sections=sections,
        places=dossier_places(sections["claims"], [body]),
        graph=graph,
        incident=body,
    )
