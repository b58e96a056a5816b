"""Limits and crashes: a hostile file fails its own stage with a reason and the batch goes on;
interrupted stages resume; uploads are capped and leave OCR queued; OCR and NLP stay in budget."""

from __future__ import annotations

import io
import os
import socket
import subprocess
import time
from pathlib import Path

import pytest
from PIL import Image

from pursuit.errors import UploadTooLarge
from pursuit.evidence.items import Item, list_items
from pursuit.nlp.chunks import text_chunks
from pursuit.settings import Settings
from pursuit.stages.derivatives import list_derivatives
from pursuit.stages.intake import ingest_paths
from pursuit.stages.leftovers import sweep_leftovers
from pursuit.stages.reprocess import resume_unfinished
from pursuit.stages.runs import RunStatus, Stage, latest_runs
from pursuit.stages.upload import spooled
from pursuit.store.schema import mentions, stage_runs
from pursuit.store.workspace import Workspace, create_workspace
from tests.signin import signed_client

from ..evidence.helpers import ingest, options
from ..extract.hostile import INK, nested_eml, pdf


def _runs(ws: Workspace, item: Item) -> dict[Stage, tuple[RunStatus, str | None]]:
    return {r.stage: (r.status, r.error) for r in latest_runs(ws, item.id)}


def _items(ws: Workspace) -> dict[str, Item]:
    with ws.read() as conn:
        return {i.filename: i for i in list_items(conn)}


def _dead_pid() -> int:
    child = subprocess.Popen(["true"])
    child.wait()
    return child.pid


