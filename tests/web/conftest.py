"""A workspace built by real intake of a few files, for the page and browser tests."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from pursuit.evidence.items import Acquisition, Method
from pursuit.resolve.profiles import list_profiles
from pursuit.stages.intake import IntakeOptions, ingest_paths
from pursuit.store.workspace import Workspace
from tests.signin import signed_client

CASE = "Raqqa executions"
ENGLISH = (
    "Witness statement, taken in Berlin on 3 May 2019.\n\n"
    "In the summer of 2014 the emir Abu Hafs al-Jazrawi ordered the execution of prisoners "
    "in Raqqa. The witness saw Abu Hafs al-Jazrawi at the checkpoint near the bridge.\n"
)
ARABIC = "قَالَ الشَّاهِدُ إِنَّ الأَمِيرَ أَبُو حَفْصٍ الجَزْرَاوِي أَمَرَ بِالإِعْـدَامِ فِي الرَّقَّةِ.\n"
MIXED = "Notes: the register lists أبو حفص الجزراوي (sha256 4f2a9c) as emir in Raqqa.\n"


@dataclass(frozen=True)
class Corpus:
    ws: Workspace
    ids: dict[str, str]
    person_id: str | None


def _files(folder: Path) -> list[Path]:
    folder.mkdir()
    texts = {"statement-en.txt": ENGLISH, "شهادة.txt": ARABIC, "notes-mixed.txt": MIXED}
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return sorted(folder.iterdir())


def build_corpus(ws: Workspace, folder: Path) -> Corpus:
    acquisition = Acquisition(
        acquired_by="investigator-7",
        acquired_at=datetime(2024, 3, 1, 9, 30, tzinfo=UTC),
        method=Method.TESTIMONY,
        notes="handed over in person",
    )
    options = IntakeOptions(case=CASE, acquisition=acquisition)
    results = list(ingest_paths(ws, _files(folder), options))
    assert [r.status for r in results] == ["new"] * 3, results
    ids = {Path(r.path).name: str(r.id) for r in results}
    with ws.read() as conn:
        people = list_profiles(conn, "person")
    jazrawi = [e.id for e in people if "jazrawi" in e.name.casefold()]
    return Corpus(ws, ids, jazrawi[0] if jazrawi else None)


@pytest.fixture
def corpus(ws: Workspace, tmp_path: Path) -> Corpus:
    return build_corpus(ws, tmp_path / "files")


@pytest.fixture
def client(ws: Workspace) -> Iterator[TestClient]:
    with signed_client(ws) as test_client:
        yield test_client
