"""The OCR and text stages on a real workspace: derivatives sit beside each other, re-runs keep
the earlier ones, failures are reported per item and the batch goes on."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from pursuit.evidence.items import list_items
from pursuit.evidence.verify import verify_workspace
from pursuit.search import search
from pursuit.stages.derivatives import list_derivatives
from pursuit.stages.reprocess import reprocess
from pursuit.stages.runs import Stage
from pursuit.store.workspace import Workspace

from ..evidence.helpers import ingest
from ..extract.hostile import INK, pdf
from ..extract.samples import CORPUS, join_pdfs, page_image, scanned_pdf, text_pdf


def _kinds(ws: Workspace, filename: str) -> list[str]:
    with ws.read() as conn:
        item = next(i for i in list_items(conn) if i.filename == filename)
        return [d.kind for d in list_derivatives(conn, item.id)]


def test_scanned_pages_are_ocred_beside_the_text_layer(ws: Workspace, tmp_path: Path) -> None:
    typed = text_pdf(tmp_path / "typed.pdf", ["Statement of witness W-07 about Khasham."])
    scan = scanned_pdf(
        tmp_path / "scan.pdf",
        page_image(tmp_path / "p.png", ["Order to transfer detainees no. 47"]),
    )
    folder = tmp_path / "in"
    folder.mkdir()
    join_pdfs(folder / "file.pdf", [typed, scan])
    results = ingest(ws, folder)
    assert [r.status for r in results] == ["new"]
    assert _kinds(ws, "file.pdf") == ["text", "ocr"]
    with ws.read() as conn:
        item = list_items(conn)[0]
        text, ocr = list_derivatives(conn, item.id)
        assert "transfer detainees" not in text.text
        pages = ocr.text.split("\f")
        assert "witness W-07" in pages[0] and "transfer detainees" in pages[1]
        assert ocr.meta["ocr_pages"] == "2" and ocr.tool == "tesseract"
        assert [h.filename for h in search(conn, "detainees")] == ["file.pdf"]
    assert verify_workspace(ws).ok


def test_arabic_scan_is_searchable_and_filterable_by_language(
    ws: Workspace, tmp_path: Path
) -> None:
    ingest(ws, CORPUS / "09_transfer_order_scan.png")
    with ws.read() as conn:
        assert [h.filename for h in search(conn, "الجزراوي")] == ["09_transfer_order_scan.png"]
        assert search(conn, "الجزراوي", language="ar")
        assert search(conn, "Khasham", language="en")
        assert not search(conn, "Khasham", language="fr")


def test_reprocess_ocr_keeps_the_earlier_derivative(ws: Workspace, tmp_path: Path) -> None:
    ingest(ws, page_image(tmp_path / "note.png", ["Eleven detainees were moved"]))
    results = list(reprocess(ws, Stage.OCR))
    assert [r.ok for r in results] == [True]
    assert _kinds(ws, "note.png") == ["text", "ocr", "ocr"]
    with ws.read() as conn:
        first, second = list_derivatives(conn, list_items(conn)[0].id)[1:]
    assert first.text == second.text and first.id != second.id
    assert verify_workspace(ws).ok


def test_ocr_of_a_huge_scan_stops_at_the_cap_and_says_so(ws: Workspace, tmp_path: Path) -> None:
    small = dataclasses.replace(ws, settings=ws.settings.model_copy(update={"max_ocr_pages": 2}))
    register = tmp_path / "register.pdf"
    register.write_bytes(pdf([INK] * 5 + [b""] * 10_000))  # five inked pages, then blank ones
    ingest(small, register)
    with ws.read() as conn:
        ocr = list_derivatives(conn, list_items(conn)[0].id)[-1]
    assert ocr.kind == "ocr"
    assert ocr.meta["ocr_pages"] == "1-2"
    assert ocr.meta["pages_not_ocred"] == "3-5"
    assert ocr.meta["pages_blank"] == "6-10005"  # blank pages never reach Tesseract
    assert "PURSUIT_MAX_OCR_PAGES" in ocr.meta["note"]


def test_a_bad_file_in_a_batch_is_reported_and_the_rest_goes_on(
    ws: Workspace, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\n")
    (folder / "b_note.txt").write_text("The convoy left Raqqa at dawn.", encoding="utf-8")
    results = ingest(ws, folder)
    assert [r.status for r in results] == ["new", "new"]
    assert "PDF" in results[0].warnings[0]
    assert not results[1].warnings
    with ws.read() as conn:
        assert [h.filename for h in search(conn, "convoy")] == ["b_note.txt"]
