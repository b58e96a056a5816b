"""Real text files about the Khasham case, taken in through intake, for the watch-list tests."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from pursuit.evidence.items import Acquisition, Method
from pursuit.stages.intake import IntakeOptions, ingest_paths
from pursuit.store.workspace import Workspace

EMIR = "Abu Hafs al-Jazrawi"
GUARD = "Abu Dujana al-Tunisi"
JOURNALIST = "Lina Haddad"
FIRST = (
    "Statement of a defector, taken in Gaziantep in 2018.\n\n"
    f"Our emir in Khasham was {EMIR}. In March 2015 eleven men were held in the school."
)
LATER = (
    "Report from Kilis, February 2017.\n\n"
    f"A smuggler told us that {EMIR} crossed into Turkey in January 2017 with two guards. "
    f"He said {EMIR} now uses a Syrian passport."
)
OTHER = (
    "Note on the prison guards, 2016.\n\n"
    f"The guard {GUARD} beat prisoners in Raqqa in 2015, according to two former detainees."
)
ARTICLE = (
    "The emir of Khasham\n\n"
    f"By {JOURNALIST}\n\n"
    f"The journalist {JOURNALIST} spent two years documenting the killings in Khasham."
)


def ingest(ws: Workspace, folder: Path, name: str, text: str) -> str:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    acquisition = Acquisition(
        acquired_by="investigator-3",
        acquired_at=datetime(2024, 5, 2, 10, 0, tzinfo=UTC),
        method=Method.UPLOAD,
    )
    options = IntakeOptions(case="khasham", acquisition=acquisition, run_ocr=False)
    results = list(ingest_paths(ws, [path], options))
    assert results[0].id is not None
    return results[0].id
