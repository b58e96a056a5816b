"""Entities: the people, organizations and places that mentions refer to.

This first grouping puts together mentions of one type whose folded labels are equal within a
case; it proposes nothing across spellings. Resolution proper (names, scores, judgements) builds
on these rows rather than replacing them.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pursuit.errors import UnknownEntity
from pursuit.resolve.identity import identity_map
from pursuit.search.normalize import fold
from pursuit.store.schema import claims, entities, incidents, mentions

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


def _properties(conn: Connection, ids: list[str]) -> dict[str, dict[str, list[str]]]:
    """Claimed properties per entity (role, nationality, affiliation…), and incident facts."""
    found: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    rows = conn.execute(
        sa.select(claims.c.subject_entity_id, claims.c.predicate, claims.c.value).where(
            claims.c.subject_entity_id.in_(ids)
        )
    )
    for r in rows:
        if r.value:
            found[str(r.subject_entity_id)][str(r.predicate)].add(str(r.value))
    for r in conn.execute(sa.select(incidents).where(incidents.c.entity_id.in_(ids))):
        props = found[str(r.entity_id)]
        props["kind"].add(str(r.kind))
        for key, value in (("place", r.place), ("date", r.time), ("victim_count", r.victim_count)):
            if value is not None:
                props[key].add(str(value))
        for key in ("perpetrators", "ordered_by", "victims", "witnesses"):
            props[key].update(str(v) for v in (r.details or {}).get(key, []))
    return {e: {k: sorted(v) for k, v in p.items() if v} for e, p in found.items()}


def _merge_view(
    conn: Connection, rows: list[sa.Row[tuple[object, ...]]]
) -> list[tuple[sa.Row[tuple[object, ...]], list[str]]]:
    """Each surviving entity with the ids folded into it by reviewers' corrections and by
    "same" judgements (see `identity.py`); a merged entity shows under its identity's
    canonical entity, with its names among the aliases."""
    from pursuit.corrections import canonical_entity_ids

    merged, deleted, _ = canonical_entity_ids(conn)
    judged = identity_map(conn)
    members: dict[str, list[str]] = defaultdict(list)
    for r in rows:
        rid = str(r.id)
        if rid not in deleted:
            target = merged.get(rid, rid)
            target = judged.get(target, target)
            members[merged.get(target, target)].append(rid)
    return [(r, members[str(r.id)]) for r in rows if str(r.id) in members]


def list_entities(conn: Connection, type_: str | None = None) -> list[Entity]:
    """Entities that have at least one mention, most mentioned first, with corrections applied."""
    query = sa.select(entities)
    if type_ is not None:
        query = query.where(entities.c.type == type_)
    view = _merge_view(conn, list(conn.execute(query).all()))
    all_ids = [i for _, group in view for i in group]
    grouped = _mentions_by_entity(conn, all_ids)
    props = _properties(conn, all_ids)
    built = [_build_group(conn, row, group, grouped, props) for row, group in view]
    return sorted((e for e in built if e.mention_count), key=lambda e: (-e.mention_count, e.name))


def _build_group(
    conn: Connection,
    row: sa.Row[tuple[object, ...]],
    group: list[str],
    grouped: dict[str, list[tuple[str, str]]],
    props: dict[str, dict[str, list[str]]],
) -> Entity:
    from pursuit.corrections import canonical_entity_ids

    found = [pair for member in group for pair in grouped.get(member, [])]
    entity = _build(row, found)
    renamed = canonical_entity_ids(conn)[2].get(entity.id)
    merged_props: dict[str, set[str]] = defaultdict(set)
    for member in group:
        for key, values in props.get(member, {}).items():
            merged_props[key].update(values)
    names = {text for text, _ in found} | {n for n in _names(conn, group) if n}
    name = renamed or entity.name
    return replace(
        entity,
        name=name,
        aliases=sorted(names - {name}),
        properties={k: sorted(v) for k, v in sorted(merged_props.items())},
    )


def _names(conn: Connection, ids: list[str]) -> list[str]:
    return [str(n) for n in conn.scalars(sa.select(entities.c.name).where(entities.c.id.in_(ids)))]


def get_entity(conn: Connection, ref: str) -> Entity:
    """An entity by id, or by exact (folded) name when that is unambiguous."""
    row = conn.execute(sa.select(entities).where(entities.c.id == ref)).first()
    if row is None:
        rows = conn.execute(sa.select(entities).where(entities.c.key == entity_key(ref))).all()
        row = rows[0] if len(rows) == 1 else None
    if row is None:
        raise UnknownEntity(f"no entity with id or name {ref!r}")
    for entity in list_entities(conn, str(row.type)):
        if entity.id == str(row.id):
            return entity
    merged = _merge_view(conn, [row])
    group = merged[0][1] if merged else [str(row.id)]
    found = _mentions_by_entity(conn, group)
    return _build_group(conn, row, group, found, _properties(conn, group))