def test_a_hostile_file_fails_its_own_stage_and_the_batch_goes_on(
    ws: Workspace, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("The convoy left Raqqa at dawn.", encoding="utf-8")
    (folder / "deep.eml").write_bytes(nested_eml(5000))
    (folder / "z.txt").write_text("They came back at night.", encoding="utf-8")
    results = {Path(r.path).name: r for r in ingest(ws, folder)}
    assert [r.status for r in results.values()] == ["new", "new", "new"]
    assert "nested more than 50 deep" in results["deep.eml"].warnings[0]
    found = _items(ws)
    status, error = _runs(ws, found["deep.eml"])[Stage.TEXT]
    assert status is RunStatus.FAILED and error is not None and "nested" in error
    assert _runs(ws, found["z.txt"])[Stage.TEXT][0] is RunStatus.DONE


def test_an_upload_of_a_hostile_file_answers_with_its_failed_stage(ws: Workspace) -> None:
    with signed_client(ws) as client:
        answer = client.post("/api/v1/items", files={"file": ("deep.eml", nested_eml(5000))})
    assert answer.status_code == 201
    assert "nested more than 50 deep" in answer.json()["results"][0]["warnings"][0]
    item = _items(ws)["deep.eml"]
    assert _runs(ws, item)[Stage.TEXT][0] is RunStatus.FAILED


def test_an_upload_over_the_limit_is_refused_whole(tmp_path: Path) -> None:
    ws = create_workspace(Settings(home=tmp_path / "ws", actor="tester", max_upload_bytes=4096))
    with signed_client(ws) as client:
        answer = client.post("/api/v1/items", files={"file": ("big.bin", b"x" * 10_000)})
    assert answer.status_code == 413
    assert "PURSUIT_MAX_UPLOAD_BYTES" in answer.json()["detail"]
    assert _items(ws) == {}
    assert not [p for p in ws.blobs.root.rglob("*") if p.is_file()]
    ws.dispose()


def test_spooling_stops_at_the_limit_and_keeps_no_partial_copy() -> None:
    big = io.BytesIO(b"y" * (3 * 1024 * 1024))
    with (
        pytest.raises(UploadTooLarge, match="nothing was kept"),
        spooled(big, "big.bin", limit=2 * 1024 * 1024),
    ):
        pass
    with spooled(io.BytesIO(b"y" * 100), "small.bin", limit=100) as path:
        assert path.read_bytes() == b"y" * 100
        folder = path.parent
    assert not folder.exists()


def test_an_upload_leaves_ocr_queued_for_reprocess_unfinished(ws: Workspace) -> None:
    page = io.BytesIO()
    Image.new("L", (600, 400), 255).save(page, format="PNG")
    with signed_client(ws) as client:
        answer = client.post("/api/v1/items", files={"file": ("scan.png", page.getvalue())})
    assert answer.status_code == 201
    item = _items(ws)["scan.png"]
    assert _runs(ws, item)[Stage.OCR][0] is RunStatus.QUEUED
    done = list(resume_unfinished(ws))
    assert [(r.stage, r.ok) for r in done] == [("ocr", True)]
    assert _runs(ws, item)[Stage.OCR][0] is RunStatus.DONE
    with ws.read() as conn:
        ocr = [d for d in list_derivatives(conn, item.id) if d.kind == "ocr"][-1]
    assert ocr.meta["pages_blank"] == "1"  # a blank page never reaches Tesseract
    assert list(resume_unfinished(ws)) == []


def test_an_interrupted_stage_is_resumed_by_re_ingest(ws: Workspace, tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("The convoy left Raqqa at dawn.", encoding="utf-8")
    ingest(ws, note)
    item = _items(ws)["note.txt"]
    with ws.write() as conn:  # a text run whose process died, as a kill -9 leaves it
        conn.execute(
            stage_runs.insert().values(
                item_id=item.id,
                stage="text",
                status="running",
                started_at=item.ingested_at,
                host=socket.gethostname(),
                pid=_dead_pid(),
            )
        )
    assert _runs(ws, item)[Stage.TEXT][0] is RunStatus.FAILED
    again = ingest(ws, note)
    assert again[0].status == "duplicate"
    assert again[0].as_json()["resumed"] == ["text"]
    assert _runs(ws, item)[Stage.TEXT][0] is RunStatus.DONE
    assert "resumed" not in ingest(ws, note)[0].as_json()


def test_leftovers_of_dead_processes_go_and_live_ones_stay(ws: Workspace) -> None:
    root = ws.blobs.root
    root.mkdir(parents=True, exist_ok=True)
    host = socket.gethostname()
    dead = root / f".incoming-{_dead_pid()}@{host}-abc123"
    live = root / f".incoming-{os.getpid()}@{host}-def456"
    legacy = root / ".incoming-zz9_x"
    for path in (dead, live, legacy):
        path.write_bytes(b"partial" * 1000)
        old = time.time() - 3600
        os.utime(path, (old, old))
    found = {f.path.name: f for f in sweep_leftovers(root)}
    assert found[dead.name].removed and not dead.exists()
    assert not found[live.name].removed and live.exists()
    assert found[legacy.name].removed  # held open by no process
    live.unlink()


def test_pdf_ocr_skips_blank_pages_and_names_what_the_budget_left(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path / "ws", actor="tester", max_ocr_pages=0)
    ws = create_workspace(settings)
    bundle = tmp_path / "bundle.pdf"
    bundle.write_bytes(pdf([b""] * 1500 + [INK] + [b""] * 20))
    list(ingest_paths(ws, [bundle], options()))
    item = _items(ws)["bundle.pdf"]
    with ws.read() as conn:
        ocr = [d for d in list_derivatives(conn, item.id) if d.kind == "ocr"][-1]
    assert ocr.meta["pages_blank"] == "1-1500,1502-1521"
    assert ocr.meta["pages_not_ocred"] == "1501"
    assert "PURSUIT_MAX_OCR_PAGES" in ocr.meta["note"]
    assert ocr.text.count("\f") == 1520
    ws.dispose()


def test_a_huge_line_is_cut_into_bounded_pieces_that_cover_it() -> None:
    line = "x" * 3_000_000 + " words " * 300_000
    pieces = list(text_chunks(line, 100_000))
    assert all(len(piece) <= 100_000 for _, piece in pieces)
    assert "".join(piece for _, piece in pieces) == line
    assert all(line[start : start + len(piece)] == piece for start, piece in pieces)


def test_nlp_reads_a_long_line_in_pieces_with_whole_text_offsets(tmp_path: Path) -> None:
    settings = Settings(
        home=tmp_path / "ws", actor="tester", nlp_chunk_chars=20_000, nlp_max_chars=150_000
    )
    ws = create_workspace(settings)
    filler = "the convoy moved along the road and stopped near the river for water "
    line = (filler * 40 + "Abu Omar al-Shishani was seen in Raqqa. ") * 110  # one line
    text_file = tmp_path / "long.txt"
    text_file.write_text(line, encoding="utf-8")
    list(ingest_paths(ws, [text_file], options(nlp=True)))
    item = _items(ws)["long.txt"]
    status, note = _runs(ws, item)[Stage.NLP]
    assert status is RunStatus.DONE and note is not None and "PURSUIT_NLP_MAX_CHARS" in note
    with ws.read() as conn:
        found = conn.execute(mentions.select().where(mentions.c.item_id == item.id)).all()
    places = [m for m in found if m.text == "Raqqa"]
    expected = [i for i in range(150_000) if line.startswith("Raqqa", i)]
    assert [m.start for m in sorted(places, key=lambda m: m.start)] == expected
    assert all(line[m.start : m.end] == m.text for m in found)
    ws.dispose()
