"""`pursuit watch`, `pursuit alerts` and `pursuit alert dismiss`, run as users run them: a real
`pursuit` process on a workspace filled by `pursuit ingest`. The command line runs on SQLite;
the same watch and alert code runs on PostgreSQL in tests/cases/test_watch_alerts.py."""

from __future__ import annotations

import json
from pathlib import Path

from pursuit.settings import Settings
from tests.cases.watch_corpus import EMIR, FIRST, LATER, OTHER
from tests.cli.test_cli import run


def _file(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_watch_ingest_alert_dismiss(sqlite_settings: Settings, tmp_path: Path) -> None:
    settings = sqlite_settings
    assert (
        run(settings, "ingest", _file(tmp_path, "defector.txt", FIRST), "--case", "k").returncode
        == 0
    )
    added = run(settings, "watch", "add", EMIR, "--reason", "left for Europe", "--json")
    assert added.returncode == 0, added.stderr
    assert json.loads(added.stdout)["name"] == EMIR
    listed = json.loads(run(settings, "watch", "list", "--json").stdout)["watches"]
    assert [(w["name"], w["watched_by"]) for w in listed] == [(EMIR, "cli-tester")]
    taken = run(
        settings,
        "ingest",
        _file(tmp_path, "kilis.txt", LATER),
        _file(tmp_path, "g.txt", OTHER),
        "--case",
        "k",
    )
    assert taken.returncode == 0 and "1 new alert(s)" in taken.stderr
    (alert,) = json.loads(run(settings, "alerts", "--json").stdout)["alerts"]
    assert alert["kind"] == "mention" and any("kilis.txt" in r["text"] for r in alert["reasons"])
    human = run(settings, "alerts")
    assert f"written as “{EMIR}”" in human.stdout and "1 open alert(s)" in human.stderr
    no_reason = run(settings, "alert", "dismiss", str(alert["id"]))
    assert no_reason.returncode == 2 and "--reason" in no_reason.stderr
    blank = run(settings, "alert", "dismiss", str(alert["id"]), "--reason", " ")
    assert blank.returncode == 2 and "reason is needed" in blank.stderr
    done = run(settings, "alert", "dismiss", str(alert["id"]), "--reason", "known")
    assert done.returncode == 0, done.stderr
    assert json.loads(run(settings, "alerts", "--json").stdout) == {"alerts": []}
    kept = json.loads(run(settings, "alerts", "--all", "--json").stdout)["alerts"]
    assert [(a["state"], a["dismiss_reason"]) for a in kept] == [("dismissed", "known")]
    missing = run(settings, "alert", "dismiss", "999", "--reason", "typo")
    assert missing.returncode == 1 and "no alert with id 999" in missing.stderr


def test_unknown_person_and_double_watch_fail_with_exit_1(
    sqlite_settings: Settings, tmp_path: Path
) -> None:
    settings = sqlite_settings
    run(settings, "ingest", _file(tmp_path, "defector.txt", FIRST), "--case", "k")
    unknown = run(settings, "watch", "add", "Nobody al-Nowhere", "--reason", "x")
    assert unknown.returncode == 1 and "no entity" in unknown.stderr
    assert run(settings, "watch", "add", EMIR, "--reason", "first").returncode == 0
    twice = run(settings, "watch", "add", EMIR, "--reason", "again")
    assert twice.returncode == 1 and "already watched" in twice.stderr
    not_watched = run(settings, "watch", "remove", "Nobody al-Nowhere", "--reason", "x")
    assert not_watched.returncode == 1
    ended = run(settings, "watch", "remove", EMIR, "--reason", "arrested", "--json")
    assert ended.returncode == 0 and json.loads(ended.stdout)["end_reason"] == "arrested"
    assert json.loads(run(settings, "watch", "list", "--json").stdout) == {"watches": []}
    history = json.loads(run(settings, "watch", "list", "--all", "--json").stdout)["watches"]
    assert [w["active"] for w in history] == [False]
