"""A workspace whose evidence rows are made through the core, and a client for the real app.

The rows are those intake would make (blob, item, custody events, text derivative, stage runs,
an entity with mentions), so the API tests do not depend on every format reader being present;
the upload tests take real files in through the API itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient

from pursuit.entities import ensure_entity
from pursuit.evidence.cases import ensure_case
from pursuit.evidence.custody import Action, append_event
from pursuit.evidence.items import Acquisition, Item, Method, insert_item, new_item_id
from pursuit.stages.derivatives import NewDerivative, add_derivative
from pursuit.stages.runs import Stage, finish_run, start_run
from pursuit.store.schema import mentions
from pursuit.store.workspace import Workspace
from tests.signin import signed_client

ENGLISH = (
    "Abu Hafs al-Jazrawi ordered the execution of the prisoners in Raqqa in 2014.\n\n"
    "A second witness saw Abu Hafs al-Jazrawi at the checkpoint."
)
# The same name written with full diacritics (harakat) and a tatweel.
ARABIC = "قَالَ الشَّاهِدُ إِنَّ الأَمِيرَ أَبُو حَفْصٍ الجَزْرَاوِي أَمَرَ بِالإِعْـدَامِ فِي الرَّقَّةِ."
CASE = "Raqqa executions"
PERSON = "Abu Hafs al-Jazrawi"


@dataclass(frozen=True)
class Filled:
    ws: Workspace
    case_id: str
    english: Item
    arabic: Item
    entity_id: str


def _item(ws: Workspace, case_id: str, filename: str, body: str, source: str) -> Item:
    blob = ws.blobs.put_bytes(body.encode("utf-8"), filename)
    acquisition = Acquisition(
        acquired_by="investigator-7",
        acquired_at=datetime(2024, 3, 1, 9, 30, tzinfo=UTC),
        method=Method.WEB_CAPTURE,
        source_url=source,
        notes="captured from the open web",
    )
    item = Item(
        id=new_item_id(),
        case_id=case_id,
        sha256=blob.sha256,
        size=blob.size,
        filename=filename,
        mime="text/plain",
        acquisition=acquisition,
        parent_id=None,
        ingested_at=datetime.now(UTC),
        ingested_by="tester",
    )
    with ws.write() as conn:
        insert_item(conn, item)
        ids = {"case_id": case_id, "item_id": item.id}
        append_event(conn, Action.ACQUIRED, "tester", details={"filename": filename}, **ids)
        append_event(conn, Action.INGESTED, "tester", details={"sha256": blob.sha256}, **ids)
    return item


def _text(ws: Workspace, item: Item, text: str, nlp_error: str | None = None) -> int:
    run = start_run(ws, item.id, Stage.TEXT)
    with ws.write() as conn:
        new = NewDerivative(kind="text", text=text, tool="plain-text", tool_version="1.0")
        derivative_id = add_derivative(conn, item, new, "tester")
    finish_run(ws, run)
    finish_run(ws, start_run(ws, item.id, Stage.NLP), nlp_error)
    return derivative_id


def _mention(ws: Workspace, item: Item, derivative_id: int, text: str, entity_id: str) -> None:
    body_start = 0
    with ws.write() as conn:
        conn.execute(
            mentions.insert().values(
                item_id=item.id,
                derivative_id=derivative_id,
                start=body_start,
                end=body_start + len(text),
                text=text,
                type="person",
                label=PERSON,
                extractor="test-rules",
                confidence=0.9,
                attributes={},
                entity_id=entity_id,
            )
        )


def fill(ws: Workspace) -> Filled:
    with ws.write() as conn:
        case_id = ensure_case(conn, CASE, "tester").id
    english = _item(ws, case_id, "report-en.txt", ENGLISH, "https://example.org/report")
    arabic = _item(ws, case_id, "شهادة.txt", ARABIC, "https://example.org/ar")
    en_text = _text(ws, english, ENGLISH)
    _text(ws, arabic, ARABIC, nlp_error="no Arabic model could read this text")
    with ws.write() as conn:
        entity_id = ensure_entity(conn, case_id, "person", PERSON)
    _mention(ws, english, en_text, PERSON, entity_id)
    return Filled(ws, case_id, english, arabic, entity_id)


@pytest.fixture
def filled(ws: Workspace) -> Filled:
    return fill(ws)


@pytest.fixture
def client(ws: Workspace) -> Iterator[TestClient]:
    with signed_client(ws) as test_client:
        yield test_client
