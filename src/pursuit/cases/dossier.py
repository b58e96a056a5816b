"""Dossiers: everything the workspace holds on one person, organization or incident, with the
evidence behind each line.

Every mention carries the item it came from and the exact words; every claim its quoted
sentences with the file name and SHA-256 of their items; the manifest lists each cited item's
hash, acquisition facts and custody events, so a reader with no workspace can check them. A
reference starting with `ic-` (the form of incident ids) asks for an incident's dossier.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pursuit.cases.claims import claims_section
from pursuit.cases.dossier_graph import case_people, link_graph
from pursuit.cases.dossier_incident import INCIDENT_PREFIX, incident_dossier, incident_timeline
from pursuit.cases.dossier_model import Dossier, DossierMention
from pursuit.cases.dossier_nearby import nearby
from pursuit.cases.dossier_places import dossier_places
from pursuit.cases.dossier_sources import ManifestEntry, cite_claims, manifest
from pursuit.cases.incident_json import incidents_section
from pursuit.cases.roles import role_of
from pursuit.entities import EntityType
from pursuit.resolve.profiles import Profile, get_profile
from pursuit.store.schema import derivatives, items, mentions

__all__ = [
    "INCIDENT_PREFIX",
    "Dossier",
    "DossierMention",
    "ManifestEntry",
    "build_dossier",
    "case_people",
    "is_incident_ref",
]

CONTEXT = 90


def _mentions(conn: Connection, profile: Profile) -> list[DossierMention]:
    """Every mention of the profile (all its merged rows), with the words around it."""
    wanted = {m.id for m in profile.mentions}
    if not wanted:
        return []
    rows = conn.execute(
        sa.select(mentions, items.c.filename, derivatives.c.text.label("body"))
        .join(items, items.c.id == mentions.c.item_id)
        .join(derivatives, derivatives.c.id == mentions.c.derivative_id)
        .where(mentions.c.entity_id.in_(list(profile.members)))
        .order_by(items.c.filename, mentions.c.start)
    )
    found: list[DossierMention] = []
    for r in rows:
        if int(r.id) not in wanted:
            continue
        body = str(r.body)
        found.append(
            DossierMention(
                item_id=r.item_id,
                filename=r.filename,
                text=r.text,
                start=r.start,
                end=r.end,
                before=body[max(0, r.start - CONTEXT) : r.start],
                after=body[r.end : r.end + CONTEXT],
                extractor=r.extractor,
                confidence=float(r.confidence),
                mention_id=int(r.id),
            )
        )
    return found


def is_incident_ref(ref: str) -> bool:
    """Whether `ref` names an incident (ids `ic-…`) rather than an entity (`en-…` or a name)."""
    return ref.strip().startswith(INCIDENT_PREFIX)


def build_dossier(
    conn: Connection, ref: str, *, facts: bool = True, case_ids: Collection[str] | None = None
) -> Dossier:
    """The dossier of the entity named or numbered `ref`, or of the incident `ic-…`.

    Without `facts`, only identity, mentions and manifest: what an entity page shows on every
    visit, without weighing the case's claims and clustering its incidents each time. With
    `case_ids`, subjects of other cases are unknown."""
    if is_incident_ref(ref):
        return incident_dossier(conn, ref.strip(), case_ids=case_ids)
    entity = get_profile(conn, ref, case_ids=case_ids)
    now = datetime.now(UTC).isoformat()
    if not facts:
        listed = manifest(conn, entity.item_ids, custody=False)
        return Dossier(entity, now, _mentions(conn, entity), listed)
    sections = _sections(conn, entity)
    cited = manifest(conn, {*entity.item_ids, *_cited_items(sections)})
    sections["claims"] = cite_claims(sections["claims"], {m.item_id: m for m in cited})
    near = nearby(conn, entity)
    places = dossier_places(sections["claims"], sections["incidents"], near)
    subject = (entity.id, str(entity.type), entity.name)
    graph = link_graph(subject, sections, places, near, case_people(conn, entity.case_id))
    return Dossier(
        entity=entity,
        generated_at=now,
        mentions=_mentions(conn, entity),
        manifest=cited,
        sections=sections,
        role=_role(conn, entity),
        places=places,
        graph=graph,
    )


def _cited_items(sections: Mapping[str, Iterable[Mapping[str, object]]]) -> set[str]:
    """Every item a claim, incident or timeline line of the dossier rests on."""
    found: set[str] = set()
    for rows in sections.values():
        for row in rows:
            listed = row.get("items")
            if isinstance(listed, list):
                found.update(str(i) for i in listed)
    return found


def _sections(conn: Connection, profile: Profile) -> dict[str, list[dict[str, object]]]:
    """The claims, contradictions, timeline and incidents the dossier shows beside mentions."""
    sections: dict[str, list[dict[str, object]]] = {
        key: list(value)  # type: ignore[call-overload]  # JSON-shaped lists from cases.claims
        for key, value in claims_section(conn, profile).items()
    }
    sections["incidents"] = incidents_section(conn, profile)
    timeline = sections["timeline"] + [
        line for inc in sections["incidents"] for line in incident_timeline(inc)
    ]
    sections["timeline"] = sorted(timeline, key=lambda e: (str(e["date"]), str(e["text"])))
    return sections


def _role(conn: Connection, profile: Profile) -> dict[str, object] | None:
    """The person's role in the case: set by an analyst (who, why), or proposed and why."""
    if profile.type is not EntityType.PERSON:
        return None
    found = role_of(conn, profile.id)
    chosen = found.set
    return {
        "role": None if found.role is None else str(found.role),
        "origin": found.origin,
        "reason": found.reason,
        "set_by": chosen.made_by if chosen else None,
        "set_at": chosen.made_at.isoformat() if chosen else None,
        "proposals": [
            {"role": str(p.role), "reason": p.reason, "items": list(p.items)}
            for p in found.proposals
        ],
    }
