"""Creating and finding entity rows by case, type and folded label."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pursuit.nlp.model import EntityType
from pursuit.search.normalize import fold
from pursuit.store.schema import entities

__all__ = ["ensure_entity", "entity_key", "entity_type_of"]


def entity_key(label: str) -> str:
    """The grouping key of a label: folded script variants, hyphens as spaces."""
    return " ".join(fold(label).replace("-", " ").split())


def entity_type_of(conn: Connection, entity_id: str) -> EntityType | None:
    """The stored type of an entity row, read back into the vocabulary."""
    value = conn.scalar(sa.select(entities.c.type).where(entities.c.id == entity_id))
    return None if value is None else EntityType(str(value))


def ensure_entity(conn: Connection, case_id: str, type_: EntityType | str, label: str) -> str:
    """The id of the entity of this case, type and label, creating it when new.

    The id is derived from case, type and key, so two workers creating the same row agree on it.
    """
    kind = EntityType(type_)
    key = entity_key(label)
    found = conn.scalar(
        sa.select(entities.c.id).where(
            entities.c.case_id == case_id, entities.c.type == str(kind), entities.c.key == key
        )
    )
    if found is not None:
        return str(found)
    digest = hashlib.sha256(f"{case_id}\x1f{kind}\x1f{key}".encode()).hexdigest()[:16]
    entity_id = f"en-{digest}"
    conn.execute(
        entities.insert().values(
            id=entity_id,
            case_id=case_id,
            type=str(kind),
            name=label,
            key=key,
            created_at=datetime.now(UTC),
        )
    )
    return entity_id
