"""The demo's analyst watches the main suspect after the first report: the files taken in after
it that name him raise alerts, each with its reasons, and screening shows him as watched."""

from __future__ import annotations

from pursuit.cases.alerts import AlertKind, list_alerts
from pursuit.cases.alerts_mentions import scan_mentions
from pursuit.cases.roles import persons_of_interest
from pursuit.cases.watch import list_watches
from pursuit.demo.build import DEMO_WATCH
from pursuit.evidence.items import list_items
from pursuit.resolve.profiles import get_profile
from pursuit.store.workspace import Workspace


def test_the_demo_has_open_alerts_on_the_watched_suspect(demo_ws: Workspace) -> None:
    with demo_ws.read() as conn:
        emir = get_profile(conn, DEMO_WATCH[0])
        (watch,) = list_watches(conn)
        found = list_alerts(conn)
        files = {i.id: i.filename for i in list_items(conn)}
        interest = persons_of_interest(conn)
    assert watch.reason == DEMO_WATCH[1] and watch.watched_by == "omar"
    assert len(found) >= 5
    assert {a.entity_id for a in found} == {emir.id}
    assert all(a.kind is AlertKind.MENTION and a.item_id for a in found)
    alerted = {files[str(a.item_id)] for a in found}
    assert "01_syria_witness_monitor_2015-03-06.txt" not in alerted  # known before the watch
    assert "05_interview_W-07_2017-05-22.txt" in alerted
    five = next(a for a in found if files[str(a.item_id)].startswith("05_"))
    assert "written as “Abu Hafs el-Jazrawi”" in five.summary
    assert any(r.code == "context" and "[Abu Hafs el-Jazrawi]" in r.text for r in five.reasons)
    statement = next(a for a in found if files[str(a.item_id)].startswith("19_"))
    assert "protected" in {r.code for r in statement.reasons}  # testimony is never quoted
    assert "context" not in {r.code for r in statement.reasons}
    assert "watched by omar" in interest[emir.id] or interest[emir.id].startswith("suspect")
    with demo_ws.write() as conn:
        assert scan_mentions(conn) == []  # the build left nothing unscanned
