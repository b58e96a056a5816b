"""Workspaces holding documents that name people, built without the extraction stage.

Each document is a real sentence; each person named in it becomes a mention at its true offsets,
grouped into an entity by `ensure_entity` exactly as extraction does, so resolution starts from
the rows it meets in a real workspace.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from pursuit.entities import ensure_entity
from pursuit.evidence.cases import ensure_case
from pursuit.evidence.items import Acquisition, Item, insert_item, new_item_id
from pursuit.store.schema import claims, derivatives, mentions
from pursuit.store.workspace import Workspace

WHEN = datetime(2024, 3, 1, 9, 30, tzinfo=UTC)


def add_document(
    ws: Workspace,
    text: str,
    people: list[str],
    filename: str = "doc.txt",
    nationality: dict[str, str] | None = None,
    born: dict[str, str] | None = None,
) -> dict[str, str]:
    """Store `text` as an item and each of `people` (found in it) as a person mention.

    Returns the entity id of each name.
    """
    found: dict[str, str] = {}
    with ws.write() as conn:
        case = ensure_case(conn, "identity-test", "tester")
        digest = hashlib.sha256(text.encode()).hexdigest()
        item = Item(
            id=new_item_id(),
            case_id=case.id,
            sha256=digest,
            size=len(text.encode()),
            filename=filename,
            mime="text/plain",
            acquisition=Acquisition(acquired_by="tester", acquired_at=WHEN),
            parent_id=None,
            ingested_at=WHEN,
            ingested_by="tester",
        )
        insert_item(conn, item)
        derivative = conn.execute(
            derivatives.insert().values(
                item_id=item.id,
                kind="text",
                tool="test",
                tool_version="1",
                parent_sha256=digest,
                text=text,
                text_sha256=digest,
                language=None,
                meta={},
                created_at=WHEN,
            )
        ).inserted_primary_key
        assert derivative is not None
        for name in people:
            start = text.index(name)
            entity_id = ensure_entity(conn, case.id, "person", name)
            found[name] = entity_id
            conn.execute(
                mentions.insert().values(
                    item_id=item.id,
                    derivative_id=derivative[0],
                    start=start,
                    end=start + len(name),
                    text=name,
                    type="person",
                    label=name,
                    extractor="test",
                    confidence=1.0,
                    attributes={},
                    entity_id=entity_id,
                )
            )
            facts = {
                "nationality": (nationality or {}).get(name),
                "birth_year": (born or {}).get(name),
            }
            for predicate, value in facts.items():
                if value:
                    conn.execute(
                        claims.insert().values(
                            item_id=item.id,
                            derivative_id=derivative[0],
                            predicate=predicate,
                            value=value,
                            subject_text=name,
                            subject_start=start,
                            subject_end=start + len(name),
                            subject_entity_id=entity_id,
                            sentence_start=0,
                            sentence_end=len(text),
                            confidence=0.9,
                            extractor="test",
                        )
                    )
    return found
