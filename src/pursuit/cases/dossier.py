"""Dossiers: everything the workspace holds on one entity, with the evidence behind each line.

Every mention carries the item it came from, that item's SHA-256 and the exact words, so a reader
can go back to the evidence; the manifest lists the hashes to check against the blobs.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pursuit.cases.claims import claims_section
from pursuit.cases.incident_json import incidents_section
from pursuit.resolve.profiles import Profile, get_profile
from pursuit.store.schema import derivatives, items, mentions

__all__ = ["Dossier", "DossierMention", "ManifestEntry", "build_dossier"]

CONTEXT = 90


@dataclass(frozen=True, slots=True)
class DossierMention:
    item_id: str
    filename: str
    text: str
    start: int
    end: int
    before: str
    after: str
    extractor: str
    confidence: float
    mention_id: int | None = None


@dataclass(frozen=True, slots=True)
class ManifestEntry:
    item_id: str
    filename: str
    sha256: str
    acquired_by: str
    acquired_at: str
    source_url: str | None


@dataclass(frozen=True, slots=True)
class Dossier:
    entity: Profile
    generated_at: str
    mentions: list[DossierMention] = field(default_factory=list)
    manifest: list[ManifestEntry] = field(default_factory=list)
    # The case's facts about the profile, already in the contract's JSON shape: "claims",
    # "contradictions", "timeline" (cases.claims) and "incidents" (cases.incident_json).
    sections: dict[str, list[dict[str, object]]] = field(default_factory=dict)

    def as_json(self) -> dict[str, object]:
        """The dossier contract of DESIGN.md: every spelling and property with its items."""
        e = self.entity
        return {
            "entity": {
                "id": e.id,
                "type": str(e.type),
                "name": e.name,
                "aliases": e.aliases,
                "name_source": str(e.name_source),
                "members": list(e.members),
            },
            "aliases": [{"name": s.text, "items": list(s.items)} for s in e.spellings],
            "properties": {
                k: [{"value": a.value, "items": list(a.items)} for a in v]
                for k, v in e.attested.items()
            },
            **self.sections,
            "generated_at": self.generated_at,
            "mentions": [asdict(m) for m in self.mentions],
            "manifest": [asdict(m) for m in self.manifest],
        }


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


def _manifest(conn: Connection, item_ids: list[str]) -> list[ManifestEntry]:
    rows = conn.execute(sa.select(items).where(items.c.id.in_(item_ids)).order_by(items.c.filename))
    return [
        ManifestEntry(
            item_id=r.id,
            filename=r.filename,
            sha256=r.sha256,
            acquired_by=r.acquired_by,
            acquired_at=r.acquired_at.isoformat(),
            source_url=r.source_url,
        )
        for r in rows
    ]


def build_dossier(conn: Connection, ref: str, *, facts: bool = True) -> Dossier:
    """The dossier of the entity named or numbered `ref`.

    Without `facts`, only identity, mentions and manifest: what an entity page shows on every
    visit, without weighing the case's claims and clustering its incidents each time."""
    entity = get_profile(conn, ref)
    return Dossier(
        entity=entity,
        generated_at=datetime.now(UTC).isoformat(),
        mentions=_mentions(conn, entity),
        manifest=_manifest(conn, entity.item_ids),
        sections=_sections(conn, entity) if facts else {},
    )


def _sections(conn: Connection, profile: Profile) -> dict[str, list[dict[str, object]]]:
    """The claims, contradictions, timeline and incidents the dossier shows beside mentions."""
    sections: dict[str, list[dict[str, object]]] = {
        key: list(value)  # type: ignore[call-overload]  # JSON-shaped lists from cases.claims
        for key, value in claims_section(conn, profile).items()
    }
    sections["incidents"] = incidents_section(conn, profile)
    return sections
