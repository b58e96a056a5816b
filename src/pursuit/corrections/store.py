"""Recording corrections and applying them to mentions and entities."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pursuit.corrections.model import Correction, CorrectionAction, CorrectionTarget
from pursuit.entities import EntityType, ensure_entity
from pursuit.errors import InputError, UnknownEntity, UnknownMention
from pursuit.evidence.custody import Action, Detail, append_event
from pursuit.nlp.model import Mention, MentionType
from pursuit.store.schema import corrections, entities, mentions

__all__ = [
    "active_corrections",
    "apply_to_mentions",
    "canonical_entity_ids",
    "correct_entity",
    "correct_mention",
]


def _row(r: sa.Row[tuple[object, ...]]) -> Correction:
    m = r._mapping
    return Correction(
        id=m["id"],
        case_id=m["case_id"],
        target=CorrectionTarget(m["target"]),
        action=CorrectionAction(m["action"]),
        value=m["value"],
        reason=m["reason"],
        made_by=m["made_by"],
        made_at=m["made_at"],
        item_id=m["item_id"],
        start=m["start"],
        end=m["end"],
        original_text=m["original_text"],
        entity_id=m["entity_id"],
    )


def active_corrections(conn: Connection, case_id: str | None = None) -> list[Correction]:
    """Corrections in force, oldest first, so a later one wins over an earlier one."""
    query = sa.select(corrections).where(corrections.c.deleted_at.is_(None))
    if case_id is not None:
        query = query.where(corrections.c.case_id == case_id)
    return [_row(r) for r in conn.execute(query.order_by(corrections.c.id))]


def _check_value(action: CorrectionAction, value: str) -> None:
    if action in (CorrectionAction.RENAME, CorrectionAction.MERGE) and not value.strip():
        raise InputError(f"a {action} correction needs a value")
    if action is CorrectionAction.RETYPE and value not in {t.value for t in MentionType}:
        raise InputError(f"unknown type {value!r}; use one of {[t.value for t in MentionType]}")


def _record(conn: Connection, actor: str, values: dict[str, object]) -> int:
    values |= {"made_by": actor, "made_at": datetime.now(UTC)}
    key = conn.execute(corrections.insert().values(**values)).inserted_primary_key
    assert key is not None
    details: dict[str, Detail] = {
        k: v for k, v in values.items() if isinstance(v, str | int) and k != "made_by"
    }
    append_event(
        conn,
        Action.CORRECTED,
        actor,
        case_id=str(values["case_id"]),
        item_id=values.get("item_id"),  # type: ignore[arg-type]
        details=details,
    )
    return int(key[0])


def correct_mention(
    conn: Connection,
    mention_id: int,
    action: CorrectionAction,
    value: str,
    actor: str,
    reason: str = "",
) -> int:
    """Correct one extracted mention; the correction follows its span through re-extraction."""
    if action in (CorrectionAction.MERGE, CorrectionAction.SPLIT):
        raise InputError(f"a mention can be renamed, retyped or deleted, not given a {action}")
    _check_value(action, value)
    row = conn.execute(sa.select(mentions).where(mentions.c.id == mention_id)).first()
    if row is None:
        raise UnknownMention(f"no mention with id {mention_id}")
    case_id = conn.scalar(sa.text("SELECT case_id FROM items WHERE id = :i"), {"i": row.item_id})
    values: dict[str, object] = {
        "case_id": case_id,
        "target": "mention",
        "item_id": row.item_id,
        "start": row.start,
        "end": row.end,
        "original_text": row.text,
        "action": str(action),
        "value": value,
        "reason": reason,
    }
    correction_id = _record(conn, actor, values)
    _apply_mention_row(conn, row, action, value)
    return correction_id


def _apply_mention_row(
    conn: Connection, row: sa.Row[tuple[object, ...]], action: CorrectionAction, value: str
) -> None:
    m = row._mapping
    case_id = conn.scalar(sa.text("SELECT case_id FROM items WHERE id = :i"), {"i": m["item_id"]})
    where = mentions.c.id == m["id"]
    if action is CorrectionAction.DELETE:
        conn.execute(mentions.update().where(where).values(entity_id=None, type="deleted"))
        return
    label = value if action is CorrectionAction.RENAME else str(m["label"])
    type_ = value if action is CorrectionAction.RETYPE else str(m["type"])
    kind = EntityType.of(type_)
    entity_id = ensure_entity(conn, str(case_id), kind, label) if kind is not None else None
    conn.execute(
        mentions.update().where(where).values(label=label, type=type_, entity_id=entity_id)
    )


def correct_entity(
    conn: Connection,
    entity_id: str,
    action: CorrectionAction,
    value: str,
    actor: str,
    reason: str = "",
) -> int:
    """Rename, retype or delete a whole entity.

    Merges and splits are identity decisions, kept with the judgements (see
    `pursuit.resolve.decisions.correct_identity`, which every edge calls)."""
    if action in (CorrectionAction.MERGE, CorrectionAction.SPLIT):
        raise InputError(f"an entity {action} is a judgement: record it as a decision")
    _check_value(action, value)
    row = conn.execute(sa.select(entities).where(entities.c.id == entity_id)).first()
    if row is None:
        raise UnknownEntity(f"no entity with id {entity_id!r}")
    values: dict[str, object] = {
        "case_id": row.case_id,
        "target": "entity",
        "entity_id": entity_id,
        "action": str(action),
        "value": value,
        "reason": reason,
    }
    return _record(conn, actor, values)


def canonical_entity_ids(conn: Connection) -> tuple[dict[str, str], set[str], dict[str, str]]:
    """Entity merges (followed to their end), deleted entities, and renames, as corrected."""
    merged: dict[str, str] = {}
    deleted: set[str] = set()
    renamed: dict[str, str] = {}
    for c in active_corrections(conn):
        if c.target is not CorrectionTarget.ENTITY or c.entity_id is None:
            continue
        if c.action is CorrectionAction.MERGE:
            merged[c.entity_id] = c.value
        elif c.action is CorrectionAction.DELETE:
            deleted.add(c.entity_id)
        elif c.action is CorrectionAction.RENAME:
            renamed[c.entity_id] = c.value
    return {e: _follow(e, merged) for e in merged}, deleted, renamed


def _follow(entity_id: str, merged: dict[str, str]) -> str:
    seen = {entity_id}
    while entity_id in merged and merged[entity_id] not in seen:
        entity_id = merged[entity_id]
        seen.add(entity_id)
    return entity_id


def apply_to_mentions(found: list[Mention], item_id: str, fixes: list[Correction]) -> list[Mention]:
    """Re-extracted mentions with the item's mention corrections applied again."""
    by_span = {
        (c.start, c.end): c
        for c in fixes
        if c.target is CorrectionTarget.MENTION and c.item_id == item_id
    }
    kept: list[Mention] = []
    for m in found:
        c = by_span.get((m.start, m.end))
        if c is None:
            kept.append(m)
        elif c.action is CorrectionAction.RENAME:
            kept.append(replace(m, label=c.value))
        elif c.action is CorrectionAction.RETYPE:
            kept.append(replace(m, type=MentionType(c.value)))
    return kept
