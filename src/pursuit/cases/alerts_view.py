"""The alerts a reader sees: scanned for news first, then listed.

One function for every edge (command line, API, web page), so they cannot disagree: it scans
for new items mentioning a watched person (`alerts_mentions.scan_mentions`), then lists the
alerts of the cases given. Alerts quote no protected testimony, so listing them reads none.
"""

from __future__ import annotations

from collections.abc import Collection

from pursuit.cases.alerts import Alert, list_alerts
from pursuit.cases.alerts_mentions import scan_mentions
from pursuit.store.workspace import Workspace

__all__ = ["current_alerts"]


def current_alerts(
    ws: Workspace,
    *,
    case_ids: Collection[str] | None = None,
    include_dismissed: bool = False,
) -> list[Alert]:
    """Open alerts (with `include_dismissed`, all) of the cases given, newest first."""
    with ws.write() as conn:
        scan_mentions(conn, case_ids=case_ids)
    with ws.read() as conn:
        return list_alerts(conn, case_ids=case_ids, include_dismissed=include_dismissed)
