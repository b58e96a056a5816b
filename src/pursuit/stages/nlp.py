"""The language stage: find mentions in an item's newest text and attach them to entities."""

from __future__ import annotations

from pursuit.errors import PursuitError
from pursuit.evidence.items import Item
from pursuit.nlp import extract_mentions
from pursuit.resolve.entities import ensure_entity
from pursuit.stages.derivatives import latest_derivative
from pursuit.stages.runs import Stage, finish_run, start_run
from pursuit.store.schema import mentions
from pursuit.store.workspace import Workspace

__all__ = ["ENTITY_MENTION_TYPES", "run_nlp"]

ENTITY_MENTION_TYPES = {"person", "organization", "location"}


def run_nlp(ws: Workspace, item: Item) -> int:
    """Extract and store mentions for `item`; returns how many were stored.

    Mentions are machine output, regenerable from a derivative at any time, so a re-run replaces
    the item's earlier mentions; the derivatives they came from stay untouched, and reviewers'
    corrections are separate records that re-extraction never rewrites.
    """
    run = start_run(ws, item.id, Stage.NLP)
    with ws.read() as conn:
        derivative = latest_derivative(conn, item.id)
    if derivative is None or not derivative.text.strip():
        finish_run(ws, run)
        return 0
    try:
        found = extract_mentions(derivative.text, derivative.language)
    except PursuitError as exc:
        finish_run(ws, run, str(exc))
        return 0
    with ws.write() as conn:
        conn.execute(mentions.delete().where(mentions.c.item_id == item.id))
        for m in found:
            label = m.label or m.text
            entity_id = None
            if str(m.type) in ENTITY_MENTION_TYPES:
                entity_id = ensure_entity(conn, item.case_id, str(m.type), label)
            conn.execute(
                mentions.insert().values(
                    item_id=item.id,
                    derivative_id=derivative.id,
                    start=m.start,
                    end=m.end,
                    text=m.text,
                    type=str(m.type),
                    label=label,
                    extractor=m.extractor,
                    confidence=m.confidence,
                    attributes=dict(m.attributes),
                    entity_id=entity_id,
                )
            )
    finish_run(ws, run)
    return len(found)
