"""The demo case exercises every extractor: building it is the end-to-end proof of intake."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pursuit.demo.build import DemoSummary, build_demo
from pursuit.evidence.items import list_items
from pursuit.evidence.verify import verify_workspace
from pursuit.extract import EXTRACTORS
from pursuit.search import search
from pursuit.settings import Settings
from pursuit.stages.derivatives import list_derivatives
from pursuit.store.workspace import Workspace, create_workspace

Demo = tuple[Workspace, DemoSummary]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    home: Path = tmp_path_factory.mktemp("demo")
    ws = create_workspace(Settings(home=home, actor="tester"))
    summary = build_demo(ws)
    yield ws, summary
    ws.dispose()


def test_every_format_is_read_in_the_demo(demo: Demo) -> None:
    ws, summary = demo
    assert not summary.failed
    assert not [r for r in summary.results if r.warnings]
    with ws.read() as conn:
        used = {
            d.meta.get("extractor")
            for item in list_items(conn)
            for d in list_derivatives(conn, item.id)
        }
        kinds = {d.kind for item in list_items(conn) for d in list_derivatives(conn, item.id)}
    assert {e.name for e in EXTRACTORS} <= used
    assert "ocr" in kinds


def test_demo_text_is_searchable_across_scripts_and_formats(demo: Demo) -> None:
    ws, _ = demo
    with ws.read() as conn:
        ocr_hits = {h.filename for h in search(conn, "الفرنسي")}
        register = {h.filename for h in search(conn, "Bouzerda")}
        french = {h.filename for h in search(conn, "passeur", language="fr")}
    assert "18_media_office_order_scan.pdf" in ocr_hits
    assert "13_register_extract_2017-03.xlsx" in register
    assert "14_notes_kilis_2016-04.odt" in french
    assert "12_tip_from_kilis_2017-02.eml" not in french
    assert verify_workspace(ws).ok
