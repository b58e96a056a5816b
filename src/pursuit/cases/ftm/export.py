"""The workspace as FollowTheMoney JSON lines, for Aleph, OpenAleph, yente or any FtM tool.

What goes out, per case in scope: persons, organizations and places (`things`), items as
documents (`documents`), incidents as events (`events`), the links between them (Membership,
Documentation, UnknownLink for a mode of liability), and the imported entities in force
(`load`). An id the workspace made itself wins over an imported entity of the same id.

The lines are sorted (things before links, then by schema and id) and each is canonical JSON,
so exporting an unchanged workspace twice gives the same bytes, and an export imported into a
fresh workspace exports again to the same lines. Each export appends an `exported` custody event
with the SHA-256 of what was written.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy.engine import Connection

from pursuit.cases.ftm.documents import document, mentioned_in, pseudonyms
from pursuit.cases.ftm.entity import dump_line
from pursuit.cases.ftm.events import Known, Places, event, event_links
from pursuit.cases.ftm.load import imported_entities
from pursuit.cases.ftm.things import SCHEMA_OF, memberships, thing
from pursuit.cases.incidents import list_incidents
from pursuit.entities import EntityType
from pursuit.errors import UnknownEntity
from pursuit.evidence.custody import Action, Detail, append_event
from pursuit.evidence.items import list_items
from pursuit.resolve.profiles import Profile, get_profile, list_profiles
from pursuit.store.workspace import Workspace

__all__ = ["FtmExport", "around", "export_entities", "export_ftm", "references"]

Entity = dict[str, Any]


@dataclass(frozen=True, slots=True)
class FtmExport:
    """The lines of one export and the SHA-256 of their text (one line each, `\\n`-ended)."""

    lines: list[str]
    sha256: str

    @property
    def text(self) -> str:
        return "".join(f"{line}\n" for line in self.lines)


def _profiles(conn: Connection, case_ids: Collection[str] | None) -> list[Profile]:
    found = list_profiles(conn, case_ids=case_ids)
    return sorted((p for p in found if p.type in SCHEMA_OF), key=lambda p: p.id)


def _native(conn: Connection, case_ids: Collection[str] | None) -> Iterator[Entity]:
    profiles = _profiles(conn, case_ids)
    orgs = [p for p in profiles if p.type is EntityType.ORGANIZATION]
    addresses = {p.id: thing(p) for p in profiles if p.type is EntityType.LOCATION}
    for p in profiles:
        if p.type is not EntityType.LOCATION:
            yield thing(p, orgs)
        yield from mentioned_in(p)
        if p.type is EntityType.PERSON:
            yield from memberships(p, orgs)
    witnesses = pseudonyms(conn)
    for case_id in sorted(case_ids) if case_ids is not None else [None]:
        for item in list_items(conn, case_id):
            yield document(item, witnesses.get(item.id))
    listed = list_incidents(conn, case_ids, matrix=False)
    known = Known(profiles)
    places = Places([p for p in profiles if p.type is EntityType.LOCATION], addresses)
    for inc in listed.incidents + listed.unplaced:
        yield event(inc, known, places)
        yield from event_links(inc, known)
    yield from addresses.values()


def _order(data: Entity) -> tuple[bool, str, str]:
    from followthemoney import model

    return (model.schemata[data["schema"]].edge, data["schema"], data["id"])


def export_entities(conn: Connection, case_ids: Collection[str] | None = None) -> list[Entity]:
    """Every entity of the cases in scope (all cases when None), each id once, sorted."""
    chosen: dict[str, Entity] = {}
    for data in _native(conn, case_ids):
        chosen.setdefault(data["id"], data)
    for imported in imported_entities(conn, case_ids):
        chosen.setdefault(imported.entity_id, imported.data)
    return sorted(chosen.values(), key=_order)


def references(data: Entity) -> set[str]:
    """The ids an entity points to through its entity-typed properties."""
    from followthemoney import model, registry

    schema = model.schemata[data["schema"]]
    found: set[str] = set()
    for name, values in data.get("properties", {}).items():
        prop = schema.properties.get(name)
        if prop is not None and prop.type == registry.entity:
            found.update(values)
    return found


def around(entities: Iterable[Entity], target: str) -> list[Entity]:
    """The entity `target`, what it points to, what points to it, and the far ends of links."""
    from followthemoney import model

    every = list(entities)
    by_id = {e["id"]: e for e in every}
    keep = {target} | references(by_id[target])
    for e in every:
        if target in references(e):
            keep.add(e["id"])
            if model.schemata[e["schema"]].edge:
                keep |= references(e)
    return [e for e in every if e["id"] in keep]


def _target(conn: Connection, ref: str, ids: set[str], case_ids: Collection[str] | None) -> str:
    if ref in ids:
        return ref
    try:
        found = get_profile(conn, ref, case_ids=case_ids).id
    except UnknownEntity:
        named = [e.entity_id for e in imported_entities(conn, case_ids) if e.caption == ref]
        if len(set(named)) != 1:
            raise
        return named[0]
    if found not in ids:
        raise UnknownEntity(f"{ref!r} is not exported as FtM (only persons, organizations, places)")
    return found


def export_ftm(
    ws: Workspace,
    actor: str,
    case_ids: Collection[str] | None = None,
    entity: str | None = None,
) -> FtmExport:
    """The export's lines (of one entity and its neighbours with `entity`), logged as exported."""
    with ws.read() as conn:
        every = export_entities(conn, case_ids)
        if entity is not None:
            every = around(every, _target(conn, entity, {e["id"] for e in every}, case_ids))
    lines = [dump_line(e) for e in every]
    done = FtmExport(lines, "")
    digest = hashlib.sha256(done.text.encode()).hexdigest()
    with ws.write() as conn:
        details: dict[str, Detail] = {
            "format": "ftm",
            "entities": len(lines),
            "sha256": digest,
            "entity": entity,
        }
        append_event(conn, Action.EXPORTED, actor, details=details)
    return FtmExport(lines, digest)
