"""A kunya meets a legal name only where a source says so, and then only as a proposal."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from pursuit.names import ReasonCode
from pursuit.resolve.resolution import resolve_persons
from pursuit.resolve.review import review_queue
from pursuit.stages.intake import ingest_paths
from pursuit.store.schema import entities
from pursuit.store.workspace import Workspace

from ..evidence.helpers import options

COURT = (
    "The court heard that Julien Moreau, alias Abu Abdallah al-Faransi, reached Raqqa in the "
    "summer of 2014.\n"
)
TESTIMONY = "The witness said that Abu Abdallah al-Faransi guarded the prison in Tabqa.\n"
NEWS = "Separately, Karim Benali was seen in Mosul; Abu Bakr al-Tunisi ran the checkpoint.\n"


def _person_ids(ws: Workspace) -> dict[str, str]:
    with ws.read() as conn:
        rows = conn.execute(
            sa.select(entities.c.id, entities.c.name).where(entities.c.type == "person")
        )
        return {str(r.name): str(r.id) for r in rows}


def test_an_alias_stated_in_a_source_becomes_a_proposal_quoting_it(
    ws: Workspace, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in (("court.txt", COURT), ("testimony.txt", TESTIMONY), ("news.txt", NEWS)):
        (folder / name).write_text(text, encoding="utf-8")
    list(ingest_paths(ws, [folder], options(nlp=True)))
    ids = _person_ids(ws)
    moreau, faransi = ids["Julien Moreau"], ids["Abu Abdallah al-Faransi"]

    resolve_persons(ws)
    with ws.read() as conn:
        queue = review_queue(conn)
    stated = [e.proposal for e in queue if set(e.proposal.pair) == {moreau, faransi}]
    assert len(stated) == 1, "the alias claim must reach the review queue"
    said = [r for r in stated[0].reasons if r.code is ReasonCode.STATED_IN_SOURCES]
    assert said and any("Julien Moreau, alias Abu Abdallah al-Faransi" in r.detail for r in said)
    assert said[0].text.startswith("stated in the sources (alias claim, confidence ")
    # Names that no source links, and that share no word, are never proposed together.
    others = {ids["Karim Benali"], ids["Abu Bakr al-Tunisi"]}
    assert not any(set(e.proposal.pair) & others for e in queue)
    # It stays a proposal: nothing is merged until a reviewer says "same".
    assert all(e.judgement is None for e in queue)
