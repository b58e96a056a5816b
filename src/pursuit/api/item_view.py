"""Everything shown about one item, gathered once for the API and the web page alike.

Looking at evidence is itself part of its history: `record_access` appends the `viewed` or
`exported` event, with who and through which door, before the content is handed over.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pursuit.errors import NotFound
from pursuit.evidence.custody import Action, CustodyEvent, Detail, append_event, iter_events
from pursuit.evidence.items import Item, get_item, list_items
from pursuit.stages.derivatives import Derivative, latest_derivative, list_derivatives
from pursuit.stages.runs import StageRun, latest_runs
from pursuit.store.workspace import Workspace

__all__ = ["ItemView", "item_text", "item_view", "record_access"]


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


def record_access(
    ws: Workspace, item: Item, actor: str, action: Action, **details: Detail
) -> CustodyEvent:
    with ws.write() as conn:
        return append_event(
            conn, action, actor, case_id=item.case_id, item_id=item.id, details=details
        )


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
