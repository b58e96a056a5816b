"""A workspace holding every kind of record verify vouches for, built by real intake.

Three testimony files go through intake with NLP, so there are items, derivatives, mentions and
entities; then a reviewer records a judgement and a correction, and a witness is registered in
the vault. Tamperings are made with plain SQL behind pursuit's back.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from pursuit.corrections import CorrectionAction, correct_mention
from pursuit.evidence.items import Acquisition, Method
from pursuit.resolve.judgements import Decision, record_judgement
from pursuit.security import Identity, ensure_vault_key, register_witness
from pursuit.settings import Settings
from pursuit.stages.intake import IntakeOptions, ingest_paths
from pursuit.store.schema import entities, mentions
from pursuit.store.workspace import Workspace, create_workspace

PURSUIT = str(Path(sys.executable).parent / "pursuit")
CASE = "raqqa"
TEXTS = {
    "statement-en.txt": (
        "Witness statement, taken in Berlin on 3 May 2019.\n\n"
        "In the summer of 2014 the emir Abu Hafs al-Jazrawi ordered the execution of prisoners "
        "in Raqqa. Abu Omar al-Shishani stood beside him at the checkpoint near the bridge.\n"
    ),
    "notes.txt": "Notes: the register lists Abu Hafs al-Jazrawi as emir in Raqqa.\n",
    "second.txt": "A second witness saw Abu Omar al-Shishani in Tabqa in 2015.\n",
}


@dataclass(frozen=True)
class Record:
    ws: Workspace
    settings: Settings
    items: dict[str, str]  # file name -> item id
    judgement: int
    correction: int
    pseudonym: str


def _acquisition() -> Acquisition:
    return Acquisition(
        acquired_by="investigator-7",
        acquired_at=datetime(2024, 3, 1, 9, 30, tzinfo=UTC),
        method=Method.TESTIMONY,
        notes="handed over in person",
    )


def _files(folder: Path) -> list[Path]:
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return sorted(folder.iterdir())


def build_record(settings: Settings, tmp_path: Path) -> Record:
    settings = settings.model_copy(update={"vault_key_file": tmp_path / "outside" / "vault.key"})
    ws = create_workspace(settings)
    options = IntakeOptions(case=CASE, acquisition=_acquisition())
    results = list(ingest_paths(ws, _files(tmp_path / "files"), options))
    assert [r.status for r in results] == ["new"] * 3, results
    key = ensure_vault_key(ws)
    with ws.write() as conn:
        pseudonym = register_witness(
            conn, key, CASE, None, Identity("Ahmad Khalil", "+963 933 123 456", ""), "inv-1"
        )
        a, b = conn.execute(sa.select(entities.c.id).order_by(entities.c.id).limit(2)).scalars()
        judgement = record_judgement(conn, a, b, Decision.NOT_SAME, "reviewer-2", reason="two men")
        mention = conn.execute(sa.select(mentions.c.id).order_by(mentions.c.id)).scalars().first()
        correction = correct_mention(conn, mention, CorrectionAction.RENAME, "Abu Hafs", "rev-2")
    ids = {Path(r.path).name: str(r.id) for r in results}
    return Record(ws, settings, ids, judgement.id, correction, pseudonym)


def sql(ws: Workspace, statement: str, **params: Any) -> None:
    """One statement behind pursuit's back (no custody event), committed."""
    with ws.engine.begin() as conn:
        conn.execute(sa.text(statement), params)


def pursuit_verify(settings: Settings, *args: str) -> tuple[int, dict[str, Any]]:
    """`pursuit verify --json` in a child process, as an investigator runs it."""
    env = dict(os.environ, PURSUIT_HOME=str(settings.home), PURSUIT_ACTOR="cli-verifier")
    env.pop("PURSUIT_DATABASE_URL", None)
    if settings.database_url:
        env["PURSUIT_DATABASE_URL"] = settings.database_url
    done = subprocess.run(
        [PURSUIT, "verify", "--json", *args], env=env, capture_output=True, text=True, timeout=300
    )
    assert done.stdout, done.stderr
    return done.returncode, json.loads(done.stdout)
