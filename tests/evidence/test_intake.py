"""Intake of real files: items, derivatives, duplicates, containers and tampering found later."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import sqlalchemy as sa

from pursuit.evidence.custody import iter_events
from pursuit.evidence.items import get_item, list_items
from pursuit.evidence.problems import ProblemKind
from pursuit.evidence.verify import verify_workspace
from pursuit.search import search
from pursuit.stages.derivatives import list_derivatives
from pursuit.store.schema import derivatives, items
from pursuit.store.workspace import Workspace

from .helpers import ingest

ARABIC = "قال الشاهدُ إنَّ الأمير أبو حفص الجزراوي أمر بإعدام المدنيين في دير الزور سنة ٢٠١٤."


def _corpus(folder: Path) -> Path:
    folder.mkdir()
    (folder / "note.txt").write_text("Witness A saw the convoy leave Raqqa at dawn.\n", "utf-8")
    (folder / "arabic.txt").write_text(ARABIC + "\n", encoding="utf-8")
    (folder / "page.html").write_text(
        "<html><head><title>Report</title></head><body><nav>Home | About</nav>"
        "<article><h1>Executions in Khasham</h1><p>Residents of Khasham described how "
        "fighters gathered men in the square in August 2014 and shot them.</p>"
        "<p>A local activist documented the names of the victims.</p></article></body></html>",
        encoding="utf-8",
    )
    return folder


def test_ingest_records_item_acquisition_and_derivative(ws: Workspace, tmp_path: Path) -> None:
    results = ingest(ws, _corpus(tmp_path / "in"))
    assert sorted(r.status for r in results) == ["new", "new", "new"]
    with ws.read() as conn:
        note = next(i for i in list_items(conn) if i.filename == "note.txt")
        assert note.acquisition.acquired_by == "investigator-7"
        assert note.acquisition.source_url == "https://example.org/source"
        derived = list_derivatives(conn, note.id)
        assert derived[0].text.startswith("Witness A saw the convoy")
        assert derived[0].parent_sha256 == note.sha256
        assert derived[0].tool
        actions = [e.action for e in iter_events(conn, note.id)]
    assert actions[:3] == ["acquired", "ingested", "derived"]
    assert verify_workspace(ws).ok


def test_same_bytes_twice_is_a_duplicate(ws: Workspace, tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "in")
    first = ingest(ws, folder / "note.txt")
    again = ingest(ws, folder / "note.txt")
    assert [r.status for r in again] == ["duplicate"]
    assert again[0].id == first[0].id
    with ws.read() as conn:
        assert conn.scalar(sa.select(sa.func.count()).select_from(items)) == 1
        actions = [e.action for e in iter_events(conn, first[0].id or "")]
    assert actions.count("resubmitted") == 1
    other_case = ingest(ws, folder / "note.txt", case="another case")
    assert other_case[0].status == "new"


def test_search_folds_arabic_variants(ws: Workspace, tmp_path: Path) -> None:
    ingest(ws, _corpus(tmp_path / "in"))
    with ws.read() as conn:
        # No diacritics, alef without hamza, taa marbuta as haa, and a tatweel in the query.
        for query in ("الامير", "اعدام", "الشاهد", "الجـزراوي", "Raqqa"):
            hits = search(conn, query)
            assert hits, query
        assert search(conn, "الامير")[0].filename == "arabic.txt"
        assert search(conn, "Khasham")[0].filename == "page.html"
        assert search(conn, "nonexistentword") == []


def test_zip_members_become_child_items(ws: Workspace, tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("register/list.txt", "Abu Yusuf al-Baljiki, guard, Raqqa 2015")
        archive.writestr("memo.txt", "Memo on the prison in al-Mayadin.")
    path = tmp_path / "leak.zip"
    path.write_bytes(buffer.getvalue())
    results = ingest(ws, path)
    parent = results[0]
    children = [r for r in results if r.parent_id == parent.id]
    assert len(children) == 2
    with ws.read() as conn:
        child = get_item(conn, children[0].id or "")
        assert child.parent_id == parent.id
        assert "leak.zip" in child.acquisition.notes
    assert verify_workspace(ws).ok


def test_changed_and_missing_blobs_are_named(ws: Workspace, tmp_path: Path) -> None:
    results = ingest(ws, _corpus(tmp_path / "in"))
    by_name = {Path(r.path).name: r for r in results}
    changed = ws.blobs.path_for(by_name["note.txt"].sha256 or "")
    os.chmod(changed, 0o644)
    data = bytearray(changed.read_bytes())
    data[3] ^= 0x01
    changed.write_bytes(bytes(data))
    ws.blobs.path_for(by_name["page.html"].sha256 or "").unlink()
    report = verify_workspace(ws)
    assert not report.ok
    found = {(p.kind, p.reference) for p in report.problems}
    assert found == {
        (ProblemKind.BLOB_CHANGED, by_name["note.txt"].sha256),
        (ProblemKind.BLOB_MISSING, by_name["page.html"].sha256),
    }
    changed_blob = next(p for p in report.problems if p.kind is ProblemKind.BLOB_CHANGED)
    assert changed_blob.actual is not None and changed_blob.actual != changed_blob.expected
    assert "note.txt" in changed_blob.message and "was changed" in changed_blob.message
    assert not any("arabic.txt" in p.message for p in report.problems)


def test_edited_derivative_text_is_caught(ws: Workspace, tmp_path: Path) -> None:
    ingest(ws, _corpus(tmp_path / "in"))
    with ws.write() as conn:
        conn.execute(derivatives.update().where(derivatives.c.id == 1).values(text="forged"))
    report = verify_workspace(ws)
    [problem] = report.problems
    assert (problem.kind, problem.reference) == (ProblemKind.DERIVATIVE_CHANGED, "1")
    assert problem.message.startswith("derivative 1 of item ")
