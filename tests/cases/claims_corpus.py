"""A small case in real text: one agency story carried by two outlets, an independent article
and two interviews of one witness, all about one emir; taken in through the intake stage."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from pursuit.evidence.items import Acquisition, Method
from pursuit.stages.intake import IntakeOptions, ingest_paths
from pursuit.store.workspace import Workspace

CASE = "raqqa-emir"
EMIR = "Abu Hafs al-Jazrawi"

AGENCY_A = (
    "RAQQA, Syria (AFP) - Abu Hafs al-Jazrawi, the emir of the Islamic State in Raqqa, ordered "
    "the execution of eleven prisoners in March 2015, residents told reporters. The prisoners had "
    "been held for weeks in the municipal stadium before they were taken to the square. Their "
    "families were never told where the bodies were buried. Abu Hafs al-Jazrawi was born in 1985 "
    "in Buraidah, according to a relative who spoke on condition of anonymity."
)
AGENCY_B = (
    "Islamic State emir ordered prisoners killed, residents say\n\n"
    "RAQQA, Syria (AFP) - Abu Hafs al-Jazrawi, the emir of the Islamic State in Raqqa, ordered "
    "the execution of eleven prisoners in March 2015, residents told reporters. The prisoners had "
    "been held for weeks in the municipal stadium before they were taken to the square. "
    "Abu Hafs al-Jazrawi was born in 1985 in Buraidah, according to a relative who spoke on "
    "condition of anonymity."
)
INDEPENDENT = (
    "Court records seen by this newspaper describe Abu Hafs al-Jazrawi as the emir of Raqqa until "
    "2016. He was born in 1987, the records say. On 12 June 2015 Abu Hafs al-Jazrawi was in "
    "Raqqa, where he presided over a sharia court."
)
INTERVIEW_1 = (
    "Witness: W-07\nInterview of 3 May 2019.\n\n"
    "I knew Abu Hafs al-Jazrawi, the emir, from the checkpoint at the bridge. On 12 June 2015 "
    "Abu Hafs al-Jazrawi was in Mosul; I saw him at the market there."
)
INTERVIEW_2 = (
    "Witness: W-07\nSecond interview, 9 May 2019.\n\n"
    "Abu Hafs al-Jazrawi, the emir, gave the orders at the checkpoint. I am sure of it."
)

FILES = {
    "daily-one.txt": (AGENCY_A, "https://www.daily-one.example/news/emir-raqqa"),
    "evening-post.txt": (AGENCY_B, "https://evening-post.example/world/2015/03/raqqa"),
    "monitor.txt": (INDEPENDENT, "https://monitor.example/reports/jazrawi"),
    "w07-first.txt": (INTERVIEW_1, None),
    "w07-second.txt": (INTERVIEW_2, None),
}


@dataclass(frozen=True)
class Corpus:
    ids: dict[str, str]  # file name -> item id

    def __getitem__(self, name: str) -> str:
        return self.ids[name]


def ingest_one(ws: Workspace, path: Path, url: str | None, case: str = CASE) -> str:
    acquisition = Acquisition(
        acquired_by="investigator-3",
        acquired_at=datetime(2024, 5, 2, 10, 0, tzinfo=UTC),
        method=Method.WEB_CAPTURE if url else Method.UPLOAD,
        source_url=url,
    )
    options = IntakeOptions(case=case, acquisition=acquisition, run_ocr=False)
    results = list(ingest_paths(ws, [path], options))
    assert [r.status for r in results] == ["new"], results
    assert results[0].id is not None
    return results[0].id


def build(ws: Workspace, folder: Path) -> Corpus:
    folder.mkdir(parents=True, exist_ok=True)
    ids = {}
    for name, (text, url) in FILES.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        ids[name] = ingest_one(ws, path, url)
    return Corpus(ids)
