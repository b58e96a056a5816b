"""Stage runs say what is really happening: running while the work goes on, failed with the error
when it fails, and failed ("interrupted") when the process doing it was killed — never failed
while it still runs, never running forever."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from pursuit.evidence.items import Item, list_items
from pursuit.stages.reprocess import reprocess
from pursuit.stages.runs import (
    INTERRUPTED,
    RunStatus,
    Stage,
    finish_run,
    latest_runs,
    mark_interrupted,
    queue_runs,
    start_run,
)
from pursuit.store.schema import stage_runs
from pursuit.store.workspace import Workspace
from tests.signin import signed_client

from ..evidence.helpers import ingest

# A child process that starts a text run on an item and is killed before it can finish it.
CHILD = """
import sys, time
from pathlib import Path
from pursuit.settings import Settings
from pursuit.stages.runs import Stage, start_run
from pursuit.store.workspace import open_workspace
from tests.signin import signed_client
home, url, item_id = sys.argv[1], sys.argv[2] or None, sys.argv[3]
ws = open_workspace(Settings(home=Path(home), database_url=url, actor="worker"))
print(start_run(ws, item_id, Stage.TEXT), flush=True)
time.sleep(600)
"""


def _item(ws: Workspace, tmp_path: Path) -> Item:
    note = tmp_path / "note.txt"
    note.write_text("The convoy left Raqqa at dawn.", encoding="utf-8")
    ingest(ws, note)
    with ws.read() as conn:
        return list_items(conn)[0]


def _runs(ws: Workspace, item: Item) -> dict[Stage, tuple[RunStatus, str | None]]:
    return {r.stage: (r.status, r.error) for r in latest_runs(ws, item.id)}


def _killed_mid_run(ws: Workspace, item: Item) -> int:
    """Start a text run in another process, kill that process, and return the run's id."""
    args = [str(ws.settings.home), ws.settings.database_url or "", item.id]
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, *args], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    run_id = int(child.stdout.readline())
    assert _runs(ws, item)[Stage.TEXT][0] is RunStatus.RUNNING  # alive: honestly running
    child.send_signal(signal.SIGKILL)
    child.wait()
    child.stdout.close()
    return run_id


def test_a_run_in_progress_reads_running_not_failed(ws: Workspace, tmp_path: Path) -> None:
    item = _item(ws, tmp_path)
    run = start_run(ws, item.id, Stage.OCR)
    [current] = [r for r in latest_runs(ws, item.id) if r.stage is Stage.OCR]
    assert (current.status, current.error) == (RunStatus.RUNNING, None)
    assert isinstance(current.stage, Stage) and isinstance(current.status, RunStatus)
    assert current.pid == os.getpid() and current.finished_at is None
    assert mark_interrupted(ws) == 0  # this process is alive: nothing to write down
    finish_run(ws, run)
    assert _runs(ws, item)[Stage.OCR] == (RunStatus.DONE, None)


def test_a_failed_run_keeps_its_error(ws: Workspace, tmp_path: Path) -> None:
    item = _item(ws, tmp_path)
    finish_run(ws, start_run(ws, item.id, Stage.NLP), "no Arabic model could read this text")
    assert _runs(ws, item)[Stage.NLP] == (RunStatus.FAILED, "no Arabic model could read this text")


def test_a_run_whose_process_was_killed_reads_interrupted(ws: Workspace, tmp_path: Path) -> None:
    item = _item(ws, tmp_path)
    _killed_mid_run(ws, item)
    assert _runs(ws, item)[Stage.TEXT] == (RunStatus.FAILED, INTERRUPTED)
    assert mark_interrupted(ws) == 1
    assert mark_interrupted(ws) == 0
    assert _runs(ws, item)[Stage.TEXT] == (RunStatus.FAILED, INTERRUPTED)
    [run] = [r for r in latest_runs(ws, item.id) if r.stage is Stage.TEXT]
    assert run.finished_at is not None  # written down, no longer only inferred


def test_a_dead_pid_that_never_finished_reads_interrupted(ws: Workspace, tmp_path: Path) -> None:
    item = _item(ws, tmp_path)
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    run = start_run(ws, item.id, Stage.OCR)
    with ws.write() as conn:
        conn.execute(stage_runs.update().where(stage_runs.c.id == run).values(pid=int(gone.stdout)))
    assert _runs(ws, item)[Stage.OCR] == (RunStatus.FAILED, INTERRUPTED)


def test_reprocess_picks_up_an_interrupted_text_stage(ws: Workspace, tmp_path: Path) -> None:
    item = _item(ws, tmp_path)
    _killed_mid_run(ws, item)
    results = list(reprocess(ws, Stage.TEXT))
    assert [(r.item_id, r.ok) for r in results] == [(item.id, True)]
    assert _runs(ws, item)[Stage.TEXT] == (RunStatus.DONE, None)


def test_a_queued_run_reads_queued_and_a_stopped_batch_leaves_none(
    ws: Workspace, tmp_path: Path
) -> None:
    item = _item(ws, tmp_path)
    [run] = queue_runs(ws, [item.id], Stage.NLP)
    assert _runs(ws, item)[Stage.NLP] == (RunStatus.QUEUED, None)
    start_run(ws, item.id, Stage.NLP, run)
    assert _runs(ws, item)[Stage.NLP] == (RunStatus.RUNNING, None)
    other = tmp_path / "other.txt"
    other.write_text("A second note.", encoding="utf-8")
    ingest(ws, other)
    batch = reprocess(ws, Stage.TEXT)
    next(batch)
    batch.close()  # the consumer stopped after one item: the other's queued run is dropped
    statuses = {r.status for i in _items(ws) for r in latest_runs(ws, i.id)}
    assert RunStatus.QUEUED not in statuses


def _items(ws: Workspace) -> list[Item]:
    with ws.read() as conn:
        return list_items(conn)


def test_the_item_page_and_api_show_a_running_stage(ws: Workspace, tmp_path: Path) -> None:
    item = _item(ws, tmp_path)
    start_run(ws, item.id, Stage.OCR)
    with signed_client(ws) as client:
        page = client.get(f"/items/{item.id}")
        body = client.get(f"/api/v1/items/{item.id}").json()
    assert page.status_code == 200
    assert '<tr class="run-running"><td>ocr</td>' in page.text
    assert "interrupted" not in page.text
    ocr = next(r for r in body["stage_runs"] if r["stage"] == "ocr")
    assert (ocr["status"], ocr["error"], ocr["pid"]) == ("running", None, os.getpid())
