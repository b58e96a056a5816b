"""Everything shown about one item, gathered once for the API and the web page alike.

Looking at evidence is itself part of its history: `record_access` appends the `viewed` or
`exported` event, with who and through which door, before the content is handed over.

Reads are recorded without flooding the log: a `viewed` event is appended once per user and item
in a window (`VIEW_WINDOW`), so a page reloaded fifty times, or a script polling an item, leaves
one event saying who looked and when the looking began. Exports are never folded together: each
one is its own event. Search snippets and entity contexts quoted from a protected witness's
testimony are reads of protected data too (`record_protected_reads`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pursuit.errors import NotFound
from pursuit.evidence.custody import (
    Action,
    CustodyEvent,
    Detail,
    append_event,
    canonical,
    iter_events,
)
from pursuit.evidence.items import Item, get_item, list_items
from pursuit.stages.derivatives import Derivative, latest_derivative, list_derivatives
from pursuit.stages.runs import StageRun, latest_runs
from pursuit.store.schema import custody_events, items, witness_items
from pursuit.store.workspace import Workspace

__all__ = [
    "VIEW_WINDOW",
    "ItemView",
    "item_text",
    "item_view",
    "protected_items",
    "record_access",
    "record_protected_reads",
    "record_view",
]

VIEW_WINDOW = timedelta(minutes=30)


@dataclass(frozen=True, slots=True)
class ItemView:
    item: Item
    derivatives: list[Derivative] = field(default_factory=list)
    runs: list[StageRun] = field(default_factory=list)
    children: list[Item] = field(default_factory=list)
    parent: Item | None = None
    history: list[CustodyEvent] = field(default_factory=list)

    @property
    def text(self) -> Derivative | None:
        with_text = [d for d in self.derivatives if d.kind in ("text", "ocr") and d.text.strip()]
        return with_text[-1] if with_text else None


def _seen_lately(
    conn: Connection, actor: str, item_id: str | None, details: str | None = None
) -> bool:
    """Whether `actor` has a `viewed` event of the item (or, of no item, with exactly these
    details) in the last `VIEW_WINDOW`; the (item, actor, action, at) index answers it."""
    since = datetime.now(UTC) - VIEW_WINDOW
    query = sa.select(custody_events.c.seq).where(
        custody_events.c.item_id == item_id if item_id else custody_events.c.item_id.is_(None),
        custody_events.c.actor == actor,
        custody_events.c.action == str(Action.VIEWED),
        custody_events.c.at >= since,
    )
    if details is not None:
        query = query.where(custody_events.c.details == details)
    return conn.execute(query.limit(1)).first() is not None


def record_access(
    ws: Workspace, item: Item, actor: str, action: Action, **details: Detail
) -> CustodyEvent | None:
    """Append the `viewed` or `exported` event of one look at an item; a `viewed` event is
    skipped (None) when the same user viewed the item within `VIEW_WINDOW`."""
    with ws.write() as conn:
        if action is Action.VIEWED and _seen_lately(conn, actor, item.id):
            return None
        return append_event(
            conn, action, actor, case_id=item.case_id, item_id=item.id, details=details
        )


def record_view(
    ws: Workspace, actor: str, case_id: str | None, details: dict[str, Detail]
) -> CustodyEvent | None:
    """A `viewed` event naming no item (an entity's dossier on screen), once per user and
    `details` in the window."""
    with ws.write() as conn:
        if _seen_lately(conn, actor, None, canonical(details)):
            return None
        return append_event(conn, Action.VIEWED, actor, case_id=case_id, details=details)


def protected_items(conn: Connection, item_ids: Iterable[str]) -> dict[str, str]:
    """Of these items, those that are a protected witness's testimony, with their case."""
    wanted = sorted(set(item_ids))
    if not wanted:
        return {}
    query = (
        sa.select(items.c.id, items.c.case_id)
        .join(witness_items, witness_items.c.item_id == items.c.id)
        .where(items.c.id.in_(wanted))
    )
    return {str(r.id): str(r.case_id) for r in conn.execute(query)}


def record_protected_reads(ws: Workspace, actor: str, item_ids: Iterable[str], via: str) -> int:
    """One throttled `viewed` event per protected item whose words were shown (a search snippet,
    an entity's context), with `via` saying where; returns how many were appended."""
    with ws.read() as conn:
        found = protected_items(conn, item_ids)
    if not found:
        return 0
    appended = 0
    with ws.write() as conn:
        for item_id, case_id in sorted(found.items()):
            if _seen_lately(conn, actor, item_id):
                continue
            details: dict[str, Detail] = {"via": via}
            append_event(
                conn, Action.VIEWED, actor, case_id=case_id, item_id=item_id, details=details
            )
            appended += 1
    return appended


def item_view(ws: Workspace, ref: str, with_history: bool = False) -> ItemView:
    """The item named by id or hash, with its derivatives, stage runs and family."""
    with ws.read() as conn:
        item = get_item(conn, ref)
        derivatives = list_derivatives(conn, item.id)
        children = list_items(conn, parent_id=item.id)
        parent = get_item(conn, item.parent_id) if item.parent_id else None
        history = list(iter_events(conn, item.id)) if with_history else []
    runs = latest_runs(ws, item.id)
    return ItemView(item, derivatives, runs, children, parent, history)


def item_text(ws: Workspace, ref: str, derivative_id: int | None = None) -> tuple[Item, Derivative]:
    """An item's newest text, or the derivative asked for; `NotFound` when there is none."""
    with ws.read() as conn:
        item = get_item(conn, ref)
        if derivative_id is None:
            chosen = latest_derivative(conn, item.id)
        else:
            found = [d for d in list_derivatives(conn, item.id) if d.id == derivative_id]
            chosen = found[0] if found else None
    if chosen is None:
        which = "no text" if derivative_id is None else f"no derivative {derivative_id}"
        raise NotFound(f"item {item.id} ({item.filename}) has {which}")
    return item, chosen
