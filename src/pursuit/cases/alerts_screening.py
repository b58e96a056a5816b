"""Screening alerts: a screening run matched a watched person.

The edges that screen (`pursuit screen`, the API, the screening page) hand their report here.
Every candidate that is a match (its score reached the threshold, and no reviewer judged the pair
not the same) and belongs to a watched person raises an alert naming the screened record, the
score and the screening's reasons. One alert per watch and record key: screening the same list
again raises nothing new.
"""

from __future__ import annotations

from sqlalchemy.engine import Connection

from pursuit.cases.alerts import Alert, AlertKind, AlertReason, NewAlert, raise_alert
from pursuit.cases.watch import Watch, list_watches, watched_profile
from pursuit.names.reasons import describe
from pursuit.resolve.profiles import Profile
from pursuit.screen import ScreenReport
from pursuit.screen.engine import Candidate, ScreenResult

__all__ = ["screening_alerts"]


def _watched(conn: Connection) -> dict[str, tuple[Watch, Profile]]:
    """Member entity id -> the active watch on its person and his profile today."""
    found: dict[str, tuple[Watch, Profile]] = {}
    for watch in list_watches(conn):
        profile = watched_profile(conn, watch)
        if profile is not None:
            for member in profile.members:
                found.setdefault(member, (watch, profile))
    return found


def _record(result: ScreenResult) -> str:
    return result.key or f"screen-record:{result.id}:{result.name}"


def _new(result: ScreenResult, c: Candidate, threshold: float) -> NewAlert:
    reasons = [
        AlertReason("record", f"screened record {result.id} “{result.name}”"),
        AlertReason("score", f"score {c.score:.3f}, at or above the threshold {threshold:.2f}"),
        AlertReason("matched_name", f"matched the spelling “{c.matched_name or c.name}”"),
        *(AlertReason(str(r.code), describe(r)) for r in c.reasons),
    ]
    return NewAlert(AlertKind.SCREENING, _record(result), tuple(reasons), score=c.score)


def screening_alerts(conn: Connection, report: ScreenReport) -> list[Alert]:
    """Raise an alert for every match on a watched person in the report; the new ones.

    Needs a write transaction; a workspace with no watch is left untouched."""
    watched = _watched(conn)
    if not watched:
        return []
    raised: list[Alert] = []
    for result in report.results:
        for c in result.candidates:
            if not c.match or c.entity_id not in watched:
                continue
            watch, profile = watched[c.entity_id]
            made = raise_alert(
                conn, watch, profile.id, profile.name, _new(result, c, report.threshold)
            )
            if made is not None:
                raised.append(made)
    return raised
