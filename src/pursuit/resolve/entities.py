"""Entities: the people, organizations and places that mentions refer to.

This first grouping puts together mentions of one type whose folded labels are equal within a
case; it proposes nothing across spellings. Resolution proper (names, scores, judgements) builds
on these rows rather than replacing them.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pursuit.errors import UnknownEntity
from pursuit.search.normalize import fold
from pursuit.store.schema import entities, mentions

__all__ = [
    "ENTITY_TYPES",
    "Entity",
    "ensure_entity",
    "entity_key",
    "get_entity",
    "list_entities",
]

ENTITY_TYPES = ("person", "organization", "location", "incident")


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    case_id: str
    type: str
    name: str
    aliases: list[str] = field(default_factory=list)
    mention_count: int = 0
    item_ids: list[str] = field(default_factory=list)
    properties: dict[str, list[str]] = field(default_factory=dict)


def entity_key(label: str) -> str:
    return " ".join(fold(label).replace("-", " ").split())


def ensure_entity(conn: Connection, case_id: str, type_: str, label: str) -> str:
    """The id of the entity of this case, type and label, creating it when new."""
    key = entity_key(label)
    found = conn.scalar(
        sa.select(entities.c.id).where(
            entities.c.case_id == case_id, entities.c.type == type_, entities.c.key == key
        )
    )
    if found is not None:
        return str(found)
    digest = hashlib.sha256(f"{case_id}\x1f{type_}\x1f{key}".encode()).hexdigest()[:16]
    entity_id = f"en-{digest}"
    conn.execute(
        entities.insert().values(
            id=entity_id,
            case_id=case_id,
            type=type_,
            name=label,
            key=key,
            created_at=datetime.now(UTC),
        )
    )
    return entity_id


def _mentions_by_entity(conn: Connection, ids: list[str]) -> dict[str, list[tuple[str, str]]]:
    rows = conn.execute(
        sa.select(mentions.c.entity_id, mentions.c.text, mentions.c.item_id).where(
            mentions.c.entity_id.in_(ids)
        )
    )
    grouped: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for r in rows:
        grouped[str(r.entity_id)].append((str(r.text), str(r.item_id)))
    return grouped


def _build(row: sa.Row[tuple[object, ...]], found: list[tuple[str, str]]) -> Entity:
    m = row._mapping
    name = str(m["name"])
    aliases = sorted({text for text, _ in found if text != name})
    return Entity(
        id=str(m["id"]),
        case_id=str(m["case_id"]),
        type=str(m["type"]),
        name=name,
        aliases=aliases,
        mention_count=len(found),
        item_ids=sorted({item for _, item in found}),
    )


def list_entities(conn: Connection, type_: str | None = None) -> list[Entity]:
    """Entities that have at least one mention, most mentioned first."""
    query = sa.select(entities)
    if type_ is not None:
        query = query.where(entities.c.type == type_)
    rows = conn.execute(query).all()
    grouped = _mentions_by_entity(conn, [str(r.id) for r in rows])
    built = [_build(r, grouped[str(r.id)]) for r in rows if grouped.get(str(r.id))]
    return sorted(built, key=lambda e: (-e.mention_count, e.name))


def get_entity(conn: Connection, ref: str) -> Entity:
    """An entity by id, or by exact (folded) name when that is unambiguous."""
    row = conn.execute(sa.select(entities).where(entities.c.id == ref)).first()
    if row is None:
        rows = conn.execute(sa.select(entities).where(entities.c.key == entity_key(ref))).all()
        row = rows[0] if len(rows) == 1 else None
    if row is None:
        raise UnknownEntity(f"no entity with id or name {ref!r}")
    return _build(row, _mentions_by_entity(conn, [str(row.id)])[str(row.id)])
