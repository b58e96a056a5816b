"""Watch lists and alerts, from real text files taken in through intake: a watched person named
in a new item raises an alert with its reasons; other items, known items and re-extraction do
not; a screening match raises one; dismissing needs a reason and keeps the alert."""

from __future__ import annotations

from pathlib import Path

import pytest

from pursuit.cases.alerts import AlertKind, AlertState, dismiss_alert, list_alerts
from pursuit.cases.alerts_mentions import scan_mentions
from pursuit.cases.alerts_screening import screening_alerts
from pursuit.cases.roles import persons_of_interest
from pursuit.cases.roles_screening import profiles_of_interest
from pursuit.cases.watch import list_watches, unwatch_person, watch_person
from pursuit.errors import InputError, UnknownAlert, UnknownEntity
from pursuit.evidence.items import get_item
from pursuit.resolve.judgements import record_judgement
from pursuit.resolve.profiles import get_profile
from pursuit.screen import ScreenOptions, load_profiles, screen_file
from pursuit.security.audit import audit_trail
from pursuit.stages.nlp import run_nlp
from pursuit.store.workspace import Workspace
from tests.cases.watch_corpus import ARTICLE, EMIR, FIRST, GUARD, JOURNALIST, LATER, OTHER, ingest


def scan(ws: Workspace) -> list[int]:
    with ws.write() as conn:
        return [a.id for a in scan_mentions(conn)]


@pytest.fixture
def watched(ws: Workspace, tmp_path: Path) -> dict[str, str]:
    """The emir is named in one item, then watched; nothing new has come in yet."""
    first = ingest(ws, tmp_path / "in", "defector.txt", FIRST)
    with ws.write() as conn:
        watch_person(conn, EMIR, "crossed into Turkey, may travel on", "omar")
    return {"first": first}


def test_a_new_item_naming_him_raises_one_alert_with_its_reasons(
    ws: Workspace, watched: dict[str, str], tmp_path: Path
) -> None:
    assert scan(ws) == []  # the item known when the watch began raises nothing
    later = ingest(ws, tmp_path / "in", "kilis.txt", LATER)
    ingest(ws, tmp_path / "in", "guards.txt", OTHER)
    raised = scan(ws)
    assert len(raised) == 1
    with ws.read() as conn:
        (alert,) = list_alerts(conn)
    assert alert.kind is AlertKind.MENTION and alert.item_id == later
    assert alert.name == EMIR and alert.state is AlertState.OPEN
    codes = {r.code for r in alert.reasons}
    assert {"item", "spelling", "context"} <= codes
    assert f"written as “{EMIR}”" in alert.summary
    assert any("crossed into Turkey" in r.text for r in alert.reasons if r.code == "context")
    assert "kilis.txt" in alert.summary
    assert scan(ws) == []  # scanning again raises nothing new
    with ws.read() as conn:
        item = get_item(conn, later)
    run_nlp(ws, item)  # re-extraction gives the mentions new ids
    assert scan(ws) == []


def test_dismissing_needs_a_reason_and_keeps_the_alert(
    ws: Workspace, watched: dict[str, str], tmp_path: Path
) -> None:
    ingest(ws, tmp_path / "in", "kilis.txt", LATER)
    (alert_id,) = scan(ws)
    with ws.write() as conn, pytest.raises(InputError, match="reason"):
        dismiss_alert(conn, alert_id, "  ", "omar")
    with ws.write() as conn, pytest.raises(UnknownAlert):
        dismiss_alert(conn, alert_id + 100, "typo", "omar")
    with ws.write() as conn:
        done = dismiss_alert(conn, alert_id, "already known from the Kilis tip", "omar")
    assert done.state is AlertState.DISMISSED and done.dismissed_by == "omar"
    with ws.write() as conn, pytest.raises(InputError, match="already dismissed"):
        dismiss_alert(conn, alert_id, "again", "omar")
    with ws.read() as conn:
        assert list_alerts(conn) == []
        (kept,) = list_alerts(conn, include_dismissed=True)
        trail = [e.action for e in audit_trail(conn)]
    assert kept.dismiss_reason == "already known from the Kilis tip"
    assert "watched" in trail and "alert_dismissed" in trail


def test_a_screening_match_on_him_raises_an_alert_with_score_and_reasons(
    ws: Workspace, watched: dict[str, str], tmp_path: Path
) -> None:
    register = tmp_path / "register.csv"
    register.write_text(f"id,name\nr1,{GUARD}\nr2,Abou Hafs al-Jazraoui\n", encoding="utf-8")
    with ws.read() as conn:
        profiles = profiles_of_interest(conn, load_profiles(ws, None), everyone=True)
    report = screen_file(register, profiles, ScreenOptions())
    with ws.write() as conn:
        raised = screening_alerts(conn, report)
        again = screening_alerts(conn, report)
    assert len(raised) == 1 and again == []
    alert = raised[0]
    assert alert.kind is AlertKind.SCREENING and alert.score is not None
    assert alert.score >= report.threshold
    assert "screened record r2 “Abou Hafs al-Jazraoui”" in alert.summary
    assert any(r.code == "score" for r in alert.reasons)


def test_a_watch_follows_him_across_a_merge_and_ends_with_history(
    ws: Workspace, watched: dict[str, str], tmp_path: Path
) -> None:
    article = ingest(ws, tmp_path / "in", "article.txt", ARTICLE)
    assert scan(ws) == []  # the journalist is not watched
    with ws.write() as conn:
        emir = get_profile(conn, EMIR)
        other = get_profile(conn, JOURNALIST)
        # a reviewer (wrongly, but it is his call) joins the journalist's row to the emir
        record_judgement(conn, emir.id, other.id, "same", "rev", reason="test merge")
    second = ingest(ws, tmp_path / "in", "article-2.txt", ARTICLE + "\n\nSecond edition.")
    assert len(scan(ws)) == 2  # both came in after the watch began, and are his now
    with ws.read() as conn:
        found = list_alerts(conn)
        assert {a.entity_id for a in found} == {get_profile(conn, EMIR).id}
    assert {a.item_id for a in found} == {article, second}
    with ws.read() as conn:
        interest = persons_of_interest(conn)
    assert any(why.startswith("watch list: watched by omar") for why in interest.values())
    with ws.write() as conn, pytest.raises(InputError, match="reason"):
        unwatch_person(conn, EMIR, "", "omar")
    with ws.write() as conn:
        ended = unwatch_person(conn, EMIR, "arrested in Germany", "lina")
    assert ended.ended_by == "lina" and ended.end_reason == "arrested in Germany"
    with ws.read() as conn:
        assert list_watches(conn) == []
        (kept,) = list_watches(conn, include_ended=True)
    assert kept.reason == "crossed into Turkey, may travel on"
    ingest(ws, tmp_path / "in", "kilis.txt", LATER)
    assert scan(ws) == []  # no watch, no alert


def test_watching_refuses_twice_unknown_names_and_no_reason(
    ws: Workspace, watched: dict[str, str]
) -> None:
    with ws.write() as conn, pytest.raises(InputError, match="already watched"):
        watch_person(conn, EMIR, "again", "omar")
    with ws.write() as conn, pytest.raises(UnknownEntity):
        watch_person(conn, "Nobody al-Nowhere", "a reason", "omar")
    with ws.write() as conn, pytest.raises(InputError, match="reason"):
        watch_person(conn, GUARD, " ", "omar")
