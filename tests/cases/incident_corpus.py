"""One fictional massacre told in four languages, and a separate killing elsewhere, taken in
through the intake stage as a user would."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from pursuit.evidence.items import Acquisition, Method
from pursuit.stages.intake import IntakeOptions, ingest_paths
from pursuit.store.workspace import Workspace

CASE = "suwar-massacre"
EMIR = "Abu Qasim al-Halabi"

TEXTS = {
    "valley-monitor-en.txt": (
        "Report of the Valley Monitor, 3 September 2014.\n\n"
        "In summer 2014, fighters of the Black Banner Brigade executed almost 300 civilians in "
        "Suwar on the orders of the emir Abu Qasim al-Halabi. Survivors said the men were taken "
        "from their homes at dawn. The massacre lasted two days.\n"
    ),
    "journal-du-levant-fr.txt": (
        "Journal du Levant, octobre 2014.\n\n"
        "À l'été 2014, des combattants de la Brigade de la Bannière noire ont exécuté près de "
        "300 civils à Suwar sur ordre de l'émir Abou Qassim al-Halabi.\n"
    ),
    "abendpost-de.txt": (
        "Westdeutsche Abendpost, November 2014.\n\n"
        "Im Sommer 2014 wurden in Suwar fast 300 Zivilisten hingerichtet, auf Befehl von "
        "Abu Qasim al-Halabi.\n"
    ),
    "testimony-ar.txt": (
        "شهادة من الصور، 2015.\n\n"
        "في صيف 2014 أعدم مقاتلو لواء الراية السوداء نحو 300 مدني في الصور بأمر من الأمير "
        "أبو قاسم الحلبي.\n"
    ),
    "deir-hafer-en.txt": (
        "Field note, April 2015.\n\n"
        "In March 2015 a shepherd was killed in Deir Hafer by a sniper of the Black Banner "
        "Brigade.\n"
    ),
}
MASSACRE_FILES = [n for n in TEXTS if n != "deir-hafer-en.txt"]


def ingest_corpus(ws: Workspace, folder: Path) -> dict[str, str]:
    """file name -> item id, each file taken in on its own, in order."""
    folder.mkdir(parents=True, exist_ok=True)
    ids = {}
    for day, (name, text) in enumerate(TEXTS.items(), start=1):
        path = folder / name
        path.write_text(text, encoding="utf-8")
        acquisition = Acquisition(
            acquired_by="investigator-5",
            acquired_at=datetime(2024, 6, day, 9, 0, tzinfo=UTC),
            method=Method.UPLOAD,
        )
        options = IntakeOptions(case=CASE, acquisition=acquisition, run_ocr=False)
        results = list(ingest_paths(ws, [path], options))
        assert [r.status for r in results] == ["new"], results
        ids[name] = str(results[0].id)
    return ids
