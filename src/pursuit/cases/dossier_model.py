"""The dossier's values and its JSON document (DESIGN.md, "Dossier JSON": fields fixed, more
welcome). One object for a person's, an organization's or an incident's dossier, so the CLI,
the API, the web page, the PDF and the court package all show the same thing.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from pursuit.cases.dossier_graph import LinkGraph
from pursuit.cases.dossier_places import DossierPlace
from pursuit.cases.dossier_sources import ManifestEntry, alias_json
from pursuit.resolve.profiles import Profile

__all__ = ["Dossier", "DossierMention"]


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
class Dossier:
    """Everything the workspace holds on one subject, each line with the evidence behind it.

    For an incident's dossier `entity` is a profile standing for the incident (its id, case
    and title) and `incident` holds the incident itself."""

    entity: Profile
    generated_at: str
    mentions: list[DossierMention] = field(default_factory=list)
    manifest: list[ManifestEntry] = field(default_factory=list)
    # The case's facts about the subject, already in the contract's JSON shape: "claims" (each
    # with its citations), "contradictions", "timeline" and "incidents".
    sections: dict[str, list[dict[str, object]]] = field(default_factory=dict)
    role: dict[str, object] | None = None
    places: list[DossierPlace] = field(default_factory=list)
    graph: LinkGraph = field(default_factory=LinkGraph)
    incident: dict[str, object] | None = None

    @property
    def kind(self) -> str:
        """ "incident" for an incident's dossier, else the entity's type."""
        return "incident" if self.incident is not None else str(self.entity.type)

    @property
    def aliases(self) -> list[dict[str, object]]:
        """Every spelling in its script, with the file and hash of each item that wrote it."""
        return alias_json(self.entity, {m.item_id: m for m in self.manifest})

    @property
    def located(self) -> list[DossierPlace]:
        return [p for p in self.places if p.located]

    @property
    def filenames(self) -> dict[str, str]:
        """Item id -> file name, so a line can name the file a reader will look for."""
        return {m.item_id: m.filename for m in self.manifest}

    def _entity_json(self) -> dict[str, object]:
        e = self.entity
        found: dict[str, object] = {
            "id": e.id,
            "type": str(e.type),
            "name": e.name,
            "aliases": e.aliases,
            "name_source": str(e.name_source),
            "members": list(e.members),
        }
        if self.incident is not None:
            found["items"] = self.incident.get("items", [])
            found["mentions"] = len(self.mentions)
        return found

    def as_json(self) -> dict[str, object]:
        """The dossier contract of DESIGN.md: every spelling and property with its items."""
        return {
            "kind": self.kind,
            "entity": self._entity_json(),
            "aliases": self.aliases,
            "role": self.role,
            "properties": {
                k: [{"value": a.value, "items": list(a.items)} for a in v]
                for k, v in self.entity.attested.items()
            },
            **self.sections,
            "incident": self.incident,
            "places": [{**asdict(p), "items": p.items} for p in self.places],
            "graph": asdict(self.graph),
            "generated_at": self.generated_at,
            "mentions": [asdict(m) for m in self.mentions],
            "manifest": [asdict(m) for m in self.manifest],
        }
