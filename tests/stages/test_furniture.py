"""A saved web page: the language stage reads it without its furniture, the evidence stays whole."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import sqlalchemy as sa

from pursuit.evidence.items import list_items
from pursuit.stages.derivatives import list_derivatives
from pursuit.stages.intake import ingest_paths
from pursuit.store.schema import mentions
from pursuit.store.workspace import Workspace

from ..evidence.helpers import options

PAGE = Path(__file__).resolve().parents[2] / "bench" / "data" / "boilerplate" / "en_gazette.txt"


def test_nlp_reads_the_page_without_furniture_and_the_derivative_is_unchanged(
    ws: Workspace, tmp_path: Path
) -> None:
    copy = tmp_path / "en_gazette.txt"
    shutil.copy(PAGE, copy)
    original = PAGE.read_bytes()
    list(ingest_paths(ws, [copy], options(nlp=True)))
    with ws.read() as conn:
        (item,) = list_items(conn)
        (derivative,) = [d for d in list_derivatives(conn, item.id) if d.kind == "text"]
        rows = conn.execute(sa.select(mentions).where(mentions.c.item_id == item.id)).all()
    assert item.sha256 == hashlib.sha256(original).hexdigest()
    assert ws.blobs.path_for(item.sha256).read_bytes() == original
    assert derivative.text == original.decode("utf-8")
    assert derivative.text_sha256 == hashlib.sha256(original).hexdigest()
    found = {(r._mapping["type"], r._mapping["text"]) for r in rows}
    names = {text for _, text in found}
    assert {"Saad Jubouri", "Omar Haddad"} <= names
    assert not names & {"Logo Wide", "Mug", "Suspicious", "Glock", "Netflix", "Nadia Karam"}
    for row in rows:
        m = row._mapping
        assert derivative.text[m["start"] : m["end"]] == m["text"]
