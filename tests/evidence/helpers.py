"""Small builders shared by the evidence tests."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from pursuit.evidence.items import Acquisition, Method
from pursuit.stages.intake import IntakeOptions, IntakeResult, ingest_paths
from pursuit.store.workspace import Workspace

WHEN = datetime(2024, 3, 1, 9, 30, tzinfo=UTC)


def options(case: str = "test-case", nlp: bool = False) -> IntakeOptions:
    acquisition = Acquisition(
        acquired_by="investigator-7",
        acquired_at=WHEN,
        method=Method.UPLOAD,
        source_url="https://example.org/source",
        notes="handed over on a USB stick",
    )
    return IntakeOptions(case=case, acquisition=acquisition, run_nlp=nlp)


def ingest(ws: Workspace, *paths: Path, case: str = "test-case") -> list[IntakeResult]:
    return list(ingest_paths(ws, list(paths), options(case)))
