"""One side of a proposed pair, as a reviewer needs to see it: the name, the other spellings, and
the mentions in their context with the items they come from.

A reviewer never decides on two names alone; the sentence a name stands in and the item it comes
from are what make "the emir of Raqqa" and "a baker in Aleppo" two men.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pursuit.store.schema import derivatives, entities, items, mentions

__all__ = ["CONTEXT_CHARS", "EntitySide", "MentionContext", "entity_side"]

CONTEXT_CHARS = 90


@dataclass(frozen=True, slots=True)
class MentionContext:
    item_id: str
    filename: str
    text: str
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class EntitySide:
    entity_id: str
    name: str
    known: bool
    case_id: str | None = None
    spellings: list[str] = field(default_factory=list)
    item_ids: list[str] = field(default_factory=list)
    mentions: list[MentionContext] = field(default_factory=list)


def _context(text: str, start: int, end: int) -> tuple[str, str]:
    before = text[max(0, start - CONTEXT_CHARS) : start]
    after = text[end : end + CONTEXT_CHARS]
    return " ".join(before.split()), " ".join(after.split())


def entity_side(conn: Connection, entity_id: str, limit: int = 5) -> EntitySide:
    """The entity with up to `limit` mentions in context; an unknown id gives a bare side."""
    row = conn.execute(sa.select(entities).where(entities.c.id == entity_id)).first()
    if row is None:
        return EntitySide(entity_id=entity_id, name=entity_id, known=False)
    query = (
        sa.select(
            mentions.c.text,
            mentions.c.start,
            mentions.c.end,
            mentions.c.item_id,
            items.c.filename,
            derivatives.c.text.label("body"),
        )
        .join(items, items.c.id == mentions.c.item_id)
        .join(derivatives, derivatives.c.id == mentions.c.derivative_id)
        .where(mentions.c.entity_id == entity_id)
        .order_by(mentions.c.id)
    )
    found = list(conn.execute(query))
    shown = [
        MentionContext(
            str(r.item_id), str(r.filename), str(r.text), *_context(r.body, r.start, r.end)
        )
        for r in found[:limit]
    ]
    return EntitySide(
        entity_id=entity_id,
        name=str(row.name),
        known=True,
        case_id=str(row.case_id),
        spellings=sorted({str(r.text) for r in found}),
        item_ids=sorted({str(r.item_id) for r in found}),
        mentions=shown,
    )
