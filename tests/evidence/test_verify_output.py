"""`pursuit verify --json` reports each problem as an object a program can act on, keeping the
words for people and exit code 1 when anything failed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import sqlalchemy as sa

from pursuit.settings import Settings
from pursuit.store.schema import custody_events, derivatives
from pursuit.store.workspace import create_workspace

from .helpers import ingest

PURSUIT = str(Path(sys.executable).parent / "pursuit")
FIELDS = {"kind", "reference", "expected", "actual", "message"}


def _verify_json(settings: Settings) -> tuple[int, dict[str, object]]:
    env = dict(os.environ, PURSUIT_HOME=str(settings.home), PURSUIT_ACTOR="cli-tester")
    if settings.database_url:
        env["PURSUIT_DATABASE_URL"] = settings.database_url
    done = subprocess.run(
        [PURSUIT, "verify", "--json"], env=env, capture_output=True, text=True, timeout=300
    )
    return done.returncode, json.loads(done.stdout)


def test_verify_json_gives_each_problem_as_an_object(
    sqlite_settings: Settings, tmp_path: Path
) -> None:
    settings = sqlite_settings
    ws = create_workspace(settings)
    note = tmp_path / "note.txt"
    note.write_text("The convoy left Raqqa at dawn.", encoding="utf-8")
    [result] = ingest(ws, note)
    code, sound = _verify_json(settings)
    assert (code, sound["ok"], sound["problems"]) == (0, True, [])
    blob = ws.blobs.path_for(result.sha256 or "")
    blob.chmod(0o644)
    blob.write_bytes(blob.read_bytes() + b" tampered")
    with ws.write() as conn:
        conn.execute(derivatives.update().values(text="forged"))
        conn.execute(custody_events.update().where(custody_events.c.seq == 2).values(actor="x"))
        seq_two = conn.scalar(sa.select(custody_events.c.action).where(custody_events.c.seq == 2))
    ws.dispose()
    code, report = _verify_json(settings)
    assert code == 1 and report["ok"] is False
    problems = report["problems"]
    assert isinstance(problems, list) and all(set(p) == FIELDS for p in problems)
    by_kind = {p["kind"]: p for p in problems}
    assert set(by_kind) == {"blob_changed", "derivative_changed", "event_changed"}
    blob_problem = by_kind["blob_changed"]
    assert blob_problem["reference"] == blob_problem["expected"] == result.sha256
    assert blob_problem["actual"] != result.sha256 and "note.txt" in blob_problem["message"]
    assert by_kind["derivative_changed"]["reference"] == "1"
    event = by_kind["event_changed"]
    assert event["reference"] == "2" and f"custody event 2 ({seq_two})" in event["message"]
