"""Mention alerts: a new item mentions a watched person.

`scan_mentions` looks, for every active watch, at the mentions of the person's profile today
(all his merged rows) and raises an alert for each item that mentions him and was taken in after
the watch began (its `acquired` custody event comes after the watch's own event). It is a check
of the whole state, not of a queue: however the item was taken in and processed (the command
line, the API, a worker on another machine), the next scan finds it, a merge that makes an item
his is seen too, and an alert already raised for a watch and item is never raised again, even
when re-extraction gives the item's mentions new ids. The edges run it after taking evidence in
and before listing alerts.

An alert quotes the passages naming him, except from a protected witness's testimony: the alert
then says so, and reading the passage stays a logged read of the item, so alerts never hold a
copy of testimony.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pursuit.cases.alerts import Alert, AlertKind, AlertReason, NewAlert, raise_alert
from pursuit.cases.watch import Watch, list_watches, watched_profile
from pursuit.evidence.custody import Action
from pursuit.resolve.profiles import Profile, ProfileMention
from pursuit.stages.item_view import protected_items
from pursuit.store.schema import alerts, custody_events, derivatives, items

__all__ = ["CONTEXT", "item_source", "scan_mentions"]

CONTEXT = 60  # characters of text shown on either side of a mention
MAX_CONTEXTS = 3


def item_source(item_id: str) -> str:
    """The source of a mention alert: one alert per watch and item."""
    return f"item:{item_id}"


def _acquired_after(conn: Connection, item_ids: Collection[str], seq: int) -> dict[str, int]:
    """item id -> its `acquired` event's sequence number, for the items taken in after `seq`."""
    query = (
        sa.select(custody_events.c.item_id, sa.func.min(custody_events.c.seq).label("seq"))
        .where(
            custody_events.c.action == str(Action.ACQUIRED),
            custody_events.c.item_id.in_(sorted(item_ids)),
        )
        .group_by(custody_events.c.item_id)
    )
    return {str(r.item_id): int(r.seq) for r in conn.execute(query) if int(r.seq) > seq}


def _alerted(conn: Connection, watch: Watch) -> set[str]:
    query = sa.select(alerts.c.source).where(alerts.c.watch_id == watch.id)
    return {str(s) for s in conn.scalars(query)}


def _bodies(conn: Connection, found: Sequence[ProfileMention]) -> dict[int, str]:
    wanted = sorted({m.derivative_id for m in found})
    query = sa.select(derivatives.c.id, derivatives.c.text).where(derivatives.c.id.in_(wanted))
    return {int(r.id): str(r.text) for r in conn.execute(query)}


def _context(m: ProfileMention, body: str) -> str:
    before = body[max(0, m.start - CONTEXT) : m.start]
    after = body[m.end : m.end + CONTEXT]
    words = " ".join(f"{before}[{body[m.start : m.end]}]{after}".split())
    return f"…{words}…"


def _reasons(conn: Connection, item_id: str, found: Sequence[ProfileMention]) -> NewAlert:
    filename = conn.scalar(sa.select(items.c.filename).where(items.c.id == item_id)) or item_id
    spellings = sorted({" ".join(m.text.split()) for m in found})
    reasons = [
        AlertReason("item", f"new item {filename} mentions him {len(found)} time(s)"),
        *(AlertReason("spelling", f"written as “{s}”") for s in spellings),
    ]
    if protected_items(conn, [item_id]):
        note = "protected testimony: open the item to read the passage (the read is logged)"
        reasons.append(AlertReason("protected", note))
        return NewAlert(AlertKind.MENTION, item_source(item_id), tuple(reasons), item_id=item_id)
    bodies = _bodies(conn, found[:MAX_CONTEXTS])
    reasons += [
        AlertReason("context", _context(m, bodies[m.derivative_id]))
        for m in found[:MAX_CONTEXTS]
        if m.derivative_id in bodies
    ]
    return NewAlert(AlertKind.MENTION, item_source(item_id), tuple(reasons), item_id=item_id)


def _for_watch(conn: Connection, watch: Watch, profile: Profile) -> list[Alert]:
    by_item: dict[str, list[ProfileMention]] = defaultdict(list)
    for m in profile.mentions:
        by_item[m.item_id].append(m)
    done = _alerted(conn, watch)
    waiting = [i for i in by_item if item_source(i) not in done]
    if not waiting:
        return []
    new = _acquired_after(conn, waiting, watch.since_seq)
    raised: list[Alert] = []
    for item_id in sorted(new, key=new.__getitem__):
        made = raise_alert(
            conn, watch, profile.id, profile.name, _reasons(conn, item_id, by_item[item_id])
        )
        if made is not None:
            raised.append(made)
    return raised


def scan_mentions(conn: Connection, *, case_ids: Collection[str] | None = None) -> list[Alert]:
    """Raise the alerts not yet raised for new items mentioning watched persons; the new ones.

    Needs a write transaction; running it again raises nothing new."""
    raised: list[Alert] = []
    for watch in list_watches(conn, case_ids=case_ids):
        profile = watched_profile(conn, watch)
        if profile is not None:
            raised += _for_watch(conn, watch, profile)
    return raised
